-- Records merged into a customer are found through `merged_into`; without this
-- index every balance, expiry and allowance query scanned all customers.
CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;
