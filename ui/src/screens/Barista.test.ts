// The barista screen laid out over its controller, against a mocked Tauri
// IPC: the panels find the controller in context, and the keys open one
// dialog at a time, with the keys behind it held.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { CustomerSummary } from "../lib/bindings";
import { till } from "../lib/till.svelte";
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

beforeEach(() => {
  globalThis.requestAnimationFrame ??= (run) => setTimeout(() => run(0), 0) as unknown as number;
  mockIPC((cmd) => {
    switch (cmd) {
      case "sale_sheet":
        return { items: [], offers: [] };
      case "find_customers":
        return [{ ...ada, cards: [] }];
      case "customer":
        return ada;
      default:
        return null;
    }
  });
});

afterEach(() => {
  clearMocks();
  till.camera = { state: "starting", detail: "", retry: false };
});

/** The screen's first paint is measured through the (mocked) app after a frame: lets it go before the mocks do. */
const painted = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

async function key(key: string): Promise<void> {
  await fireEvent.keyDown(document.body, { key });
}

it("waits for a customer, types the amount, and opens one dialog at a time from the keys", async () => {
  render(Barista);
  expect(screen.getByTestId("waiting")).toBeTruthy();
  await key("4");
  expect(screen.getByTestId("amount").querySelector(".value")?.textContent).toBe("4");

  await key("F4");
  expect(screen.getByTestId("enrol")).toBeTruthy();
  // The dialog holds the keys: a digit does not reach the amount, F4 opens nothing more.
  await key("F4");
  expect(screen.getAllByRole("dialog")).toHaveLength(1);
  await key("Escape");
  expect(screen.queryByTestId("enrol")).toBeNull();
  expect(screen.getByTestId("amount").querySelector(".value")?.textContent).toBe("4");
});

it("shows a customer picked in the lookup, and asks before redeeming a reward", async () => {
  render(Barista);
  const lookup = screen.getByTestId<HTMLInputElement>("lookup");
  await fireEvent.input(lookup, { target: { value: "Ada" } });
  await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await fireEvent.click(screen.getByTestId("lookup-result"));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
  await key("F5");
  expect(screen.getByRole("alertdialog").textContent).toContain("Free coffee");
  await key("Escape");
  expect(screen.queryByTestId("confirm")).toBeNull();
  expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
});

it("without a camera, asks for the code rather than the card held up, and draws no viewfinder through its words", async () => {
  till.camera = { state: "unavailable", detail: "no /dev/video0", retry: true };
  render(Barista);
  const waiting = screen.getByTestId("waiting").textContent ?? "";
  expect(waiting).not.toContain("Hold the card up");
  expect(waiting).toContain("Type the card code, phone or name on the left.");
  const camera = screen.getByTestId("camera");
  expect(camera.querySelector(".target")).toBeNull();
  expect(camera.textContent).toContain("No camera: plug one in, or type the card code below.");
  // One retry: the camera view's.
  expect(screen.getAllByTestId("camera-retry")).toHaveLength(1);
  await painted();
});

it("with a camera, says to hold the card up to it", async () => {
  till.camera = { state: "running", detail: "", retry: false };
  render(Barista);
  expect(screen.getByTestId("waiting").textContent).toContain("Hold the card up to the camera");
  await painted();
});
