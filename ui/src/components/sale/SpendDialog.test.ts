// How much cashback to spend: the barista keys it (by keypad or keyboard) under
// the rules of lib/amount.ts, and only an amount above zero can be spent.
import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TillOverview } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import { till } from "../../lib/till.svelte";
import { tillOverview } from "../../test/overview";
import { managerMay } from "../../test/permissions";
import SpendDialog from "./SpendDialog.svelte";

function shopIn(currency: string, decimals: number): TillOverview {
  return tillOverview({
    shop: {
      shop_name: "Corner Café",
      currency,
      currency_decimals: decimals,
      timezone: "Europe/Warsaw",
      day_starts_at: 4,
      device: "till-1",
      runs_open: true,
    },
    staff: { runs_open: true, staff: [] },
    permissions: managerMay(),
  });
}

let onspend: ReturnType<typeof vi.fn<(amount: string) => void>>;
let oncancel: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  onspend = vi.fn<(amount: string) => void>();
  oncancel = vi.fn<() => void>();
  till.overview = shopIn("USD", 2);
});

afterEach(() => {
  till.overview = null;
  locale.set("en");
});

function open(balance = 320) {
  return render(SpendDialog, { balance, onspend, oncancel });
}

/** What the amount field shows. */
function shown(): string {
  return screen.getByTestId("spend-amount").querySelector(".value")?.textContent ?? "";
}

function spendButton(): HTMLButtonElement {
  return screen.getByTestId<HTMLButtonElement>("spend-yes");
}

async function tap(...keys: string[]): Promise<void> {
  for (const k of keys) {
    const button = document.querySelector<HTMLButtonElement>(`button[data-key="${k}"]`);
    if (!button) throw new Error(`no key ${k}`);
    await fireEvent.click(button);
  }
}

async function type(...keys: string[]): Promise<void> {
  for (const key of keys) await fireEvent.keyDown(window, { key });
}

describe("SpendDialog", () => {
  it("tells what the customer has, in the shop's currency", () => {
    open(320);
    expect(screen.getByRole("dialog").textContent).toContain("The customer has $3.20 to spend.");
  });

  it("starts empty: nothing is spent by default, not even the whole balance", async () => {
    open(320);
    expect(shown()).toBe("0");
    expect(spendButton().disabled).toBe(true);
    await type("Enter");
    expect(onspend).not.toHaveBeenCalled();
  });

  it("builds the amount from keypad taps and spends it as the engine's decimal", async () => {
    open();
    await tap("1", "2", ".", "5");
    expect(shown()).toBe("12.5");
    expect(spendButton().disabled).toBe(false);
    await fireEvent.click(spendButton());
    expect(onspend).toHaveBeenCalledExactlyOnceWith("12.5");
  });

  it("takes the keyboard: digits, a comma as the decimal mark, Backspace and Enter", async () => {
    open();
    await type("4", ",", "5", "9", "Backspace", "0");
    expect(shown()).toBe("4.50");
    await type("Enter");
    expect(onspend).toHaveBeenCalledExactlyOnceWith("4.50");
  });

  it("spends on Enter after a keypad tap: the tapped key keeps no hold on Enter", async () => {
    open();
    await tap("7");
    const seven = document.querySelector<HTMLButtonElement>('button[data-key="7"]');
    seven?.focus();
    expect(document.activeElement).toBe(seven);
    await fireEvent.keyDown(seven ?? window, { key: "Enter" });
    expect(shown()).toBe("7");
    expect(onspend).toHaveBeenCalledExactlyOnceWith("7");
  });

  it("keeps the currency's decimals, one decimal mark and no leading zero", async () => {
    open();
    await tap("0", "7", ".", ".", "2", "5", "9");
    expect(shown()).toBe("7.25");
  });

  it("stops at nine digits, so a held key cannot type a phone number", async () => {
    open();
    await type(...Array.from({ length: 12 }, () => "8"));
    expect(shown()).toBe("888888888");
  });

  it("does not spend zero", async () => {
    open();
    await tap("0", ".", "0", "0");
    expect(shown()).toBe("0.00");
    expect(spendButton().disabled).toBe(true);
    await type("Enter");
    expect(onspend).not.toHaveBeenCalled();
  });

  it("rubs out back to empty, and then nothing can be spent", async () => {
    open();
    await tap("3", "Backspace");
    expect(shown()).toBe("0");
    expect(spendButton().disabled).toBe(true);
  });

  it("cancels on Escape and on its button, spending nothing", async () => {
    open();
    await tap("2");
    await type("Escape");
    await fireEvent.click(screen.getByTestId("spend-cancel"));
    expect(oncancel).toHaveBeenCalledTimes(2);
    expect(onspend).not.toHaveBeenCalled();
  });

  it("has the keyboard while open: its keys do not reach the sale behind it", async () => {
    open();
    const sale = vi.fn<(event: KeyboardEvent) => void>();
    window.addEventListener("keydown", sale);
    try {
      await type("1", ",", "Backspace", "Enter", "Escape");
      expect(sale).not.toHaveBeenCalled();
      // A key the dialog has no use for goes on as usual.
      await type("F9");
      expect(sale).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener("keydown", sale);
    }
  });

  it("keys whole amounts in a currency without decimals", async () => {
    till.overview = shopIn("JPY", 0);
    open(1500);
    expect(screen.getByRole("dialog").textContent).toContain("¥1,500");
    expect(screen.getByTestId("spend-amount").textContent).toContain("JPY");
    const decimalKey = document.querySelector<HTMLButtonElement>('button[data-key="."]');
    expect(decimalKey?.disabled).toBe(true);
    await type("1", ".", "2", ",", "0");
    expect(shown()).toBe("120");
    await type("Enter");
    expect(onspend).toHaveBeenCalledExactlyOnceWith("120");
  });

  it("shows the language's decimal mark but spends the engine's", async () => {
    till.overview = shopIn("PLN", 2);
    open(450);
    await act(() => locale.set("pl"));
    expect(screen.getByRole("dialog").textContent).toContain("Klient ma 4,50\u00a0zł do wykorzystania.");
    await tap("2", ".", "5");
    expect(shown()).toBe("2,5");
    await fireEvent.click(spendButton());
    expect(onspend).toHaveBeenCalledExactlyOnceWith("2.5");
  });
});
