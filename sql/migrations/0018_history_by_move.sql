-- A position's history in rows a parent can read: the moves of one
-- transaction with one cause (an allocation round's vouchers, a bulk
-- archive) are one row, its change their sum and its position the one
-- after them, where before each departure was a row of its own (after
-- one round of Almaty in bench/run's country, the last queued there had
-- 1,613 rows, 172 kB; now 2 rows, 237 bytes).  The log keeps each entry
-- and now records its transaction to group them by; entries written
-- before this have none and stay rows of their own.

ALTER TABLE bq.queue_log ADD COLUMN xact xid8;
ALTER TABLE bq.queue_log ALTER COLUMN xact SET DEFAULT pg_current_xact_id();
