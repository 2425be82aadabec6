-- Accounts and sessions: SMS codes and their outbox, registration, login,
-- refresh-token families, roles, the staff an administrator creates, the
-- user log, and the session guard every authenticated function calls.

-- Wakes the sender (bq-sms), which listens on bq_sms for every outbox.
CREATE OR REPLACE FUNCTION bq.sms_outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('bq_sms', '');
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER sms_outbox_notify AFTER INSERT ON bq.sms_outbox
	FOR EACH STATEMENT EXECUTE FUNCTION bq.sms_outbox_notify();

CREATE OR REPLACE FUNCTION bq.log_event(p_account uuid, p_action text, p_session uuid,
    p_detail jsonb DEFAULT '{}')
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	INSERT INTO bq.account_event (account_id, action, session_id, detail)
	VALUES (p_account, p_action, p_session, coalesce(p_detail, '{}'));
$$;

CREATE OR REPLACE FUNCTION bq.problem(p_code text, p_field text DEFAULT NULL,
    p_field_code text DEFAULT NULL, p_retry_after integer DEFAULT NULL)
RETURNS json
LANGUAGE sql IMMUTABLE AS $$
	SELECT json_strip_nulls(json_build_object('problem', p_code,
	    'field', p_field, 'field_code', p_field_code,
	    'retry_after', p_retry_after));
$$;

-- A rate limit's refusal as an answer (not raised: what the function
-- counted stays): rate_limited, the seconds, and the limit's policy.
-- Written as bq.problem writes it, "problem" first and compact: the edge
-- knows a refusal by how the document starts (api_db_refused).
CREATE OR REPLACE FUNCTION bq.rate_problem(p_seconds numeric, p_name text,
    p_quota integer, p_window integer) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
	SELECT json_strip_nulls(json_build_object('problem', 'rate_limited',
	    'retry_after', greatest(1, ceil(p_seconds))::integer,
	    'policy', bq.rate_policy(p_name, p_quota, p_window)));
$$;

-- Admits one more password check for a key (a client address, a login
-- name, an account), at most p_limit a minute: NULL, or bq.problem
-- rate_limited with the seconds until the oldest check leaves the minute.
-- Only a digest of the key is kept.  No lock: checks waiting on one would
-- hold the pool's connections during a flood; concurrent ones may pass
-- the limit by their number, which a flood limit can afford.
CREATE OR REPLACE FUNCTION bq.hash_admit(p_key text, p_limit integer)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	v_digest bytea := bq.keyed_digest(p_key);
	v_count integer;
	v_oldest timestamptz;
BEGIN
	IF v_digest IS NULL THEN
		RETURN NULL;
	END IF;
	DELETE FROM bq.hash_attempt WHERE key_digest = v_digest
	  AND at <= now() - interval '1 minute';
	SELECT count(*), min(at) INTO v_count, v_oldest
	FROM bq.hash_attempt WHERE key_digest = v_digest;
	IF v_count >= p_limit THEN
		RETURN bq.rate_problem(extract(epoch FROM v_oldest +
		    interval '1 minute' - now()),
		    CASE WHEN p_key ~ '^(name|account|registration):' THEN 'password-' ||
			split_part(p_key, ':', 1) ELSE 'password-client' END,
		    p_limit, 60);
	END IF;
	INSERT INTO bq.hash_attempt (key_digest) VALUES (v_digest);
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.hash_admit(text, integer) FROM bq_api;

