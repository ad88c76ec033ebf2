// The till goes back to sign-in by itself: it asks for its overview again just
// after the sign-in's end the engine answered (each action pushes that end
// later, so the look may find it later still), and at once when a command is
// refused because whoever was signed in has been signed out. On vitest's fake
// timers, with the engine's commands as mocks and the refusals told by hand.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorReport, TillOverview } from "./bindings";
import { browserTimers } from "./timers";
import { RECHECK_AFTER_END_MS, Till, type TillDeps } from "./till.svelte";
import { tillOverview } from "../test/overview";
import { refusal } from "../test/barista";
import { later } from "../test/reports";

const START = Date.parse("2026-12-03T07:00:00Z");
const MINUTE = 60_000;

/** Ana's sign-in, ending `minutes` from START (none: nobody signed in). */
function signedIn(minutes: number | null): TillOverview {
  return tillOverview({
    signed_in: minutes === null ? null : { staff: "staff-ana", name: "Ana", role: "barista" },
    signed_in_until: minutes === null ? null : new Date(START + minutes * MINUTE).toISOString(),
  });
}

/** Signed out for leaving the till unused: nobody signed in, and who it was. */
const signedOutIdle = tillOverview({ signed_out_idle: "Ana" });

function testTill() {
  const answers: TillOverview[] = [];
  const tillState = vi.fn<TillDeps["api"]["tillState"]>(() => {
    const next = answers.length > 1 ? answers.shift() : answers[0];
    return next ? Promise.resolve(next) : Promise.reject(refusal("io"));
  });
  const listeners = new Set<(error: ErrorReport, command: string) => void>();
  const deps: TillDeps = {
    api: { tillState, cameras: vi.fn(), syncStatus: vi.fn() },
    timers: browserTimers,
    now: () => Date.now(),
    onRefusal: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    till: new Till(deps),
    tillState,
    /** What the engine answers next (the last one keeps being answered). */
    answer: (...overviews: TillOverview[]) => answers.push(...overviews),
    /** A command refused, as lib/api.ts tells its listeners. */
    refuse: (error: ErrorReport, command: string) => listeners.forEach((l) => l(error, command)),
  };
}

/** Lets the mocked answers reach the till. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => vi.useRealTimers());

describe("at the sign-in's end", () => {
  it("looks again just after it, not before", async () => {
    const t = testTill();
    t.answer(signedIn(30), signedOutIdle);
    await t.till.refresh();
    expect(t.tillState).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(30 * MINUTE + RECHECK_AFTER_END_MS - 1);
    expect(t.tillState).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.tillState).toHaveBeenCalledTimes(2);
    expect(t.till.overview?.signed_in).toBeNull();
    expect(t.till.overview?.signed_out_idle).toBe("Ana");
    // Nobody signed in: nothing more to look at.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("waits again when the look finds the sign-in pushed later by the till's use", async () => {
    const t = testTill();
    t.answer(signedIn(30), signedIn(45), signedOutIdle);
    await t.till.refresh();
    await vi.advanceTimersByTimeAsync(30 * MINUTE + RECHECK_AFTER_END_MS);
    expect(t.tillState).toHaveBeenCalledTimes(2);
    expect(t.till.overview?.signed_in?.name).toBe("Ana");
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(15 * MINUTE - 1);
    expect(t.tillState).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.tillState).toHaveBeenCalledTimes(3);
    expect(t.till.overview?.signed_out_idle).toBe("Ana");
  });

  it("keeps one look only: each refresh moves it", async () => {
    const t = testTill();
    t.answer(signedIn(30), signedIn(10));
    await t.till.refresh();
    await t.till.refresh();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * MINUTE + RECHECK_AFTER_END_MS);
    expect(t.tillState).toHaveBeenCalledTimes(3);
  });

  it("sets none while nobody is signed in, and drops the one set before", async () => {
    const t = testTill();
    t.answer(signedIn(30), signedIn(null));
    await t.till.refresh();
    expect(vi.getTimerCount()).toBe(1);
    await t.till.refresh();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(t.tillState).toHaveBeenCalledTimes(2);
  });

  it("looks a moment later when the end has passed already", async () => {
    const t = testTill();
    t.answer(signedIn(-1), signedOutIdle);
    await t.till.refresh();
    await vi.advanceTimersByTimeAsync(RECHECK_AFTER_END_MS);
    expect(t.tillState).toHaveBeenCalledTimes(2);
  });

  it("shows only the overview asked last when answers cross", async () => {
    const t = testTill();
    const first = later<TillOverview>();
    const second = later<TillOverview>();
    t.tillState.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const asking = [t.till.refresh(), t.till.refresh()];
    second.settle(signedOutIdle);
    first.settle(signedIn(30));
    await Promise.all(asking);
    expect(t.till.overview?.signed_out_idle).toBe("Ana");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("a command refused because whoever was signed in was signed out", () => {
  it("has the till look again at once", async () => {
    const t = testTill();
    t.answer(signedIn(30), signedOutIdle);
    await t.till.refresh();
    t.refuse({ ...refusal("auth.signed_out_idle"), detail: { minutes: 30 } }, "record_visit");
    await settle();
    expect(t.tillState).toHaveBeenCalledTimes(2);
    expect(t.till.overview?.signed_out_idle).toBe("Ana");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("and no other refusal does", async () => {
    const t = testTill();
    t.answer(signedIn(30));
    await t.till.refresh();
    t.refuse(refusal("auth.forbidden"), "daily_close");
    t.refuse(refusal("io"), "record_visit");
    await settle();
    expect(t.tillState).toHaveBeenCalledTimes(1);
  });

  it("unless the overview itself was refused: that would ask again for ever", async () => {
    const t = testTill();
    t.refuse(refusal("auth.signed_out_idle"), "till_state");
    await settle();
    expect(t.tillState).not.toHaveBeenCalled();
  });
});
