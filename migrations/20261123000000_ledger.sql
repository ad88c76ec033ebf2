-- The till's ledger and its projections.
--
-- `events` is append-only: rows are never updated or deleted, with one exception
-- the law requires: erasing a customer scrubs the personal data from the bodies of
-- their enrolment and profile events (see store/erase.rs).

CREATE TABLE device (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    id               TEXT NOT NULL,
    -- The next per-device sequence number to allocate: gapless from 1.
    next_seq         INTEGER NOT NULL,
    -- The highest server sequence this till has pulled.
    seen_server_seq  INTEGER NOT NULL DEFAULT 0
);

-- The location: shop name, currency, time zone, business-day start hour.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE events (
    -- Local order of application; nothing but this table's bookkeeping uses it.
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    device           TEXT NOT NULL,
    device_seq       INTEGER NOT NULL,
    seen_server_seq  INTEGER NOT NULL,
    server_seq       INTEGER,
    device_time      TEXT NOT NULL,
    staff            TEXT,
    kind             TEXT NOT NULL,
    customer         TEXT,
    idempotency_key  TEXT,
    body             TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    -- A plain constraint: a second event at the same place in a device's stream is
    -- an error (a forked device), never a silent no-op.
    UNIQUE (device, device_seq)
);
CREATE UNIQUE INDEX events_idempotency ON events (device, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX events_customer ON events (customer);

-- Every delta of every event, one row each: an index of the ledger written in the
-- same transaction as the event, for expiry, daily caps, allowances and reports.
CREATE TABLE event_deltas (
    event_seq      INTEGER NOT NULL REFERENCES events (seq),
    kind           TEXT NOT NULL,
    customer       TEXT NOT NULL,
    account        TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    business_date  TEXT NOT NULL
);
CREATE INDEX event_deltas_customer ON event_deltas (customer, account, business_date);

-- Events of this till not yet acknowledged by the server, by device sequence.
CREATE TABLE outbox (
    device_seq  INTEGER PRIMARY KEY,
    event_seq   INTEGER NOT NULL REFERENCES events (seq)
);

-- Projections: rebuilt from the ledger by `counterpart rebuild`.

CREATE TABLE customers (
    id                 TEXT PRIMARY KEY,
    name               TEXT,
    phone              TEXT,
    email              TEXT,
    birthday           TEXT,
    marketing_consent  INTEGER NOT NULL DEFAULT 0,
    tags               TEXT NOT NULL DEFAULT '[]',
    -- The event the profile came from: of two profile changes the larger event id wins.
    profile_event      TEXT,
    enrolled_on        TEXT,
    merged_into        TEXT,
    erased             INTEGER NOT NULL DEFAULT 0,
    visits             INTEGER NOT NULL DEFAULT 0,
    spend              INTEGER NOT NULL DEFAULT 0,
    first_visit        TEXT,
    last_visit         TEXT
);
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

CREATE TABLE cards (
    id        TEXT PRIMARY KEY,
    customer  TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('active', 'replaced'))
);
CREATE INDEX cards_customer ON cards (customer);

CREATE TABLE balances (
    customer  TEXT NOT NULL,
    account   TEXT NOT NULL,
    amount    INTEGER NOT NULL,
    PRIMARY KEY (customer, account)
) WITHOUT ROWID;

CREATE TABLE visits (
    event_id       TEXT PRIMARY KEY,
    customer       TEXT NOT NULL,
    business_date  TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    voided         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_customer ON visits (customer, business_date);

-- Voided events, whatever order the void and its target arrive in.
CREATE TABLE voided (
    target      TEXT PRIMARY KEY,
    void_event  TEXT NOT NULL
);

CREATE TABLE subscriptions (
    event_id  TEXT PRIMARY KEY,
    customer  TEXT NOT NULL,
    plan      TEXT NOT NULL,
    starts    TEXT NOT NULL,
    ends      TEXT NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions (customer);

CREATE TABLE programs (
    event_id  TEXT PRIMARY KEY,
    version   INTEGER NOT NULL,
    name      TEXT NOT NULL,
    source    TEXT NOT NULL
);
