// The recovery controller on fakes, for its tests and its screen's: the
// engine's commands as mocks (each refuses until a test says what it
// answers), the app's start counted, and problems as the engine describes
// them (engine/src/store/recovery.rs).
import { vi } from "vitest";
import type { RecoveryApi, RecoveryDeps } from "../controllers/recovery.svelte";
import { RecoveryController } from "../controllers/recovery.svelte";
import type { BackupFile, ProblemKind, StartupProblem } from "../lib/bindings";
import { refusal } from "./barista";

export { refusal };
export { later } from "./reports";

/** A backup as the engine lists it. */
export function backup(modified: string, bytes = 2_400_000): BackupFile {
  const stamp = modified.slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const name = `counterpart-${stamp}.db`;
  return { path: `/home/till/.local/share/counterpart/backups/${name}`, name, modified, bytes };
}

/** What stops the till opening its data, as the engine answers it. */
export function problem(kind: ProblemKind, over: Partial<StartupProblem> = {}): StartupProblem {
  return {
    kind,
    db: "/home/till/.local/share/counterpart/till.db",
    detail: `opening the till's database: ${kind.replace(/_/g, " ")}`,
    backups: [backup("2026-12-03T21:05:00Z"), backup("2026-12-02T21:04:00Z", 2_300_000)],
    can_set_aside: true,
    ...over,
  };
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof RecoveryApi>() {
  return vi.fn<RecoveryApi[K]>(() => Promise.reject(refusal("io")));
}

/** Each command the recovery screen uses, as a mock. */
export function fakeRecoveryApi() {
  return {
    recoveryRetry: refuses<"recoveryRetry">(),
    recoverySetAside: refuses<"recoverySetAside">(),
    recoveryRestore: refuses<"recoveryRestore">(),
  } satisfies RecoveryApi;
}

export function testRecovery(start: StartupProblem = problem("damaged"), over: Partial<RecoveryDeps> = {}) {
  const api = fakeRecoveryApi();
  const onOpened = vi.fn<RecoveryDeps["onOpened"]>();
  const deps = { api, onOpened, ...over } satisfies RecoveryDeps;
  return { controller: new RecoveryController(start, deps), api, onOpened, deps };
}
