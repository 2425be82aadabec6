-- Accounts and sessions: one-time SMS codes and their outbox, registration,
-- login, refresh-token families, roles, and the user log.
--
-- Functions that refuse and must remember the refusal (a wrong code, a
-- wrong password, a reused refresh token) cannot raise: the raise would
-- roll the count back.  They return {"problem": code, ...} instead, and the
-- edge answers with that problem.  Everything else refuses by raising a
-- BQnnn SQLSTATE.

CREATE TYPE bq.role AS ENUM (
	'parent', 'verifier', 'kindergarten_staff', 'support', 'admin');
CREATE TYPE bq.sex AS ENUM ('male', 'female');
CREATE TYPE bq.otp_purpose AS ENUM ('register', 'login', 'reset');

INSERT INTO bq.setting VALUES
	('otp_ttl_s', 300, 'seconds a one-time code stays valid'),
	('otp_cooldown_s', 80, 'seconds between two codes to one phone'),
	('otp_per_phone_hour', 5, 'codes one phone may get an hour'),
	('otp_per_client_hour', 30, 'codes one client address may ask for an hour'),
	('otp_max_attempts', 5, 'wrong tries that kill a code'),
	('login_fail_max', 10, 'failed logins that lock an account'),
	('login_fail_window_s', 900, 'the window those failures are counted in'),
	('login_lock_s', 900, 'seconds a locked account stays locked'),
	('session_s', 43200, 'lifetime of a session without "remember me"'),
	('session_remember_s', 2592000, 'lifetime of a remembered session'),
	('registration_s', 900, 'seconds to set a password after the code');

CREATE TABLE bq.account (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	iin text UNIQUE CHECK (iin ~ '^[0-9]{12}$'),
	phone text UNIQUE CHECK (phone ~ '^\+7[67][0-9]{9}$'),
	email text CHECK (length(email) <= 254),
	login text CHECK (login ~ '^[A-Za-z][A-Za-z0-9._-]{2,31}$'),
	password_hash text NOT NULL,
	surname text NOT NULL,
	first_name text NOT NULL,
	patronymic text,
	sex bq.sex,
	birth_date date,
	nationality text,
	language bq.language NOT NULL DEFAULT 'kk',
	created_at timestamptz NOT NULL DEFAULT now(),
	password_changed_at timestamptz NOT NULL DEFAULT now(),
	locked_until timestamptz,
	-- Every account can be reached by some name.
	CHECK (iin IS NOT NULL OR phone IS NOT NULL OR login IS NOT NULL)
);
CREATE UNIQUE INDEX account_email ON bq.account (lower(email));
CREATE UNIQUE INDEX account_login ON bq.account (lower(login));

CREATE TABLE bq.account_role (
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	role bq.role NOT NULL,
	-- Staff of a kindergarten: which one (the catalogue links it).
	kindergarten_id uuid,
	granted_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (account_id, role)
);

-- Failed logins: by account when the login named one, else by a keyed
-- digest of the name tried, so unknown names lock the same way.
CREATE TABLE bq.login_failure (
	account_id uuid REFERENCES bq.account ON DELETE CASCADE,
	name_digest bytea,
	at timestamptz NOT NULL DEFAULT now(),
	CHECK (account_id IS NOT NULL OR name_digest IS NOT NULL)
);
CREATE INDEX login_failure_account ON bq.login_failure (account_id, at);
CREATE INDEX login_failure_name ON bq.login_failure (name_digest, at);

CREATE TABLE bq.otp (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	phone text NOT NULL,
	iin text NOT NULL,
	purpose bq.otp_purpose NOT NULL,
	-- The service's HMAC of purpose, phone, IIN and code; never the code.
	code_mac bytea NOT NULL,
	-- The account a login or reset code opens.
	account_id uuid REFERENCES bq.account ON DELETE CASCADE,
	-- False when no account matched: no SMS went out, no code can match.
	deliverable boolean NOT NULL,
	client_digest bytea,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	attempts integer NOT NULL DEFAULT 0,
	consumed_at timestamptz
);
CREATE INDEX otp_phone_recent ON bq.otp (phone, created_at);
CREATE INDEX otp_client_recent ON bq.otp (client_digest, created_at);
CREATE INDEX otp_open ON bq.otp (phone, iin, purpose, created_at DESC)
	WHERE consumed_at IS NULL;

