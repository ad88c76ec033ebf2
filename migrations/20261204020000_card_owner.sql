-- A card handed to two customers at two offline tills (a card sheet printed
-- twice, one pre-printed card handed over at two counters) must end with the
-- same owner on every till, whatever order the enrolments arrive in: the
-- customer of the earliest event that named it (event ids are time-ordered
-- and the same everywhere). `given_by` is that event; the other customer keeps
-- their record and balances and is shown the conflict.
ALTER TABLE cards ADD COLUMN given_by TEXT;
UPDATE cards SET given_by = (
    SELECT MIN(e.id) FROM events e
    WHERE (e.kind = 'enrolled' AND json_extract(e.body, '$.card') = cards.id)
       OR (e.kind = 'card_replaced' AND json_extract(e.body, '$.new_card') = cards.id)
);
