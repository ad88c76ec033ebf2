/** What a modal dialog does with the keys while it is open. */
export interface DialogKeys {
  /** The dialog's main action (confirm, spend, print). */
  enter: () => void;
  /** Close without acting. */
  escape: () => void;
  /** Other keys the dialog takes, such as the spend dialog's digits; true when taken. */
  other?: (key: string) => boolean;
}

/**
 * The keydown handler of a modal dialog. The dialog holds the keyboard while
 * it is open: the keys it takes never reach the screen behind it (the sale's
 * amount, the wedge reader). Enter is the main action, except when the
 * barista has moved the focus to one of the dialog's own buttons (Tab): then
 * Enter presses that button, as it does everywhere else, and never the main
 * action behind their back (Cancel focused must not redeem).
 */
export function dialogKeys(dialog: () => HTMLElement | undefined, keys: DialogKeys): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === "Enter") {
      const focused = document.activeElement;
      // Keypad buttons (tabindex -1) keep the focus a touch gave them; only a
      // button reached with Tab is a choice.
      if (focused instanceof HTMLButtonElement && focused.tabIndex >= 0 && dialog()?.contains(focused)) {
        // Not prevented: the browser presses the focused button.
        event.stopImmediatePropagation();
        return;
      }
      keys.enter();
    } else if (event.key === "Escape") keys.escape();
    else if (!keys.other?.(event.key)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
}
