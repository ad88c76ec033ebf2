// What the engine answers in `TillOverview.permissions` (docs/permissions.md),
// for the screens' tests: a manager's (and anyone's on a till that runs open)
// and a barista's.
import type { Permission } from "../lib/bindings";

const BARISTA: readonly Permission[] = ["enrol", "record_visit", "redeem", "undo_own_last"];

const MANAGER: readonly Permission[] = [
  ...BARISTA,
  "void",
  "adjust",
  "update_profile",
  "replace_card",
  "subscribe",
  "merge",
  "erase",
  "export",
  "publish_program",
  "manage_staff",
  "pair",
  "maintain",
  "print_cards",
  "reports",
];

/** A barista's permissions. */
export function baristaMay(): Permission[] {
  return [...BARISTA];
}

/** A manager's permissions, and everyone's while the till runs open. */
export function managerMay(): Permission[] {
  return [...MANAGER];
}
