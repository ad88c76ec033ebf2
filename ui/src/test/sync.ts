// A sync status as the engine reports it, for the screens' tests: online,
// paired and nothing waiting unless a test says otherwise.
import type { SyncStatus } from "../lib/bindings";

export function syncStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    paired: true,
    online: true,
    waiting: 0,
    parked: 0,
    held: 0,
    last_sync: null,
    last_error: null,
    clock_skew_seconds: null,
    clock_warning: null,
    forked: false,
    action_needed: null,
    catch_up: null,
    ...over,
  };
}
