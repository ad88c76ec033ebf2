-- Protocol 2: every till signs the events it writes with the key it announced
-- in its first event (`till_key_added`), and checks the signature of every
-- event it pulls. Events written before stay unsigned and valid.
ALTER TABLE events ADD COLUMN sig TEXT;

-- The tills seen signing, and the first of their events that was signed: an
-- unsigned event from such a till, later in its stream, is not its own (a
-- device token used without the till's key) and is held aside on pull.
CREATE TABLE signing_devices (
    device      TEXT PRIMARY KEY,
    signs_from  INTEGER NOT NULL
);
