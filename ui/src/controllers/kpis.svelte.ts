// The manager's KPIs over a period of business days, beside the period of
// the same length before it: which period is shown (a preset — the last 7,
// 30, 90 or 365 days — or any from–to), and the engine's answer for it.
// components/reports/Kpis*.svelte lay it out and get it from context
// (`kpisContext`). The same shape as the daily close (reports.svelte.ts): every
// read through one `LatestRun` (the latest asked wins, progress after a while,
// the refusal kept). The engine's command and the timers are handed in, so it
// is tested with vitest without a DOM and without Tauri.
import type { api } from "../lib/api";
import { AskedApart } from "../lib/askedApart.svelte";
import type { Cohort, GoalProgress, Kpi, Kpis, KpisOver, ReportOf, RewardPopularity } from "../lib/bindings";
import { contextKey } from "../lib/context";
import type { LatestRun } from "../lib/latestRun.svelte";
import { DEFAULT_PRESET, lastDays, periodDays, presetOf, type Preset } from "../lib/periods";
import { ReportController, type ReportDeps } from "./report.svelte";

/** The engine's commands the KPIs use (lib/api.ts's `api`, or a test's fakes). */
export type KpisApi = Pick<typeof api, "kpis" | "kpiBreakage" | "kpiRewards" | "kpiGoals" | "kpiCohorts" | "exportKpisCsv" | "exportReportPdf">;

export type KpisDeps = ReportDeps<KpisApi>;

/** What a period was picked with: one of the presets, or two days typed. */
export type Choice = Preset | "custom";

export class KpisController extends ReportController<Kpis> {
  /** The KPIs shown (the last answer for the period last asked). */
  view = $state<Kpis | null>(null);
  /** The current business day: the last day of the period the engine picks when asked for none. */
  today = $state<string | null>(null);
  /** The picker's choice: the preset last asked, or "custom"; back to the shown period's after a refusal. */
  choice = $state<Choice>(DEFAULT_PRESET);
  /** The custom period's first and last day, `YYYY-MM-DD` (bound to the date fields; the shown period's once answered). */
  from = $state("");
  to = $state("");

  /** The shown period's length in days. */
  readonly days = $derived(this.view ? periodDays(this.view.period) : 0);
  /** The date field the engine found at fault (`from` or `to`), if any. */
  readonly faulty = $derived(this.refusal?.code === "invalid_input" ? this.refusal.field : null);

  /**
   * The shown period's KPI the engine counts on its own (breakage: every
   * customer's points history), asked once the period's cards are in; until
   * it is, the cards carry it as being counted.
   */
  readonly slowKpi: AskedApart<Kpi>;
  /** The shown period's reward popularity, asked on its own likewise (the redemptions' events). */
  readonly rewards: AskedApart<RewardPopularity[]>;
  /** The cards: the period's KPIs, the one counted on its own in its place once in. */
  readonly cards = $derived(
    this.view?.kpis.map((k) => (this.slowKpi.value !== null && k.id === this.slowKpi.value.id ? this.slowKpi.value : k)) ?? [],
  );

  readonly #goals: AskedApart<GoalProgress[]>;
  readonly #cohorts: AskedApart<Cohort[]>;
  readonly #deps: KpisDeps;

  constructor(deps: KpisDeps) {
    super(deps);
    this.#deps = deps;
    this.#goals = new AskedApart(deps.timers);
    this.#cohorts = new AskedApart(deps.timers);
    this.slowKpi = new AskedApart(deps.timers);
    this.rewards = new AskedApart(deps.timers);
  }

  /** The program's goals as of today, once answered: asked on their own, after the KPIs show (on a large shop they take longer). */
  get goals(): GoalProgress[] | null {
    return this.#goals.value;
  }
  /** The goals' read: still counting after a while, or why it was refused. */
  get goalsRun(): LatestRun<GoalProgress[]> {
    return this.#goals.run;
  }
  /** Asks for the goals, once (again after a refusal); they are as of today whatever period is shown. */
  openGoals(): Promise<void> {
    return this.#goals.once(() => this.#deps.api.kpiGoals());
  }

  /** Monthly cohort retention as of today, once answered: asked on its own like the goals (a year of visits). */
  get cohorts(): Cohort[] | null {
    return this.#cohorts.value;
  }
  /** The cohorts' read. */
  get cohortsRun(): LatestRun<Cohort[]> {
    return this.#cohorts.run;
  }
  /** Asks for the cohorts, once (again after a refusal). */
  openCohorts(): Promise<void> {
    return this.#cohorts.once(() => this.#deps.api.kpiCohorts());
  }

  /** Saves the shown period's table `table` (`kpis`, `kpis-by-day`, `kpis-rewards`, the goals', the cohorts'). */
  protected saveTable(table: string): Promise<string> | null {
    const period = this.view?.period;
    return period
      ? this.#deps.api.exportKpisCsv({ from: period.from, to: period.to, table, language: this.#deps.language() })
      : null;
  }

  /** The shown period. */
  protected pdfOf(): ReportOf | null {
    const period = this.view?.period;
    return period ? { report: "kpis", from: period.from, to: period.to } : null;
  }

  /** Opens on the engine's default period (the 30 business days up to today), once. */
  open(): Promise<void> {
    if (this.view !== null || this.loading) return Promise.resolve();
    return this.#run({}, DEFAULT_PRESET);
  }

  /** A preset can be asked: the default always, the others once the current business day is known. */
  canPreset(days: Preset): boolean {
    return days === DEFAULT_PRESET || this.today !== null;
  }

  /** The last `days` business days up to the current one. */
  showPreset(days: Preset): Promise<void> {
    if (days === DEFAULT_PRESET) return this.#run({}, days);
    if (this.today === null) return Promise.resolve();
    return this.#run(lastDays(days, this.today), days);
  }

  /** The period typed in `from` and `to`; nothing is asked while either is empty. */
  showCustom(): Promise<void> {
    const from = this.from.trim();
    const to = this.to.trim();
    if (!from || !to) return Promise.resolve();
    return this.#run({ from, to }, "custom");
  }

  /** The picker's choice for a period answered. */
  #choiceOf(view: Kpis | null): Choice {
    return (view && presetOf(view.period, this.today)) ?? "custom";
  }

  /**
   * Asks the engine for the KPIs of `request` (no days: its default period).
   * Periods asked in a row: only the answer for the last one asked is shown.
   * Meanwhile the shown KPIs stay, and `slow` comes on after a while. After a
   * refusal the days typed stay (to be put right), the choice the shown period's.
   */
  #run(request: KpisOver, choice: Choice): Promise<void> {
    this.choice = choice;
    return this.latest.run(() => this.#deps.api.kpis(request), {
      answered: (view) => {
        // Asked for no last day, the engine answers up to the current business day.
        if (request.to === undefined) this.today = view.period.to;
        this.view = view;
        const period = { from: view.period.from, to: view.period.to };
        void this.slowKpi.ask(() => this.#deps.api.kpiBreakage(period));
        void this.rewards.ask(() => this.#deps.api.kpiRewards(period));
        this.forgetExport();
        this.from = view.period.from;
        this.to = view.period.to;
        this.choice = this.#choiceOf(view);
      },
      refused: () => {
        this.choice = this.view ? this.#choiceOf(this.view) : choice;
      },
    });
  }
}

/** The KPIs tab's controller, for the components inside it. */
export const kpisContext = contextKey<KpisController>("KPIs report");
