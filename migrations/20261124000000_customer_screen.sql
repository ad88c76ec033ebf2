-- Indexes for the customer screen, which every visit and redemption shows after
-- recording: both read a customer's history and were a quarter of a visit's time.

-- A customer's events by kind, with their ids: the overdrawn flags are found
-- directly, and "which of this customer's events are voided" is answered from
-- the index alone instead of reading each event's row.
DROP INDEX events_customer;
CREATE INDEX events_customer ON events (customer, kind, id);

-- A customer's deltas with everything the balance and expiry queries read, so
-- they never touch the table.
DROP INDEX event_deltas_customer;
CREATE INDEX event_deltas_customer
    ON event_deltas (customer, account, business_date, kind, amount, event_seq);
