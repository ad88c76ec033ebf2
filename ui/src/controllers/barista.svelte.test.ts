// The barista screen's controller, without a DOM and without Tauri: the
// engine's commands are mocks, the clock and timers move by hand.
import { describe, expect, it } from "vitest";
import type { CustomerSummary, Outcome, RewardLine, RewardOutOfReach, SaleSheet, ScannedCustomer } from "../lib/bindings";
import type { ScanForScreen } from "../lib/api";
import { refusal, testBarista } from "../test/barista";
import { UNDO_WINDOW_MS } from "../lib/bindings";
import { CLEAR_AFTER_MS, type BaristaController } from "./barista.svelte";

const coffee: RewardLine = { id: "coffee", place: 0, name: { text: "Free coffee" }, how: "60 points", how_message: null };

function customer(id: string, over: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    tier: null,
    balances: [],
    points_expired: 0,
    rewards_available: [coffee],
    rewards_out_of_reach: [],
    birthday_near: null,
    conflicts: [],
    id,
    name: `Customer ${id}`,
    phone: null,
    email: null,
    birthday: null,
    marketing_consent: false,
    tags: [],
    status: "active",
    merged_into: null,
    visits: 3,
    spend: 0,
    last_visit: null,
    cards: [],
    card_codes: [],
    ...over,
  };
}

function scan(who: CustomerSummary, capturedAt = 1000): ScanForScreen {
  const scanned: ScannedCustomer = { card: "0".repeat(32), customer: who };
  return { notice: { kind: "customer", latency_ms: 12, scanned }, captured_at_ms: capturedAt };
}

function outcome(kind: string, who: CustomerSummary | null = null): Outcome {
  return { event_id: `evt-${kind}`, kind, duplicate: false, deltas: [], lines: [], messages: [], counter: [], customer: who };
}

function sheetFor(label: string): SaleSheet {
  return { items: [{ label, item: { product: label, quantity: 1 } }], offers: [] };
}

/** A promise the test settles when it likes. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

/** Lets the mocks' answers (already settled promises) reach the controller. */
const answers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

it("runs without a DOM, its derived values following its state", () => {
  expect(typeof document).toBe("undefined");
  const { controller } = testBarista();
  controller.scanned(scan(customer("ada")));
  expect(controller.canRecord).toBe(false);
  controller.keypad("3");
  expect(controller.canRecord).toBe(true);
});

describe("a card scanned", () => {
  it("shows its customer, with a read's flash and chirp", () => {
    const { controller, deps } = testBarista();
    const ada = customer("ada");
    controller.scanned(scan(ada, 4242));
    expect(controller.customer?.id).toBe("ada");
    expect(controller.flash).toBe(1);
    expect(deps.sound.read).toHaveBeenCalledTimes(1);
    expect(deps.measure).toHaveBeenCalledWith("scan_to_customer_painted", 4242);
  });

  it("shows a refusal, and the next read clears it", () => {
    const { controller, deps } = testBarista();
    const error = refusal("card.forged");
    controller.scanned({ notice: { kind: "refused", latency_ms: 5, code: "XYZ", card: null, error }, captured_at_ms: 1 });
    expect(controller.refusal).toEqual(error);
    expect(controller.refused).toBe(1);
    expect(deps.sound.refused).toHaveBeenCalledTimes(1);
    controller.scanned(scan(customer("ada")));
    expect(controller.refusal).toBeNull();
  });

  it("shows the sale sheet of the customer scanned last, whatever order the answers come in", async () => {
    const { controller, api } = testBarista();
    const forAda = later<SaleSheet>();
    const forJan = later<SaleSheet>();
    api.saleSheet.mockImplementation((who) =>
      who && "customer" in who && who.customer === "ada" ? forAda.promise : forJan.promise,
    );
    controller.scanned(scan(customer("ada")));
    controller.scanned(scan(customer("jan")));
    forJan.settle(sheetFor("jan's latte"));
    await answers();
    forAda.settle(sheetFor("ada's espresso"));
    await answers();
    expect(controller.customer?.id).toBe("jan");
    expect(controller.sheet.items.map((i) => i.label)).toEqual(["jan's latte"]);
  });

  it("is not the screen's while a dialog is open or settings cover it", () => {
    let paused = false;
    const { controller } = testBarista({ paused: () => paused });
    controller.openEnrol();
    controller.scanned(scan(customer("ada")));
    expect(controller.customer).toBeNull();
    controller.closeDialog();
    paused = true;
    controller.scanned(scan(customer("ada")));
    expect(controller.customer).toBeNull();
  });
});

