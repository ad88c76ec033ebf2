-- Protocol 2: a till signs every event it writes with the key it announced in
-- its first event. `public_key` is that key (64 hex digits), learnt from that
-- event; `signs_from` is the first of the device's events that was signed: an
-- unsigned event after it is not the till's own and is refused. Tills paired
-- from protocol 2 on sign from their first event; tills paired before keep
-- their unsigned events valid until their first signed push.
ALTER TABLE devices ADD COLUMN public_key TEXT;
ALTER TABLE devices ADD COLUMN signs_from BIGINT;
UPDATE devices SET public_key = (
    SELECT json_extract(e.body, '$.body.public_key') FROM events e
    WHERE e.merchant = devices.merchant AND e.device = devices.id AND e.kind = 'till_key_added'
    ORDER BY e.device_seq LIMIT 1
);
