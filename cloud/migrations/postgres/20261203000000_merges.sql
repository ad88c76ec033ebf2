-- A merge may change which record of its groups remains (the answer depends
-- on the set of the groups' merges, not their order), so storing one reads the
-- stored merges of the records involved; merges are rare, and only they are indexed.
CREATE INDEX events_merges ON events (merchant, customer) WHERE kind = 'merged';
