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

CREATE FUNCTION bq.allocation_round_run(p_account uuid, p_sid uuid,
    p_region uuid, p_idempotency_key text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_round bq.allocation_round;
	v_summary json;
BEGIN
	IF p_idempotency_key IS NOT NULL THEN
		SELECT r.* INTO v_round FROM bq.round_request q
		JOIN bq.allocation_round r ON r.id = q.round_id
		WHERE q.account_id = p_account
		  AND q.idempotency_key = p_idempotency_key;
		IF FOUND THEN
			PERFORM bq.session_guard(p_sid, p_account, 'admin');
			IF v_round.region_id <> p_region THEN
				RAISE EXCEPTION 'idempotency key reused'
				    USING ERRCODE = 'BQ409',
				    COLUMN = 'Idempotency-Key', HINT = 'taken';
			END IF;
			RETURN bq.round_summary(v_round);
		END IF;
	END IF;
	v_summary := bq.allocation_round_run(p_account, p_sid, p_region);
	IF p_idempotency_key IS NOT NULL THEN
		-- The same key racing in another region: one of them wins.
		BEGIN
			INSERT INTO bq.round_request
			VALUES (p_account, p_idempotency_key,
			    (v_summary->>'id')::uuid);
		EXCEPTION WHEN unique_violation THEN
			RAISE EXCEPTION 'idempotency key reused'
			    USING ERRCODE = 'BQ409',
			    COLUMN = 'Idempotency-Key', HINT = 'taken';
		END;
	END IF;
	RETURN v_summary;
END
$$;

-- The service runs rounds through this door only.
REVOKE EXECUTE ON FUNCTION bq.allocation_round_run(uuid, uuid, uuid)
	FROM bq_api;
