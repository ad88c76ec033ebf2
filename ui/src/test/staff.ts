// The staff controller on fakes, for its tests and its screen's: the
// engine's commands as mocks (each refuses until a test says what it
// answers), timers the test moves by hand, the till's refresh counted, and
// staff as the engine lists them (engine/src/command/staff.rs).
import { vi } from "vitest";
import type { StaffApi, StaffDeps } from "../controllers/staff.svelte";
import { StaffController } from "../controllers/staff.svelte";
import type { ErrorReport, Role, StaffList, StaffMember } from "../lib/bindings";
import { ModalRegistry } from "../lib/modal.svelte";
import { HandClock, refusal } from "./barista";

export { HandClock, refusal };
export { answers, later } from "./reports";

/** A staff member as the engine answers them. */
export function member(name: string, role: Role, id = `id-${name.toLowerCase()}`): StaffMember {
  return { id, name, role, removed: false };
}

/** The staff list, by name as the engine sorts it; the till runs open when nobody is on it. */
export function staffList(...staff: StaffMember[]): StaffList {
  const sorted = [...staff].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  return { runs_open: sorted.length === 0, staff: sorted };
}

/** The engine's refusal of bad input at `field`. */
export function invalid(field: string): ErrorReport {
  return { ...refusal("invalid_input"), field };
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof StaffApi>() {
  return vi.fn<StaffApi[K]>(() => Promise.reject(refusal("io")));
}

/** Each command the staff screen uses, as a mock. */
export function fakeStaffApi() {
  return {
    staffList: refuses<"staffList">(),
    addStaff: refuses<"addStaff">(),
    setStaffPin: refuses<"setStaffPin">(),
    setStaffRole: refuses<"setStaffRole">(),
    removeStaff: refuses<"removeStaff">(),
    setSignInIdle: refuses<"setSignInIdle">(),
  } satisfies StaffApi;
}

export function testStaff(over: Partial<StaffDeps> = {}) {
  const clock = new HandClock();
  const api = fakeStaffApi();
  const modals = new ModalRegistry();
  let paused = false;
  let me: string | null = null;
  const refresh = vi.fn<StaffDeps["refresh"]>(() => Promise.resolve());
  const deps = {
    api,
    timers: clock,
    modals,
    paused: () => paused,
    me: () => me,
    refresh,
    // The engine's defaults (engine/src/command/session.rs).
    signInIdle: () => ({ barista_minutes: 30, manager_minutes: 10 }),
    ...over,
  } satisfies StaffDeps;
  return {
    controller: new StaffController(deps),
    api,
    clock,
    modals,
    refresh,
    deps,
    pause: (next: boolean) => (paused = next),
    signIn: (id: string | null) => (me = id),
  };
}
