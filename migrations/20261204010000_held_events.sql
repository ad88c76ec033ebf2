-- Pulled events this till's fold could not apply. Every event the server
-- accepts is meant to apply on every till in any order (docs/sync-protocol.md,
-- "The rule"), and every cause found so far is fixed; this is the defence for
-- the next one (a bug, or an older till meeting what a newer one wrote): the
-- event is kept aside here with the reason instead of rolling back its page, so
-- one event never stops a till's sync. Every round tries them again.
CREATE TABLE sync_held (
    event_id    TEXT PRIMARY KEY,
    server_seq  INTEGER NOT NULL,
    device      TEXT NOT NULL,
    device_seq  INTEGER NOT NULL,
    customer    TEXT,
    -- The event as pulled; NULL once its customer is erased (nothing of an
    -- erased customer stays on disk, and an erased record needs it no more).
    body        TEXT,
    reason      TEXT NOT NULL,
    held_at     TEXT NOT NULL
);
CREATE INDEX sync_held_customer ON sync_held (customer);
