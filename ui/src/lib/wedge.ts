// Keys on their way to the engine's wedge reader: every character and Enter,
// with the page's time, wherever the focus is. Before a burst starts the
// screen notes what the keys may change, so a scan can put it back.
import type { WedgeKey } from "./bindings";

/** A pause longer than this starts a new burst (scanners send keys a few ms apart). */
const PAUSE_MS = 80;
const MAX_KEYS = 200;

export class WedgeKeys<Snapshot> {
  #keys: WedgeKey[] = [];
  #last = -Infinity;
  #snapshot: Snapshot | undefined;

  /** Notes a key; `snapshot` is called when the key starts a new burst. */
  key(key: string, at: number, snapshot: () => Snapshot): void {
    if (key !== "Enter" && [...key].length !== 1) return;
    if (at - this.#last > PAUSE_MS) this.#snapshot = snapshot();
    this.#last = at;
    this.#keys.push({ key, at_ms: Math.max(0, at) });
    if (this.#keys.length > MAX_KEYS) this.#keys.splice(0, this.#keys.length - MAX_KEYS);
  }

  /** The keys since the last take, and what the screen was before their burst. */
  take(): { keys: WedgeKey[]; before: Snapshot | undefined } {
    const keys = this.#keys;
    this.#keys = [];
    return { keys, before: this.#snapshot };
  }
}
