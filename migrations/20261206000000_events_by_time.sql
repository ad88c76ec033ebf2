-- Reports read a business day's or a period's events by the time their till
-- recorded them (the daily close, KPIs): without this index each report read
-- the whole ledger (300 ms for a day's close on a 1M-event shop). One more
-- index entry per event, appended at the right-hand end as time goes on.
CREATE INDEX events_device_time ON events (device_time);
