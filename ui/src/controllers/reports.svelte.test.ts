// The reports' controller, without a DOM and without Tauri: the engine's
// commands are mocks, the timers move by hand, and answers are settled by
// hand to arrive in any order.
import { describe, expect, it } from "vitest";
import type { CloseView } from "../lib/bindings";
import { answers, closeView, later, refusal, testReports } from "../test/reports";
import { SLOW_AFTER_MS } from "./reports.svelte";

/** The controller showing the close of `day`, the current business day being `today`. */
async function showing(day: string, today = day) {
  const t = testReports();
  t.api.dailyClose.mockResolvedValue(closeView(day, today));
  await t.controller.show(day);
  return t;
}

/** The days the engine was asked for, in order (undefined: the current one). */
function asked(t: ReturnType<typeof testReports>): (string | undefined)[] {
  return t.api.dailyClose.mock.calls.map(([request]) => request.day);
}

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("opening", () => {
  it("asks for the engine's current business day, and shows it once answered", async () => {
    const t = testReports();
    const answer = later<CloseView>();
    t.api.dailyClose.mockReturnValue(answer.promise);
    const opening = t.controller.open();
    expect(t.api.dailyClose).toHaveBeenCalledWith({});
    expect(t.controller.loading).toBe(true);
    expect(t.controller.day).toBeNull();
    expect(t.controller.view).toBeNull();
    expect(t.controller.canPrevious).toBe(false);
    answer.settle(closeView("2026-12-05"));
    await opening;
    expect(t.controller.loading).toBe(false);
    expect(t.controller.view?.close.business_day).toBe("2026-12-05");
    expect(t.controller.isToday).toBe(true);
    expect(t.controller.canPrevious).toBe(true);
    expect(t.controller.canNext).toBe(false);
  });

  it("shows the refusal in words' stead when the engine refuses (not a manager)", async () => {
    const t = testReports();
    t.api.dailyClose.mockRejectedValue(refusal("auth.forbidden"));
    await t.controller.open();
    expect(t.controller.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.view).toBeNull();
    expect(t.controller.loading).toBe(false);
    // Nothing to move from.
    await t.controller.previousDay();
    await t.controller.nextDay();
    expect(t.api.dailyClose).toHaveBeenCalledTimes(1);
  });

  it("keeps a failure that is not the engine's answer as an io error", async () => {
    const t = testReports();
    t.api.dailyClose.mockRejectedValue(new Error("the IPC went away"));
    await t.controller.open();
    expect(t.controller.refusal?.code).toBe("io");
  });
});

