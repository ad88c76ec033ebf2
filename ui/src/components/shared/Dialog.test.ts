// The one dialog shell: a named modal over a backdrop that holds the keyboard
// while open — Escape closes, Enter is the main action unless the barista
// tabbed to one of its buttons, Tab goes round its own controls only.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { modal } from "../../lib/modal.svelte";
import Dialog from "./Dialog.svelte";

const body = createRawSnippet(() => ({
  render: () =>
    `<div><h2 id="the-title">Spend cashback</h2><button tabindex="-1" data-testid="keypad-7">7</button>` +
    `<input name="note" /><button data-testid="first">Cancel</button><button disabled>Off</button>` +
    `<button data-testid="last">Spend</button></div>`,
}));

let onenter: ReturnType<typeof vi.fn<() => void>>;
let onescape: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  onenter = vi.fn<() => void>();
  onescape = vi.fn<() => void>();
});

function open(over: { onsubmit?: (e: SubmitEvent) => void; enter?: boolean } = {}) {
  return render(Dialog, {
    labelledby: "the-title",
    testid: "spend-dialog",
    style: "width: 380px",
    ...(over.enter === false ? {} : { onenter }),
    onescape,
    ...(over.onsubmit ? { onsubmit: over.onsubmit } : {}),
    children: body,
  });
}

function key(target: EventTarget, key: string, shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, shiftKey, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

describe("Dialog", () => {
  it("counts as open while mounted, whoever opened it: the screen behind takes no keys", () => {
    expect(modal.open).toBe(false);
    const first = open();
    expect(modal.open).toBe(true);
    const second = open();
    first.unmount();
    expect(modal.open).toBe(true);
    second.unmount();
    expect(modal.open).toBe(false);
  });

  it("is a modal named by its title, over a backdrop", () => {
    open();
    const dialog = screen.getByRole("dialog", { name: "Spend cashback" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.dataset["testid"]).toBe("spend-dialog");
    expect(dialog.style.width).toBe("380px");
    expect(dialog.parentElement?.className).toContain("backdrop");
    expect(dialog.tagName).toBe("DIV");
  });

  it("closes on Escape and acts on Enter, keeping both from the screen behind", () => {
    open();
    const later = vi.fn<(event: KeyboardEvent) => void>();
    window.addEventListener("keydown", later);
    try {
      const esc = key(window, "Escape");
      const enter = key(window, "Enter");
      expect(onescape).toHaveBeenCalledTimes(1);
      expect(onenter).toHaveBeenCalledTimes(1);
      expect(esc.defaultPrevented && enter.defaultPrevented).toBe(true);
      expect(later).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener("keydown", later);
    }
  });

  it("lets Enter press the button the barista tabbed to", () => {
    open();
    const cancel = screen.getByTestId("first");
    cancel.focus();
    const event = key(cancel, "Enter");
    expect(onenter).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it("keeps the main action on Enter when a keypad button has the focus a touch gave it", () => {
    open();
    const seven = screen.getByTestId("keypad-7");
    seven.focus();
    key(seven, "Enter");
    expect(onenter).toHaveBeenCalledTimes(1);
  });

  it("goes round its own controls with Tab, skipping the keypad and disabled buttons", () => {
    open();
    const behind = document.createElement("button");
    document.body.append(behind);
    try {
      behind.focus();
      key(behind, "Tab");
      expect(document.activeElement).toBe(screen.getByRole("textbox"));
      key(document.activeElement ?? window, "Tab");
      expect(document.activeElement).toBe(screen.getByTestId("first"));
      key(document.activeElement ?? window, "Tab");
      expect(document.activeElement).toBe(screen.getByTestId("last"));
      const round = key(document.activeElement ?? window, "Tab");
      expect(document.activeElement).toBe(screen.getByRole("textbox"));
      expect(round.defaultPrevented).toBe(true);
      key(document.activeElement ?? window, "Tab", true);
      expect(document.activeElement).toBe(screen.getByTestId("last"));
    } finally {
      behind.remove();
    }
  });

  it("opens without moving the focus: Enter at once is the main action", () => {
    const reward = document.createElement("button");
    document.body.append(reward);
    try {
      reward.focus();
      open();
      expect(document.activeElement).toBe(reward);
      const event = key(reward, "Enter");
      expect(onenter).toHaveBeenCalledTimes(1);
      expect(event.defaultPrevented).toBe(true);
    } finally {
      reward.remove();
    }
  });

  it("as a form, leaves Enter to the form and submits it", async () => {
    const onsubmit = vi.fn<(e: SubmitEvent) => void>((e) => e.preventDefault());
    open({ onsubmit, enter: false });
    const form = screen.getByRole("dialog", { name: "Spend cashback" });
    expect(form.tagName).toBe("FORM");
    const event = key(screen.getByRole("textbox"), "Enter");
    expect(event.defaultPrevented).toBe(false);
    await fireEvent.submit(form);
    expect(onsubmit).toHaveBeenCalledTimes(1);
    key(window, "Escape");
    expect(onescape).toHaveBeenCalledTimes(1);
  });

  it("stops listening once closed", () => {
    const { unmount } = open();
    unmount();
    key(window, "Enter");
    key(window, "Escape");
    expect(onenter).not.toHaveBeenCalled();
    expect(onescape).not.toHaveBeenCalled();
  });
});
