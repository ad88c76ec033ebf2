// Which modal dialogs are open, whoever opened them. Every dialog is
// components/shared/Dialog.svelte, and it registers here while it is
// mounted; a screen's keys and scans (the barista controller's `listening`)
// stop while `open`, so a dialog the screen did not open itself (the status
// bar's refused events) holds the keyboard as much as one it did.
import { untrack } from "svelte";

/** The open dialogs as the screens read them (a controller's dependency; a test fakes it). */
export interface Modals {
  /** True while any modal dialog is open. */
  readonly open: boolean;
}

export class ModalRegistry implements Modals {
  #count = $state(0);

  get open(): boolean {
    return this.#count > 0;
  }

  /** A dialog has opened; answers its closing (calling it twice closes once). */
  opened(): () => void {
    // Untracked: a dialog registers from its mount, which must not come to depend on the count.
    untrack(() => (this.#count += 1));
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      untrack(() => (this.#count -= 1));
    };
  }
}

/** The app's one registry: Dialog.svelte registers in it, the screens read it. */
export const modal = new ModalRegistry();
