// The manager's KPIs over a period of business days, beside the period of
// the same length before it: which period is shown (a preset — the last 7,
// 30, 90 or 365 days — or any from–to), and the engine's answer for it.
// components/reports/Kpis*.svelte lay it out and get it from context
// (`kpisContext`). The same shape as the daily close (reports.svelte.ts): one
// `#run` for every read, the latest asked wins, progress after a while, the
// refusal kept. The engine's command and the timers are handed in, so it is
// tested with vitest without a DOM and without Tauri.
import { asErrorReport, type api } from "../lib/api";
import type { ErrorReport, Kpis, KpisOver } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { DEFAULT_PRESET, lastDays, periodDays, presetOf, type Preset } from "../lib/periods";
import type { Timers } from "../lib/timers";
import { SLOW_AFTER_MS } from "./reports.svelte";

/** The engine's command the KPIs use (lib/api.ts's `api`, or a test's fake). */
export type KpisApi = Pick<typeof api, "kpis">;

export interface KpisDeps {
  api: KpisApi;
  timers: Pick<Timers, "after">;
}

/** What a period was picked with: one of the presets, or two days typed. */
export type Choice = Preset | "custom";

export class KpisController {
  /** The KPIs shown (the last answer for the period last asked). */
  view = $state<Kpis | null>(null);
  /** The current business day: the last day of the period the engine picks when asked for none. */
  today = $state<string | null>(null);
  /** The picker's choice: the preset last asked, or "custom"; back to the shown period's after a refusal. */
  choice = $state<Choice>(DEFAULT_PRESET);
  /** The custom period's first and last day, `YYYY-MM-DD` (bound to the date fields; the shown period's once answered). */
  from = $state("");
  to = $state("");
  /** A period is being counted. */
  loading = $state(false);
  /** …and has been for a while: the screen says so. */
  slow = $state(false);
  /** Why the last period asked for was refused. */
  refusal = $state<ErrorReport | null>(null);

  /** The shown period's length in days. */
  readonly days = $derived(this.view ? periodDays(this.view.period) : 0);
  /** The date field the engine found at fault (`from` or `to`), if any. */
  readonly faulty = $derived(this.refusal?.code === "invalid_input" ? this.refusal.field : null);

  readonly #deps: KpisDeps;
  #asked = 0;
  #cancelSlow: (() => void) | undefined;

  constructor(deps: KpisDeps) {
    this.#deps = deps;
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
   * Periods asked in a row: only the answer for the last one asked is shown,
   * whatever order the answers come in. Meanwhile the shown KPIs stay; after
   * SLOW_AFTER_MS `slow` says they are being counted. A refusal is kept in
   * `refusal`, with the days typed (to be put right) and the shown period's choice.
   */
  async #run(request: KpisOver, choice: Choice): Promise<void> {
    const asked = ++this.#asked;
    const latest = (): boolean => asked === this.#asked;
    this.choice = choice;
    this.loading = true;
    this.refusal = null;
    this.#cancelSlow?.();
    this.#cancelSlow = this.#deps.timers.after(SLOW_AFTER_MS, () => {
      if (latest()) this.slow = true;
    });
    try {
      const view = await this.#deps.api.kpis(request);
      if (!latest()) return;
      // Asked for no last day, the engine answers up to the current business day.
      if (request.to === undefined) this.today = view.period.to;
      this.view = view;
      this.from = view.period.from;
      this.to = view.period.to;
      this.choice = this.#choiceOf(view);
    } catch (e) {
      if (!latest()) return;
      this.refusal = asErrorReport(e);
      this.choice = this.view ? this.#choiceOf(this.view) : choice;
    } finally {
      if (latest()) {
        this.#cancelSlow?.();
        this.loading = false;
        this.slow = false;
      }
    }
  }
}

/** The KPIs tab's controller, for the components inside it. */
export const kpisContext = contextKey<KpisController>("KPIs report");
