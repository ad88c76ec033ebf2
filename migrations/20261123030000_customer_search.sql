-- Typed lookup without scanning every customer: names by any three letters or
-- more, phone numbers by any three digits or more (the last four, say), through
-- a trigram index kept in step with `customers` by triggers. The triggers fire
-- only when a name or phone is written, so recording a visit does not pay for it.

CREATE VIRTUAL TABLE customers_search USING fts5(
    name, phone,
    content = 'customers', content_rowid = 'rowid',
    tokenize = 'trigram'
);

CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_search (rowid, name, phone) VALUES (new.rowid, new.name, new.phone);
END;

CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_search (customers_search, rowid, name, phone)
    VALUES ('delete', old.rowid, old.name, old.phone);
END;

CREATE TRIGGER customers_search_update AFTER UPDATE OF name, phone ON customers BEGIN
    INSERT INTO customers_search (customers_search, rowid, name, phone)
    VALUES ('delete', old.rowid, old.name, old.phone);
    INSERT INTO customers_search (rowid, name, phone) VALUES (new.rowid, new.name, new.phone);
END;

INSERT INTO customers_search (customers_search) VALUES ('rebuild');
