// The liability report's controller, without a DOM and without Tauri: the
// engine's commands are mocks, the timers move by hand, and answers are
// settled by hand to arrive in any order.
import { describe, expect, it } from "vitest";
import type { LiabilityView } from "../lib/bindings";
import { later, liabilityLines, liabilityOf, liabilityView, refusal, testLiability } from "../test/liability";
import { missingOf } from "./liability.svelte";
import { SLOW_AFTER_MS } from "./reports.svelte";

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("opening", () => {
  it("counts once when first shown, and keeps the report when shown again", async () => {
    const t = testLiability();
    t.api.liability.mockResolvedValue(liabilityView());
    await t.controller.open();
    expect(t.controller.view?.liability.as_of).toBe("2026-12-05");
    await t.controller.open();
    expect(t.api.liability).toHaveBeenCalledTimes(1);
  });

  it("keeps the refusal (not a manager), shows nothing, and may be opened again", async () => {
    const t = testLiability();
    t.api.liability.mockRejectedValueOnce(refusal("auth.forbidden"));
    await t.controller.open();
    expect(t.controller.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.view).toBeNull();
    t.api.liability.mockResolvedValueOnce(liabilityView());
    await t.controller.open();
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.view).not.toBeNull();
  });

  it("says it is counting only after a while, keeping the report shown meanwhile", async () => {
    const t = testLiability();
    t.api.liability.mockResolvedValueOnce(liabilityView());
    await t.controller.open();
    const slow = later<LiabilityView>();
    t.api.liability.mockReturnValueOnce(slow.promise);
    const again = t.controller.refresh();
    expect(t.controller.loading).toBe(true);
    expect(t.controller.slow).toBe(false);
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.controller.slow).toBe(true);
    expect(t.controller.view?.liability.face_value.amount).toBe("562.50");
    slow.settle(liabilityView(liabilityOf(liabilityLines(), { face_value: { amount: "600.00", complete: false } })));
    await again;
    expect(t.controller.slow).toBe(false);
    expect(t.controller.view?.liability.face_value.amount).toBe("600.00");
  });
});

describe("what the program lacks", () => {
  it("names each reward without a cost or a price once, over every line", () => {
    const lines = liabilityLines();
    const twice = { ...lines[1]!, account: "voucher:cake", kind: "voucher" as const, name: { text: "Free cake" } };
    expect(missingOf(liabilityView(liabilityOf([...lines, twice])))).toEqual({ cost: [{ text: "Free cake" }], price: [{ text: "Free cake" }] });
    expect(missingOf(liabilityView(liabilityOf([lines[0]!])))).toEqual({ cost: [], price: [] });
    expect(missingOf(null)).toEqual({ cost: [], price: [] });
  });

  it("tells when nothing at all is outstanding", async () => {
    const t = testLiability();
    const none = liabilityLines().map((l) => ({ ...l, outstanding: 0, ages: [0, 0, 0, 0, 0] }));
    t.api.liability.mockResolvedValueOnce(liabilityView(liabilityOf(none)));
    await t.controller.open();
    expect(t.controller.nothing).toBe(true);
  });
});

describe("exporting a table", () => {
  it("saves it headed in the reader's language and says where; one at a time", async () => {
    const t = testLiability();
    t.api.liability.mockResolvedValue(liabilityView());
    await t.controller.open();
    t.speak("pl");
    const saving = later<string>();
    t.api.exportLiabilityCsv.mockReturnValueOnce(saving.promise);
    const first = t.controller.exportCsv("liability");
    expect(t.controller.exporting).toBe("liability");
    await t.controller.exportCsv("liability-ages");
    expect(t.api.exportLiabilityCsv).toHaveBeenCalledTimes(1);
    expect(t.api.exportLiabilityCsv).toHaveBeenCalledWith({ table: "liability", language: "pl" });
    saving.settle("/exports/liability-2026-12-05.csv");
    await first;
    expect(t.controller.exporting).toBeNull();
    expect(t.controller.exported).toEqual({ kind: "saved", table: "liability", path: "/exports/liability-2026-12-05.csv" });
  });

  it("keeps why a file was not saved, and forgets it when the report is counted again", async () => {
    const t = testLiability();
    t.api.liability.mockResolvedValue(liabilityView());
    await t.controller.open();
    t.api.exportLiabilityCsv.mockRejectedValueOnce(refusal("io"));
    await t.controller.exportCsv("liability");
    expect(t.controller.exported?.kind).toBe("failed");
    await t.controller.refresh();
    expect(t.controller.exported).toBeNull();
  });

  it("saves nothing before a report is shown", async () => {
    const t = testLiability();
    await t.controller.exportCsv("liability");
    expect(t.api.exportLiabilityCsv).not.toHaveBeenCalled();
    expect(t.controller.exporting).toBeNull();
  });
});

describe("the report saved as a PDF", () => {
  it("asks for the liability as of today in the reader's language", async () => {
    const t = testLiability();
    await t.controller.savePdf();
    expect(t.api.exportReportPdf).not.toHaveBeenCalled();
    t.api.liability.mockResolvedValue(liabilityView());
    await t.controller.open();
    t.speak("fr");
    t.api.exportReportPdf.mockResolvedValueOnce("/exports/liability-2026-12-05.pdf");
    await t.controller.savePdf();
    expect(t.api.exportReportPdf).toHaveBeenCalledWith({ report: { report: "liability" }, language: "fr" });
    expect(t.controller.exported).toEqual({ kind: "saved", table: "pdf", path: "/exports/liability-2026-12-05.pdf" });
  });
});