describe("moving from day to day", () => {
  it("goes back a day at a time, across a month's and a year's end", async () => {
    const t = await showing("2026-03-01", "2026-03-01");
    t.api.dailyClose.mockImplementation(({ day }) => Promise.resolve(closeView(day ?? "?", "2026-03-01")));
    await t.controller.previousDay();
    expect(t.controller.view?.close.business_day).toBe("2026-02-28");
    expect(t.controller.isToday).toBe(false);
    expect(t.controller.canNext).toBe(true);
    await t.controller.show("2026-01-01");
    await t.controller.previousDay();
    expect(t.controller.view?.close.business_day).toBe("2025-12-31");
  });

  it("goes forward, never past the current business day", async () => {
    const t = await showing("2026-12-04", "2026-12-05");
    t.api.dailyClose.mockImplementation(({ day }) => Promise.resolve(closeView(day ?? "2026-12-05", "2026-12-05")));
    expect(t.controller.canNext).toBe(true);
    await t.controller.nextDay();
    expect(t.controller.view?.close.business_day).toBe("2026-12-05");
    expect(t.controller.canNext).toBe(false);
    await t.controller.nextDay();
    expect(asked(t)).toEqual(["2026-12-04", "2026-12-05"]);
  });

  it("shows the current business day for a day picked past it", async () => {
    const t = await showing("2026-12-01", "2026-12-05");
    await t.controller.show("2027-01-10");
    expect(asked(t).at(-1)).toBe("2026-12-05");
    // A date field emptied asks for nothing.
    await t.controller.show("");
    expect(t.api.dailyClose).toHaveBeenCalledTimes(2);
  });

  it("shows the last day asked when two answers come back in the wrong order", async () => {
    const t = await showing("2026-12-05");
    const first = later<CloseView>();
    const second = later<CloseView>();
    t.api.dailyClose.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    // Previous, previous, quickly: the second counts from the first.
    const one = t.controller.previousDay();
    const two = t.controller.previousDay();
    expect(asked(t).slice(1)).toEqual(["2026-12-04", "2026-12-03"]);
    expect(t.controller.day).toBe("2026-12-03");
    second.settle(closeView("2026-12-03", "2026-12-05"));
    await two;
    expect(t.controller.view?.close.business_day).toBe("2026-12-03");
    expect(t.controller.loading).toBe(false);
    first.settle(closeView("2026-12-04", "2026-12-05"));
    await one;
    expect(t.controller.view?.close.business_day).toBe("2026-12-03");
    expect(t.controller.day).toBe("2026-12-03");
  });

  it("forgets a late refusal for a day no longer asked", async () => {
    const t = await showing("2026-12-05");
    const first = later<CloseView>();
    t.api.dailyClose.mockReturnValueOnce(first.promise).mockResolvedValueOnce(closeView("2026-12-03", "2026-12-05"));
    const one = t.controller.previousDay();
    await t.controller.previousDay();
    first.fail(refusal("io"));
    await one;
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.view?.close.business_day).toBe("2026-12-03");
  });

  it("keeps the close shown when a day is refused, and moves on from it", async () => {
    const t = await showing("2026-12-05");
    t.api.dailyClose.mockRejectedValueOnce(refusal("invalid_input"));
    await t.controller.show("2026-02-31");
    expect(t.controller.refusal?.code).toBe("invalid_input");
    expect(t.controller.view?.close.business_day).toBe("2026-12-05");
    expect(t.controller.day).toBe("2026-12-05");
    t.api.dailyClose.mockResolvedValueOnce(closeView("2026-12-04", "2026-12-05"));
    await t.controller.previousDay();
    expect(asked(t).at(-1)).toBe("2026-12-04");
    expect(t.controller.refusal).toBeNull();
  });
});

describe("a slow close", () => {
  it("says it is counting only once it has taken a while", async () => {
    const t = testReports();
    const answer = later<CloseView>();
    t.api.dailyClose.mockReturnValue(answer.promise);
    const opening = t.controller.open();
    t.clock.advance(SLOW_AFTER_MS - 1);
    expect(t.controller.slow).toBe(false);
    t.clock.advance(1);
    expect(t.controller.slow).toBe(true);
    answer.settle(closeView("2026-12-05"));
    await opening;
    expect(t.controller.slow).toBe(false);
    expect(t.clock.waiting).toBe(0);
  });

  it("never says so for a quick answer", async () => {
    const t = testReports();
    t.api.dailyClose.mockResolvedValue(closeView("2026-12-05"));
    await t.controller.open();
    t.clock.advance(SLOW_AFTER_MS * 2);
    expect(t.controller.slow).toBe(false);
  });

  it("counts from the last day asked", async () => {
    const t = await showing("2026-12-05");
    const first = later<CloseView>();
    const second = later<CloseView>();
    t.api.dailyClose.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    void t.controller.previousDay();
    t.clock.advance(SLOW_AFTER_MS - 100);
    const two = t.controller.previousDay();
    t.clock.advance(100);
    expect(t.controller.slow).toBe(false);
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.controller.slow).toBe(true);
    // The first answer, late, does not end the second's wait.
    first.settle(closeView("2026-12-04", "2026-12-05"));
    await answers();
    expect(t.controller.slow).toBe(true);
    expect(t.controller.loading).toBe(true);
    second.settle(closeView("2026-12-03", "2026-12-05"));
    await two;
    expect(t.controller.slow).toBe(false);
  });
});

