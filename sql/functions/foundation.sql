-- The foundation's functions: constraints added after their functions,
-- keyed digests, settings, and support feedback.

-- Adds CHECK (expr) to a table as name unless it is there: a constraint
-- that calls a function of sql/functions/ cannot be written in the
-- migration that makes its table, which runs before the function exists.
CREATE OR REPLACE FUNCTION bq.check_add(p_table regclass, p_name text,
    p_expr text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_constraint
	    WHERE conrelid = p_table AND conname = p_name) THEN
		EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%s)',
		    p_table, p_name, p_expr);
	END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.check_add(regclass, text, text) FROM bq_api;

-- A person's name as people write it: surname, first name, patronymic.
CREATE OR REPLACE FUNCTION bq.person_name(p_surname text, p_first text,
    p_patronymic text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT concat_ws(' ', p_surname, p_first, p_patronymic);
$$;

REVOKE EXECUTE ON FUNCTION bq.person_name(text, text, text) FROM bq_api;

-- A limit as RateLimit-Policy states it (the IETF httpapi ratelimit
-- headers): its name, quota and window in seconds.
CREATE OR REPLACE FUNCTION bq.rate_policy(p_name text, p_quota integer,
    p_window integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT format('"%s";q=%s;w=%s', p_name, p_quota, p_window);
$$;

-- The DETAIL of a rate limit's refusal (BQ429): the seconds until a try
-- is admitted again, then the limit's policy.
CREATE OR REPLACE FUNCTION bq.rate_detail(p_seconds numeric, p_name text,
    p_quota integer, p_window integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT greatest(1, ceil(p_seconds))::integer || ' ' ||
	    bq.rate_policy(p_name, p_quota, p_window);
$$;

-- Refuses a request with every field error found, not only the first:
-- p_errors is [[field, code], ...], and nothing happens when it is empty.
-- The edge turns each pair into one of the problem's errors (HINT fields).
CREATE OR REPLACE FUNCTION bq.refuse_fields(p_errors jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF jsonb_array_length(p_errors) > 0 THEN
		RAISE EXCEPTION 'fields' USING ERRCODE = 'BQ422', HINT = 'fields',
		    DETAIL = p_errors::text;
	END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.refuse_fields(jsonb) FROM bq_api;

-- A keyed digest, for values kept only to be counted or matched (client
-- addresses, login names tried), never to be read back.
CREATE OR REPLACE FUNCTION bq.keyed_digest(value text) RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT CASE WHEN value IS NULL THEN NULL
	    ELSE hmac(convert_to(value, 'UTF8'),
		    (SELECT digest_key FROM bq.installation), 'sha256')
	END
$$;

-- A limit or duration of bq.setting; a name not there is a bug.
-- An idempotent replay answers as the first request did; it must commit
-- as the first did too.  A first answer whose wait for the synchronous
-- standby was cancelled was refused (503: committed on the primary only,
-- api/db.c), and its replay, a read, would commit without waiting at all.
-- One WAL record makes the replay's commit wait for the standby to have
-- everything before it, the first request's commit included.
CREATE OR REPLACE FUNCTION bq.replayed() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM pg_logical_emit_message(true, 'bq.replayed', '');
END
$$;
REVOKE EXECUTE ON FUNCTION bq.replayed() FROM bq_api;

CREATE OR REPLACE FUNCTION bq.setting(p_name text) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v integer;
BEGIN
	SELECT value INTO v FROM bq.setting WHERE name = p_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no setting %', p_name;
	END IF;
	RETURN v;
END
$$;

-- A client address may send feedback_per_client_hour messages an hour;
-- BQ429 beyond.  Returns
-- the reply's document, as every function called by the API does.
CREATE OR REPLACE FUNCTION bq.feedback_submit(p_topic text, p_message text,
    p_name text, p_email text, p_phone text, p_language text,
    p_client text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_digest bytea := bq.keyed_digest(p_client);
	v_recent int;
	v_row bq.feedback;
BEGIN
	IF v_digest IS NOT NULL THEN
		PERFORM pg_advisory_xact_lock(hashtextextended(
		    encode(v_digest, 'hex'), 0));
		SELECT count(*) INTO v_recent FROM bq.feedback f
		WHERE f.client_digest = v_digest
		  AND f.created_at > now() - interval '1 hour';
		IF v_recent >= bq.setting('feedback_per_client_hour') THEN
			RAISE EXCEPTION 'feedback rate limit'
			    USING ERRCODE = 'BQ429', DETAIL = bq.rate_detail(3600,
				'feedback-client',
				bq.setting('feedback_per_client_hour'), 3600);
		END IF;
	END IF;

	IF p_topic IS NULL OR NOT p_topic = ANY (enum_range(NULL::bq.feedback_topic)::text[]) THEN
		RAISE EXCEPTION 'unknown topic' USING ERRCODE = 'BQ422',
		    COLUMN = 'topic', HINT = 'invalid_value';
	END IF;

	INSERT INTO bq.feedback (topic, message, name, email, phone, language,
	    client_digest)
	VALUES (p_topic::bq.feedback_topic, p_message, p_name, p_email,
	    p_phone, p_language::bq.language, v_digest)
	RETURNING * INTO v_row;

	RETURN json_build_object('id', v_row.id, 'topic', v_row.topic,
	    'created_at', v_row.created_at);
END
$$;
