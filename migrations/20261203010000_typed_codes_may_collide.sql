-- A typed code is the card id modulo 29^10: two tills issuing cards offline
-- can draw the same one (about 1 in 800 at a million cards, and on purpose by
-- anyone who can push). Applying a card must never fail on it (that stopped
-- every till's sync), so the index is no longer unique; a typed lookup offers
-- every card that matches, and new cards avoid the codes a till has seen.
DROP INDEX cards_fallback;
CREATE INDEX cards_fallback ON cards (fallback) WHERE fallback IS NOT NULL;
