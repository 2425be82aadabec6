-- An allocation round takes an Idempotency-Key, as a filing does: a
-- request retried after a lost answer gets the round it started instead
-- of running a second one (another protocol, another seed).  The keys
-- are the administrator's own and live beside the sealed rounds, written
-- in the round's transaction.

CREATE TABLE bq.round_request (
	account_id uuid NOT NULL REFERENCES bq.account,
	idempotency_key text NOT NULL,
	round_id uuid NOT NULL UNIQUE REFERENCES bq.allocation_round,
	PRIMARY KEY (account_id, idempotency_key)
);
