// The recovery controller, without a DOM and without Tauri: the engine's
// three commands are mocks, answers are settled by hand to see what the
// screen shows meanwhile. Each answers the problem left, or null once the
// till is open: then the app's normal start goes on (`onOpened`).
import { describe, expect, it } from "vitest";
import type { StartupProblem } from "../lib/bindings";
import { backup, later, problem, refusal, testRecovery } from "../test/recovery";

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("the problem", () => {
  it("is shown as the engine said it, nothing running and nothing failed yet", () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    expect(t.controller.problem).toEqual(start);
    expect(t.controller.busy).toBe(false);
    expect(t.controller.running).toBeNull();
    expect(t.controller.failed).toBeNull();
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.controller.canSetAside).toBe(true);
    expect(t.controller.backups).toEqual(start.backups);
  });

  it("offers only trying again where the engine cannot write beside the file", async () => {
    const t = testRecovery(problem("disk_full", { can_set_aside: false }));
    expect(t.controller.canSetAside).toBe(false);
    // The backups found are not offered: restoring sets the file aside too.
    expect(t.controller.backups).toEqual([]);
    const offered = problem("disk_full").backups[0]!;
    t.controller.askSetAside();
    t.controller.askRestore(offered);
    expect(t.controller.dialog.kind).toBe("none");
    await t.controller.setAside();
    await t.controller.restore(offered.path);
    expect(t.api.recoverySetAside).not.toHaveBeenCalled();
    expect(t.api.recoveryRestore).not.toHaveBeenCalled();
  });

  it("offers nothing to restore when no backup was found", () => {
    const t = testRecovery(problem("not_a_database", { backups: [] }));
    expect(t.controller.canSetAside).toBe(true);
    expect(t.controller.backups).toEqual([]);
  });
});

describe("trying again", () => {
  it("goes on to the normal start once the engine answers the till is open", async () => {
    const t = testRecovery(problem("read_only", { can_set_aside: false }));
    const answer = later<StartupProblem | null>();
    t.api.recoveryRetry.mockReturnValue(answer.promise);
    const trying = t.controller.retry();
    expect(t.controller.running).toBe("retry");
    expect(t.controller.busy).toBe(true);
    expect(t.onOpened).not.toHaveBeenCalled();
    answer.settle(null);
    await trying;
    expect(t.onOpened).toHaveBeenCalledTimes(1);
    expect(t.controller.opened).toBe(true);
    expect(t.controller.busy).toBe(false);
    expect(t.controller.failed).toBeNull();
    // On its way out, the screen sends nothing more.
    await t.controller.retry();
    expect(t.api.recoveryRetry).toHaveBeenCalledTimes(1);
    expect(t.onOpened).toHaveBeenCalledTimes(1);
  });

  it("shows the problem the engine answers, and says the attempt did not work", async () => {
    const t = testRecovery(problem("disk_full", { can_set_aside: false }));
    // Space was freed, but the folder cannot be written: another kind now, and set-aside is offered.
    const next = problem("read_only", { can_set_aside: false });
    t.api.recoveryRetry.mockResolvedValue(next);
    await t.controller.retry();
    expect(t.controller.problem).toEqual(next);
    expect(t.controller.failed).toEqual({ action: "retry", why: "still-not-open" });
    expect(t.onOpened).not.toHaveBeenCalled();
    expect(t.controller.busy).toBe(false);

    // Fixed so far that the file can be set aside: the choices follow the engine's answer.
    const writable = problem("damaged");
    t.api.recoveryRetry.mockResolvedValue(writable);
    await t.controller.retry();
    expect(t.controller.canSetAside).toBe(true);
    expect(t.controller.backups).toEqual(writable.backups);
  });

  it("keeps the engine's refusal, and changes nothing else", async () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    t.api.recoveryRetry.mockRejectedValue(refusal("io"));
    await t.controller.retry();
    expect(t.controller.failed).toEqual({ action: "retry", why: refusal("io") });
    expect(t.controller.problem).toEqual(start);
    expect(t.controller.busy).toBe(false);
    expect(t.controller.opened).toBe(false);
    expect(t.onOpened).not.toHaveBeenCalled();
  });

  it("takes a failure that is no ErrorReport as an io error", async () => {
    const t = testRecovery();
    t.api.recoveryRetry.mockRejectedValue("the IPC broke");
    await t.controller.retry();
    const failed = t.controller.failed;
    expect(failed?.why).toMatchObject({ code: "io" });
  });

  it("forgets the last failure once another attempt is sent", async () => {
    const t = testRecovery();
    t.api.recoveryRetry.mockRejectedValue(refusal("io"));
    await t.controller.retry();
    expect(t.controller.failed).not.toBeNull();
    const answer = later<StartupProblem | null>();
    t.api.recoveryRetry.mockReturnValue(answer.promise);
    const trying = t.controller.retry();
    expect(t.controller.failed).toBeNull();
    answer.settle(null);
    await trying;
  });
});

