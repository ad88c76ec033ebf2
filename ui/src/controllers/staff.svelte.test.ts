// The staff controller, without a DOM and without Tauri: the engine's
// commands are mocks, the timers move by hand, and answers are settled by
// hand to see what the screen shows meanwhile. The engine's rules (the first
// member a manager, PIN lengths, the last manager) are the mocks' answers:
// the controller sends what was typed and keeps the refusal.
import { describe, expect, it } from "vitest";
import type { StaffList, StaffMember } from "../lib/bindings";
import { invalid, later, member, refusal, staffList, testStaff } from "../test/staff";
import { SLOW_AFTER_MS } from "../lib/latestRun.svelte";
import { PIN_AGAIN } from "./staff.svelte";

const ADA = member("Ada", "manager");
const BEN = member("Ben", "barista");

/** The controller showing `list`. */
async function showing(list: StaffList) {
  const t = testStaff();
  t.api.staffList.mockResolvedValue(list);
  await t.controller.load();
  return t;
}

/** Types `name`, `pin` twice into the open dialog. */
function type(t: ReturnType<typeof testStaff>, fields: { name?: string; pin?: string; again?: string }) {
  if (fields.name !== undefined) t.controller.draft.name = fields.name;
  if (fields.pin !== undefined) t.controller.draft.pin = fields.pin;
  t.controller.draft.pinAgain = fields.again ?? fields.pin ?? "";
}

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("the list", () => {
  it("loads the staff as the engine lists them", async () => {
    const t = testStaff();
    const answer = later<StaffList>();
    t.api.staffList.mockReturnValue(answer.promise);
    const loading = t.controller.load();
    expect(t.controller.loading).toBe(true);
    expect(t.controller.staff).toEqual([]);
    answer.settle(staffList(BEN, ADA));
    await loading;
    expect(t.controller.loading).toBe(false);
    expect(t.controller.staff.map((m) => m.name)).toEqual(["Ada", "Ben"]);
    expect(t.controller.runsOpen).toBe(false);
  });

  it("says the till runs open when nobody is on the staff", async () => {
    const t = await showing(staffList());
    expect(t.controller.runsOpen).toBe(true);
    expect(t.controller.staff).toEqual([]);
  });

  it("says it is still reading only once it has taken a while", async () => {
    const t = testStaff();
    const answer = later<StaffList>();
    t.api.staffList.mockReturnValue(answer.promise);
    const loading = t.controller.load();
    t.clock.advance(SLOW_AFTER_MS - 1);
    expect(t.controller.slow).toBe(false);
    t.clock.advance(1);
    expect(t.controller.slow).toBe(true);
    answer.settle(staffList(ADA));
    await loading;
    expect(t.controller.slow).toBe(false);
  });

  it("keeps why the list was not read (not a manager), apart from a change's refusal", async () => {
    const t = testStaff();
    t.api.staffList.mockRejectedValue(refusal("auth.forbidden"));
    await t.controller.load();
    expect(t.controller.loadRefusal?.code).toBe("auth.forbidden");
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.list).toBeNull();
  });

  it("marks whoever is signed in", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.signIn(ADA.id);
    expect(t.controller.isMe(ADA)).toBe(true);
    expect(t.controller.isMe(BEN)).toBe(false);
  });
});

