-- Protocol 3: a staff member signs each event they write with the key their
-- PIN derives; the till signs it after them. Events written before carry none.
ALTER TABLE events ADD COLUMN author_sig TEXT;

-- The first of each till's events signed the protocol-3 way: an event of that
-- till signed the older way after it is held aside on pull.
ALTER TABLE signing_devices ADD COLUMN authors_from INTEGER;

-- The roster reads a fifth kind of staff event: the key a person announces.
DROP INDEX events_staff_kinds;
CREATE INDEX events_staff_kinds ON events (kind)
    WHERE kind IN ('staff_added', 'staff_role_changed', 'staff_pin_changed', 'staff_removed', 'staff_key_set');

-- Each pulled visit is checked against the program version it cites: the
-- published programs are found without a scan of the ledger.
CREATE INDEX events_programs ON events (kind) WHERE kind = 'program_published';
