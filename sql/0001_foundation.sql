-- The foundation: the schema, the service's own role, and support
-- feedback, the first state change made through a function.
--
-- The service connects as bq_api, which may execute the functions of
-- schema bq and nothing else: the functions (SECURITY DEFINER, owned by
-- the migrating role) are the only way in, so every rule they enforce holds
-- for every caller.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bq_api') THEN
		CREATE ROLE bq_api LOGIN;
	END IF;
END
$$;

ALTER ROLE bq_api SET timezone = 'Asia/Almaty';
ALTER ROLE bq_api SET lock_timeout = '1s';
ALTER ROLE bq_api SET idle_in_transaction_session_timeout = '10s';

CREATE SCHEMA bq;
REVOKE ALL ON SCHEMA bq FROM PUBLIC;
GRANT USAGE ON SCHEMA bq TO bq_api;
-- Functions are not executable by PUBLIC (the default): only by bq_api.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA bq GRANT EXECUTE ON FUNCTIONS TO bq_api;
GRANT SELECT ON public.schema_migrations TO bq_api;

CREATE TYPE bq.feedback_topic AS ENUM (
	'question', 'complaint', 'suggestion', 'technical_problem', 'other');
CREATE TYPE bq.language AS ENUM ('kk', 'ru', 'en');

CREATE TABLE bq.feedback (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	created_at timestamptz NOT NULL DEFAULT now(),
	topic bq.feedback_topic NOT NULL,
	message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
	name text CHECK (length(name) BETWEEN 1 AND 200),
	email text CHECK (length(email) BETWEEN 3 AND 254),
	phone text CHECK (phone ~ '^\+7[67][0-9]{9}$'),
	language bq.language NOT NULL,
	-- A keyed digest of the client address, for the rate limit only.
	client_digest bytea
);
CREATE INDEX feedback_client_recent ON bq.feedback (client_digest, created_at);

-- A per-installation secret for digests of client addresses, so that the
-- stored digest cannot be reversed by hashing all of IPv4.
CREATE TABLE bq.installation (
	singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	digest_key bytea NOT NULL DEFAULT gen_random_bytes(32)
);
INSERT INTO bq.installation DEFAULT VALUES;

-- A keyed digest, for values kept only to be counted or matched (client
-- addresses, login names tried), never to be read back.
CREATE FUNCTION bq.keyed_digest(value text) RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT CASE WHEN value IS NULL THEN NULL
	    ELSE hmac(convert_to(value, 'UTF8'),
		    (SELECT digest_key FROM bq.installation), 'sha256')
	END
$$;

-- Limits and durations an operator may tune without a release.
CREATE TABLE bq.setting (
	name text PRIMARY KEY,
	value integer NOT NULL,
	note text NOT NULL
);
INSERT INTO bq.setting VALUES
	('feedback_per_client_hour', 5,
	    'feedback messages one client address may send an hour');

CREATE FUNCTION bq.setting(p_name text) RETURNS integer
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
CREATE FUNCTION bq.feedback_submit(p_topic text, p_message text,
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
			    USING ERRCODE = 'BQ429', DETAIL = '3600';
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
