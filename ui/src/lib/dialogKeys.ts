/** What a modal dialog does with the keys while it is open. */
export interface DialogKeys {
  /**
   * The dialog's main action (confirm, spend, print). None for a dialog that
   * is a form: Enter in its fields submits it, as in any form.
   */
  enter?: (() => void) | undefined;
  /** Close without acting. */
  escape: () => void;
  /** Other keys the dialog takes, such as the spend dialog's digits; true when taken. */
  other?: ((key: string) => boolean) | undefined;
}

/** What Tab can reach: keypad buttons (tabindex -1) and disabled controls are left out. */
const TABBABLE = "button, [href], input, select, textarea, summary, [tabindex]";

function tabbables(dialog: HTMLElement): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
  );
}

/**
 * The keydown handler of a modal dialog. The dialog holds the keyboard while
 * it is open: the keys it takes never reach the screen behind it (the sale's
 * amount, the wedge reader). Enter is the main action, except when the
 * barista has moved the focus to one of the dialog's own buttons (Tab): then
 * Enter presses that button, as it does everywhere else, and never the main
 * action behind their back (Cancel focused must not redeem). Tab and
 * Shift+Tab go round the dialog's own controls, never behind it; opening a
 * dialog leaves the focus where it was (a touch on a reward keeps it on the
 * reward), so Enter right away is the main action.
 */
export function dialogKeys(dialog: () => HTMLElement | undefined, keys: DialogKeys): (event: KeyboardEvent) => void {
  return (event) => {
    const root = dialog();
    if (event.key === "Enter") {
      const focused = document.activeElement;
      // Keypad buttons (tabindex -1) keep the focus a touch gave them; only a
      // button reached with Tab is a choice.
      const chosen = focused instanceof HTMLButtonElement && focused.tabIndex >= 0 && root?.contains(focused);
      if (chosen || !keys.enter) {
        // Not prevented: the browser presses the focused button (or submits the form).
        event.stopImmediatePropagation();
        return;
      }
      keys.enter();
    } else if (event.key === "Escape") keys.escape();
    else if (event.key === "Tab") {
      if (root) cycle(root, event.shiftKey);
    } else if (!keys.other?.(event.key)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
}

/** Moves the focus to the dialog's next (or previous) control, round from the last to the first. */
function cycle(root: HTMLElement, back: boolean): void {
  const all = tabbables(root);
  if (all.length === 0) return;
  const at = all.indexOf(document.activeElement as HTMLElement);
  const next = at < 0 ? (back ? all.length - 1 : 0) : (at + (back ? -1 : 1) + all.length) % all.length;
  all[next]?.focus();
}
