// A part of a screen the engine answers once, whatever else the screen asks
// again: the KPIs' goals and cohorts, which are as of today whatever period
// is shown and take longer than the KPIs on a large shop, so they are asked
// on their own once the KPIs show. Asked again only after a refusal.
import { LatestRun } from "./latestRun.svelte";
import type { Timers } from "./timers";

export class AskedOnce<T> {
  /** The engine's answer; null until it is in. */
  value = $state<T | null>(null);
  /** The read: still counting after a while, or why it was refused. */
  readonly run: LatestRun<T>;
  readonly #ask: () => Promise<T>;

  constructor(timers: Pick<Timers, "after">, ask: () => Promise<T>) {
    this.run = new LatestRun(timers);
    this.#ask = ask;
  }

  /** Asks, unless answered already or being asked. */
  open(): Promise<void> {
    if (this.value !== null || this.run.loading) return Promise.resolve();
    return this.run.run(this.#ask, {
      answered: (value) => {
        this.value = value;
      },
    });
  }
}
