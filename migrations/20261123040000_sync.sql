-- Sync with the cloud server.
--
-- The server's address, this till's token and its merchant live in `settings`
-- (`sync.server`, `sync.token`, `sync.merchant`, `sync.last_success`); the cursor
-- is `device.seen_server_seq`; events waiting to be pushed are in `outbox`.

-- Events of this till the server refused (a rule of the server broken). They
-- keep their place in the device's stream on the server, so the rest of the
-- queue goes on; here they wait, with the reason, for a manager to see.
CREATE TABLE sync_parked (
    device_seq  INTEGER PRIMARY KEY,
    event_id    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    parked_at   TEXT NOT NULL
);

-- The id of the event this till pulled at its cursor: a pull checks that the
-- server still holds that event there (a server restored from an older backup
-- gives its sequence numbers out again).
ALTER TABLE device ADD COLUMN cursor_event TEXT;
