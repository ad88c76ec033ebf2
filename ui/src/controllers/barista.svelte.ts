// The barista screen's controller: its state and actions — who is at the
// counter, the sale being keyed, the last outcome, which dialog is open.
// screens/Barista.svelte lays it out; its components get it from context (`baristaContext`). Everything
// it talks to — the engine's commands, the clock, timers, sounds — is handed
// in, so it is tested with vitest without a DOM and without Tauri.
import { isAmount, typeKey } from "../lib/amount";
import { asErrorReport, type api, type ScanForScreen } from "../lib/api";
import type {
  CustomerRef,
  CustomerSummary,
  ErrorReport,
  EventKind,
  Item,
  Outcome,
  RewardLine,
  SaleSheet,
} from "../lib/bindings";
import { UNDO_WINDOW_MS, WEDGE_MIN_CODE_CHARS } from "../lib/bindings";
import { contextKey } from "../lib/context";
import type { Modals } from "../lib/modal.svelte";
import { exponentOf } from "../lib/money";
import { REWARD_KEYS, rewardSlots, type RewardSlot } from "../lib/rewards";
import type { Timers } from "../lib/timers";
import { WedgeKeys } from "../lib/wedge";

/** The customer clears this long after a sale, once the outcome has been seen. */
export const CLEAR_AFTER_MS = 8000;
/** A scan this long after an outcome starts afresh: the old outcome goes. */
const OUTCOME_STAYS_MS = 3000;

/** Which dialog is open over the screen: one value, so two can never be open at once. */
export type BaristaDialog =
  | { kind: "none" }
  | { kind: "confirm-redeem"; reward: RewardLine }
  /** `balance`: the customer's cashback, shown while the amount is keyed. */
  | { kind: "spend"; balance: number }
  | { kind: "enrol" }
  /** `enrolment`: the enrolment whose new card is printed. */
  | { kind: "print"; enrolment: string };

/** The engine's commands the screen uses (lib/api.ts's `api`, or a test's fakes). */
export type BaristaApi = Pick<
  typeof api,
  "customer" | "saleSheet" | "recordVisit" | "redeem" | "spendCashback" | "undoLast" | "wedge"
>;

export interface BaristaDeps {
  api: BaristaApi;
  /** A fresh idempotency key (lib/api.ts `newKey`). */
  newKey: () => string;
  /** Milliseconds since 1970, on the same scale as a scan's `captured_at_ms`. */
  now: () => number;
  /** Timers, so a test can run them when it likes (lib/timers.ts). */
  timers: Timers;
  /** The shop's currency (how many decimals the amount takes). */
  currency: () => string;
  /** True while something covers the screen (settings): scans and keys are not its. */
  paused: () => boolean;
  /** The open modal dialogs, the screen's own or not (lib/modal.svelte.ts `modal`): while
   * any is open (the status bar's refused events), scans and keys are not the screen's. */
  modals: Modals;
  /** After an action: what other screens show of it (the status bar's waiting count). */
  refresh: () => void;
  /** The till's sounds for a card read and a card refused. */
  sound: { read(): void; refused(): void };
  /** Tells the app how long from `since` (ms, as `now`) until the screen painted. */
  measure: (name: string, since: number) => void;
}

/** A key pressed on the screen; `typing`: a field has the focus. */
export interface KeyPress {
  key: string;
  /** The event's time stamp (the wedge reader's burst timing). */
  at: number;
  typing: boolean;
}

/** What the view does with the key: prevent the browser's default, move the focus to the lookup. */
export interface KeyAnswer {
  prevent: boolean;
  focusLookup: boolean;
  /** The action the key started, settled (for tests; the view does not wait). */
  done: Promise<void>;
}

