// The barista controller on fakes, for its tests and its components' tests:
// the engine's commands as mocks (each refuses until a test says what it
// answers), a clock and timers the test moves by hand, sounds and
// measurements counted.
import { vi } from "vitest";
import type { BaristaApi, BaristaDeps } from "../controllers/barista.svelte";
import { BaristaController } from "../controllers/barista.svelte";
import type { ErrorReport } from "../lib/bindings";
import { ModalRegistry } from "../lib/modal.svelte";
import type { Timers } from "../lib/timers";

/** A refusal as the engine sends it. */
export function refusal(code: ErrorReport["code"] = "refused.no_program"): ErrorReport {
  return { code, message: "English words", what: null, field: null, detail: null, retryable: false };
}

/** Timers that run when the test moves the clock. */
export class HandClock implements Timers {
  at = 1_800_000_000_000;
  #pending: { due: number; every: number | null; run: () => void; cancelled: boolean }[] = [];

  now = (): number => this.at;

  after(ms: number, run: () => void): () => void {
    return this.#add(ms, null, run);
  }

  every(ms: number, run: () => void): () => void {
    return this.#add(ms, ms, run);
  }

  #add(ms: number, every: number | null, run: () => void): () => void {
    const timer = { due: this.at + ms, every, run, cancelled: false };
    this.#pending.push(timer);
    return () => (timer.cancelled = true);
  }

  /** Moves the clock on, running each timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.at + ms;
    for (;;) {
      const next = this.#pending
        .filter((t) => !t.cancelled && t.due <= end)
        .sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.at = next.due;
      if (next.every === null) next.cancelled = true;
      else next.due += next.every;
      next.run();
    }
    this.at = end;
  }

  /** Timers still to run. */
  get waiting(): number {
    return this.#pending.filter((t) => !t.cancelled).length;
  }
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof BaristaApi>() {
  return vi.fn<BaristaApi[K]>(() => Promise.reject(refusal("io")));
}

/** Each command the screen uses, as a mock. */
export function fakeApi() {
  return {
    customer: refuses<"customer">(),
    saleSheet: vi.fn<BaristaApi["saleSheet"]>(() => Promise.resolve({ items: [], offers: [] })),
    recordVisit: refuses<"recordVisit">(),
    redeem: refuses<"redeem">(),
    spendCashback: refuses<"spendCashback">(),
    undoLast: refuses<"undoLast">(),
    wedge: vi.fn<BaristaApi["wedge"]>(() => Promise.resolve(null)),
  } satisfies BaristaApi;
}

export function testBarista(over: Partial<BaristaDeps> = {}) {
  const clock = new HandClock();
  const api = fakeApi();
  // Its own registry of open dialogs: a test opens one the controller did not (`modals.opened()`).
  const modals = new ModalRegistry();
  let keys = 0;
  const deps = {
    api,
    newKey: () => `key-${++keys}`,
    now: clock.now,
    timers: clock,
    currency: () => "USD",
    paused: () => false,
    modals,
    refresh: vi.fn(),
    sound: { read: vi.fn(), refused: vi.fn() },
    measure: vi.fn(),
    ...over,
  } satisfies BaristaDeps;
  return { controller: new BaristaController(deps), api, clock, deps, modals };
}
