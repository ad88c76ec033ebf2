// The manager's staff: who is on it, and adding someone, setting a PIN,
// changing a role and removing someone, each through one dialog; and, on the
// screen itself, after how many minutes unused a sign-in ends here. The engine
// holds every rule (the first member is a manager and adding them closes a
// till that ran open; a barista's PIN has 4 digits or more and a manager's 6;
// the last manager stays one, and stays): the screen sends what was typed and
// shows the engine's refusal at the field it names. screens/Staff.svelte lays
// it out; its components get it from context (`staffContext`). The engine's
// commands, the timers and the till's refresh are handed in, so it is tested
// with vitest without a DOM and without Tauri.
//
// The same shape as the reports (reports.svelte.ts): the list is read through
// one `LatestRun` (the latest asked wins, progress after a while, the refusal
// kept); the changes go through one run wrapper (`#run`), as the barista's do.
import { asErrorReport, type api } from "../lib/api";
import type { ErrorReport, Role, SignInIdle, StaffList, StaffMember } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { LatestRun } from "../lib/latestRun.svelte";
import type { Modals } from "../lib/modal.svelte";
import type { Timers } from "../lib/timers";

/** The engine's commands the staff screen uses (lib/api.ts's `api`, or a test's fakes). */
export type StaffApi = Pick<
  typeof api,
  "staffList" | "addStaff" | "setStaffPin" | "setStaffRole" | "removeStaff" | "setSignInIdle"
>;

export interface StaffDeps {
  api: StaffApi;
  timers: Pick<Timers, "after">;
  /** The open modal dialogs, the screen's own or not (lib/modal.svelte.ts `modal`): while
   * any is open, the screen's keys are not its own. */
  modals: Modals;
  /** True while something covers the screen (settings): its keys are not the screen's. */
  paused: () => boolean;
  /** Whoever is signed in here (their staff id), marked in the list; null while the till runs open. */
  me: () => string | null;
  /** After a change: the till's overview asked again (the sign-in list, who may do what; after
   * the first manager, the sign-in screen). Settles once it is in. */
  refresh: () => Promise<void>;
  /** The till's idle times as its overview answered them (the form starts from them). */
  signInIdle: () => SignInIdle | null;
}

/** Every role, in the order a picker lists them (a role the engine adds fails to compile until it is here). */
export const ROLES = Object.keys({ barista: 1, manager: 1 } satisfies Record<Role, 1>) as readonly Role[];

/** The idle times' fields, as the engine names them in a refusal (a field it adds fails to compile until it is here). */
export const IDLE_FIELDS = Object.keys({ barista_minutes: 1, manager_minutes: 1 } satisfies Record<
  keyof SignInIdle,
  1
>) as readonly (keyof SignInIdle)[];

/** The idle times as typed: a number field holds null while empty. */
export type IdleDraft = Record<keyof SignInIdle, number | null>;

/** Which dialog is open over the list: one value, so two can never be open at once. */
export type StaffDialog =
  | { kind: "none" }
  | { kind: "add" }
  /** A new PIN for `member`. */
  | { kind: "pin"; member: StaffMember }
  /** Another role for `member` (a new PIN with it: needed to become a manager). */
  | { kind: "role"; member: StaffMember }
  /** Asks before removing `member`. */
  | { kind: "remove"; member: StaffMember };

/** What the open dialog's fields hold (bound to them). */
export interface StaffDraft {
  name: string;
  role: Role;
  pin: string;
  /** The PIN typed a second time. */
  pinAgain: string;
}

/** What the last change did, as the engine answered it (the screen says so). */
export type StaffDone =
  | { kind: "added"; member: StaffMember }
  | { kind: "pin"; member: StaffMember }
  | { kind: "role"; member: StaffMember }
  | { kind: "removed"; member: StaffMember }
  /** The idle times set on this till. */
  | { kind: "idle"; idle: SignInIdle };

/** The field a PIN typed twice differently is shown at. */
export const PIN_AGAIN = "pin-again";