describe("setting the file aside", () => {
  it("asks first, and sets it aside only once confirmed", async () => {
    const t = testRecovery(problem("not_a_database"));
    t.controller.askSetAside();
    expect(t.controller.dialog).toEqual({ kind: "set-aside" });
    expect(t.api.recoverySetAside).not.toHaveBeenCalled();
    // Not this time.
    t.controller.closeDialog();
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.api.recoverySetAside).not.toHaveBeenCalled();

    t.controller.askSetAside();
    const answer = later<StartupProblem | null>();
    t.api.recoverySetAside.mockReturnValue(answer.promise);
    const setting = t.controller.confirm();
    expect(t.api.recoverySetAside).toHaveBeenCalledTimes(1);
    expect(t.controller.running).toBe("set-aside");
    // Escape waits for the answer.
    t.controller.closeDialog();
    expect(t.controller.dialog.kind).toBe("set-aside");
    answer.settle(null);
    await setting;
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.onOpened).toHaveBeenCalledTimes(1);
  });

  it("says it did not work when the engine answers a problem still", async () => {
    const t = testRecovery(problem("damaged"));
    const next = problem("disk_full", { can_set_aside: false });
    t.api.recoverySetAside.mockResolvedValue(next);
    t.controller.askSetAside();
    await t.controller.confirm();
    expect(t.controller.problem).toEqual(next);
    expect(t.controller.failed).toEqual({ action: "set-aside", why: "still-not-open" });
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.controller.canSetAside).toBe(false);
    expect(t.onOpened).not.toHaveBeenCalled();
  });

  it("keeps the engine's refusal, and changes nothing else", async () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    t.api.recoverySetAside.mockRejectedValue(refusal("io"));
    t.controller.askSetAside();
    await t.controller.confirm();
    expect(t.controller.failed).toEqual({ action: "set-aside", why: refusal("io") });
    expect(t.controller.problem).toEqual(start);
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.onOpened).not.toHaveBeenCalled();
  });
});

describe("restoring a backup", () => {
  it("asks first, naming the backup, and restores the one confirmed", async () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    const older = start.backups[1]!;
    t.controller.askRestore(older);
    expect(t.controller.dialog).toEqual({ kind: "restore", backup: older });
    expect(t.api.recoveryRestore).not.toHaveBeenCalled();
    t.api.recoveryRestore.mockResolvedValue(null);
    await t.controller.confirm();
    expect(t.api.recoveryRestore).toHaveBeenCalledWith(older.path);
    expect(t.onOpened).toHaveBeenCalledTimes(1);
  });

  it("asks about no backup the engine did not offer", () => {
    const t = testRecovery(problem("damaged"));
    t.controller.askRestore(backup("2020-01-01T00:00:00Z"));
    expect(t.controller.dialog.kind).toBe("none");
  });

  it("says it did not work when the engine answers a problem still (the backup damaged too)", async () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    // The engine lists what is left: the backup tried is now set aside with the file.
    const next = problem("damaged", { backups: start.backups.slice(1) });
    t.api.recoveryRestore.mockResolvedValue(next);
    t.controller.askRestore(start.backups[0]!);
    await t.controller.confirm();
    expect(t.controller.failed).toEqual({ action: "restore", why: "still-not-open" });
    expect(t.controller.backups).toEqual(next.backups);
    expect(t.onOpened).not.toHaveBeenCalled();
  });

  it("keeps the engine's refusal, and changes nothing else", async () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    t.api.recoveryRestore.mockRejectedValue(refusal("not_found"));
    t.controller.askRestore(start.backups[0]!);
    await t.controller.confirm();
    expect(t.controller.failed).toEqual({ action: "restore", why: refusal("not_found") });
    expect(t.controller.problem).toEqual(start);
    expect(t.onOpened).not.toHaveBeenCalled();
  });
});

describe("while an attempt is with the engine", () => {
  it("sends nothing more, whichever button is pressed", async () => {
    const start = problem("damaged");
    const t = testRecovery(start);
    const answer = later<StartupProblem | null>();
    t.api.recoveryRetry.mockReturnValue(answer.promise);
    const trying = t.controller.retry();
    await t.controller.retry();
    await t.controller.setAside();
    await t.controller.restore(start.backups[0]!.path);
    t.controller.askSetAside();
    t.controller.askRestore(start.backups[0]!);
    expect(t.controller.dialog.kind).toBe("none");
    expect(t.api.recoveryRetry).toHaveBeenCalledTimes(1);
    expect(t.api.recoverySetAside).not.toHaveBeenCalled();
    expect(t.api.recoveryRestore).not.toHaveBeenCalled();
    expect(t.controller.running).toBe("retry");
    answer.settle(problem("damaged"));
    await trying;
    expect(t.controller.busy).toBe(false);
    // Answered: the buttons work again.
    t.controller.askSetAside();
    expect(t.controller.dialog.kind).toBe("set-aside");
  });

  it("confirms once however often Enter is pressed", async () => {
    const t = testRecovery(problem("damaged"));
    const answer = later<StartupProblem | null>();
    t.api.recoverySetAside.mockReturnValue(answer.promise);
    t.controller.askSetAside();
    const setting = t.controller.confirm();
    await t.controller.confirm();
    expect(t.api.recoverySetAside).toHaveBeenCalledTimes(1);
    answer.settle(null);
    await setting;
    expect(t.onOpened).toHaveBeenCalledTimes(1);
  });

  it("does nothing on confirming with no question open", async () => {
    const t = testRecovery();
    await t.controller.confirm();
    expect(t.api.recoverySetAside).not.toHaveBeenCalled();
    expect(t.api.recoveryRestore).not.toHaveBeenCalled();
    expect(t.controller.busy).toBe(false);
  });
});
