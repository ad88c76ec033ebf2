-- What an idempotency key was used for: the SHA-256 of the action and its
-- input. A key sent again with another request is refused instead of answered
-- with the first action's outcome. NULL for events recorded without a key, and
-- for keys recorded before this column (those replay as they did).
ALTER TABLE events ADD COLUMN request TEXT;