export class StaffController {
  /** The staff as the engine last answered (null until it has). */
  list = $state<StaffList | null>(null);
  dialog = $state<StaffDialog>({ kind: "none" });
  draft = $state<StaffDraft>({ name: "", role: ROLES[0] ?? "barista", pin: "", pinAgain: "" });
  /** A change is with the engine: the dialog's buttons wait. */
  busy = $state(false);
  /** Why the engine refused the change in front (the open dialog's, else the idle times'); cleared
   * when it is sent again, or once the dialog closes or another opens. */
  refusal = $state<ErrorReport | null>(null);
  /** The two PINs typed are not the same: nothing was sent. */
  pinsDiffer = $state(false);
  /** The last change made. */
  done = $state<StaffDone | null>(null);
  /** After how many minutes unused a sign-in ends here, as typed (bound to the fields). */
  idle = $state<IdleDraft>({ barista_minutes: null, manager_minutes: null });

  /** Everyone on the staff, by name, as the engine lists them. */
  readonly staff = $derived(this.list?.staff ?? []);
  /** Nobody is on the staff: anyone at the till may do anything, and the first added is a manager. */
  readonly runsOpen = $derived(this.list?.runs_open ?? false);
  /** The field at fault in the open dialog: the one the engine named, or the PIN typed twice differently. */
  readonly faulty = $derived(
    this.pinsDiffer ? PIN_AGAIN : this.refusal?.code === "invalid_input" ? this.refusal.field : null,
  );
  /** The idle times were saved, and the fields still hold what was saved. */
  readonly idleSaved = $derived.by(() => {
    const done = this.done;
    return done?.kind === "idle" && IDLE_FIELDS.every((field) => this.idle[field] === done.idle[field]);
  });

  readonly #deps: StaffDeps;
  readonly #latest: LatestRun<StaffList>;

  constructor(deps: StaffDeps) {
    this.#deps = deps;
    this.#latest = new LatestRun(deps.timers);
    const idle = deps.signInIdle();
    if (idle) this.idle = { ...idle };
  }

  /** The list is being read. */
  get loading(): boolean {
    return this.#latest.loading;
  }
  /** …and has been for a while: the screen says so. */
  get slow(): boolean {
    return this.#latest.slow;
  }
  /** Why the list was not read. */
  get loadRefusal(): ErrorReport | null {
    return this.#latest.refusal;
  }

  /** The screen's keys are its own: nothing covers it and no dialog is open (its own or another). */
  get listening(): boolean {
    return !this.#deps.paused() && this.dialog.kind === "none" && !this.#deps.modals.open;
  }

  /** `member` is whoever is signed in here. */
  isMe(member: StaffMember): boolean {
    return this.#deps.me() === member.id;
  }