describe("a visit recorded", () => {
  it("is busy while the engine records, then shows the outcome with the amount cleared", async () => {
    const { controller, api, deps } = testBarista();
    const ada = customer("ada");
    controller.scanned(scan(ada));
    for (const k of ["7", "5", ".", "0", "0"]) controller.keypad(k);
    expect(controller.amount).toBe("75.00");
    expect(controller.canRecord).toBe(true);
    const answer = later<Outcome>();
    api.recordVisit.mockReturnValue(answer.promise);

    const recording = controller.record(500);
    expect(controller.busy).toBe(true);
    expect(api.recordVisit).toHaveBeenCalledWith({ customer: { customer: "ada" }, amount: "75.00", items: [], key: "key-1" });
    // A second Enter while the first is with the engine records nothing more.
    await controller.record(600);
    expect(api.recordVisit).toHaveBeenCalledTimes(1);

    answer.settle(outcome("visit", customer("ada", { visits: 4 })));
    await recording;
    expect(controller.busy).toBe(false);
    expect(controller.outcome?.kind).toBe("visit");
    expect(controller.customer?.visits).toBe(4);
    expect(controller.amount).toBe("");
    expect(controller.canRecord).toBe(false);
    expect(deps.refresh).toHaveBeenCalledTimes(1);
    expect(deps.measure).toHaveBeenCalledWith("enter_to_outcome_painted", 500);
  });

  it("sends the tapped items as the visit's items, and a new key for the next sale", async () => {
    const { controller, api } = testBarista();
    api.saleSheet.mockResolvedValue(sheetFor("latte"));
    controller.scanned(scan(customer("ada")));
    await answers();
    controller.tapItem("latte");
    controller.tapItem("latte");
    controller.keypad("9");
    api.recordVisit.mockResolvedValue(outcome("visit"));
    await controller.record();
    controller.keypad("4");
    await controller.record();
    const [first, second] = api.recordVisit.mock.calls.map(([request]) => request);
    expect(first?.items).toEqual([{ product: "latte", quantity: 2 }]);
    expect(second?.items).toEqual([]);
    expect(first?.key).not.toBe(second?.key);
  });

  it("clears the customer a while after the outcome", async () => {
    const { controller, api, clock } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.keypad("5");
    api.recordVisit.mockResolvedValue(outcome("visit"));
    await controller.record();
    clock.advance(CLEAR_AFTER_MS - 1);
    expect(controller.customer?.id).toBe("ada");
    clock.advance(1);
    expect(controller.customer).toBeNull();
  });
});

