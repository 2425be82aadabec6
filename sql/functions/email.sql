-- E-mail: an address becomes an account's only with the code sent to it
-- (sql/migrations/0025_email_codes.sql), and the e-mail outbox the
-- sender (bq-sms) drains.

-- The sender listens on one channel for both outboxes.
CREATE OR REPLACE TRIGGER email_outbox_notify AFTER INSERT ON bq.email_outbox
	FOR EACH STATEMENT EXECUTE FUNCTION bq.sms_outbox_notify();

-- The account asks to prove an address: the code (p_code, with its MAC
-- p_mac, made by the edge) goes to the address in the account's
-- language, replacing any code before it.  The account's e-mail does not
-- change until bq.email_verify; nothing here depends on whether another
-- account holds the address, so the answer is the same either way.
CREATE OR REPLACE FUNCTION bq.email_code_issue(p_account uuid, p_email text,
    p_code text, p_mac text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_lang bq.language;
	v_until timestamptz := now() + make_interval(
	    secs => bq.setting('email_code_s'));
BEGIN
	SELECT language INTO v_lang FROM bq.account WHERE id = p_account;
	INSERT INTO bq.email_verification (account_id, email, code_mac, expires_at)
	VALUES (p_account, p_email, decode(p_mac, 'hex'), v_until)
	ON CONFLICT (account_id) DO UPDATE SET email = excluded.email,
	    code_mac = excluded.code_mac, attempts = 0, created_at = now(),
	    expires_at = excluded.expires_at;
	INSERT INTO bq.email_outbox (address, language, kind, subject, body, code)
	VALUES (p_email, v_lang, 'email_verify',
	    bq.message('email_verify_subject', v_lang, '{}'),
	    bq.message('email_verify', v_lang, jsonb_build_object('code', p_code,
		'deadline', bq.local_time(v_until))),
	    p_code);
END
$$;

-- The code typed, as its MAC: right, the address is the account's (409
-- taken only when another account proved it first: the person here has
-- just shown it is theirs); wrong, a try counted, and
-- email_code_max_attempts of them kill the code.
CREATE OR REPLACE FUNCTION bq.email_verify(p_account uuid, p_sid uuid, p_mac text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v bq.email_verification;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT * INTO v FROM bq.email_verification WHERE account_id = p_account
	FOR UPDATE;
	IF NOT FOUND OR v.expires_at <= now() THEN
		RETURN bq.problem('validation_failed', 'code', 'invalid_code');
	END IF;
	IF v.code_mac <> decode(p_mac, 'hex') THEN
		IF v.attempts + 1 >= bq.setting('email_code_max_attempts') THEN
			DELETE FROM bq.email_verification
			WHERE account_id = p_account;
		ELSE
			UPDATE bq.email_verification SET attempts = attempts + 1
			WHERE account_id = p_account;
		END IF;
		RETURN bq.problem('validation_failed', 'code', 'invalid_code');
	END IF;
	DELETE FROM bq.email_verification WHERE account_id = p_account;
	BEGIN
		UPDATE bq.account SET email = v.email WHERE id = p_account;
	EXCEPTION WHEN unique_violation THEN
		RETURN bq.problem('conflict', 'email', 'taken');
	END;
	PERFORM bq.log_event(p_account, 'email_verified', p_sid);
	RETURN bq.me(p_account, p_sid);
END
$$;

CREATE OR REPLACE FUNCTION bq.email_claim(p_limit integer)
RETURNS TABLE (id uuid, address text, language bq.language, kind text,
    subject text, body text, code text, attempts integer)
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT bq.outbox_expire('bq.email_outbox');
	UPDATE bq.email_outbox o
	SET attempts = o.attempts + 1,
	    next_attempt_at = now() + make_interval(secs => bq.setting('sms_lease_s'))
	WHERE o.id IN (SELECT d.id FROM bq.email_outbox d
	    WHERE d.status = 'pending' AND d.next_attempt_at <= now()
	    ORDER BY d.next_attempt_at LIMIT p_limit
	    FOR UPDATE SKIP LOCKED)
	RETURNING o.id, o.address, o.language, o.kind, o.subject, o.body, o.code,
	    o.attempts;
$$;

-- The outcome of one send, as for SMS (bq.outbox_result).
CREATE OR REPLACE FUNCTION bq.email_result(p_id uuid, p_ok boolean, p_error text)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT bq.outbox_result('bq.email_outbox', 'email_max_attempts', p_id,
	    p_ok, p_error);
$$;

REVOKE EXECUTE ON FUNCTION bq.email_claim(integer),
    bq.email_result(uuid, boolean, text),
    bq.email_code_issue(uuid, text, text, text) FROM bq_api;
GRANT EXECUTE ON FUNCTION bq.email_claim(integer),
    bq.email_result(uuid, boolean, text) TO bq_sms;