  /** Reads the staff (on opening the screen, and after each change). */
  load(): Promise<void> {
    return this.#latest.run(() => this.#deps.api.staffList(), {
      answered: (list) => {
        this.list = list;
      },
    });
  }

  // --- Dialogs -----------------------------------------------------------

  /** The form to add someone. While the till runs open it offers a manager first: the engine's
   * first staff member is one (it refuses anyone else, and says so). */
  openAdd(): void {
    this.#open({ kind: "add" }, { role: this.runsOpen ? "manager" : "barista" });
  }

  openPin(member: StaffMember): void {
    this.#open({ kind: "pin", member }, { role: member.role });
  }

  openRole(member: StaffMember): void {
    this.#open({ kind: "role", member }, { role: member.role });
  }

  askRemove(member: StaffMember): void {
    this.#open({ kind: "remove", member }, { role: member.role });
  }

  /** Closes the dialog without changing anything (not while its change is with the engine). */
  closeDialog(): void {
    if (this.busy) return;
    this.dialog = { kind: "none" };
    this.#forget();
  }

  // --- Changes -----------------------------------------------------------

  /** The open dialog's change: the person added, the PIN set, the role changed, the person removed. */
  save(): Promise<void> {
    const dialog = this.dialog;
    const draft = this.draft;
    const api = this.#deps.api;
    switch (dialog.kind) {
      case "none":
        return Promise.resolve();
      case "add":
        if (!this.#samePins()) return Promise.resolve();
        return this.#run(async () => ({
          kind: "added",
          member: await api.addStaff({ name: draft.name, role: draft.role, pin: draft.pin }),
        }));
      case "pin":
        if (!this.#samePins()) return Promise.resolve();
        return this.#run(async () => ({
          kind: "pin",
          member: await api.setStaffPin({ staff: dialog.member.id, pin: draft.pin }),
        }));
      case "role": {
        // A new PIN goes with the role when one is typed; the engine says when it is needed.
        if (!this.#samePins()) return Promise.resolve();
        const pin = draft.pin.length > 0 ? { pin: draft.pin } : {};
        return this.#run(async () => ({
          kind: "role",
          member: await api.setStaffRole({ staff: dialog.member.id, role: draft.role, ...pin }),
        }));
      }
      case "remove":
        return this.#run(async () => {
          await api.removeStaff({ staff: dialog.member.id });
          return { kind: "removed", member: dialog.member };
        });
    }
  }

  /**
   * Sets the idle times typed (not while a dialog is open: its refusal would be taken for
   * theirs). The fields keep what the engine answered; the till's overview is asked again.
   */
  saveIdle(): Promise<void> {
    if (this.dialog.kind !== "none") return Promise.resolve();
    const request: SignInIdle = {
      barista_minutes: wholeMinutes(this.idle.barista_minutes),
      manager_minutes: wholeMinutes(this.idle.manager_minutes),
    };
    return this.#run(async () => {
      const idle = await this.#deps.api.setSignInIdle(request);
      this.idle = { ...idle };
      return { kind: "idle", idle };
    });
  }

  /**
   * Runs one change: busy meanwhile; once the engine has made it, the dialog
   * closes, the change is said, and the list (when it changed) and the till's
   * overview are asked again; a refusal is kept, and the dialog stays open with
   * what was typed.
   */
  async #run(change: () => Promise<StaffDone>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.refusal = null;
    let done: StaffDone;
    try {
      done = await change();
    } catch (e) {
      this.refusal = asErrorReport(e);
      return;
    } finally {
      this.busy = false;
    }
    this.done = done;
    this.dialog = { kind: "none" };
    this.#forget();
    await Promise.all([this.#deps.refresh(), done.kind === "idle" ? undefined : this.load()]);
  }

  /** True when the PIN was typed the same twice (else says so, and nothing is sent). */
  #samePins(): boolean {
    this.pinsDiffer = this.draft.pin !== this.draft.pinAgain;
    if (this.pinsDiffer) this.refusal = null;
    return !this.pinsDiffer;
  }

  #open(dialog: StaffDialog, draft: Pick<StaffDraft, "role">): void {
    if (this.busy) return;
    this.#forget();
    this.done = null;
    this.draft = { name: "", pin: "", pinAgain: "", ...draft };
    this.dialog = dialog;
  }

  /** What a closed dialog leaves behind: its refusal, and the PINs typed. */
  #forget(): void {
    this.refusal = null;
    this.pinsDiffer = false;
    this.draft.pin = "";
    this.draft.pinAgain = "";
  }
}

/**
 * A minutes field as the whole number the engine reads (an unsigned 32-bit one): empty, a
 * fraction or below zero is 0, and too many is the most it reads, each of which the engine
 * refuses at that field in the screen's words; the range itself is the engine's to check.
 */
function wholeMinutes(typed: number | null): number {
  if (typed === null || !Number.isInteger(typed) || typed < 0) return 0;
  return Math.min(typed, 2 ** 32 - 1);
}

/** The staff screen's controller, for the components inside it. */
export const staffContext = contextKey<StaffController>("staff screen");