describe("adding someone", () => {
  it("adds the first manager while the till runs open, then asks the till again", async () => {
    const t = await showing(staffList());
    t.controller.openAdd();
    expect(t.controller.dialog.kind).toBe("add");
    // The engine's first staff member is a manager: the form offers one.
    expect(t.controller.draft.role).toBe("manager");
    type(t, { name: "Ada", pin: "240917" });
    const added = later<StaffMember>();
    t.api.addStaff.mockReturnValue(added.promise);
    t.api.staffList.mockResolvedValue({ runs_open: false, staff: [ADA] });
    const saving = t.controller.save();
    expect(t.api.addStaff).toHaveBeenCalledWith({ name: "Ada", role: "manager", pin: "240917" });
    expect(t.controller.busy).toBe(true);
    added.settle(ADA);
    await saving;
    expect(t.controller.busy).toBe(false);
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.controller.done).toEqual({ kind: "added", member: ADA });
    // The till no longer runs open: its overview, asked again, brings the sign-in screen.
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.api.staffList).toHaveBeenCalledTimes(2);
    expect(t.controller.runsOpen).toBe(false);
    expect(t.controller.staff).toEqual([ADA]);
    // The PINs typed are not kept.
    expect(t.controller.draft.pin).toBe("");
    expect(t.controller.draft.pinAgain).toBe("");
  });

  it("then adds a barista", async () => {
    const t = await showing(staffList(ADA));
    t.controller.openAdd();
    expect(t.controller.draft).toEqual({ name: "", role: "barista", pin: "", pinAgain: "" });
    type(t, { name: "Ben", pin: "4821" });
    t.api.addStaff.mockResolvedValue(BEN);
    t.api.staffList.mockResolvedValue(staffList(ADA, BEN));
    await t.controller.save();
    expect(t.api.addStaff).toHaveBeenCalledWith({ name: "Ben", role: "barista", pin: "4821" });
    expect(t.controller.staff.map((m) => m.name)).toEqual(["Ada", "Ben"]);
    expect(t.controller.done).toEqual({ kind: "added", member: BEN });
  });

  it("keeps the engine's refusal at its field, and what was typed", async () => {
    const t = await showing(staffList());
    t.controller.openAdd();
    // A barista first: the engine refuses, naming the role.
    t.controller.draft.role = "barista";
    type(t, { name: "Ben", pin: "4821" });
    t.api.addStaff.mockRejectedValue(invalid("role"));
    await t.controller.save();
    expect(t.controller.refusal?.code).toBe("invalid_input");
    expect(t.controller.faulty).toBe("role");
    expect(t.controller.dialog.kind).toBe("add");
    expect(t.controller.draft.name).toBe("Ben");
    expect(t.controller.busy).toBe(false);
    expect(t.refresh).not.toHaveBeenCalled();
    expect(t.controller.done).toBeNull();
    // A manager's PIN too short: the PIN is at fault, the role no longer.
    t.controller.draft.role = "manager";
    t.api.addStaff.mockRejectedValue(invalid("pin"));
    await t.controller.save();
    expect(t.controller.faulty).toBe("pin");
    expect(t.api.addStaff).toHaveBeenLastCalledWith({ name: "Ben", role: "manager", pin: "4821" });
  });

  it("sends nothing while the two PINs differ", async () => {
    const t = await showing(staffList(ADA));
    t.controller.openAdd();
    type(t, { name: "Ben", pin: "4821", again: "4812" });
    await t.controller.save();
    expect(t.api.addStaff).not.toHaveBeenCalled();
    expect(t.controller.pinsDiffer).toBe(true);
    expect(t.controller.faulty).toBe(PIN_AGAIN);
    t.controller.draft.pinAgain = "4821";
    t.api.addStaff.mockResolvedValue(BEN);
    t.api.staffList.mockResolvedValue(staffList(ADA, BEN));
    await t.controller.save();
    expect(t.controller.pinsDiffer).toBe(false);
    expect(t.api.addStaff).toHaveBeenCalledTimes(1);
  });

  it("keeps a failure that is not the engine's answer as an io error", async () => {
    const t = await showing(staffList(ADA));
    t.controller.openAdd();
    type(t, { name: "Ben", pin: "4821" });
    t.api.addStaff.mockRejectedValue(new Error("the IPC went away"));
    await t.controller.save();
    expect(t.controller.refusal?.code).toBe("io");
    expect(t.controller.faulty).toBeNull();
  });
});

describe("a role changed", () => {
  it("promotes a barista with the new PIN a manager needs", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openRole(BEN);
    expect(t.controller.dialog).toEqual({ kind: "role", member: BEN });
    // The picker starts on the role they have.
    expect(t.controller.draft.role).toBe("barista");
    t.controller.draft.role = "manager";
    // Without a PIN the engine refuses, naming the PIN.
    t.api.setStaffRole.mockRejectedValueOnce(invalid("pin"));
    await t.controller.save();
    expect(t.api.setStaffRole).toHaveBeenCalledWith({ staff: BEN.id, role: "manager" });
    expect(t.controller.faulty).toBe("pin");
    expect(t.controller.dialog.kind).toBe("role");
    type(t, { pin: "730512" });
    const promoted = { ...BEN, role: "manager" as const };
    t.api.setStaffRole.mockResolvedValue(promoted);
    t.api.staffList.mockResolvedValue(staffList(ADA, promoted));
    await t.controller.save();
    expect(t.api.setStaffRole).toHaveBeenLastCalledWith({ staff: BEN.id, role: "manager", pin: "730512" });
    expect(t.controller.done).toEqual({ kind: "role", member: promoted });
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.staff.find((m) => m.id === BEN.id)?.role).toBe("manager");
    expect(t.refresh).toHaveBeenCalledTimes(1);
  });

  it("asks for the PIN twice when one is given", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openRole(BEN);
    t.controller.draft.role = "manager";
    type(t, { pin: "730512", again: "730521" });
    await t.controller.save();
    expect(t.api.setStaffRole).not.toHaveBeenCalled();
    expect(t.controller.faulty).toBe(PIN_AGAIN);
  });

  it("keeps the refusal to make the last manager a barista", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openRole(ADA);
    t.controller.draft.role = "barista";
    t.api.setStaffRole.mockRejectedValue(invalid("role"));
    await t.controller.save();
    expect(t.api.setStaffRole).toHaveBeenCalledWith({ staff: ADA.id, role: "barista" });
    expect(t.controller.faulty).toBe("role");
    expect(t.controller.dialog.kind).toBe("role");
    expect(t.api.staffList).toHaveBeenCalledTimes(1);
  });
});

