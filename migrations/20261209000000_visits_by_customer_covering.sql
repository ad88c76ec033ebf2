-- A customer's visits with their amounts and whether they stand, in the
-- index itself: the segments read every visit that stands by customer from
-- the index alone (a third smaller than the table, in customer order, so
-- nothing is sorted), and the till's per-customer counts and sums (offers,
-- the customer's totals) no longer look each visit up in the table. The same
-- one index a visit writes as before, a few bytes longer.
DROP INDEX visits_customer;
CREATE INDEX visits_customer ON visits (customer, business_date, amount, voided);