-- Messages wait here for the sender (bq-sms).  The text and code are
-- erased once sent, so a copy of the database holds no live code.
CREATE TABLE bq.sms_outbox (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	created_at timestamptz NOT NULL DEFAULT now(),
	phone text NOT NULL,
	kind text NOT NULL,
	body text,
	code text,
	status text NOT NULL DEFAULT 'pending'
		CHECK (status IN ('pending', 'sent', 'dead')),
	attempts integer NOT NULL DEFAULT 0,
	next_attempt_at timestamptz NOT NULL DEFAULT now(),
	sent_at timestamptz,
	last_error text
);
CREATE INDEX sms_outbox_due ON bq.sms_outbox (next_attempt_at)
	WHERE status = 'pending';

CREATE TABLE bq.message_template (
	kind text NOT NULL,
	language bq.language NOT NULL,
	body text NOT NULL,
	PRIMARY KEY (kind, language)
);
INSERT INTO bq.message_template VALUES
	('otp_register', 'kk', 'BALABAQSHA: тіркелу коды {code}. Кодты ешкімге айтпаңыз.'),
	('otp_register', 'ru', 'BALABAQSHA: код регистрации {code}. Никому не сообщайте код.'),
	('otp_register', 'en', 'BALABAQSHA: your registration code is {code}. Do not share it.'),
	('otp_login', 'kk', 'BALABAQSHA: кіру коды {code}. Кодты ешкімге айтпаңыз.'),
	('otp_login', 'ru', 'BALABAQSHA: код для входа {code}. Никому не сообщайте код.'),
	('otp_login', 'en', 'BALABAQSHA: your sign-in code is {code}. Do not share it.'),
	('otp_reset', 'kk', 'BALABAQSHA: құпиясөзді қалпына келтіру коды {code}. Кодты ешкімге айтпаңыз.'),
	('otp_reset', 'ru', 'BALABAQSHA: код восстановления пароля {code}. Никому не сообщайте код.'),
	('otp_reset', 'en', 'BALABAQSHA: your password reset code is {code}. Do not share it.');

CREATE TABLE bq.registration (
	token_hash bytea PRIMARY KEY,
	phone text NOT NULL,
	iin text NOT NULL,
	person jsonb NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	used_at timestamptz
);

-- A session is a family of refresh tokens: each refresh retires the token
-- it used and issues the next; a retired token used again means a copy
-- leaked, and the whole family dies.
CREATE TABLE bq.session (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	role bq.role NOT NULL,
	remember boolean NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	revoked_at timestamptz,
	revoke_reason text
);
CREATE INDEX session_account ON bq.session (account_id)
	WHERE revoked_at IS NULL;

CREATE TABLE bq.refresh_token (
	token_hash bytea PRIMARY KEY,
	session_id uuid NOT NULL REFERENCES bq.session ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now(),
	-- Used to refresh: presenting it again is reuse.
	used_at timestamptz,
	-- Replaced without being used (a role switch): refused, not reuse.
	retired_at timestamptz
);
CREATE INDEX refresh_token_session ON bq.refresh_token (session_id);

-- The user log: what the account itself did, for /v1/me/log.  No secret
-- and no personal value goes into detail.
CREATE TABLE bq.account_event (
	id bigserial PRIMARY KEY,
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT now(),
	action text NOT NULL,
	session_id uuid,
	detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX account_event_account ON bq.account_event (account_id, id DESC);

-- The SMS sender (bq-sms) has its own role and two functions.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bq_sms') THEN
		CREATE ROLE bq_sms LOGIN;
	END IF;
END
$$;
GRANT USAGE ON SCHEMA bq TO bq_sms;
INSERT INTO bq.setting VALUES
	('sms_max_attempts', 6, 'sends tried before a message is dead'),
	('sms_lease_s', 60, 'seconds a sender holds a claimed message');