describe("a PIN set again", () => {
  it("sets the PIN typed twice", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openPin(BEN);
    expect(t.controller.dialog).toEqual({ kind: "pin", member: BEN });
    type(t, { pin: "5930" });
    t.api.setStaffPin.mockResolvedValue(BEN);
    t.api.staffList.mockResolvedValue(staffList(ADA, BEN));
    await t.controller.save();
    expect(t.api.setStaffPin).toHaveBeenCalledWith({ staff: BEN.id, pin: "5930" });
    expect(t.controller.done).toEqual({ kind: "pin", member: BEN });
    expect(t.controller.dialog.kind).toBe("none");
  });

  it("keeps the engine's refusal of a PIN too short for a manager", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openPin(ADA);
    type(t, { pin: "1234" });
    t.api.setStaffPin.mockRejectedValue(invalid("pin"));
    await t.controller.save();
    expect(t.controller.faulty).toBe("pin");
    expect(t.controller.dialog.kind).toBe("pin");
    // Closed: the refusal and the PINs typed go with the dialog.
    t.controller.closeDialog();
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.draft.pin).toBe("");
    expect(t.controller.faulty).toBeNull();
  });
});

describe("someone removed", () => {
  it("asks first, and removes only once confirmed", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.askRemove(BEN);
    expect(t.controller.dialog).toEqual({ kind: "remove", member: BEN });
    expect(t.api.removeStaff).not.toHaveBeenCalled();
    // Not this time.
    t.controller.closeDialog();
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.api.removeStaff).not.toHaveBeenCalled();
    t.controller.askRemove(BEN);
    const removed = later<never>();
    t.api.removeStaff.mockReturnValue(removed.promise);
    t.api.staffList.mockResolvedValue(staffList(ADA));
    const removing = t.controller.save();
    expect(t.api.removeStaff).toHaveBeenCalledWith({ staff: BEN.id });
    expect(t.controller.busy).toBe(true);
    removed.settle(undefined as never);
    await removing;
    expect(t.controller.done).toEqual({ kind: "removed", member: BEN });
    expect(t.controller.staff).toEqual([ADA]);
    expect(t.refresh).toHaveBeenCalledTimes(1);
  });

  it("keeps the refusal to remove the last manager", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.askRemove(ADA);
    t.api.removeStaff.mockRejectedValue(invalid("staff"));
    await t.controller.save();
    expect(t.controller.refusal?.field).toBe("staff");
    expect(t.controller.dialog).toEqual({ kind: "remove", member: ADA });
    expect(t.refresh).not.toHaveBeenCalled();
  });
});

describe("while a change is with the engine", () => {
  it("sends it once, and keeps its dialog open until answered", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openPin(BEN);
    type(t, { pin: "5930" });
    const set = later<StaffMember>();
    t.api.setStaffPin.mockReturnValue(set.promise);
    t.api.staffList.mockResolvedValue(staffList(ADA, BEN));
    const saving = t.controller.save();
    await t.controller.save();
    expect(t.api.setStaffPin).toHaveBeenCalledTimes(1);
    // Escape, or another row's button, waits for the answer.
    t.controller.closeDialog();
    t.controller.askRemove(ADA);
    expect(t.controller.dialog).toEqual({ kind: "pin", member: BEN });
    set.settle(BEN);
    await saving;
    expect(t.controller.busy).toBe(false);
    expect(t.controller.dialog.kind).toBe("none");
  });

  it("forgets the last change said once another dialog opens", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.openPin(BEN);
    type(t, { pin: "5930" });
    t.api.setStaffPin.mockResolvedValue(BEN);
    t.api.staffList.mockResolvedValue(staffList(ADA, BEN));
    await t.controller.save();
    expect(t.controller.done?.kind).toBe("pin");
    t.controller.openAdd();
    expect(t.controller.done).toBeNull();
  });
});

