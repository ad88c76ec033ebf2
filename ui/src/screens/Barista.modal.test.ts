// The barista screen under a dialog it did not open: the status bar's list
// of refused events, laid over the sale as on the till (App.svelte mounts
// the screen, then the bar). While it is open the keys are the dialog's:
// Enter does not record a visit, an F-key does not redeem, a digit does not
// reach the amount, Escape does not clear the counter.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CustomerSummary, Outcome, RefusedEvent } from "../lib/bindings";
import { till } from "../lib/till.svelte";
import StatusBar from "../components/sync/StatusBar.svelte";
import { tillOverview } from "../test/overview";
import { managerMay } from "../test/permissions";
import { syncStatus } from "../test/sync";
import Barista from "./Barista.svelte";

const ada: CustomerSummary = {
  tier: null,
  balances: [],
  points_expired: 0,
  rewards_available: [{ id: "coffee", place: 0, name: { text: "Free coffee" }, how: "60 points", how_message: null }],
  rewards_out_of_reach: [],
  birthday_near: null,
  conflicts: [],
  id: "ada",
  name: "Ada",
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
};

const refused: RefusedEvent = {
  event_id: "e1",
  refused_by: "server",
  kind: "visit",
  customer: "c1",
  customer_name: "Bo",
  staff: "Mia",
  recorded: "2026-12-03 07:05",
  refused: "2026-12-03 07:06",
  reason: "the visit amount 99999999999 is out of range",
};

function outcome(kind: string): Outcome {
  return { event_id: `evt-${kind}`, kind, duplicate: false, deltas: [], lines: [], messages: [], counter: [], customer: ada };
}

/** The commands the screen sent, by name. */
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  globalThis.requestAnimationFrame ??= (run) => setTimeout(() => run(0), 0) as unknown as number;
  till.overview = tillOverview({
    shop: {
      shop_name: "Corner Café",
      currency: "USD",
      currency_decimals: 2,
      timezone: "Europe/Warsaw",
      day_starts_at: 4,
      device: "till-1",
      runs_open: false,
    },
    signed_in: { staff: "staff-mia", name: "Mia", role: "manager" },
    staff: { runs_open: false, staff: [] },
    permissions: managerMay(),
  });
  till.sync = syncStatus({ parked: 1 });
  mockIPC((cmd) => {
    calls.push(cmd);
    switch (cmd) {
      case "sale_sheet":
        return { items: [], offers: [] };
      case "find_customers":
        return [ada];
      case "customer":
        return ada;
      case "refused_events":
        return [refused];
      case "record_visit":
        return outcome("visit");
      case "redeem":
        return outcome("redeemed");
      case "sync_status":
        return syncStatus({ parked: 1 });
      default:
        return null;
    }
  });
});

afterEach(() => {
  clearMocks();
  till.overview = null;
  till.sync = null;
});

async function key(key: string): Promise<void> {
  await fireEvent.keyDown(document.body, { key });
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

function amount(): string | null | undefined {
  return screen.getByTestId("amount").querySelector(".value")?.textContent;
}

/** The barista screen and the status bar, in App.svelte's order; Ada at the counter, 4 keyed. */
async function tillWithAda(): Promise<void> {
  render(Barista);
  render(StatusBar, { onsettings: () => {} });
  await fireEvent.input(screen.getByTestId("lookup"), { target: { value: "Ada" } });
  await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await fireEvent.click(screen.getByTestId("lookup-result"));
  await settle();
  expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
  // The lookup had the focus: the keys below are pressed with nothing focused.
  (document.activeElement as HTMLElement | null)?.blur();
  await key("4");
  expect(amount()).toBe("4");
}

async function openRefused(): Promise<void> {
  await fireEvent.click(screen.getByTestId("parked"));
  await settle();
  expect(screen.getByTestId("refused-events")).toBeTruthy();
}

describe("with the status bar's refused events open over the sale", () => {
  it.each([
    ["Enter", "records no visit, and closes the list"],
    ["5", "types nothing into the amount"],
    ["F5", "asks to redeem nothing"],
    ["Escape", "clears nothing at the counter, and closes the list"],
  ])("%s %s", async (pressed) => {
    await tillWithAda();
    await openRefused();
    await key(pressed);
    await settle();
    expect(calls).not.toContain("record_visit");
    expect(calls).not.toContain("redeem");
    expect(screen.queryByTestId("outcome")).toBeNull();
    expect(screen.queryByTestId("confirm")).toBeNull();
    expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
    expect(amount()).toBe("4");
    // The list's own keys still work: Enter and Escape close it, the rest leave it open.
    const closes = pressed === "Enter" || pressed === "Escape";
    expect(screen.queryByTestId("refused-events") === null).toBe(closes);
  });

  it("gives the keys back to the screen once closed: Enter records", async () => {
    await tillWithAda();
    await openRefused();
    await key("Escape");
    await settle();
    expect(screen.queryByTestId("refused-events")).toBeNull();
    await key("5");
    expect(amount()).toBe("45");
    await key("Enter");
    await settle();
    expect(calls.filter((c) => c === "record_visit")).toHaveLength(1);
  });
});

it("still answers Enter and Escape in its own dialogs with the status bar beside it", async () => {
  await tillWithAda();
  await key("F5");
  await settle();
  expect(screen.getByRole("alertdialog").textContent).toContain("Free coffee");
  await key("Escape");
  await settle();
  expect(screen.queryByTestId("confirm")).toBeNull();
  expect(screen.getByTestId("customer-name").textContent).toBe("Ada");

  await key("F5");
  await settle();
  await key("Enter");
  await settle();
  expect(calls.filter((c) => c === "redeem")).toHaveLength(1);
  expect(calls).not.toContain("record_visit");
  expect(screen.queryByTestId("confirm")).toBeNull();
});
