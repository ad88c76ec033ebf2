// What every screen shares: the shop and who is signed in, sync and the
// camera as the status bar shows them. Filled from the app's commands and
// kept current by its `sync` and `scan` events.
//
// A sign-in ends after a while unused (the engine's `signed_in_until`, pushed
// later by each action): the till asks for its overview again just after that
// instant, and at once when any command is refused because whoever was signed
// in has been signed out, so the app goes back to sign-in by itself.
import { untrack } from "svelte";
import { api, onRefusal, onScan, onSync, type ScanForScreen } from "./api";
import type { CameraNow, ErrorCode, ErrorReport, Permission, SyncStatus, TillOverview } from "./bindings";
import { browserTimers, type Timers } from "./timers";

/** How long after the sign-in's end the till looks again (the engine's clock and the timer's drift apart a little). */
export const RECHECK_AFTER_END_MS = 1000;

/** The refusal that says whoever was signed in has been signed out for leaving the till unused. */
const SIGNED_OUT_IDLE: ErrorCode = "auth.signed_out_idle";

/** What the till talks to: the real ones by default, a test's fakes. */
export interface TillDeps {
  api: Pick<typeof api, "tillState" | "cameras" | "syncStatus">;
  timers: Pick<Timers, "after">;
  /** Milliseconds since 1970 (`Date.now`). */
  now: () => number;
  /** Every command's refusal (lib/api.ts `onRefusal`); answers the unsubscribe. */
  onRefusal: typeof onRefusal;
}

export class Till {
  overview = $state<TillOverview | null>(null);
  loadError = $state<ErrorReport | null>(null);
  sync = $state<SyncStatus | null>(null);
  /** The camera as the engine last told it (starting until it first does). */
  camera = $state<CameraNow>({ state: "starting", detail: "", retry: false });
  /** Recorded frames play instead of a webcam (the demo, a till with none). */
  replay = $state(false);
  /** Camera views on screen (each says the camera's state and offers its own retry). */
  #cameraViews = $state(0);
  #scanHandlers = new Set<(scan: ScanForScreen) => void>();
  #started = false;
  readonly #deps: TillDeps;
  /** Overviews asked so far: only the latest asked is shown (answers may cross). */
  #asked = 0;
  /** Cancels the look at the current sign-in's end. */
  #cancelRecheck: (() => void) | undefined;

  constructor(deps: TillDeps = { api, timers: browserTimers, now: () => Date.now(), onRefusal }) {
    this.#deps = deps;
    // The overview's own refusal is `loadError`: asking again for it would never end.
    deps.onRefusal((error, command) => {
      if (error.code === SIGNED_OUT_IDLE && command !== "till_state") void this.refresh();
    });
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await onScan((scan) => {
      const notice = scan.notice;
      if (notice.kind === "camera") this.camera = { state: notice.state, detail: notice.detail, retry: notice.retry };
      for (const handler of this.#scanHandlers) handler(scan);
    });
    await onSync((notice) => {
      this.sync = notice.status;
      void this.refreshSync();
      // A round may bring the shop's staff (a till that joined catches up):
      // at its end, and page by page while the sign-in list is still empty.
      const staffAwaited = !!notice.status.catch_up && this.overview?.staff.staff.length === 0;
      if ((notice.report && notice.report.pulled > 0) || staffAwaited) void this.refresh();
    });
    await this.refreshCamera();
    await this.refresh();
    await this.refreshSync();
  }

  /** Asks the engine for the overview again; then looks again when the sign-in it gives ends. */
  async refresh(): Promise<void> {
    const asked = ++this.#asked;
    try {
      const overview = await this.#deps.api.tillState();
      if (asked !== this.#asked) return;
      this.overview = overview;
      this.loadError = null;
      this.#recheckAt(overview.signed_in_until);
    } catch (e) {
      if (asked !== this.#asked) return;
      this.loadError = e as ErrorReport;
    }
  }

  /**
   * One look, just after `until` (RFC 3339), replacing any before; none when
   * nobody's sign-in ends. Each action pushes the end later: the look then
   * finds it later still, and waits again.
   */
  #recheckAt(until: string | null): void {
    this.#cancelRecheck?.();
    this.#cancelRecheck = undefined;
    // At most milliseconds: not every webview reads an instant to the nanosecond.
    const end = until === null ? NaN : Date.parse(until.replace(/(\.\d{3})\d+/, "$1"));
    if (Number.isNaN(end)) return;
    const wait = Math.max(0, end - this.#deps.now()) + RECHECK_AFTER_END_MS;
    this.#cancelRecheck = this.#deps.timers.after(wait, () => {
      this.#cancelRecheck = undefined;
      void this.refresh();
    });
  }

  /** The camera's state and source, asked again (at start, after a change of camera). */
  async refreshCamera(): Promise<void> {
    const { now, replay } = await this.#deps.api.cameras();
    this.camera = now;
    this.replay = replay;
  }

  /** The catalogue key that names the camera's state: a running replay says it is one. */
  get cameraStateKey(): string {
    return this.replay && this.camera.state === "running"
      ? "ui-status-camera-replay"
      : `ui-status-camera-${this.camera.state}`;
  }

  async refreshSync(): Promise<void> {
    try {
      this.sync = await this.#deps.api.syncStatus();
    } catch {
      // The status bar keeps what it showed; the next round tells again.
    }
  }

  /** True while a camera view is on screen: the status bar offers no second retry beside its own. */
  get cameraShown(): boolean {
    return this.#cameraViews > 0;
  }

  /** A camera view is on screen; answers its leaving (calling it twice counts once). */
  cameraViewShown(): () => void {
    untrack(() => (this.#cameraViews += 1));
    let gone = false;
    return () => {
      if (gone) return;
      gone = true;
      untrack(() => (this.#cameraViews -= 1));
    };
  }

  /** Subscribes to card reads; answers the unsubscribe. */
  onScan(handler: (scan: ScanForScreen) => void): () => void {
    this.#scanHandlers.add(handler);
    return () => this.#scanHandlers.delete(handler);
  }

  get currency(): string {
    return this.overview?.shop?.currency ?? "USD";
  }

  /** Whoever is signed in may do this here (the engine's answer: everything while the till runs open). */
  may(permission: Permission): boolean {
    return this.overview?.permissions.includes(permission) ?? false;
  }
}

export const till = new Till();