describe("the screen's keys", () => {
  it("are its own only while no dialog is open and nothing covers it", async () => {
    const t = await showing(staffList(ADA, BEN));
    expect(t.controller.listening).toBe(true);
    t.controller.openAdd();
    expect(t.controller.listening).toBe(false);
    t.controller.closeDialog();
    const closeOther = t.modals.opened();
    expect(t.controller.listening).toBe(false);
    closeOther();
    t.pause(true);
    expect(t.controller.listening).toBe(false);
    t.pause(false);
    expect(t.controller.listening).toBe(true);
  });

  it("does nothing on saving with no dialog open", async () => {
    const t = await showing(staffList(ADA));
    await t.controller.save();
    expect(t.api.addStaff).not.toHaveBeenCalled();
    expect(t.controller.busy).toBe(false);
  });
});

describe("the idle times", () => {
  it("start from the till's", () => {
    const t = testStaff({ signInIdle: () => ({ barista_minutes: 45, manager_minutes: 5 }) });
    expect(t.controller.idle).toEqual({ barista_minutes: 45, manager_minutes: 5 });
    expect(t.controller.idleSaved).toBe(false);
    // Before the till's overview is in: empty fields.
    expect(testStaff({ signInIdle: () => null }).controller.idle).toEqual({ barista_minutes: null, manager_minutes: null });
  });

  it("are saved as typed; the till is asked again, the list is not", async () => {
    const t = await showing(staffList(ADA, BEN));
    t.controller.idle.barista_minutes = 20;
    t.controller.idle.manager_minutes = 3;
    const saved = later<{ barista_minutes: number; manager_minutes: number }>();
    t.api.setSignInIdle.mockReturnValue(saved.promise);
    const saving = t.controller.saveIdle();
    expect(t.api.setSignInIdle).toHaveBeenCalledWith({ barista_minutes: 20, manager_minutes: 3 });
    expect(t.controller.busy).toBe(true);
    expect(t.controller.idleSaved).toBe(false);
    saved.settle({ barista_minutes: 20, manager_minutes: 3 });
    await saving;
    expect(t.controller.busy).toBe(false);
    expect(t.controller.idleSaved).toBe(true);
    expect(t.controller.done).toEqual({ kind: "idle", idle: { barista_minutes: 20, manager_minutes: 3 } });
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.api.staffList).toHaveBeenCalledTimes(1);
    // Typed again: no longer what was saved.
    t.controller.idle.manager_minutes = 4;
    expect(t.controller.idleSaved).toBe(false);
  });

  it("keep the engine's refusal at the field it names, and what was typed", async () => {
    const t = await showing(staffList(ADA));
    t.controller.idle.manager_minutes = 9000;
    t.api.setSignInIdle.mockRejectedValue(invalid("manager_minutes"));
    await t.controller.saveIdle();
    expect(t.controller.faulty).toBe("manager_minutes");
    expect(t.controller.idle).toEqual({ barista_minutes: 30, manager_minutes: 9000 });
    expect(t.controller.idleSaved).toBe(false);
    expect(t.refresh).not.toHaveBeenCalled();

    // Not at a field (signed out meanwhile): the refusal, at no field.
    t.api.setSignInIdle.mockRejectedValue(refusal("auth.signed_out_idle"));
    await t.controller.saveIdle();
    expect(t.controller.refusal?.code).toBe("auth.signed_out_idle");
    expect(t.controller.faulty).toBeNull();

    // A dialog opened takes the screen's front: the idle times' refusal goes.
    t.controller.openPin(ADA);
    expect(t.controller.refusal).toBeNull();
  });

  it("send an empty, fractional or negative field as 0, for the engine to refuse at that field", async () => {
    const t = await showing(staffList(ADA));
    t.api.setSignInIdle.mockRejectedValue(invalid("barista_minutes"));
    for (const typed of [null, 1.5, -5]) {
      t.controller.idle.barista_minutes = typed;
      await t.controller.saveIdle();
      expect(t.api.setSignInIdle).toHaveBeenLastCalledWith({ barista_minutes: 0, manager_minutes: 10 });
      expect(t.controller.faulty).toBe("barista_minutes");
    }
  });

  it("are not sent while a dialog is open over them", async () => {
    const t = await showing(staffList(ADA));
    t.controller.openAdd();
    await t.controller.saveIdle();
    expect(t.api.setSignInIdle).not.toHaveBeenCalled();
    expect(t.controller.dialog.kind).toBe("add");
  });
});
