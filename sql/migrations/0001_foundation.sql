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

-- Limits and durations an operator may tune without a release.
CREATE TABLE bq.setting (
	name text PRIMARY KEY,
	value integer NOT NULL,
	note text NOT NULL
);
INSERT INTO bq.setting VALUES
	('feedback_per_client_hour', 5,
	    'feedback messages one client address may send an hour');
