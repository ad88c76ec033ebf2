// The on-screen keypad a barista taps amounts on.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { locale } from "../../lib/locale.svelte";
import Keypad from "./Keypad.svelte";

function key(name: string): HTMLButtonElement {
  const button = document.querySelector<HTMLButtonElement>(`button[data-key="${name}"]`);
  if (!button) throw new Error(`no key ${name}`);
  return button;
}

afterEach(() => locale.set("en"));

describe("Keypad", () => {
  it("sends each digit it shows, once per tap", async () => {
    const onkey = vi.fn<(key: string) => void>();
    render(Keypad, { onkey });
    for (const digit of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]) {
      await fireEvent.click(screen.getByRole("button", { name: digit }));
    }
    expect(onkey.mock.calls.map(([k]) => k)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]);
  });

  it("lays the digits out as a till keypad: 7 8 9 on top, 0 at the bottom", () => {
    render(Keypad, { onkey: () => {} });
    const order = Array.from(document.querySelectorAll<HTMLButtonElement>("button")).map((b) => b.dataset["key"]);
    expect(order).toEqual(["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "Backspace"]);
  });

  it("sends Backspace from the rub-out key", async () => {
    const onkey = vi.fn<(key: string) => void>();
    render(Keypad, { onkey });
    await fireEvent.click(screen.getByRole("button", { name: "⌫" }));
    expect(onkey).toHaveBeenCalledExactlyOnceWith("Backspace");
  });

  it("has no decimal key for a currency without decimals", () => {
    render(Keypad, { onkey: () => {} });
    expect(key(".").disabled).toBe(true);
    expect(key(".").textContent).toBe("");
  });

  it("sends '.' from the decimal key, whatever mark the language shows", async () => {
    const onkey = vi.fn<(key: string) => void>();
    render(Keypad, { onkey, decimal: true });
    expect(key(".").disabled).toBe(false);
    expect(key(".").textContent).toBe(".");

    locale.set("pl");
    await fireEvent.click(key("."));
    expect(key(".").textContent).toBe(",");
    expect(onkey).toHaveBeenCalledExactlyOnceWith(".");
  });

  it("keeps the keys out of the tab order (the keyboard types the same)", () => {
    render(Keypad, { onkey: () => {}, decimal: true });
    for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("button"))) {
      expect(button.tabIndex, button.dataset["key"]).toBe(-1);
      expect(button.type).toBe("button");
    }
  });
});
