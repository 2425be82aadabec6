-- A login flood from one address is turned away before any password is
-- checked: argon2id is the expensive part of a login, and a flood of it
-- would take the cores the other routes need.
INSERT INTO bq.setting VALUES
	('login_per_client_minute', 30,
	    'password logins one client address may try a minute');

CREATE TABLE bq.login_attempt (
	client_digest bytea NOT NULL,
	at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_client ON bq.login_attempt (client_digest, at);

-- The lookup of a password login, admitted for its client address first:
-- login_per_client_minute a minute, beyond that bq.problem rate_limited
-- with the seconds until the oldest attempt leaves the minute.
CREATE FUNCTION bq.login_lookup(p_kind text, p_value text, p_client text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_digest bytea := bq.keyed_digest(p_client);
	v_count integer;
	v_oldest timestamptz;
BEGIN
	IF v_digest IS NOT NULL THEN
		-- No lock: logins waiting on one would hold the pool's
		-- connections during a flood; concurrent ones may pass the
		-- limit by their number, which a flood limit can afford.
		DELETE FROM bq.login_attempt WHERE client_digest = v_digest
		  AND at <= now() - interval '1 minute';
		SELECT count(*), min(at) INTO v_count, v_oldest
		FROM bq.login_attempt WHERE client_digest = v_digest;
		IF v_count >= bq.setting('login_per_client_minute') THEN
			RETURN bq.problem('rate_limited', NULL, NULL,
			    greatest(1, ceil(extract(epoch FROM v_oldest +
				interval '1 minute' - now())))::integer);
		END IF;
		INSERT INTO bq.login_attempt (client_digest) VALUES (v_digest);
	END IF;
	RETURN bq.login_lookup(p_kind, p_value);
END
$$;