-- Every function an authenticated request calls starts here: the token
-- was signed by us, but its session may have ended since (logout,
-- password change, a reused refresh token).
CREATE OR REPLACE FUNCTION bq.session_guard(p_sid uuid, p_account uuid,
    p_role bq.role DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_role bq.role;
BEGIN
	SELECT s.role INTO v_role FROM bq.session s
	WHERE s.id = p_sid AND s.account_id = p_account
	  AND s.revoked_at IS NULL AND s.expires_at > now()
	  AND (p_role IS NULL OR s.role = p_role);
	IF NOT FOUND THEN
		RAISE EXCEPTION 'session ended' USING ERRCODE = 'BQ401';
	END IF;
	-- The role the workflow guard checks moves against, and the account
	-- the histories name for a move no one named another actor for.
	PERFORM bq.act_as(v_role::text);
	IF coalesce(current_setting('bq.actor', true), '') = '' THEN
		PERFORM set_config('bq.actor', p_account::text, true);
	END IF;
END
$$;

-- The address being proved, for the account's own view; NULL when none
-- or its code has run out (sql/functions/email.sql).
CREATE OR REPLACE FUNCTION bq.email_pending(p_account uuid) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT email FROM bq.email_verification
	WHERE account_id = p_account AND expires_at > now();
$$;

REVOKE EXECUTE ON FUNCTION bq.email_pending(uuid) FROM bq_api;

-- An account holder's name, for the messages that name who acted.
CREATE OR REPLACE FUNCTION bq.account_name(p_account uuid) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT bq.person_name(surname, first_name, patronymic)
	FROM bq.account WHERE id = p_account;
$$;
REVOKE EXECUTE ON FUNCTION bq.account_name(uuid) FROM bq_api;

CREATE OR REPLACE FUNCTION bq.account_json(p_account uuid, p_role bq.role)
RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object(
	    'id', a.id, 'iin', a.iin, 'surname', a.surname,
	    'first_name', a.first_name, 'patronymic', a.patronymic,
	    'sex', a.sex, 'birth_date', a.birth_date,
	    'nationality', a.nationality, 'phone', a.phone,
	    'email', a.email, 'email_pending', bq.email_pending(a.id),
	    'login', a.login,
	    'roles', (SELECT json_agg(r.role ORDER BY r.role)
		FROM bq.account_role r WHERE r.account_id = a.id),
	    -- Where each role acts: staff for a kindergarten, a verifier
	    -- for a region's education department.
	    'scopes', (SELECT json_agg(json_build_object('role', r.role,
		    'kindergarten', (SELECT json_build_object('id', k.id,
			'bin', k.bin, 'name_kk', k.name_kk, 'name_ru', k.name_ru)
			FROM bq.kindergarten k WHERE k.id = r.kindergarten_id),
		    'region', (SELECT json_build_object('id', g.id,
			'code', g.code, 'name_kk', g.name_kk, 'name_ru', g.name_ru)
			FROM bq.region g WHERE g.id = r.region_id))
		    ORDER BY r.role)
		FROM bq.account_role r WHERE r.account_id = a.id),
	    'active_role', p_role, 'language', a.language,
	    'created_at', a.created_at)
	FROM bq.account a WHERE a.id = p_account;
$$;

-- Opens a session with its first refresh token; the document the edge
-- turns into tokens.
CREATE OR REPLACE FUNCTION bq.session_open(p_account uuid, p_role bq.role,
    p_remember boolean, p_refresh_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_session bq.session;
BEGIN
	-- The one door every session comes in by: a blocked account's shut.
	IF EXISTS (SELECT 1 FROM bq.account WHERE id = p_account
	    AND blocked_at IS NOT NULL) THEN
		RAISE EXCEPTION 'account blocked' USING ERRCODE = 'BQBLK';
	END IF;
	INSERT INTO bq.session (account_id, role, remember, expires_at)
	VALUES (p_account, p_role, p_remember, now() + make_interval(
	    secs => bq.setting(CASE WHEN p_remember THEN 'session_remember_s'
		ELSE 'session_s' END)))
	RETURNING * INTO v_session;
	INSERT INTO bq.refresh_token (token_hash, session_id)
	VALUES (decode(p_refresh_hash, 'hex'), v_session.id);
	RETURN bq.session_json(v_session);
END
$$;

CREATE OR REPLACE FUNCTION bq.session_json(p_session bq.session)
RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('sid', p_session.id,
	    'account_id', p_session.account_id, 'role', p_session.role,
	    'refresh_expires_in',
	    floor(extract(epoch FROM p_session.expires_at - now()))::bigint,
	    'account', bq.account_json(p_session.account_id, p_session.role));
$$;

-- The role a new session starts in: parent when the account is one, else
-- the first it has.
CREATE OR REPLACE FUNCTION bq.default_role(p_account uuid) RETURNS bq.role
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT role FROM bq.account_role WHERE account_id = p_account
	ORDER BY role LIMIT 1;
$$;

-- Issues a one-time code.  Limits: one code a phone per otp_cooldown_s,
-- otp_per_phone_hour a phone, otp_per_client_hour a client address.  For
-- login and reset, a code is sent only when the phone and IIN belong to
-- one account; otherwise the answer is the same and nothing is sent, so
-- the answer never tells whether an account exists; nor is one sent to a
-- phone the registry does not bind to the IIN (p_bound).
CREATE OR REPLACE FUNCTION bq.otp_issue(p_phone text, p_iin text, p_purpose text,
    p_mac text, p_code text, p_language text, p_client text, p_bound boolean)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_purpose bq.otp_purpose := p_purpose::bq.otp_purpose;
	v_client bytea := bq.keyed_digest(p_client);
	v_last timestamptz;
	v_oldest timestamptz;
	v_count integer;
	v_account bq.account;
	v_deliverable boolean;
	v_ttl integer := bq.setting('otp_ttl_s');
	v_cooldown integer := bq.setting('otp_cooldown_s');
BEGIN
	PERFORM pg_advisory_xact_lock(hashtextextended('otp:' || p_phone, 0));

	SELECT max(created_at), min(created_at), count(*)
	INTO v_last, v_oldest, v_count
	FROM bq.otp WHERE phone = p_phone
	  AND created_at > now() - interval '1 hour';
	IF v_last > now() - make_interval(secs => v_cooldown) THEN
		RAISE EXCEPTION 'code cooldown' USING ERRCODE = 'BQ429',
		    DETAIL = bq.rate_detail(extract(epoch FROM v_last - now())
			+ v_cooldown, 'code-cooldown', 1, v_cooldown);
	END IF;
	IF v_count >= bq.setting('otp_per_phone_hour') THEN
		RAISE EXCEPTION 'codes per phone' USING ERRCODE = 'BQ429',
		    DETAIL = bq.rate_detail(extract(epoch FROM v_oldest - now())
			+ 3600, 'codes-phone', bq.setting('otp_per_phone_hour'),
			3600);
	END IF;
	IF v_client IS NOT NULL THEN
		SELECT count(*) INTO v_count FROM bq.otp
		WHERE client_digest = v_client
		  AND created_at > now() - interval '1 hour';
		IF v_count >= bq.setting('otp_per_client_hour') THEN
			RAISE EXCEPTION 'codes per client'
			    USING ERRCODE = 'BQ429', DETAIL = bq.rate_detail(3600,
				'codes-client', bq.setting('otp_per_client_hour'),
				3600);
		END IF;
	END IF;

	IF v_purpose = 'register' THEN
		v_deliverable := true;
	ELSE
		SELECT * INTO v_account FROM bq.account
		WHERE phone = p_phone AND iin = p_iin;
		v_deliverable := FOUND;
	END IF;
	-- Only to a phone the person registry binds to the IIN (the edge
	-- asked it): a stranger's phone gets the same answer and no code.
	v_deliverable := v_deliverable AND p_bound;

	INSERT INTO bq.otp (phone, iin, purpose, code_mac, account_id,
	    deliverable, client_digest, expires_at)
	VALUES (p_phone, p_iin, v_purpose, decode(p_mac, 'hex'), v_account.id,
	    v_deliverable, v_client, now() + make_interval(secs => v_ttl));

	IF v_deliverable THEN
		INSERT INTO bq.sms_outbox (phone, kind, body, code)
		SELECT p_phone, t.kind, replace(t.body, '{code}', p_code), p_code
		FROM bq.message_template t
		WHERE t.kind = 'otp_' || p_purpose
		  AND t.language = coalesce(v_account.language,
		      p_language::bq.language);
	END IF;

	RETURN json_build_object('expires_in', v_ttl, 'resend_after', v_cooldown);
END
$$;

-- The newest open code of a phone, IIN and purpose, checked against the
-- MAC of what was typed: a wrong one counts a try, and otp_max_attempts
-- tries kill the code; the row lock makes concurrent tries queue, so no
-- more are ever evaluated.  A right one is consumed when p_consume.
-- Returns the account the code opens, or the problem to answer.
CREATE OR REPLACE FUNCTION bq.otp_match(p_phone text, p_iin text,
    p_purpose bq.otp_purpose, p_mac text, p_consume boolean,
    OUT account_id uuid, OUT problem json)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_otp bq.otp;
BEGIN
	SELECT * INTO v_otp FROM bq.otp o
	WHERE o.phone = p_phone AND o.iin = p_iin AND o.purpose = p_purpose
	  AND o.consumed_at IS NULL
	ORDER BY o.created_at DESC LIMIT 1
	FOR UPDATE;
	IF NOT FOUND OR v_otp.expires_at <= now() THEN
		problem := bq.problem('validation_failed', 'code', 'invalid_code');
		RETURN;
	END IF;
	IF NOT v_otp.deliverable OR v_otp.code_mac <> decode(p_mac, 'hex') THEN
		UPDATE bq.otp SET attempts = attempts + 1,
		    consumed_at = CASE WHEN attempts + 1 >=
			bq.setting('otp_max_attempts') THEN now() END
		WHERE id = v_otp.id;
		problem := bq.problem('validation_failed', 'code', 'invalid_code');
		RETURN;
	END IF;
	IF p_consume THEN
		UPDATE bq.otp SET consumed_at = now() WHERE id = v_otp.id;
	END IF;
	account_id := v_otp.account_id;
END
$$;

-- Takes a code: checks it and consumes it.
CREATE OR REPLACE FUNCTION bq.otp_take(p_phone text, p_iin text, p_purpose bq.otp_purpose,
    p_mac text, OUT account_id uuid, OUT problem json)
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT * FROM bq.otp_match(p_phone, p_iin, p_purpose, p_mac, true);
$$;

-- A reset code checked before the new password is hashed, so that a
-- stranger with no code gets no argon2 run; a wrong one counts as it
-- would at the reset itself, a right one stays for it.
CREATE OR REPLACE FUNCTION bq.password_reset_check(p_phone text, p_iin text,
    p_mac text)
RETURNS json
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	-- A right code, sent again and again before it is spent, still
	-- admits so many hashings a minute for its account.
	SELECT coalesce(m.problem, bq.hash_admit('account:' || m.account_id,
	    bq.setting('login_per_name_minute')), '{}')
	FROM bq.otp_match(p_phone, p_iin, 'reset', p_mac, false) m;
$$;

-- Step one of registration: the code is right, and neither the IIN nor
-- the phone has an account yet.  Keeps the registry's person for the
-- registration token the edge made.
CREATE OR REPLACE FUNCTION bq.register_verify(p_phone text, p_iin text, p_mac text,
    p_token_hash text, p_person json)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_take record;
	v_ttl integer := bq.setting('registration_s');
BEGIN
	SELECT * INTO v_take FROM bq.otp_take(p_phone, p_iin, 'register', p_mac);
	IF v_take.problem IS NOT NULL THEN
		RETURN v_take.problem;
	END IF;
	IF EXISTS (SELECT 1 FROM bq.account WHERE iin = p_iin) THEN
		RETURN bq.problem('conflict', 'iin', 'account_exists');
	END IF;
	IF EXISTS (SELECT 1 FROM bq.account WHERE phone = p_phone) THEN
		RETURN bq.problem('conflict', 'phone', 'account_exists');
	END IF;
	INSERT INTO bq.registration (token_hash, phone, iin, person, expires_at)
	VALUES (decode(p_token_hash, 'hex'), p_phone, p_iin, p_person,
	    now() + make_interval(secs => v_ttl));
	RETURN json_build_object('expires_in', v_ttl);
END
$$;

-- A registration token still open, locked; refused as the registration
-- itself would refuse it.
CREATE OR REPLACE FUNCTION bq.registration_open(p_token_hash text)
RETURNS bq.registration
LANGUAGE plpgsql AS $$
DECLARE
	v_reg bq.registration;
BEGIN
	SELECT * INTO v_reg FROM bq.registration
	WHERE token_hash = decode(p_token_hash, 'hex')
	FOR UPDATE;
	IF NOT FOUND OR v_reg.used_at IS NOT NULL OR v_reg.expires_at <= now() THEN
		RAISE EXCEPTION 'registration token' USING ERRCODE = 'BQ422',
		    COLUMN = 'registration_token', HINT = 'invalid_value';
	END IF;
	RETURN v_reg;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.registration_open(text) FROM bq_api;

-- What a registration token stands for, asked before the password is
-- hashed: a bad token gets no argon2 run, and the new password is
-- checked against the IIN and phone it must not hold.
CREATE OR REPLACE FUNCTION bq.registration_person(p_token_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_reg bq.registration := bq.registration_open(p_token_hash);
BEGIN
	-- A right token, sent again and again before it is spent, still
	-- admits so many hashings a minute.
	RETURN coalesce(bq.hash_admit('registration:' || p_token_hash,
	    bq.setting('login_per_name_minute')),
	    json_build_object('iin', v_reg.iin, 'phone', v_reg.phone));
END
$$;

-- Step two: the password; the account is made, a parent, signed in.
CREATE OR REPLACE FUNCTION bq.register(p_token_hash text, p_password_hash text,
    p_refresh_hash text, p_language text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_reg bq.registration;
	v_account uuid;
	v_doc json;
BEGIN
	v_reg := bq.registration_open(p_token_hash);
	IF EXISTS (SELECT 1 FROM bq.account
	    WHERE iin = v_reg.iin OR phone = v_reg.phone) THEN
		RAISE EXCEPTION 'account exists' USING ERRCODE = 'BQ409',
		    COLUMN = 'registration_token', HINT = 'account_exists';
	END IF;

	INSERT INTO bq.account (iin, phone, password_hash, surname, first_name,
	    patronymic, sex, birth_date, nationality, language)
	VALUES (v_reg.iin, v_reg.phone, p_password_hash,
	    v_reg.person->>'surname', v_reg.person->>'first_name',
	    v_reg.person->>'patronymic',
	    (v_reg.person->>'sex')::bq.sex,
	    (v_reg.person->>'birth_date')::date,
	    v_reg.person->>'nationality', p_language::bq.language)
	RETURNING id INTO v_account;
	INSERT INTO bq.account_role (account_id, role) VALUES (v_account, 'parent');
	UPDATE bq.registration SET used_at = now()
	WHERE token_hash = v_reg.token_hash;

	v_doc := bq.session_open(v_account, 'parent', false, p_refresh_hash);
	PERFORM bq.log_event(v_account, 'registered', (v_doc->>'sid')::uuid);
	RETURN v_doc;
END
$$;

-- Finds the account a login names, for the password check the edge does.
-- Unknown names answer like known ones (the edge then checks against a
-- decoy hash), so neither the answer nor its time tells them apart.
CREATE OR REPLACE FUNCTION bq.login_find(p_kind text, p_value text)
RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('account_id', a.id,
	    'password_hash', a.password_hash)
	FROM (SELECT 1) one
	LEFT JOIN bq.account a ON CASE p_kind
	    WHEN 'iin' THEN a.iin = p_value
	    WHEN 'phone' THEN a.phone = p_value
	    WHEN 'email' THEN lower(a.email) = lower(p_value)
	    WHEN 'login' THEN lower(a.login) = lower(p_value)
	    ELSE false END;
$$;
REVOKE EXECUTE ON FUNCTION bq.login_find(text, text) FROM bq_api;

-- Failures in the window, for an account or for an unknown name.
CREATE OR REPLACE FUNCTION bq.login_failures(p_account uuid, p_name bytea)
RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT count(*)::integer FROM bq.login_failure f
	WHERE (f.account_id = p_account OR (p_account IS NULL
		AND f.name_digest = p_name))
	  AND f.at > now() - make_interval(secs => bq.setting('login_fail_window_s'));
$$;

-- After the edge checked the password: a success opens a session; a
-- failure is counted, and login_fail_max of them in the window lock the
-- account (or the unknown name) for login_lock_s, during which even the
-- right password is refused.
-- A wrong password for a known account, at login or where a password is
-- asked again: counted, and at login_fail_max failures in the window the
-- account locks for login_lock_s.  Returns what to answer: account_locked,
-- or p_problem.
CREATE OR REPLACE FUNCTION bq.password_failed(p_account uuid, p_action text,
    p_detail jsonb, p_problem json)
RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
	v_lock integer := bq.setting('login_lock_s');
BEGIN
	INSERT INTO bq.login_failure (account_id) VALUES (p_account);
	PERFORM bq.log_event(p_account, p_action, NULL, coalesce(p_detail, '{}'));
	IF bq.login_failures(p_account, NULL) >= bq.setting('login_fail_max') THEN
		UPDATE bq.account SET locked_until = now() + make_interval(secs => v_lock)
		WHERE id = p_account;
		PERFORM bq.log_event(p_account, 'locked', NULL);
		RETURN bq.problem('account_locked', NULL, NULL, v_lock);
	END IF;
	RETURN p_problem;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.password_failed(uuid, text, jsonb, json)
    FROM bq_api;

-- account_locked while the account is, with the seconds left; else NULL.
CREATE OR REPLACE FUNCTION bq.account_lock_problem(p_account bq.account)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN p_account.locked_until > now() THEN
	    bq.problem('account_locked', NULL, NULL,
		ceil(extract(epoch FROM p_account.locked_until - now()))::integer)
	    END;
$$;
REVOKE EXECUTE ON FUNCTION bq.account_lock_problem(bq.account) FROM bq_api;

CREATE OR REPLACE FUNCTION bq.login_finish(p_account uuid, p_kind text, p_value text,
    p_ok boolean, p_refresh_hash text, p_remember boolean)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_account bq.account;
	v_locked json;
	v_name bytea;
	v_fails integer;
	v_lock integer := bq.setting('login_lock_s');
	v_doc json;
BEGIN
	IF p_account IS NULL THEN
		v_name := bq.keyed_digest(p_kind || ':' || lower(p_value));
		PERFORM pg_advisory_xact_lock(hashtextextended(encode(v_name, 'hex'), 0));
		v_fails := bq.login_failures(NULL, v_name);
		IF v_fails >= bq.setting('login_fail_max') THEN
			RETURN bq.problem('account_locked', NULL, NULL, v_lock);
		END IF;
		INSERT INTO bq.login_failure (name_digest) VALUES (v_name);
		IF v_fails + 1 >= bq.setting('login_fail_max') THEN
			RETURN bq.problem('account_locked', NULL, NULL, v_lock);
		END IF;
		RETURN bq.problem('invalid_credentials');
	END IF;

	SELECT * INTO v_account FROM bq.account WHERE id = p_account FOR UPDATE;
	v_locked := bq.account_lock_problem(v_account);
	IF v_locked IS NOT NULL THEN
		RETURN v_locked;
	END IF;
	IF NOT p_ok THEN
		RETURN bq.password_failed(p_account, 'login_failed',
		    json_build_object('by', p_kind)::jsonb,
		    bq.problem('invalid_credentials'));
	END IF;

	DELETE FROM bq.login_failure WHERE account_id = p_account;
	v_doc := bq.session_open(p_account, bq.default_role(p_account),
	    p_remember, p_refresh_hash);
	PERFORM bq.log_event(p_account, 'login', (v_doc->>'sid')::uuid,
	    json_build_object('by', p_kind)::jsonb);
	RETURN v_doc;
END
$$;

-- Login with a one-time code sent to the account's phone.
CREATE OR REPLACE FUNCTION bq.login_code(p_phone text, p_iin text, p_mac text,
    p_refresh_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_take record;
	v_doc json;
BEGIN
	SELECT * INTO v_take FROM bq.otp_take(p_phone, p_iin, 'login', p_mac);
	IF v_take.problem IS NOT NULL THEN
		RETURN v_take.problem;
	END IF;
	v_doc := bq.session_open(v_take.account_id,
	    bq.default_role(v_take.account_id), false, p_refresh_hash);
	PERFORM bq.log_event(v_take.account_id, 'login', (v_doc->>'sid')::uuid,
	    '{"by": "code"}');
	RETURN v_doc;
END
$$;

CREATE OR REPLACE FUNCTION bq.sessions_revoke(p_account uuid, p_reason text,
    p_keep uuid DEFAULT NULL)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	UPDATE bq.session SET revoked_at = now(), revoke_reason = p_reason
	WHERE account_id = p_account AND revoked_at IS NULL
	  AND id IS DISTINCT FROM p_keep;
$$;

-- A new password with a reset code: every session ends, the lock lifts.
CREATE OR REPLACE FUNCTION bq.password_reset(p_phone text, p_iin text, p_mac text,
    p_password_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_take record;
BEGIN
	SELECT * INTO v_take FROM bq.otp_take(p_phone, p_iin, 'reset', p_mac);
	IF v_take.problem IS NOT NULL THEN
		RETURN v_take.problem;
	END IF;
	UPDATE bq.account SET password_hash = p_password_hash,
	    password_changed_at = now(), locked_until = NULL
	WHERE id = v_take.account_id;
	DELETE FROM bq.login_failure WHERE account_id = v_take.account_id;
	PERFORM bq.sessions_revoke(v_take.account_id, 'password_reset');
	PERFORM bq.log_event(v_take.account_id, 'password_reset', NULL);
	RETURN '{}';
END
$$;

-- Rotates a refresh token.  A token already used means two holders: the
-- session and every token of it die.
CREATE OR REPLACE FUNCTION bq.session_refresh(p_old_hash text, p_new_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_token bq.refresh_token;
	v_session bq.session;
BEGIN
	SELECT * INTO v_token FROM bq.refresh_token
	WHERE token_hash = decode(p_old_hash, 'hex') FOR UPDATE;
	IF NOT FOUND THEN
		RETURN bq.problem('unauthorized');
	END IF;
	SELECT * INTO v_session FROM bq.session WHERE id = v_token.session_id
	FOR UPDATE;
	IF v_token.used_at IS NOT NULL THEN
		IF v_session.revoked_at IS NULL THEN
			UPDATE bq.session SET revoked_at = now(),
			    revoke_reason = 'refresh_reuse'
			WHERE id = v_session.id;
			PERFORM bq.log_event(v_session.account_id,
			    'session_revoked', v_session.id,
			    '{"reason": "refresh_reuse"}');
		END IF;
		RETURN bq.problem('unauthorized');
	END IF;
	IF v_token.retired_at IS NOT NULL OR v_session.revoked_at IS NOT NULL
	    OR v_session.expires_at <= now() THEN
		RETURN bq.problem('unauthorized');
	END IF;
	UPDATE bq.refresh_token SET used_at = now()
	WHERE token_hash = v_token.token_hash;
	INSERT INTO bq.refresh_token (token_hash, session_id)
	VALUES (decode(p_new_hash, 'hex'), v_session.id);
	RETURN bq.session_json(v_session);
END
$$;

CREATE OR REPLACE FUNCTION bq.logout(p_account uuid, p_sid uuid) RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	UPDATE bq.session SET revoked_at = now(), revoke_reason = 'logout'
	WHERE id = p_sid;
	PERFORM bq.log_event(p_account, 'logout', p_sid);
	RETURN '{}';
END
$$;

CREATE OR REPLACE FUNCTION bq.me(p_account uuid, p_sid uuid) RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN bq.account_json(p_account,
	    (SELECT role FROM bq.session WHERE id = p_sid));
END
$$;

-- The fields a person may change themself: e-mail, login name, language.
-- Names, sex and birth date come from the registry; the phone changes
-- only with a code (not yet offered).
-- The field a unique violation on bq.account is about.
CREATE OR REPLACE FUNCTION bq.account_taken_field(p_constraint text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_constraint
	    WHEN 'account_email' THEN 'email'
	    WHEN 'account_login' THEN 'login'
	    WHEN 'account_phone_key' THEN 'phone'
	    WHEN 'account_iin_key' THEN 'iin'
	    ELSE 'body' END;
$$;

-- A new e-mail is not set here: the code (p_code, its MAC p_mac, made
-- by the edge for any patch with an e-mail) goes to the address, and
-- bq.email_verify sets it; the answer is the same whoever holds the
-- address.  A null e-mail clears it at once.
CREATE OR REPLACE FUNCTION bq.me_update(p_account uuid, p_sid uuid, p_patch jsonb,
    p_code text, p_mac text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_constraint text;
	v_oldest timestamptz;
	v_email text := p_patch->>'email';
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	-- A taken e-mail or login is a fact about another account: each try
	-- is counted, kept even when refused, and at most
	-- identity_changes_per_hour are answered an hour.
	IF p_patch ?| ARRAY['email', 'login'] THEN
		PERFORM pg_advisory_xact_lock(
		    hashtextextended('identity:' || p_account, 0));
		SELECT min(at) INTO v_oldest FROM (SELECT e.at
		    FROM bq.account_event e WHERE e.account_id = p_account
		      AND e.action = 'identity_change_tried'
		      AND e.at > now() - interval '1 hour'
		    ORDER BY e.at DESC
		    LIMIT bq.setting('identity_changes_per_hour')) recent
		HAVING count(*) >= bq.setting('identity_changes_per_hour');
		IF v_oldest IS NOT NULL THEN
			RETURN bq.rate_problem(extract(epoch FROM v_oldest +
			    interval '1 hour' - now()), 'identity-changes',
			    bq.setting('identity_changes_per_hour'), 3600);
		END IF;
		PERFORM bq.log_event(p_account, 'identity_change_tried', p_sid,
		    jsonb_build_object('fields', (SELECT jsonb_agg(k ORDER BY k)
			FROM jsonb_object_keys(p_patch) k
			WHERE k IN ('email', 'login'))));
	END IF;
	IF v_email IS NOT NULL THEN
		p_patch := p_patch - 'email';
	ELSIF p_patch ? 'email' THEN
		DELETE FROM bq.email_verification WHERE account_id = p_account;
	END IF;
	BEGIN
		UPDATE bq.account SET
		    email = CASE WHEN p_patch ? 'email'
			THEN p_patch->>'email' ELSE email END,
		    login = CASE WHEN p_patch ? 'login'
			THEN p_patch->>'login' ELSE login END,
		    language = CASE WHEN p_patch ? 'language'
			THEN (p_patch->>'language')::bq.language ELSE language END
		WHERE id = p_account;
	EXCEPTION WHEN unique_violation THEN
		-- Answered, not raised: the try above stays counted.
		GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
		RETURN bq.problem('conflict', bq.account_taken_field(v_constraint),
		    'taken');
	WHEN check_violation THEN
		RAISE EXCEPTION 'no name left' USING ERRCODE = 'BQ422',
		    COLUMN = 'login', HINT = 'required';
	END;
	-- After the update: the code goes in the language just chosen.
	IF v_email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bq.account
	    WHERE id = p_account AND lower(email) = lower(v_email)) THEN
		PERFORM bq.email_code_issue(p_account, v_email, p_code, p_mac);
	END IF;
	IF p_patch <> '{}' THEN
		PERFORM bq.log_event(p_account, 'profile_updated', p_sid,
		    jsonb_build_object('fields', (SELECT jsonb_agg(k ORDER BY k)
			FROM jsonb_object_keys(p_patch) k)));
	END IF;
	RETURN bq.me(p_account, p_sid);
END
$$;

-- What a password change needs first: the hash to check the current
-- password against, and the account's own values the new one must not
-- hold; account_locked while failures have locked it, rate_limited past
-- login_per_name_minute checks a minute (each costs two argon2 runs).
CREATE OR REPLACE FUNCTION bq.password_current(p_account uuid, p_sid uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_account bq.account;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT * INTO v_account FROM bq.account WHERE id = p_account;
	RETURN coalesce(bq.account_lock_problem(v_account),
	    bq.hash_admit('account:' || p_account,
		bq.setting('login_per_name_minute')),
	    json_build_object('password_hash', v_account.password_hash,
		'iin', v_account.iin, 'phone', v_account.phone,
		'login', v_account.login, 'email', v_account.email));
END
$$;

-- A password change: a wrong current password counts as a failed login;
-- a right one replaces it and ends every other session.
CREATE OR REPLACE FUNCTION bq.password_change(p_account uuid, p_sid uuid, p_ok boolean,
    p_password_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_account bq.account;
	v_locked json;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT * INTO v_account FROM bq.account WHERE id = p_account FOR UPDATE;
	v_locked := bq.account_lock_problem(v_account);
	IF v_locked IS NOT NULL THEN
		RETURN v_locked;
	END IF;
	IF NOT p_ok THEN
		RETURN bq.password_failed(p_account, 'password_check_failed', NULL,
		    bq.problem('validation_failed', 'current_password',
			'invalid_value'));
	END IF;
	UPDATE bq.account SET password_hash = p_password_hash,
	    password_changed_at = now()
	WHERE id = p_account;
	PERFORM bq.sessions_revoke(p_account, 'password_changed', p_sid);
	PERFORM bq.log_event(p_account, 'password_changed', p_sid);
	RETURN '{}';
END
$$;

-- Switches to another role of the account.  A session never changes its
-- role: a token names the role of its session, so the switch is a new
-- session in the role, ending when the old one would have, and the old
-- session ends with its refresh tokens and every access token issued for
-- it (they name the old role).
CREATE OR REPLACE FUNCTION bq.session_switch_role(p_account uuid, p_sid uuid,
    p_role text, p_refresh_hash text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_old bq.session;
	v_session bq.session;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	IF NOT EXISTS (SELECT 1 FROM bq.account_role
	    WHERE account_id = p_account AND role::text = p_role) THEN
		RAISE EXCEPTION 'role not held' USING ERRCODE = 'BQ422',
		    COLUMN = 'role', HINT = 'invalid_value';
	END IF;
	UPDATE bq.session SET revoked_at = now(), revoke_reason = 'role_switched'
	WHERE id = p_sid RETURNING * INTO v_old;
	UPDATE bq.refresh_token SET retired_at = now()
	WHERE session_id = p_sid AND used_at IS NULL AND retired_at IS NULL;
	INSERT INTO bq.session (account_id, role, remember, expires_at)
	VALUES (p_account, p_role::bq.role, v_old.remember, v_old.expires_at)
	RETURNING * INTO v_session;
	INSERT INTO bq.refresh_token (token_hash, session_id)
	VALUES (decode(p_refresh_hash, 'hex'), v_session.id);
	PERFORM bq.log_event(p_account, 'role_switched', v_session.id,
	    jsonb_build_object('role', p_role, 'from_session', p_sid));
	RETURN bq.session_json(v_session);
END
$$;

-- The user log, newest first, a page after the cursor (an event id).
CREATE OR REPLACE FUNCTION bq.account_log(p_account uuid, p_sid uuid, p_cursor bigint,
    p_limit integer)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_items json;
	v_last bigint;
	v_count integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT json_agg(json_build_object('id', e.id::text, 'at', e.at,
		'action', e.action, 'detail', e.detail) ORDER BY e.id DESC),
	    min(e.id), count(*)
	INTO v_items, v_last, v_count
	FROM (SELECT * FROM bq.account_event
	    WHERE account_id = p_account
	      AND (p_cursor IS NULL OR id < p_cursor)
	    ORDER BY id DESC LIMIT p_limit) e;
	RETURN json_build_object('items', coalesce(v_items, '[]'),
	    'next_cursor', CASE WHEN v_count = p_limit AND EXISTS (
		SELECT 1 FROM bq.account_event WHERE account_id = p_account
		  AND id < v_last) THEN v_last::text END);
END
$$;

-- An administrator makes a staff account.  Staff sign in by login name.
CREATE OR REPLACE FUNCTION bq.staff_create(p_admin uuid, p_sid uuid, p_login text,
    p_password_hash text, p_surname text, p_first_name text,
    p_patronymic text, p_email text, p_phone text, p_role text,
    p_kindergarten uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_account uuid;
	v_constraint text;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	-- Both at once (bq.refuse_fields); a kindergarten of the catalogue,
	-- not an id that names nothing.
	PERFORM bq.refuse_fields(
	    CASE WHEN p_role NOT IN ('verifier', 'kindergarten_staff', 'support',
		'admin') THEN '[["role", "invalid_value"]]'::jsonb ELSE '[]' END ||
	    CASE WHEN p_kindergarten IS NOT NULL AND NOT EXISTS (SELECT 1
		FROM bq.kindergarten WHERE id = p_kindergarten
		  AND bq.in_scope(region_id, bq.admin_region(p_admin)))
		THEN '[["kindergarten_id", "invalid_value"]]'::jsonb ELSE '[]' END);
	BEGIN
		INSERT INTO bq.account (login, password_hash, surname,
		    first_name, patronymic, email, phone)
		VALUES (p_login, p_password_hash, p_surname, p_first_name,
		    p_patronymic, p_email, p_phone)
		RETURNING id INTO v_account;
	EXCEPTION WHEN unique_violation THEN
		GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
		RAISE EXCEPTION 'taken' USING ERRCODE = 'BQ409',
		    COLUMN = bq.account_taken_field(v_constraint), HINT = 'taken';
	END;
	INSERT INTO bq.account_role (account_id, role, kindergarten_id)
	VALUES (v_account, p_role::bq.role, p_kindergarten);
	PERFORM bq.log_event(p_admin, 'staff_created', p_sid,
	    jsonb_build_object('account_id', v_account, 'role', p_role));
	PERFORM bq.audit(p_admin, 'staff_created', 'account', v_account::text,
	    coalesce((SELECT region_id FROM bq.kindergarten
		WHERE id = p_kindergarten), bq.admin_region(p_admin)),
	    jsonb_build_object('role', p_role, 'kindergarten_id', p_kindergarten));
	RETURN bq.account_json(v_account, p_role::bq.role);
END
$$;

-- Staff by kindergarten and role, for the department (administrators):
-- each account's name, contacts, roles and where each acts.
CREATE OR REPLACE FUNCTION bq.staff_list(p_admin uuid, p_sid uuid,
    p_kindergarten uuid, p_role text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	-- Any role may be asked for; parents are no one's staff (none listed).
	IF NOT p_role = ANY (enum_range(NULL::bq.role)::text[]) THEN
		RAISE EXCEPTION 'role' USING ERRCODE = 'BQ422', COLUMN = 'role',
		    HINT = 'invalid_value';
	END IF;
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg((SELECT jsonb_object_agg(k, v)
		FROM jsonb_each(bq.account_json(a.id, NULL)::jsonb) x (k, v)
		WHERE k IN ('id', 'login', 'surname', 'first_name', 'patronymic',
		    'email', 'phone', 'roles', 'scopes', 'created_at'))
		ORDER BY a.surname, a.first_name, a.id)
	    FROM bq.account a WHERE EXISTS (SELECT 1 FROM bq.account_role r
		WHERE r.account_id = a.id AND r.role <> 'parent'
		  AND (p_role IS NULL OR r.role::text = p_role)
		  AND (p_kindergarten IS NULL
		    OR r.kindergarten_id = p_kindergarten))), '[]'));
END
$$;

-- Copies of an outbox (bq.sms_outbox, bq.email_outbox) whose deadline
-- passed before they could go are dead, never sent: run before each claim.
CREATE OR REPLACE FUNCTION bq.outbox_expire(p_outbox regclass) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	EXECUTE format('UPDATE %s SET status = ''dead'', body = NULL,
	    changed_at = now(),
	    last_error = ''its deadline passed before it could go''
	    WHERE status = ''pending'' AND not_after <= now()', p_outbox);
END
$$;
REVOKE EXECUTE ON FUNCTION bq.outbox_expire(regclass) FROM bq_api;

-- Claims due messages.  The claim is a lease: a sender that dies holding
-- one lets it fall due again, and SKIP LOCKED lets senders run side by
-- side without sending a message twice.  A copy whose deadline has
-- passed is dead, not sent.
CREATE OR REPLACE FUNCTION bq.sms_claim(p_limit integer)
RETURNS TABLE (id uuid, phone text, kind text, body text, code text,
    attempts integer)
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT bq.outbox_expire('bq.sms_outbox');
	UPDATE bq.sms_outbox o
	SET attempts = o.attempts + 1,
	    next_attempt_at = now() + make_interval(secs => bq.setting('sms_lease_s'))
	WHERE o.id IN (SELECT d.id FROM bq.sms_outbox d
	    WHERE d.status = 'pending' AND d.next_attempt_at <= now()
	    ORDER BY d.next_attempt_at LIMIT p_limit
	    FOR UPDATE SKIP LOCKED)
	RETURNING o.id, o.phone, o.kind, o.body, o.code, o.attempts;
$$;

-- The outcome of one send of an outbox (bq.sms_outbox, bq.email_outbox),
-- whose sends past the setting p_max are dead.  Sent or dead, the text
-- and code are erased; a failure before that waits 2^attempts seconds (at
-- most 5 minutes) and is tried again.  The error names no person.
CREATE OR REPLACE FUNCTION bq.outbox_result(p_outbox regclass, p_max text,
    p_id uuid, p_ok boolean, p_error text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_max integer := bq.setting(p_max);
BEGIN
	EXECUTE format('UPDATE %s SET
	    status = CASE WHEN $1 THEN ''sent''
		WHEN attempts >= $2 THEN ''dead'' ELSE ''pending'' END,
	    sent_at = CASE WHEN $1 THEN now() END,
	    body = CASE WHEN $1 OR attempts >= $2 THEN NULL ELSE body END,
	    code = CASE WHEN $1 OR attempts >= $2 THEN NULL ELSE code END,
	    last_error = CASE WHEN $1 THEN NULL ELSE left($3, 200) END,
	    changed_at = now(),
	    next_attempt_at = CASE WHEN $1 THEN next_attempt_at
		WHEN notification_id IS NULL
		THEN now() + make_interval(secs => least(300, 2 ^ attempts))
		ELSE bq.quiet_release(now() + make_interval(secs =>
		    least(300, 2 ^ attempts))) END
	    WHERE id = $4 AND status = ''pending''', p_outbox)
	USING p_ok, v_max, p_error, p_id;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.outbox_result(regclass, text, uuid, boolean, text)
    FROM bq_api;

CREATE OR REPLACE FUNCTION bq.sms_result(p_id uuid, p_ok boolean, p_error text)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT bq.outbox_result('bq.sms_outbox', 'sms_max_attempts', p_id, p_ok,
	    p_error);
$$;

-- The lookup of a password login, admitted before any password is
-- hashed: for its client address (login_per_client_minute), then for the
-- name as typed (login_per_name_minute), the same for a name with an
-- account and one without, so that the limit tells nothing of which.
CREATE OR REPLACE FUNCTION bq.login_lookup(p_kind text, p_value text, p_client text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	RETURN coalesce(
	    bq.hash_admit(p_client, bq.setting('login_per_client_minute')),
	    bq.hash_admit('name:' || p_kind || ':' || lower(p_value),
		bq.setting('login_per_name_minute')),
	    bq.login_find(p_kind, p_value));
END
$$;

REVOKE EXECUTE ON FUNCTION bq.sms_claim(integer),
    bq.sms_result(uuid, boolean, text) FROM bq_api;

GRANT EXECUTE ON FUNCTION bq.sms_claim(integer),
    bq.sms_result(uuid, boolean, text) TO bq_sms;

-- The service calls the entry points above; the helpers they share run
-- only inside them (as their owner), never on their own.
REVOKE EXECUTE ON FUNCTION bq.session_open(uuid, bq.role, boolean, text),
    bq.session_json(bq.session), bq.otp_take(text, text, bq.otp_purpose, text),
    bq.log_event(uuid, text, uuid, jsonb), bq.sessions_revoke(uuid, text, uuid),
    bq.account_json(uuid, bq.role), bq.keyed_digest(text),
    bq.login_failures(uuid, bytea), bq.default_role(uuid),
    bq.session_guard(uuid, uuid, bq.role), bq.setting(text), bq.sms_outbox_notify()
    FROM bq_api;