describe("an action the engine refuses", () => {
  it("lands in the error report, and the screen is no longer busy", async () => {
    const { controller, api, deps } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.keypad("5");
    const error = refusal("refused.no_program");
    api.recordVisit.mockRejectedValue(error);
    await controller.record();
    expect(controller.refusal).toEqual(error);
    expect(controller.busy).toBe(false);
    expect(controller.outcome).toBeNull();
    // What was keyed stays, to try again.
    expect(controller.amount).toBe("5");
    expect(deps.refresh).not.toHaveBeenCalled();
  });

  it("refused as its barista was signed out, keeps the sale for the next, who is not told of it again", async () => {
    const { controller, api } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.keypad("4");
    api.recordVisit.mockRejectedValue(refusal("auth.signed_out_idle"));
    await controller.record();
    expect(controller.refusal?.code).toBe("auth.signed_out_idle");
    // Someone signs in, and the screen is in front again.
    controller.shownAgain();
    expect(controller.refusal).toBeNull();
    expect(controller.customer?.id).toBe("ada");
    expect(controller.amount).toBe("4");
    expect(controller.canRecord).toBe(true);
  });

  it("a redemption refused closes its question and reports why", async () => {
    const { controller, api } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.askRedeem(coffee);
    api.redeem.mockRejectedValue(refusal("refused.not_enough"));
    await controller.redeem(coffee);
    expect(controller.dialog).toEqual({ kind: "none" });
    expect(controller.refusal?.code).toBe("refused.not_enough");
    expect(controller.busy).toBe(false);
  });
});

describe("the dialogs", () => {
  it("are one value: opening one closes the other", () => {
    const { controller } = testBarista();
    controller.scanned(scan(customer("ada", { balances: [{ account: "cashback", kind: "cashback", amount: 320, progress: null, text: "", message: { id: "x" } }] })));
    controller.askRedeem(coffee);
    expect(controller.dialog).toEqual({ kind: "confirm-redeem", reward: coffee });
    controller.askSpend();
    expect(controller.dialog).toEqual({ kind: "spend", balance: 320 });
    controller.openEnrol();
    expect(controller.dialog).toEqual({ kind: "enrol" });
    controller.closeDialog();
    expect(controller.dialog).toEqual({ kind: "none" });
  });

  it("open from the keys, and no key reaches the sale while one is open", () => {
    const { controller } = testBarista();
    controller.scanned(scan(customer("ada")));
    expect(controller.key({ key: "F5", at: 0, typing: false }).prevent).toBe(true);
    expect(controller.dialog).toEqual({ kind: "confirm-redeem", reward: coffee });
    const digit = controller.key({ key: "7", at: 500, typing: false });
    expect(digit.prevent).toBe(false);
    expect(controller.amount).toBe("");
    controller.closeDialog();
    controller.key({ key: "7", at: 1000, typing: false });
    expect(controller.amount).toBe("7");
  });

  it("hold the keys and scans when the dialog open is not the screen's own (the status bar's refused events)", async () => {
    const { controller, api, modals } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.keypad("4");
    api.recordVisit.mockResolvedValue(outcome("visit"));
    const close = modals.opened();
    expect(controller.listening).toBe(false);
    const enter = controller.key({ key: "Enter", at: 0, typing: false });
    expect(enter.prevent).toBe(false);
    await enter.done;
    expect(api.recordVisit).not.toHaveBeenCalled();
    expect(api.wedge).not.toHaveBeenCalled();
    expect(controller.key({ key: "5", at: 500, typing: false }).prevent).toBe(false);
    expect(controller.amount).toBe("4");
    expect(controller.key({ key: "F5", at: 1000, typing: false }).prevent).toBe(false);
    expect(controller.dialog).toEqual({ kind: "none" });
    controller.key({ key: "Escape", at: 1500, typing: false });
    expect(controller.customer?.id).toBe("ada");
    controller.scanned(scan(customer("jan")));
    expect(controller.customer?.id).toBe("ada");
    // Closed: the keys are the screen's again.
    close();
    expect(controller.listening).toBe(true);
    await controller.key({ key: "Enter", at: 2000, typing: false }).done;
    expect(api.recordVisit).toHaveBeenCalledTimes(1);
  });

  it("offer no cashback dialog to a customer without cashback, and no print without a new card", () => {
    const { controller } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.askSpend();
    controller.openPrint();
    expect(controller.dialog).toEqual({ kind: "none" });
    controller.enrolled(outcome("enrolled", customer("ola")), true);
    controller.openPrint();
    expect(controller.dialog).toEqual({ kind: "print", enrolment: "evt-enrolled" });
  });
});

