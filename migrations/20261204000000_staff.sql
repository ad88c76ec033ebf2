-- Staff and roles. Who is on the staff is read from the ledger's staff events
-- whenever someone signs in or acts (a handful of rows), never stored as a
-- projection; this index finds them without a scan of the ledger.
CREATE INDEX events_staff_kinds ON events (kind)
    WHERE kind IN ('staff_added', 'staff_role_changed', 'staff_pin_changed', 'staff_removed');

-- Each person's actions on this till, newest last: a barista may undo their own
-- last action.
CREATE INDEX events_by_staff ON events (staff, device, device_seq) WHERE staff IS NOT NULL;

-- Wrong PINs typed on this till. Not synced and not in the ledger: a lockout
-- guards one till's screen for five minutes.
CREATE TABLE staff_lockout (
    staff        TEXT PRIMARY KEY,
    wrong_pins   INTEGER NOT NULL,
    locked_until TEXT
);

-- Manager actions that write no event (exports, backups, rebuilds, demo data,
-- pairing, card sheets), for the audit. This till's own record: not synced.
CREATE TABLE manager_actions (
    seq    INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    staff  TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX manager_actions_at ON manager_actions (at);
