// The segments' controller, without a DOM and without Tauri: the engine's
// commands are mocks, the timers move by hand, and answers are settled by
// hand to arrive in any order.
import { describe, expect, it } from "vitest";
import type { SegmentsView } from "../lib/bindings";
import { defaultRules, later, refusal, segmentsOf, segmentsView, testSegments } from "../test/segments";
import { SLOW_AFTER_MS } from "./reports.svelte";
import { sameRules } from "./segments.svelte";

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("opening", () => {
  it("counts by the till's rules once when first shown, and keeps the report when shown again", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValue(segmentsView());
    await t.controller.open();
    expect(t.api.segments).toHaveBeenCalledWith({});
    expect(t.controller.view?.segments.customers).toBe(8);
    expect(t.controller.draft).toEqual(defaultRules());
    expect(t.controller.previewing).toBe(false);
    await t.controller.open();
    expect(t.api.segments).toHaveBeenCalledTimes(1);
  });

  it("keeps the refusal (not a manager), shows nothing, and may be opened again", async () => {
    const t = testSegments();
    t.api.segments.mockRejectedValueOnce(refusal("auth.forbidden"));
    await t.controller.open();
    expect(t.controller.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.view).toBeNull();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.view).not.toBeNull();
  });

  it("says it is counting only after a while, keeping the report shown meanwhile", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    const slow = later<SegmentsView>();
    t.api.segments.mockReturnValueOnce(slow.promise);
    const again = t.controller.refresh();
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.controller.slow).toBe(true);
    expect(t.controller.view?.segments.customers).toBe(8);
    slow.settle(segmentsView(segmentsOf(defaultRules(), defaultRules(), { customers: 9 })));
    await again;
    expect(t.controller.slow).toBe(false);
    expect(t.controller.view?.segments.customers).toBe(9);
  });
});

describe("tuning the rules", () => {
  const proposed = { ...defaultRules(), new_days: 10, lapsed_days: 120 };
  const moves = [
    { from: "new", to: "occasional", customers: 1 },
    { from: "at_risk", to: "lapsed", customers: 2 },
  ] as const;
  const previewed = () => segmentsView(segmentsOf(proposed, defaultRules(), { moves: [...moves] }));

  it("changes nothing until a preview, which counts by the form's rules and says whom they move", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    t.controller.setRule("new_days", 10);
    t.controller.setRule("lapsed_days", 120);
    expect(t.controller.edited).toBe(true);
    expect(t.api.segments).toHaveBeenCalledTimes(1);
    t.api.segments.mockResolvedValueOnce(previewed());
    await t.controller.preview();
    expect(t.api.segments).toHaveBeenLastCalledWith({ rules: proposed });
    expect(t.controller.previewing).toBe(true);
    expect(t.controller.moved).toBe(3);
    expect(t.controller.edited).toBe(false);
    // Counting again keeps the preview's rules; so does a file.
    t.api.segments.mockResolvedValueOnce(previewed());
    await t.controller.refresh();
    expect(t.api.segments).toHaveBeenLastCalledWith({ rules: proposed });
    t.api.exportSegmentsCsv.mockResolvedValueOnce("/exports/at-risk-2026-12-05.csv");
    await t.controller.exportCsv("at-risk");
    expect(t.api.exportSegmentsCsv).toHaveBeenCalledWith({ rules: proposed, table: "at-risk", language: "en" });
    // The PDF, too, is of the rules shown.
    t.api.exportReportPdf.mockResolvedValueOnce("/exports/segments-2026-12-05.pdf");
    await t.controller.savePdf();
    expect(t.api.exportReportPdf).toHaveBeenCalledWith({ report: { report: "segments", rules: proposed }, language: "en" });
  });

  it("keeps a refused preview's rules in the form, with the refusal, and the report as it was", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    t.controller.setRule("lapsed_days", 5);
    t.api.segments.mockRejectedValueOnce({ ...refusal("invalid_input"), field: "lapsed_days" });
    await t.controller.preview();
    expect(t.controller.refusal?.field).toBe("lapsed_days");
    expect(t.controller.draft?.lapsed_days).toBe(5);
    expect(t.controller.previewing).toBe(false);
    expect(t.controller.view?.segments.rules).toEqual(defaultRules());
  });

  it("keeps the rules on the till, then counts by them: no longer a preview", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    t.controller.setRule("new_days", 10);
    t.controller.setRule("lapsed_days", 120);
    t.api.segments.mockResolvedValueOnce(previewed());
    await t.controller.preview();
    t.api.setSegmentRules.mockResolvedValueOnce(proposed);
    t.api.segments.mockResolvedValueOnce(segmentsView(segmentsOf(proposed, proposed)));
    await t.controller.keep();
    expect(t.api.setSegmentRules).toHaveBeenCalledWith(proposed);
    expect(t.api.segments).toHaveBeenLastCalledWith({});
    expect(t.controller.kept).toBe(true);
    expect(t.controller.previewing).toBe(false);
    expect(t.controller.draft).toEqual(proposed);
    t.controller.setRule("high_value_spend", 4);
    expect(t.controller.kept).toBe(false);
  });

  it("goes back to the kept rules, the form with them", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    t.controller.setRule("new_days", 10);
    t.controller.setRule("lapsed_days", 120);
    t.api.segments.mockResolvedValueOnce(previewed());
    await t.controller.preview();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.discard();
    expect(t.api.segments).toHaveBeenLastCalledWith({});
    expect(t.controller.previewing).toBe(false);
    expect(t.controller.draft).toEqual(defaultRules());
  });

  it("compares rules field by field", () => {
    expect(sameRules(defaultRules(), { ...defaultRules() })).toBe(true);
    expect(sameRules(defaultRules(), { ...defaultRules(), at_risk_recency: 3 })).toBe(false);
  });
});

describe("exporting a table", () => {
  it("saves the kept rules' table in the reader's language and says where", async () => {
    const t = testSegments();
    t.api.segments.mockResolvedValueOnce(segmentsView());
    await t.controller.open();
    t.speak("ru");
    t.api.exportSegmentsCsv.mockResolvedValueOnce("/exports/segments-2026-12-05.csv");
    await t.controller.exportCsv("segments");
    expect(t.api.exportSegmentsCsv).toHaveBeenCalledWith({ table: "segments", language: "ru" });
    expect(t.controller.exported).toEqual({ kind: "saved", table: "segments", path: "/exports/segments-2026-12-05.csv" });
  });
});
