// How a report asks the engine for what it shows: the run every report
// controller reads through (controllers/reports.svelte.ts, kpis.svelte.ts, and
// the reports to come). A manager clicks through days or periods faster than
// the engine counts them, and the answers may come back in any order: only the
// one asked last is taken. A quick answer never flashes a spinner: `slow` turns
// on only after SLOW_AFTER_MS. A refusal is kept for the view to show.
import { asErrorReport } from "./api";
import type { ErrorReport } from "./bindings";
import type { Timers } from "./timers";

/** A report still counting after this long shows that it is. */
export const SLOW_AFTER_MS = 500;

/** What a run does with the engine's answer, if it is still the latest asked. */
export interface RunHandlers<T> {
  /** The engine answered `value`. */
  answered(value: T): void;
  /** The engine refused (already kept in `refusal`): put back what the run changed. */
  refused?(report: ErrorReport): void;
}

/**
 * One report's reads of type `T`: each `run` asks anew, and only the answer to
 * the latest one reaches its handlers; an older one arriving late, answer or
 * refusal, is dropped. The controller shows `loading`, `slow` and `refusal`.
 */
export class LatestRun<T> {
  /** An answer is awaited. */
  loading = $state(false);
  /** …and has been for SLOW_AFTER_MS: the screen says so. */
  slow = $state(false);
  /** Why the latest run was refused; cleared when the next one is asked. */
  refusal = $state<ErrorReport | null>(null);

  readonly #timers: Pick<Timers, "after">;
  #asked = 0;
  #cancelSlow: (() => void) | undefined;

  constructor(timers: Pick<Timers, "after">) {
    this.#timers = timers;
  }

  /**
   * Asks (`ask` is called at once) and hands the answer to `handlers`, unless
   * another run was asked meanwhile. A failure that is not the engine's
   * refusal (the IPC gone, a throw in `answered`) is kept as an `io` report.
   * Settles once the answer is in, taken or dropped.
   */
  async run(ask: () => Promise<T>, handlers: RunHandlers<T>): Promise<void> {
    const asked = ++this.#asked;
    const latest = (): boolean => asked === this.#asked;
    this.loading = true;
    this.refusal = null;
    this.#cancelSlow?.();
    this.#cancelSlow = this.#timers.after(SLOW_AFTER_MS, () => {
      if (latest()) this.slow = true;
    });
    try {
      const value = await ask();
      if (!latest()) return;
      handlers.answered(value);
    } catch (e) {
      if (!latest()) return;
      const report = asErrorReport(e);
      this.refusal = report;
      handlers.refused?.(report);
    } finally {
      if (latest()) {
        this.#cancelSlow?.();
        this.loading = false;
        this.slow = false;
      }
    }
  }
}
