-- The sync server's store (SQLite flavour; migrations/postgres holds the same
-- schema for PostgreSQL). Every table is scoped by merchant.

CREATE TABLE merchants (
    id                       TEXT PRIMARY KEY,
    name                     TEXT NOT NULL,
    -- The shop id written in the merchant's card codes (8 hex digits).
    shop                     TEXT NOT NULL,
    -- The device id of the server's own events (overdraw flags).
    server_device            TEXT NOT NULL,
    -- The next server sequence: one counter per merchant, taken under the
    -- merchant row's write lock, so sequences commit in order and a reader
    -- paging by sequence never skips a late commit.
    next_server_seq          BIGINT NOT NULL DEFAULT 1,
    next_server_device_seq   BIGINT NOT NULL DEFAULT 1,
    created_at               TEXT NOT NULL
);

CREATE TABLE locations (
    id        TEXT PRIMARY KEY,
    merchant  TEXT NOT NULL REFERENCES merchants (id),
    -- The engine's Location as JSON: shop name, currency, zone, day start.
    settings  TEXT NOT NULL
);
CREATE INDEX locations_merchant ON locations (merchant);

-- One-time codes a manager shows to pair a till; only their hash is kept.
CREATE TABLE pairing_codes (
    code_hash   TEXT PRIMARY KEY,
    merchant    TEXT NOT NULL REFERENCES merchants (id),
    location    TEXT NOT NULL REFERENCES locations (id),
    expires_at  TEXT NOT NULL,
    used_by     TEXT,
    used_at     TEXT
);

CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    merchant    TEXT NOT NULL REFERENCES merchants (id),
    location    TEXT NOT NULL REFERENCES locations (id),
    name        TEXT NOT NULL,
    -- SHA-256 of the device's token: a 256-bit random secret needs no slow hash.
    token_hash  TEXT NOT NULL UNIQUE,
    -- The next device sequence the server expects from this device.
    next_seq    BIGINT NOT NULL DEFAULT 1,
    paired_at   TEXT NOT NULL,
    last_seen   TEXT,
    revoked     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX devices_merchant ON devices (merchant);

-- The merchant's ledger, in server order. `body` is the event's canonical JSON,
-- handed out byte for byte to every till.
CREATE TABLE events (
    merchant      TEXT NOT NULL,
    server_seq    BIGINT NOT NULL,
    id            TEXT NOT NULL,
    device        TEXT NOT NULL,
    device_seq    BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    customer      TEXT,
    content_hash  TEXT NOT NULL,
    body          TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    PRIMARY KEY (merchant, server_seq)
);
CREATE UNIQUE INDEX events_id ON events (merchant, id);
CREATE UNIQUE INDEX events_device_seq ON events (merchant, device, device_seq);
-- Erasure looks up a customer's events carrying personal data; only those are
-- indexed (a full index by customer cost every insert a fifth more).
CREATE INDEX events_profiles ON events (merchant, customer)
    WHERE kind IN ('enrolled', 'profile_updated');

-- Events the server refused: they hold their place in the device's stream.
CREATE TABLE rejected_events (
    merchant     TEXT NOT NULL,
    device       TEXT NOT NULL,
    device_seq   BIGINT NOT NULL,
    id           TEXT NOT NULL,
    reason       TEXT NOT NULL,
    body         TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (merchant, device, device_seq)
);

-- What the overdraw check needs, folded in server order.
CREATE TABLE balances (
    merchant  TEXT NOT NULL,
    customer  TEXT NOT NULL,
    account   TEXT NOT NULL,
    amount    BIGINT NOT NULL,
    PRIMARY KEY (merchant, customer, account)
);
CREATE TABLE aliases (
    merchant     TEXT NOT NULL,
    customer     TEXT NOT NULL,
    merged_into  TEXT NOT NULL,
    PRIMARY KEY (merchant, customer)
);
CREATE INDEX aliases_into ON aliases (merchant, merged_into);
CREATE TABLE voided (
    merchant  TEXT NOT NULL,
    target    TEXT NOT NULL,
    PRIMARY KEY (merchant, target)
);
CREATE TABLE erased (
    merchant  TEXT NOT NULL,
    customer  TEXT NOT NULL,
    PRIMARY KEY (merchant, customer)
);
