-- Signed card codes.

-- This till's Ed25519 signing key (32 bytes). Never leaves the till.
ALTER TABLE device ADD COLUMN signing_key BLOB;

-- The shop's tills' public keys, by key id (a projection of till_key_added events):
-- every till can verify a card issued by any other.
CREATE TABLE till_keys (
    key_id      TEXT PRIMARY KEY,
    public_key  BLOB NOT NULL,
    device      TEXT NOT NULL
);

-- The code in a card's QR and the short code printed under it.
ALTER TABLE cards ADD COLUMN code TEXT;
ALTER TABLE cards ADD COLUMN fallback TEXT;
CREATE UNIQUE INDEX cards_fallback ON cards (fallback) WHERE fallback IS NOT NULL;
