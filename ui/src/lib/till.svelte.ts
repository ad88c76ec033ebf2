// What every screen shares: the shop and who is signed in, sync and the
// camera as the status bar shows them. Filled from the app's commands and
// kept current by its `sync` and `scan` events.
import { untrack } from "svelte";
import { api, onScan, onSync, type ScanForScreen } from "./api";
import type { CameraNow, ErrorReport, Permission, SyncStatus, TillOverview } from "./bindings";

class Till {
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

  async refresh(): Promise<void> {
    try {
      this.overview = await api.tillState();
      this.loadError = null;
    } catch (e) {
      this.loadError = e as ErrorReport;
    }
  }

  /** The camera's state and source, asked again (at start, after a change of camera). */
  async refreshCamera(): Promise<void> {
    const { now, replay } = await api.cameras();
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
      this.sync = await api.syncStatus();
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