describe("undo", () => {
  it("is offered within its window and not after it", async () => {
    const { controller, api, clock } = testBarista();
    const stop = controller.start();
    controller.scanned(scan(customer("ada")));
    controller.keypad("5");
    api.recordVisit.mockResolvedValue(outcome("visit"));
    await controller.record();
    expect(controller.canUndo).toBe(true);
    clock.advance(UNDO_WINDOW_MS - 1000);
    expect(controller.canUndo).toBe(true);
    clock.advance(1000);
    expect(controller.canUndo).toBe(false);
    await controller.undo();
    expect(api.undoLast).not.toHaveBeenCalled();
    stop();
    expect(clock.waiting).toBe(0);
  });

  it("shows what went back, and an undo is not undone again", async () => {
    const { controller, api } = testBarista();
    controller.scanned(scan(customer("ada")));
    controller.keypad("5");
    api.recordVisit.mockResolvedValue(outcome("visit"));
    await controller.record();
    api.undoLast.mockResolvedValue(outcome("voided"));
    await controller.key({ key: "F9", at: 0, typing: false }).done;
    expect(api.undoLast).toHaveBeenCalledTimes(1);
    expect(controller.outcome?.kind).toBe("voided");
    expect(controller.canUndo).toBe(false);
  });
});

describe("the rewards' slots and keys", () => {
  // The program's order: the drink first (F5), then the pastry (F6).
  const drink: RewardLine = { id: "drink", place: 0, name: { text: "Any drink" }, how: "-100 points", how_message: null };
  const pastry: RewardLine = { id: "pastry", place: 1, name: { text: "Pastry" }, how: "-60 points", how_message: null };
  /** Out of reach, as the engine says why: what it needs, what the customer has, what is missing. */
  const short = (r: RewardLine): RewardOutOfReach => ({
    id: r.id,
    place: r.place,
    name: r.name,
    why: {
      id: "refused-not-enough-points",
      args: { needed: { number: 100 }, available: { number: 20 }, missing: { number: 80 } },
    },
  });
  /** The customer as the engine sums them up: `available` now, the others out of reach. */
  const holding = (available: RewardLine[], out: RewardLine[]) =>
    customer("ola", { rewards_available: available, rewards_out_of_reach: out.map(short) });
  const keys = (c: BaristaController) => c.rewardSlots.map((s) => `${s.key}:${s.id}:${s.reward ? "on" : "off"}`);
  const press = (c: BaristaController, key: string) => c.key({ key, at: 0, typing: false });

  it("keep each reward's key, available or not, as the balance moves", async () => {
    const { controller, api } = testBarista();
    // Short of both: in the program's order.
    controller.scanned(scan(holding([], [drink, pastry])));
    expect(keys(controller)).toEqual(["F5:drink:off", "F6:pastry:off"]);

    // A visit: the pastry comes within reach, the drink not yet. The pastry stays F6.
    controller.keypad("7");
    api.recordVisit.mockResolvedValue(outcome("visit", holding([pastry], [drink])));
    await controller.record();
    expect(keys(controller)).toEqual(["F5:drink:off", "F6:pastry:on"]);
    // F5 is the drink's, out of reach: nothing opens. F6 asks about the pastry.
    expect(press(controller, "F5").prevent).toBe(true);
    expect(controller.dialog).toEqual({ kind: "none" });
    press(controller, "F6");
    expect(controller.dialog).toEqual({ kind: "confirm-redeem", reward: pastry });
    controller.closeDialog();

    // Both within reach, then the pastry redeemed: the keys stay where they were.
    api.recordVisit.mockResolvedValue(outcome("visit", holding([drink, pastry], [])));
    controller.keypad("9");
    await controller.record();
    expect(keys(controller)).toEqual(["F5:drink:on", "F6:pastry:on"]);
    api.redeem.mockResolvedValue(outcome("redeemed", holding([drink], [pastry])));
    await controller.redeem(pastry);
    expect(keys(controller)).toEqual(["F5:drink:on", "F6:pastry:off"]);
    press(controller, "F5");
    expect(controller.dialog).toEqual({ kind: "confirm-redeem", reward: drink });
  });

  it("keep the keys from one customer to the next", () => {
    const { controller } = testBarista();
    controller.scanned(scan(holding([], [drink, pastry])));
    controller.clear();
    controller.scanned(scan({ ...holding([pastry], [drink]), id: "jan" }));
    expect(keys(controller)).toEqual(["F5:drink:off", "F6:pastry:on"]);
    press(controller, "F5");
    expect(controller.dialog).toEqual({ kind: "none" });
    press(controller, "F6");
    expect(controller.dialog).toEqual({ kind: "confirm-redeem", reward: pastry });
  });

  it("are the program's order from the first customer on, not the rewards available first", () => {
    const { controller } = testBarista();
    controller.scanned(scan(holding([pastry], [drink])));
    expect(keys(controller)).toEqual(["F5:drink:off", "F6:pastry:on"]);
    press(controller, "F5");
    expect(controller.dialog).toEqual({ kind: "none" });
    press(controller, "F6");
    expect(controller.dialog).toEqual({ kind: "confirm-redeem", reward: pastry });
  });

  it("give keys to the first four places only", () => {
    const { controller } = testBarista();
    const many = Array.from({ length: 5 }, (_, i): RewardLine => ({ id: `r${i}`, place: i, name: { text: `Reward ${i}` }, how: "", how_message: null }));
    controller.scanned(scan(holding(many, [])));
    expect(controller.rewardSlots.map((s) => s.key)).toEqual(["F5", "F6", "F7", "F8", null]);
  });
});