describe("a table exported", () => {
  it("saves the shown day's table in the reader's language and keeps where it went", async () => {
    const t = await showing("2026-12-04", "2026-12-05");
    t.speak("pl");
    const saved = later<string>();
    t.api.exportCloseCsv.mockReturnValue(saved.promise);
    const exporting = t.controller.exportCsv("close-by-staff");
    expect(t.api.exportCloseCsv).toHaveBeenCalledWith({ day: "2026-12-04", table: "close-by-staff", language: "pl" });
    expect(t.controller.exporting).toBe("close-by-staff");
    // One at a time.
    await t.controller.exportCsv("close-voids");
    expect(t.api.exportCloseCsv).toHaveBeenCalledTimes(1);
    saved.settle("/exports/close-by-staff-2026-12-04.csv");
    await exporting;
    expect(t.controller.exporting).toBeNull();
    expect(t.controller.exported).toEqual({
      kind: "saved",
      table: "close-by-staff",
      path: "/exports/close-by-staff-2026-12-04.csv",
    });
  });

  it("keeps why it was not saved, apart from the close's refusal", async () => {
    const t = await showing("2026-12-05");
    t.api.exportCloseCsv.mockRejectedValue(refusal("io"));
    await t.controller.exportCsv("close-summary");
    expect(t.controller.exported).toMatchObject({ kind: "failed", table: "close-summary", error: { code: "io" } });
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.exporting).toBeNull();
  });

  it("forgets where the last file went once another day is shown", async () => {
    const t = await showing("2026-12-05");
    t.api.exportCloseCsv.mockResolvedValue("/exports/close-summary-2026-12-05.csv");
    await t.controller.exportCsv("close-summary");
    expect(t.controller.exported?.kind).toBe("saved");
    t.api.dailyClose.mockResolvedValue(closeView("2026-12-04", "2026-12-05"));
    await t.controller.previousDay();
    expect(t.controller.exported).toBeNull();
  });

  it("exports nothing before a close is shown", async () => {
    const t = testReports();
    await t.controller.exportCsv("close-summary");
    expect(t.api.exportCloseCsv).not.toHaveBeenCalled();
  });
});

describe("the report saved as a PDF", () => {
  it("asks for the shown day's close in the reader's language, one file at a time beside the tables", async () => {
    const t = await showing("2026-12-04", "2026-12-05");
    t.speak("ru");
    const saved = later<string>();
    t.api.exportReportPdf.mockReturnValue(saved.promise);
    const saving = t.controller.savePdf();
    expect(t.api.exportReportPdf).toHaveBeenCalledWith({ report: { report: "close", day: "2026-12-04" }, language: "ru" });
    expect(t.controller.exporting).toBe("pdf");
    // A table waits for the PDF, as tables wait for each other.
    await t.controller.exportCsv("close-summary");
    expect(t.api.exportCloseCsv).not.toHaveBeenCalled();
    saved.settle("/exports/close-2026-12-04.pdf");
    await saving;
    expect(t.controller.exported).toEqual({ kind: "saved", table: "pdf", path: "/exports/close-2026-12-04.pdf" });
  });

  it("keeps why it was not saved (a full disk) apart from the close's refusal, and saves nothing before a close is shown", async () => {
    const t = await showing("2026-12-05");
    t.api.exportReportPdf.mockRejectedValue(refusal("io"));
    await t.controller.savePdf();
    expect(t.controller.exported).toMatchObject({ kind: "failed", table: "pdf", error: { code: "io" } });
    expect(t.controller.refusal).toBeNull();

    const none = testReports();
    await none.controller.savePdf();
    expect(none.api.exportReportPdf).not.toHaveBeenCalled();
    expect(none.controller.exporting).toBeNull();
  });
});