export class BaristaController {
  /** The customer at the counter. */
  customer = $state<CustomerSummary | null>(null);
  /** The sale's amount as keyed (lib/amount.ts rules). */
  amount = $state("");
  /** Taps so far on the sale's items, by item label. */
  counts = $state<Record<string, number>>({});
  /** Today's offers and the items to tap, for this customer or for anyone. */
  sheet = $state<SaleSheet>({ items: [], offers: [] });
  /** What the last action did, and when (`now`'s scale). */
  outcome = $state<Outcome | null>(null);
  outcomeAt = $state(0);
  /** The clock as last read (every second while the screen runs). */
  now = $state(0);
  /** Why the last scan or action was refused. */
  refusal = $state<ErrorReport | null>(null);
  /** The enrolment whose new card can be printed now (none once anything else happens). */
  printable = $state<string | null>(null);
  dialog = $state<BaristaDialog>({ kind: "none" });
  /** An action is with the engine: its buttons wait. */
  busy = $state(false);
  /** Counts of card reads and refusals: the camera view pulses on each. */
  flash = $state(0);
  refused = $state(0);
  /** The lookup box's text (bound to it). */
  lookupText = $state("");

  readonly decimals = $derived(exponentOf(this.#currency()));
  readonly canRecord = $derived(this.customer !== null && isAmount(this.amount));
  /** Within the engine's undo window, and not an undo itself (a void is not undone again;
   * the outcome names its event's kind, and the engine would refuse). */
  readonly canUndo = $derived(
    this.outcome !== null &&
      this.outcome.kind !== ("voided" satisfies EventKind) &&
      this.now - this.outcomeAt < UNDO_WINDOW_MS,
  );
  /** The customer's cashback (0 without one). */
  readonly cashback = $derived(this.customer?.balances.find((b) => b.kind === "cashback")?.amount ?? 0);
  /** The customer's rewards, each in its slot with its key, available or not
   * (lib/rewards.ts): in the program's order, so a reward keeps its slot and key. */
  readonly rewardSlots: RewardSlot[] = $derived(this.customer ? rewardSlots(this.customer) : []);
  /** Scans and keys are the screen's: nothing covers it, no dialog is open (its own, or
   * any other modal: `dialog` is set at once, a dialog registers once it is mounted). */
  readonly listening = $derived(!this.#paused() && this.dialog.kind === "none" && !this.#modalOpen());

  readonly #deps: BaristaDeps;
  #saleKey: string;
  #sheetAsked = 0;
  #cancelClear: (() => void) | undefined;
  #wedge = new WedgeKeys<{ amount: string; lookup: string }>();

  constructor(deps: BaristaDeps) {
    this.#deps = deps;
    this.#saleKey = deps.newKey();
    this.now = deps.now();
  }

  // Methods, not fields: the derived values above are declared before the
  // constructor sets `#deps`, and read it only when first read themselves.
  #currency(): string {
    return this.#deps.currency();
  }

  #paused(): boolean {
    return this.#deps.paused();
  }

  #modalOpen(): boolean {
    return this.#deps.modals.open;
  }

  /** Starts the screen: today's sheet, the clock ticking. Answers the stop. */
  start(): () => void {
    void this.#loadSheet(null);
    const stopClock = this.#deps.timers.every(1000, () => (this.now = this.#deps.now()));
    return () => {
      stopClock();
      this.#cancelClear?.();
    };
  }

  /** Back in front after another screen took its place (sign-in, reports, staff): the sale is
   * as it was, but a refusal said before is old news (an action refused as its barista was
   * signed out, for whoever signs in next). */
  shownAgain(): void {
    this.refusal = null;
  }

  // --- Dialogs -----------------------------------------------------------

  openDialog(dialog: BaristaDialog): void {
    this.dialog = dialog;
  }

  closeDialog(): void {
    this.dialog = { kind: "none" };
  }

  /** Asks before redeeming `reward`. */
  askRedeem(reward: RewardLine): void {
    this.openDialog({ kind: "confirm-redeem", reward });
  }

  /** The cashback dialog, when the customer has some. */
  askSpend(): void {
    if (this.cashback > 0) this.openDialog({ kind: "spend", balance: this.cashback });
  }

  openEnrol(): void {
    this.openDialog({ kind: "enrol" });
  }

  /** The new card's print dialog, when there is one to print. */
  openPrint(): void {
    if (this.printable) this.openDialog({ kind: "print", enrolment: this.printable });
  }

