// A part of a screen the engine answers apart from the rest, because it takes
// longer: the KPIs' goals and cohorts (as of today, whatever period is shown:
// asked once) and the period's breakage and reward popularity (asked anew for
// each period shown, the latest asked winning). Each says it is still
// counting after a while, or why it was refused.
import { LatestRun } from "./latestRun.svelte";
import type { Timers } from "./timers";

export class AskedApart<T> {
  /** The engine's answer; null until it is in. */
  value = $state<T | null>(null);
  /** The read: still counting after a while, or why it was refused. */
  readonly run: LatestRun<T>;

  constructor(timers: Pick<Timers, "after">) {
    this.run = new LatestRun(timers);
  }

  /** Asks anew: the answer shown until then goes, and only the latest asked is taken. */
  ask(ask: () => Promise<T>): Promise<void> {
    this.value = null;
    return this.run.run(ask, {
      answered: (value) => {
        this.value = value;
      },
    });
  }

  /** Asks unless answered already or being asked (again after a refusal). */
  once(ask: () => Promise<T>): Promise<void> {
    if (this.value !== null || this.run.loading) return Promise.resolve();
    return this.ask(ask);
  }
}
