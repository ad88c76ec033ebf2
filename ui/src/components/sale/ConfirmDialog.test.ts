// The yes/no question before a reward is redeemed: Enter confirms, Esc cancels.
import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { locale } from "../../lib/locale.svelte";
import ConfirmDialog from "./ConfirmDialog.svelte";

let onyes: ReturnType<typeof vi.fn<() => void>>;
let onno: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  onyes = vi.fn<() => void>();
  onno = vi.fn<() => void>();
});

afterEach(() => locale.set("en"));

function open(question = "Redeem Free coffee?") {
  return render(ConfirmDialog, { question, onyes, onno });
}

describe("ConfirmDialog", () => {
  it("asks the question with the catalogue's words on its buttons", () => {
    open("Redeem Free coffee?");
    expect(screen.getByRole("alertdialog").textContent).toContain("Redeem Free coffee?");
    expect(screen.getByTestId("confirm-yes").textContent).toBe("YesEnter");
    expect(screen.getByTestId("confirm-no").textContent).toBe("CancelEsc");
  });

  it("confirms on Enter, and only confirms", async () => {
    open();
    const event = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
    await fireEvent(window, event);
    expect(onyes).toHaveBeenCalledTimes(1);
    expect(onno).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(true);
  });

  it("cancels on Escape, and only cancels", async () => {
    open();
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(onno).toHaveBeenCalledTimes(1);
    expect(onyes).not.toHaveBeenCalled();
  });

  it("takes Enter while a button behind it has the focus, and keeps that button from it", async () => {
    const behind = document.createElement("button");
    document.body.append(behind);
    try {
      open();
      behind.focus();
      const event = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
      await fireEvent(behind, event);
      expect(onyes).toHaveBeenCalledTimes(1);
      // Not cancelled, the Enter would also press the focused button.
      expect(event.defaultPrevented).toBe(true);
    } finally {
      behind.remove();
    }
  });

  it("lets Enter press Cancel when the barista has tabbed to it, not confirm behind their back", async () => {
    open();
    screen.getByTestId("confirm-no").focus();
    const later = vi.fn<(event: KeyboardEvent) => void>();
    window.addEventListener("keydown", later);
    try {
      const event = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
      await fireEvent(screen.getByTestId("confirm-no"), event);
      expect(onyes).not.toHaveBeenCalled();
      // Not cancelled: the browser's own Enter presses the focused button...
      expect(event.defaultPrevented).toBe(false);
      // ...and the screen behind does not see it.
      expect(later).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener("keydown", later);
    }
  });

  it("leaves other keys alone: no answer, and they go on to the screen", async () => {
    open();
    const later = vi.fn<(event: KeyboardEvent) => void>();
    window.addEventListener("keydown", later);
    try {
      for (const key of ["5", "F5", " ", "Backspace"]) await fireEvent.keyDown(window, { key });
      expect(onyes).not.toHaveBeenCalled();
      expect(onno).not.toHaveBeenCalled();
      expect(later).toHaveBeenCalledTimes(4);
      expect(later.mock.calls.every(([e]) => !e.defaultPrevented)).toBe(true);
    } finally {
      window.removeEventListener("keydown", later);
    }
  });

  it("keeps its Enter and Esc from listeners that came after it", async () => {
    open();
    const later = vi.fn<(event: KeyboardEvent) => void>();
    window.addEventListener("keydown", later);
    try {
      await fireEvent.keyDown(window, { key: "Enter" });
      await fireEvent.keyDown(window, { key: "Escape" });
      expect(later).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener("keydown", later);
    }
  });

  it("answers by touch as by key", async () => {
    open();
    await fireEvent.click(screen.getByTestId("confirm-yes"));
    expect(onyes).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByTestId("confirm-no"));
    expect(onno).toHaveBeenCalledTimes(1);
  });

  it("stops listening once closed: a later Enter confirms nothing", async () => {
    const { unmount } = open();
    unmount();
    await fireEvent.keyDown(window, { key: "Enter" });
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(onyes).not.toHaveBeenCalled();
    expect(onno).not.toHaveBeenCalled();
  });

  it("speaks the screen's language", async () => {
    open();
    await act(() => locale.set("pl"));
    expect(screen.getByTestId("confirm-yes").textContent).toBe("TakEnter");
    expect(screen.getByTestId("confirm-no").textContent).toBe("AnulujEsc");
    // The keys as a French and a Russian keyboard name them.
    await act(() => locale.set("fr"));
    expect(screen.getByTestId("confirm-yes").textContent).toBe("OuiEntrée");
    expect(screen.getByTestId("confirm-no").textContent).toBe("AnnulerÉchap");
    await act(() => locale.set("ru"));
    expect(screen.getByTestId("confirm-yes").textContent).toBe("ДаВвод");
  });
});
