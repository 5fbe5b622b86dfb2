-- A location's data version: incremented in the transaction of every create, update, status change
-- and delete in the location (and by the start-up recount of pages), so that a total read from a
-- cache keyed by it is exact, also with several servers on one database.
ALTER TABLE location ADD COLUMN data_version BIGINT DEFAULT 0 NOT NULL;
