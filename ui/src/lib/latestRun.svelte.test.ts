// The run every report reads through, without a DOM: timers moved by hand,
// answers settled by hand to arrive in any order.
import { describe, expect, it, vi } from "vitest";
import { HandClock, refusal } from "../test/barista";
import { answers, later } from "../test/reports";
import type { ErrorReport } from "./bindings";
import { LatestRun, SLOW_AFTER_MS } from "./latestRun.svelte";

/** A run over hand-moved timers, and what reached its handlers. */
function testRun() {
  const clock = new HandClock();
  const run = new LatestRun<string>(clock);
  const taken: string[] = [];
  const refused: ErrorReport[] = [];
  const handlers = { answered: (value: string) => taken.push(value), refused: (report: ErrorReport) => refused.push(report) };
  return { clock, run, taken, refused, handlers };
}

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("the latest asked wins", () => {
  it("asks at once, and takes the answer", async () => {
    const t = testRun();
    const ask = vi.fn(() => Promise.resolve("Monday"));
    const running = t.run.run(ask, t.handlers);
    expect(ask).toHaveBeenCalledOnce();
    expect(t.run.loading).toBe(true);
    await running;
    expect(t.taken).toEqual(["Monday"]);
    expect(t.run.loading).toBe(false);
    expect(t.run.refusal).toBeNull();
  });

  it("drops an older answer arriving after the latest", async () => {
    const t = testRun();
    const first = later<string>();
    const second = later<string>();
    const one = t.run.run(() => first.promise, t.handlers);
    const two = t.run.run(() => second.promise, t.handlers);
    second.settle("Tuesday");
    await two;
    expect(t.run.loading).toBe(false);
    first.settle("Monday");
    await one;
    expect(t.taken).toEqual(["Tuesday"]);
    expect(t.run.loading).toBe(false);
  });

  it("drops an older answer arriving first, and still waits for the latest", async () => {
    const t = testRun();
    const first = later<string>();
    const second = later<string>();
    const one = t.run.run(() => first.promise, t.handlers);
    const two = t.run.run(() => second.promise, t.handlers);
    first.settle("Monday");
    await one;
    expect(t.taken).toEqual([]);
    expect(t.run.loading).toBe(true);
    second.settle("Tuesday");
    await two;
    expect(t.taken).toEqual(["Tuesday"]);
  });

  it("drops an older refusal", async () => {
    const t = testRun();
    const first = later<string>();
    const one = t.run.run(() => first.promise, t.handlers);
    await t.run.run(() => Promise.resolve("Tuesday"), t.handlers);
    first.fail(refusal("io"));
    await one;
    expect(t.run.refusal).toBeNull();
    expect(t.refused).toEqual([]);
    expect(t.taken).toEqual(["Tuesday"]);
  });
});

describe("slow", () => {
  it("comes on only after SLOW_AFTER_MS, and goes with the answer", async () => {
    const t = testRun();
    const answer = later<string>();
    const running = t.run.run(() => answer.promise, t.handlers);
    t.clock.advance(SLOW_AFTER_MS - 1);
    expect(t.run.slow).toBe(false);
    t.clock.advance(1);
    expect(t.run.slow).toBe(true);
    answer.settle("Monday");
    await running;
    expect(t.run.slow).toBe(false);
    expect(t.run.loading).toBe(false);
    expect(t.clock.waiting).toBe(0);
  });

  it("never comes on for a quick answer", async () => {
    const t = testRun();
    await t.run.run(() => Promise.resolve("Monday"), t.handlers);
    expect(t.clock.waiting).toBe(0);
    t.clock.advance(SLOW_AFTER_MS * 2);
    expect(t.run.slow).toBe(false);
  });

  it("goes with a refusal too", async () => {
    const t = testRun();
    const answer = later<string>();
    const running = t.run.run(() => answer.promise, t.handlers);
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.run.slow).toBe(true);
    answer.fail(refusal("io"));
    await running;
    expect(t.run.slow).toBe(false);
  });

  it("counts from the latest asked, and an older answer does not end its wait", async () => {
    const t = testRun();
    const first = later<string>();
    const second = later<string>();
    const one = t.run.run(() => first.promise, t.handlers);
    t.clock.advance(SLOW_AFTER_MS - 100);
    const two = t.run.run(() => second.promise, t.handlers);
    t.clock.advance(100);
    expect(t.run.slow).toBe(false);
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.run.slow).toBe(true);
    first.settle("Monday");
    await one;
    await answers();
    expect(t.run.slow).toBe(true);
    expect(t.run.loading).toBe(true);
    second.settle("Tuesday");
    await two;
    expect(t.run.slow).toBe(false);
  });
});

describe("a refusal", () => {
  it("is kept, and handed to the run's refused", async () => {
    const t = testRun();
    await t.run.run(() => Promise.reject(refusal("auth.forbidden")), t.handlers);
    expect(t.run.refusal?.code).toBe("auth.forbidden");
    expect(t.refused.map((r) => r.code)).toEqual(["auth.forbidden"]);
    expect(t.taken).toEqual([]);
    expect(t.run.loading).toBe(false);
  });

  it("is cleared as soon as the next run is asked, and stays cleared once it is answered", async () => {
    const t = testRun();
    await t.run.run(() => Promise.reject(refusal("invalid_input")), t.handlers);
    const answer = later<string>();
    const running = t.run.run(() => answer.promise, t.handlers);
    expect(t.run.refusal).toBeNull();
    answer.settle("Monday");
    await running;
    expect(t.run.refusal).toBeNull();
    expect(t.taken).toEqual(["Monday"]);
  });

  it("needs no refused handler", async () => {
    const t = testRun();
    await t.run.run(() => Promise.reject(refusal("io")), { answered: (value) => t.taken.push(value) });
    expect(t.run.refusal?.code).toBe("io");
  });
});

describe("a failure that is not the engine's refusal", () => {
  it("is kept as an io report, retryable, its words the error's", async () => {
    const t = testRun();
    await t.run.run(() => Promise.reject(new Error("the IPC went away")), t.handlers);
    expect(t.run.refusal).toMatchObject({ code: "io", retryable: true, message: "Error: the IPC went away" });
    expect(t.refused.map((r) => r.code)).toEqual(["io"]);
  });

  it("is kept when the ask throws before it answers", async () => {
    const t = testRun();
    await t.run.run(() => {
      throw new Error("no such command");
    }, t.handlers);
    expect(t.run.refusal?.code).toBe("io");
    expect(t.run.loading).toBe(false);
  });

  it("is kept when taking the answer throws", async () => {
    const t = testRun();
    const answered = () => {
      throw new TypeError("not a period");
    };
    await t.run.run(() => Promise.resolve("Monday"), { answered });
    expect(t.run.refusal?.code).toBe("io");
    expect(t.run.loading).toBe(false);
  });
});
