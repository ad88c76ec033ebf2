-- Protocol 3: staff sign what they write with the key their PIN derives, and
-- the server checks each event's author against the roster as its till knew
-- it. `authors_from` is the first of a device's events signed the protocol-3
-- way: an event of that device signed the older way after it is refused (a
-- copy of the till's database cannot go back to writing names unsigned).
ALTER TABLE devices ADD COLUMN authors_from BIGINT;
-- Every push reads the merchant's staff events to build those rosters.
CREATE INDEX events_staff ON events (merchant, server_seq)
    WHERE kind IN ('staff_added', 'staff_role_changed', 'staff_pin_changed', 'staff_removed', 'staff_key_set');
-- Each push with visits reads the programs they cite.
CREATE INDEX events_programs ON events (merchant, server_seq) WHERE kind = 'program_published';
-- A pairing code a manager made for one revoked till: with it (and its own
-- signature) that till comes back under its id and pushes what it kept.
ALTER TABLE pairing_codes ADD COLUMN readmits TEXT;
