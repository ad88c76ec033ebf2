// The manager's segments: the customers by segment today, their sizes at
// each month's end, what each score stands for, and the at-risk list; the
// rules the segments are counted by, which the manager tunes — a preview
// first (how many customers the new rules move), then kept on the till. A
// `ReportController` (report.svelte.ts) like the other reports; the engine's
// commands and the timers are handed in, so it is tested with vitest without
// a DOM and without Tauri. components/reports/Segment*.svelte lay it out and
// get it from context (`segmentsContext`).
import type { api } from "../lib/api";
import type { ReportOf, SegmentRules, SegmentsView } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { ReportController, type ReportDeps } from "./report.svelte";

/** The engine's commands the segments use (lib/api.ts's `api`, or a test's fakes). */
export type SegmentsApi = Pick<typeof api, "segments" | "setSegmentRules" | "exportSegmentsCsv" | "exportReportPdf">;

export type SegmentsDeps = ReportDeps<SegmentsApi>;

/** One of the rules a manager tunes. */
export type RuleField = keyof SegmentRules;

/** The rules, in the order the form lists them: two numbers of days, then three scores. */
export const RULE_FIELDS: readonly RuleField[] = ["new_days", "lapsed_days", "at_risk_recency", "regular_frequency", "high_value_spend"];

/** The two sets of rules say the same. */
export function sameRules(a: SegmentRules, b: SegmentRules): boolean {
  return RULE_FIELDS.every((f) => a[f] === b[f]);
}

export class SegmentsController extends ReportController<SegmentsView> {
  /** The report shown (the engine's last answer). */
  view = $state<SegmentsView | null>(null);
  /** The rules as the manager is editing them: the shown report's, until changed. */
  draft = $state<SegmentRules | null>(null);
  /** The rules were just kept (the screen says so until the next change). */
  kept = $state(false);

  /** The shown report is a preview: counted by rules the till does not keep. */
  readonly previewing = $derived(this.view !== null && !sameRules(this.view.segments.rules, this.view.segments.saved_rules));
  /** How many customers the previewed rules move. */
  readonly moved = $derived(this.view?.segments.moves.reduce((sum, m) => sum + m.customers, 0) ?? 0);
  /** The form says something other than the shown report's rules. */
  readonly edited = $derived(this.draft !== null && this.view !== null && !sameRules(this.draft, this.view.segments.rules));

  readonly #deps: SegmentsDeps;

  constructor(deps: SegmentsDeps) {
    super(deps);
    this.#deps = deps;
  }

  /** The rules the shown report was counted by, when they are a proposal (a file says the same numbers). */
  #proposal(): SegmentRules | undefined {
    return this.view && this.previewing ? this.view.segments.rules : undefined;
  }

  /** The shown segments, by the rules they were counted by (a proposal's too). */
  protected pdfOf(): ReportOf | null {
    if (!this.view) return null;
    const rules = this.#proposal();
    return { report: "segments", ...(rules ? { rules } : {}) };
  }

  protected saveTable(table: string): Promise<string> | null {
    if (!this.view) return null;
    const rules = this.#proposal();
    return this.#deps.api.exportSegmentsCsv({ ...(rules ? { rules } : {}), table, language: this.#deps.language() });
  }

  /** Counts the segments when the tab is first shown; coming back keeps them. */
  open(): Promise<void> {
    if (this.view !== null || this.loading) return Promise.resolve();
    return this.refresh();
  }

  /** Counts them again by the rules shown (after a sync has brought other tills' customers). */
  refresh(): Promise<void> {
    return this.#count(this.#proposal());
  }

  /** Changes one rule in the form (nothing is counted until a preview). */
  setRule(field: RuleField, value: number): void {
    if (this.draft === null) return;
    this.draft = { ...this.draft, [field]: value };
    this.kept = false;
  }

  /** Counts the segments by the form's rules, beside the kept ones: whom they move. */
  preview(): Promise<void> {
    return this.draft ? this.#count({ ...this.draft }) : Promise.resolve();
  }

  /** Goes back to the rules the till keeps. */
  discard(): Promise<void> {
    return this.#count(undefined, { resetDraft: true });
  }

  /** Keeps the form's rules on the till, then counts by them. A refusal (a rule out of range) keeps the form as typed. */
  keep(): Promise<void> {
    const rules = this.draft;
    if (!rules) return Promise.resolve();
    return this.latest.run(
      async () => {
        await this.#deps.api.setSegmentRules({ ...rules });
        return this.#deps.api.segments({});
      },
      {
        answered: (view) => {
          this.#show(view, true);
          this.kept = true;
        },
      },
    );
  }

  #count(rules: SegmentRules | undefined, { resetDraft = false } = {}): Promise<void> {
    this.kept = false;
    return this.latest.run(() => this.#deps.api.segments(rules ? { rules } : {}), {
      answered: (view) => this.#show(view, resetDraft || this.draft === null || !this.edited),
    });
  }

  #show(view: SegmentsView, resetDraft: boolean): void {
    this.view = view;
    if (resetDraft) this.draft = { ...view.segments.rules };
    this.forgetExport();
  }
}

/** The segments tab's controller, for the components inside it. */
export const segmentsContext = contextKey<SegmentsController>("segments report");
