// The recovery screen's controller: the till could not open its data at start
// (a junk or damaged file, a folder it may not write, a full disk, data from a
// newer version), and the app shows this instead of crashing. Three ways out,
// each one of the engine's commands, each answering the problem that is left
// or null once the till is open: try again (after space was freed or the
// folder fixed), set the damaged file aside and start empty (the first-run
// screen follows: join the shop again or set up anew), or set it aside and
// restore a backup. The damaged file is never deleted: the engine keeps it
// beside the original. Setting aside and restoring ask first, through one
// dialog value; none is offered where the engine says the folder cannot be
// written (`can_set_aside`). screens/Recovery.svelte lays it out; the
// commands and what to do once the till is open are handed in, so it is
// tested with vitest without a DOM and without Tauri.
import { asErrorReport, type api } from "../lib/api";
import type { BackupFile, ErrorReport, StartupProblem } from "../lib/bindings";
import { contextKey } from "../lib/context";

/** The engine's commands the recovery screen uses (lib/api.ts's `api`, or a test's fakes). */
export type RecoveryApi = Pick<typeof api, "recoveryRetry" | "recoverySetAside" | "recoveryRestore">;

export interface RecoveryDeps {
  api: RecoveryApi;
  /** The till's data is open: the app leaves this screen and starts as usual. Called once. */
  onOpened: () => void;
}

/** One of the ways out. */
export type RecoveryAction = "retry" | "set-aside" | "restore";

/** Why the last attempt did not open the till: the engine refused it, or it answered a problem still. */
export type RecoveryFailure = {
  action: RecoveryAction;
  /** The engine's refusal, or `still-not-open`: it answered another problem (now `problem`). */
  why: ErrorReport | "still-not-open";
};

/** Which question is open over the screen: one value, so two can never be open at once. */
export type RecoveryDialog =
  | { kind: "none" }
  /** Asks before setting the damaged file aside and starting empty. */
  | { kind: "set-aside" }
  /** Asks before restoring `backup`. */
  | { kind: "restore"; backup: BackupFile };

export class RecoveryController {
  /** What stops the till opening its data, as the engine last answered it. */
  problem: StartupProblem;
  /** The action with the engine, if one is (the buttons wait meanwhile). */
  running = $state<RecoveryAction | null>(null);
  /** Why the last attempt did not open the till; cleared when another is sent. */
  failed = $state<RecoveryFailure | null>(null);
  dialog = $state<RecoveryDialog>({ kind: "none" });
  /** The till is open: the screen is on its way out and sends nothing more. */
  opened = $state(false);

  /** An action is with the engine. */
  readonly busy = $derived(this.running !== null);

  readonly #deps: RecoveryDeps;

  constructor(problem: StartupProblem, deps: RecoveryDeps) {
    this.problem = $state(problem);
    this.#deps = deps;
  }

  /** Setting the file aside (and so restoring) is offered: the engine can write beside it. */
  get canSetAside(): boolean {
    return this.problem.can_set_aside;
  }

  /** The backups offered to restore, newest first: none where nothing can be set aside. */
  get backups(): BackupFile[] {
    return this.problem.can_set_aside ? this.problem.backups : [];
  }

  // --- Questions ---------------------------------------------------------

  /** Asks before setting the damaged file aside (only where it can be). */
  askSetAside(): void {
    if (this.busy || this.opened || !this.canSetAside) return;
    this.dialog = { kind: "set-aside" };
  }

  /** Asks before restoring `backup` (only one the engine offered, where it can be). */
  askRestore(backup: BackupFile): void {
    if (this.busy || this.opened || !this.backups.some((b) => b.path === backup.path)) return;
    this.dialog = { kind: "restore", backup };
  }

  /** Closes the question without doing it (not while its action is with the engine). */
  closeDialog(): void {
    if (this.busy) return;
    this.dialog = { kind: "none" };
  }

  /** The open question answered yes: its action. */
  confirm(): Promise<void> {
    const dialog = this.dialog;
    switch (dialog.kind) {
      case "none":
        return Promise.resolve();
      case "set-aside":
        return this.setAside();
      case "restore":
        return this.restore(dialog.backup.path);
    }
  }

  // --- Actions -----------------------------------------------------------

  /** Opens the data again, unchanged. */
  retry(): Promise<void> {
    return this.#run("retry", () => this.#deps.api.recoveryRetry());
  }

  /** Sets the damaged file aside (kept beside it) and opens an empty till. */
  setAside(): Promise<void> {
    if (!this.canSetAside) return Promise.resolve();
    return this.#run("set-aside", () => this.#deps.api.recoverySetAside());
  }

  /** Sets the damaged file aside and restores the backup at `path`. */
  restore(path: string): Promise<void> {
    if (!this.canSetAside) return Promise.resolve();
    return this.#run("restore", () => this.#deps.api.recoveryRestore(path));
  }

  /**
   * Runs one action, once at a time: null from the engine is the till open
   * (`onOpened`); another problem is shown in place of the last, and said not
   * to have worked; a refusal is said, and nothing else changes. The question
   * closes either way: what happened is said on the screen.
   */
  async #run(action: RecoveryAction, attempt: () => Promise<StartupProblem | null>): Promise<void> {
    if (this.busy || this.opened) return;
    this.running = action;
    this.failed = null;
    let left: StartupProblem | null;
    try {
      left = await attempt();
    } catch (e) {
      this.failed = { action, why: asErrorReport(e) };
      return;
    } finally {
      this.running = null;
      this.dialog = { kind: "none" };
    }
    if (left === null) {
      this.opened = true;
      this.#deps.onOpened();
      return;
    }
    this.problem = left;
    this.failed = { action, why: "still-not-open" };
  }
}

/** The recovery screen's controller, for the components inside it. */
export const recoveryContext = contextKey<RecoveryController>("recovery screen");