describe("the keyboard", () => {
  it("types the amount, records on Enter, and Escape clears the counter", async () => {
    const { controller, api } = testBarista();
    controller.scanned(scan(customer("ada")));
    for (const [i, key] of ["1", "2", ",", "5"].entries()) controller.key({ key, at: i * 200, typing: false });
    expect(controller.amount).toBe("12.5");
    api.recordVisit.mockResolvedValue(outcome("visit"));
    const enter = controller.key({ key: "Enter", at: 2000, typing: false });
    expect(enter.prevent).toBe(true);
    await enter.done;
    expect(api.recordVisit).toHaveBeenCalledTimes(1);
    expect(api.wedge).not.toHaveBeenCalled();
    controller.key({ key: "Escape", at: 3000, typing: false });
    expect(controller.customer).toBeNull();
    expect(controller.outcome).toBeNull();
  });

  it("takes a scanner's burst as a card, and puts back what its digits typed", async () => {
    const { controller, api } = testBarista();
    api.wedge.mockResolvedValue({ card: "c".repeat(32), customer: customer("ada") });
    const code = "CP1.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    [...code].forEach((key, i) => controller.key({ key, at: 10_000 + i * 5, typing: false }));
    expect(controller.amount).not.toBe("");
    await controller.key({ key: "Enter", at: 10_000 + code.length * 5, typing: false }).done;
    expect(api.wedge).toHaveBeenCalledTimes(1);
    expect(controller.customer?.id).toBe("ada");
    expect(controller.amount).toBe("");
    expect(api.recordVisit).not.toHaveBeenCalled();
  });

  it("sends F2 and / to the lookup, and leaves keys typed in a field alone", () => {
    const { controller } = testBarista();
    expect(controller.key({ key: "F2", at: 0, typing: true })).toMatchObject({ prevent: true, focusLookup: true });
    expect(controller.key({ key: "/", at: 500, typing: false })).toMatchObject({ prevent: true, focusLookup: true });
    expect(controller.key({ key: "4", at: 1000, typing: true })).toMatchObject({ prevent: false, focusLookup: false });
    expect(controller.amount).toBe("");
  });
});
