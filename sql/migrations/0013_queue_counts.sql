-- Positions in O(buckets), not O(partition).  A position counted every
-- queued application of its partition: 8 ms for a 16,000-long partition
-- of a country of a million (bench/run), over the 2 ms a read may take.
-- Now a trigger keeps how many queued applications each partition holds
-- per rank and per 30-day span of filing time (bq.queue_count), in the
-- same transaction as the move, so the counts are as true as the rows;
-- a position sums at most a few hundred of those and counts, in the
-- queue index, only the applications filed in its own span before it.
-- The columns the counts are keyed on can no longer change once filed.

CREATE TABLE bq.queue_count (
	queue_region uuid NOT NULL,
	queue_type text NOT NULL,
	queue_correction text NOT NULL,
	birth_year integer NOT NULL,
	rank smallint NOT NULL,
	bucket integer NOT NULL,
	n integer NOT NULL CHECK (n >= 0),
	PRIMARY KEY (queue_region, queue_type, queue_correction, birth_year,
	    rank, bucket)
);

-- A database with applications then counted them once with
-- bq.queue_count_rebuild (sql/functions/applications.sql); a new one has
-- none, and the trigger counts from the first.
