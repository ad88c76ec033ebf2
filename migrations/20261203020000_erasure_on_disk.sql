-- Erasure is erasure on disk. The connection sets `secure_delete` (freed space
-- is overwritten), and the name/phone search index removes a deleted entry's
-- tokens from its segments at once instead of leaving them until a merge.
INSERT INTO customers_search (customers_search, rank) VALUES ('secure-delete', 1);