  // --- Who is at the counter ----------------------------------------------

  /** A card read by the camera (or refused). Ignored while the screen is not listening. */
  scanned(scan: ScanForScreen): void {
    if (!this.listening) return;
    const n = scan.notice;
    if (n.kind === "customer") {
      this.#attach(n.scanned.customer);
      this.#deps.measure("scan_to_customer_painted", scan.captured_at_ms);
    } else if (n.kind === "refused") {
      this.refuse(n.error);
    }
  }

  /** A customer picked in the lookup (by id, or by a typed card code). */
  async open(who: CustomerRef): Promise<void> {
    try {
      this.#attach(await this.#deps.api.customer(who));
    } catch (e) {
      this.refuse(asErrorReport(e));
    }
  }

  refuse(error: ErrorReport): void {
    this.refusal = error;
    this.refused += 1;
    this.#deps.sound.refused();
  }

  #attach(summary: CustomerSummary): void {
    this.#cancelClear?.();
    if (this.customer?.id !== summary.id) void this.#loadSheet({ customer: summary.id });
    this.customer = summary;
    this.refusal = null;
    this.flash += 1;
    this.#deps.sound.read();
    if (this.outcome && this.now - this.outcomeAt > OUTCOME_STAYS_MS) this.outcome = null;
  }

  async #loadSheet(who: CustomerRef | null): Promise<void> {
    // Two scans in a row: only the answer for the later customer is shown.
    const asked = ++this.#sheetAsked;
    try {
      const answer = await this.#deps.api.saleSheet(who);
      if (asked === this.#sheetAsked) this.sheet = answer;
    } catch (e) {
      this.refuse(asErrorReport(e));
    }
  }

  #forget(): void {
    if (this.customer) void this.#loadSheet(null);
    this.customer = null;
  }

  /** Escape: nobody at the counter, nothing keyed, no outcome. */
  clear(): void {
    this.#cancelClear?.();
    this.#forget();
    this.printable = null;
    this.amount = "";
    this.counts = {};
    this.refusal = null;
    this.#saleKey = this.#deps.newKey();
    this.outcome = null;
  }

  // --- The sale ---------------------------------------------------------

  /** A keypad key (digit, `.`, Backspace) on the amount. */
  keypad(key: string): void {
    this.amount = typeKey(this.amount, key, this.decimals);
  }

  tapItem(label: string): void {
    this.counts = { ...this.counts, [label]: (this.counts[label] ?? 0) + 1 };
  }

  clearItems(): void {
    this.counts = {};
  }

  /** The tapped items as the visit's items (one line per item, its taps as quantity). */
  #soldItems(): Item[] {
    return this.sheet.items
      .filter((i) => (this.counts[i.label] ?? 0) > 0)
      .map((i) => ({ ...i.item, quantity: this.counts[i.label] ?? 1 }));
  }

  /** Records the visit; `startedAt`: when the barista asked (the time to the outcome is measured). */
  record(startedAt = this.#deps.now()): Promise<void> {
    const customer = this.customer;
    if (!customer || !this.canRecord) return Promise.resolve();
    return this.#run(async (api) => {
      const result = await api.recordVisit({
        customer: { customer: customer.id },
        amount: this.amount,
        items: this.#soldItems(),
        key: this.#saleKey,
      });
      this.amount = "";
      this.counts = {};
      this.#saleKey = this.#deps.newKey();
      return result;
    }, startedAt);
  }

  redeem(reward: RewardLine): Promise<void> {
    this.closeDialog();
    const customer = this.customer;
    if (!customer) return Promise.resolve();
    return this.#run((api) =>
      api.redeem({ customer: { customer: customer.id }, reward: reward.id, key: this.#deps.newKey() }),
    );
  }

  spendCashback(amount: string): Promise<void> {
    this.closeDialog();
    const customer = this.customer;
    if (!customer) return Promise.resolve();
    return this.#run((api) =>
      api.spendCashback({ customer: { customer: customer.id }, amount, key: this.#deps.newKey() }),
    );
  }

  undo(): Promise<void> {
    if (!this.canUndo) return Promise.resolve();
    return this.#run((api) => api.undoLast({ key: this.#deps.newKey() }));
  }

  /** The enrolment dialog's answer; `newCard`: the till issued the card, so it can be printed. */
  enrolled(result: Outcome, newCard: boolean): void {
    this.closeDialog();
    if (result.customer) this.#attach(result.customer);
    this.outcome = result;
    this.outcomeAt = this.#deps.now();
    this.printable = newCard ? result.event_id : null;
  }

  /**
   * Runs one action with the engine: one at a time (busy meanwhile), its
   * outcome shown, or its refusal reported; never a second copy of this
   * try/catch in a handler.
   */
  async #run(action: (api: BaristaApi) => Promise<Outcome>, startedAt?: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.#done(await action(this.#deps.api), startedAt);
    } catch (e) {
      this.refuse(asErrorReport(e));
    } finally {
      this.busy = false;
    }
  }

  #done(result: Outcome, startedAt: number | undefined): void {
    this.outcome = result;
    this.printable = null;
    this.outcomeAt = this.#deps.now();
    this.now = this.outcomeAt;
    if (result.customer) this.customer = result.customer;
    if (startedAt !== undefined) this.#deps.measure("enter_to_outcome_painted", startedAt);
    this.#deps.refresh();
    this.#cancelClear?.();
    this.#cancelClear = this.#deps.timers.after(CLEAR_AFTER_MS, () => this.#forget());
  }

  // --- The keyboard -----------------------------------------------------

  /**
   * A key anywhere on the screen. Every key also goes to the wedge reader;
   * Enter asks it first whether the keys since the last Enter were a
   * scanner's burst, else records.
   */
  key(press: KeyPress, startedAt = this.#deps.now()): KeyAnswer {
    const answer = (prevent: boolean, focusLookup = false, done = Promise.resolve()): KeyAnswer => ({
      prevent,
      focusLookup,
      done,
    });
    if (!this.listening) return answer(false);
    this.#wedge.key(press.key, press.at, () => ({ amount: this.amount, lookup: this.lookupText }));
    if (press.key === "Enter") return answer(!press.typing, false, this.#enter(press.typing, startedAt));
    // A reward's key redeems the reward in that slot, if it is available now;
    // a slot out of reach keeps its key, and the key does nothing.
    if (this.customer && (REWARD_KEYS as readonly string[]).includes(press.key)) {
      const slot = this.rewardSlots.find((s) => s.key === press.key);
      if (slot?.reward) this.askRedeem(slot.reward);
      return answer(true);
    }
    switch (press.key) {
      case "F2":
        return answer(true, true);
      case "F3":
        this.askSpend();
        return answer(true);
      case "F4":
        this.openEnrol();
        return answer(true);
      case "F9":
        return answer(true, false, this.undo());
      case "F10":
        this.openPrint();
        return answer(true);
    }
    if (press.typing) return answer(false);
    if (press.key === "Escape") {
      this.clear();
      return answer(false);
    }
    if (press.key === "/") return answer(true, true);
    if (/^[0-9.]$/.test(press.key) || press.key === "Backspace" || press.key === ",") {
      this.keypad(press.key === "," ? "." : press.key);
      return answer(true);
    }
    return answer(false);
  }

  async #enter(typing: boolean, startedAt: number): Promise<void> {
    const { keys, before } = this.#wedge.take();
    const restore = (): void => {
      if (!before) return;
      this.amount = before.amount;
      this.lookupText = before.lookup;
    };
    // A burst too short for any card (an amount and Enter) records at once,
    // without asking the engine; the engine decides the rest.
    if (keys.length > WEDGE_MIN_CODE_CHARS) {
      try {
        const scanned = await this.#deps.api.wedge(keys);
        if (scanned) {
          restore();
          this.#attach(scanned.customer);
          return;
        }
      } catch (e) {
        restore();
        this.refuse(asErrorReport(e));
        return;
      }
    }
    if (!typing) await this.record(startedAt);
  }
}

/** The barista screen's controller, for the components inside it. */
export const baristaContext = contextKey<BaristaController>("barista screen");
