-- Outward copies of inbox messages: an SMS and an e-mail for each message
-- of an outward kind, as the account chooses; quiet hours; the state of
-- each copy for the inbox; the gateway's receipts; reminders before
-- deadlines, each once.

-- When a message made at p_at may go: then, or where p_at falls in quiet
-- hours (Almaty time, quiet_start_hour to quiet_end_hour; equal hours mean
-- none) when they end.  Deadlines do not move with it.
CREATE OR REPLACE FUNCTION bq.quiet_release(p_at timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_local timestamp := p_at AT TIME ZONE 'Asia/Almaty';
	v_start integer := bq.setting('quiet_start_hour');
	v_end integer := bq.setting('quiet_end_hour');
	v_hour integer := extract(hour FROM v_local);
	v_day date := v_local::date;
BEGIN
	IF v_start = v_end THEN
		RETURN p_at;
	ELSIF v_start > v_end THEN
		-- Across midnight: 22 to 8.
		IF v_hour >= v_start THEN
			v_day := v_day + 1;
		ELSIF v_hour >= v_end THEN
			RETURN p_at;
		END IF;
	ELSIF v_hour < v_start OR v_hour >= v_end THEN
		RETURN p_at;
	END IF;
	RETURN (v_day + make_interval(hours => v_end)) AT TIME ZONE 'Asia/Almaty';
END
$$;

-- A new inbox message of an outward kind is queued for the phone and
-- verified e-mail of a parent's account (staff hear of the same events in
-- their inbox: the texts are written for the family).  The SMS has its own
-- text (no IIN, no surname); the e-mail is the inbox text with the card's
-- address.  One that could only go after its deadline is recorded dead,
-- not sent.  Once a statement, over the messages it made (made): a round
-- writes thousands at once.
CREATE OR REPLACE FUNCTION bq.notifications_outward() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_at timestamptz := bq.quiet_release(now());
BEGIN
	-- Each message once, with its account's choices; then its copies.
	WITH c AS (
		SELECT n.*, n.due_at IS NOT NULL AND v_at >= n.due_at AS late,
		    n.params || jsonb_build_object('card',
			regexp_replace(coalesce(n.link, ''), '^/v1', '')) AS args,
		    x.phone, x.email, x.language,
		    x.notify_sms AND x.phone IS NOT NULL AS sms,
		    x.notify_email AND x.email IS NOT NULL AS mail
		FROM made n JOIN bq.account x ON x.id = n.account_id
		WHERE EXISTS (SELECT 1 FROM bq.outward_kind k
			WHERE k.kind = n.kind)
		  AND EXISTS (SELECT 1 FROM bq.account_role r
			WHERE r.account_id = n.account_id AND r.role = 'parent')),
	    texts AS (
		INSERT INTO bq.sms_outbox (phone, kind, body, notification_id,
		    not_after, next_attempt_at, status, last_error)
		SELECT c.phone, c.kind, CASE WHEN NOT c.late THEN
			bq.message(c.kind || '_sms', c.language, c.args) END,
		    c.id, c.due_at, v_at,
		    CASE WHEN c.late THEN 'dead' ELSE 'pending' END,
		    CASE WHEN c.late THEN 'its deadline passes in quiet hours' END
		FROM c WHERE c.sms
		RETURNING 1)
	INSERT INTO bq.email_outbox (address, language, kind, subject, body,
	    notification_id, not_after, next_attempt_at, status, last_error)
	SELECT c.email, c.language, c.kind,
	    bq.message('email_' || c.kind || '_subject', c.language, '{}'),
	    CASE WHEN NOT c.late THEN c.text ||
		bq.message('email_footer', c.language, c.args) END,
	    c.id, c.due_at, v_at,
	    CASE WHEN c.late THEN 'dead' ELSE 'pending' END,
	    CASE WHEN c.late THEN 'its deadline passes in quiet hours' END
	FROM c WHERE c.mail;
	RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS notification_outward ON bq.notification;
CREATE OR REPLACE TRIGGER notifications_outward AFTER INSERT ON bq.notification
	REFERENCING NEW TABLE AS made
	FOR EACH STATEMENT EXECUTE FUNCTION bq.notifications_outward();
DROP FUNCTION IF EXISTS bq.notification_outward();

-- A copy's state as the inbox and the metrics show it: queued (to go),
-- failed (tried, to be tried again, or refused by the gateway), sent,
-- delivered (the gateway's receipt) or dead (given up).
CREATE OR REPLACE FUNCTION bq.delivery_state(p_status text, p_error text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN p_status <> 'pending' THEN p_status
	    WHEN p_error IS NULL THEN 'queued' ELSE 'failed' END;
$$;

-- A copy for the inbox; `at` is when a pending one goes (or is tried
-- again), else when it reached its state.
CREATE OR REPLACE FUNCTION bq.delivery_json(p_channel text, p_status text,
    p_error text, p_next timestamptz, p_changed timestamptz)
RETURNS json
LANGUAGE sql IMMUTABLE AS $$
	SELECT json_build_object('channel', p_channel,
	    'state', bq.delivery_state(p_status, p_error),
	    'at', CASE WHEN p_status = 'pending' THEN p_next ELSE p_changed END);
$$;

CREATE OR REPLACE FUNCTION bq.notification_deliveries(p_id uuid) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT coalesce(json_agg(d ORDER BY n), '[]') FROM (
	    SELECT 1 AS n, bq.delivery_json('sms', status, last_error,
		next_attempt_at, changed_at) AS d
	    FROM bq.sms_outbox WHERE notification_id = p_id
	    UNION ALL
	    SELECT 2, bq.delivery_json('email', status, last_error,
		next_attempt_at, changed_at)
	    FROM bq.email_outbox WHERE notification_id = p_id) x;
$$;

-- The gateway's word on an SMS it took: delivered or failed.  NULL (404)
-- for an id it was never given; a receipt for a message still to be sent,
-- or a second one, changes nothing past the last word.
CREATE OR REPLACE FUNCTION bq.sms_receipt(p_id uuid, p_state text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	IF p_state NOT IN ('delivered', 'failed') THEN
		RAISE EXCEPTION 'state' USING ERRCODE = 'BQ422', COLUMN = 'state',
		    HINT = 'invalid_value';
	END IF;
	UPDATE bq.sms_outbox SET status = p_state, receipt_at = now(),
	    changed_at = now()
	WHERE id = p_id AND status IN ('sent', 'delivered', 'failed');
	IF NOT FOUND THEN
		IF EXISTS (SELECT 1 FROM bq.sms_outbox WHERE id = p_id) THEN
			RAISE EXCEPTION 'not sent' USING ERRCODE = 'BQ409',
			    COLUMN = 'id', HINT = 'not_sent';
		END IF;
		RETURN NULL;
	END IF;
	RETURN '{}';
END
$$;

-- The account's channels and language.
CREATE OR REPLACE FUNCTION bq.notification_settings_json(a bq.account)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('sms', a.notify_sms, 'email', a.notify_email,
	    'language', a.language, 'phone', a.phone IS NOT NULL,
	    'email_address', a.email IS NOT NULL);
$$;

CREATE OR REPLACE FUNCTION bq.notification_settings(p_account uuid, p_sid uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN (SELECT bq.notification_settings_json(a) FROM bq.account a
	    WHERE a.id = p_account);
END
$$;

-- p_body: any of sms, email (booleans) and language, checked at the edge.
CREATE OR REPLACE FUNCTION bq.notification_settings_set(p_account uuid,
    p_sid uuid, p_body jsonb)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	a bq.account;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	UPDATE bq.account SET
	    notify_sms = coalesce((p_body->>'sms')::boolean, notify_sms),
	    notify_email = coalesce((p_body->>'email')::boolean, notify_email),
	    language = coalesce((p_body->>'language')::bq.language, language)
	WHERE id = p_account RETURNING * INTO a;
	PERFORM bq.log_event(p_account, 'notification_settings_changed', p_sid,
	    p_body);
	RETURN bq.notification_settings_json(a);
END
$$;

-- Reminders: a message to an application's audience, once per account
-- and event key, about a deadline (the copies never go after it).
CREATE OR REPLACE FUNCTION bq.remind(a bq.application, p_kind text,
    p_args jsonb, p_link text, p_due timestamptz, p_event text)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	v_args jsonb;
	n integer;
BEGIN
	SELECT jsonb_build_object('number', a.number,
	    'deadline', bq.local_time(p_due),
	    'child', concat_ws(' ', c.surname, c.first_name),
	    'child_first', c.first_name) || p_args
	INTO v_args FROM bq.child c WHERE c.id = a.child_id;
	INSERT INTO bq.notification (account_id, kind, text, link, params,
	    due_at, event)
	SELECT x.id, p_kind, bq.message(p_kind, x.language, v_args), p_link,
	    v_args, p_due, p_event
	-- The audience joined by key (bq.vouchers_notify says why).
	FROM bq.application_audience(a) aud(account_id)
	JOIN bq.account x ON x.id = aud.account_id
	ON CONFLICT (account_id, event) WHERE event IS NOT NULL DO NOTHING;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;

-- Whether a reminder of the deadline is due: from the working day before
-- the deadline's day (Almaty) until the deadline.
CREATE OR REPLACE FUNCTION bq.reminder_due(p_deadline timestamptz)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT now() < p_deadline AND (now() AT TIME ZONE 'Asia/Almaty')::date
	    >= bq.working_day_before((p_deadline AT TIME ZONE 'Asia/Almaty')::date);
$$;

-- The sweeper's part: every deadline a reminder is due for, and the
-- extension offered on a voucher's last day.  Several sweepers may run at
-- once: the event keys keep each message single.
CREATE OR REPLACE FUNCTION bq.sweep_reminders() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	r record;
	n integer := 0;
BEGIN
	FOR r IN SELECT v, a FROM bq.voucher v
	    JOIN bq.application a ON a.id = v.application_id
	    WHERE v.status = 'issued' AND bq.reminder_due(v.confirm_by) LOOP
		n := n + bq.remind(r.a, 'voucher_confirm_reminder', '{}',
		    '/v1/vouchers/' || (r.v).id, (r.v).confirm_by,
		    'voucher_confirm_reminder:' || (r.v).id);
	END LOOP;
	FOR r IN SELECT v, a FROM bq.voucher v
	    JOIN bq.application a ON a.id = v.application_id
	    WHERE v.status = 'active' AND a.status = 'voucher_active' LOOP
		IF bq.reminder_due((r.v).enrol_by) THEN
			n := n + bq.remind(r.a, 'enrolment_reminder', '{}',
			    '/v1/vouchers/' || (r.v).id, (r.v).enrol_by,
			    'enrolment_reminder:' || (r.v).id || ':' || (r.v).enrol_by);
		END IF;
		IF bq.voucher_extendable(r.v) THEN
			n := n + bq.remind(r.a, 'extension_offered', '{}',
			    '/v1/vouchers/' || (r.v).id, (r.v).enrol_by,
			    'extension_offered:' || (r.v).id);
		END IF;
	END LOOP;
	FOR r IN SELECT c, a FROM bq.contract c
	    JOIN bq.enrolment e ON e.id = c.enrolment_id
	    JOIN bq.application a ON a.id = e.application_id
	    WHERE c.status IN ('draft', 'ready') AND bq.reminder_due(c.sign_by) LOOP
		n := n + bq.remind(r.a, 'contract_reminder',
		    jsonb_build_object('number', (r.c).number),
		    '/v1/contracts/' || (r.c).id, (r.c).sign_by,
		    'contract_reminder:' || (r.c).id);
	END LOOP;
	FOR r IN SELECT a, s.at + make_interval(days => bq.setting('restore_days')) AS due
	    FROM bq.application a
	    CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM bq.application_event e
		WHERE e.application_id = a.id AND e.to_status = 'suspended') s
	    WHERE a.status = 'suspended' LOOP
		IF bq.reminder_due(r.due) THEN
			n := n + bq.remind(r.a, 'restore_reminder', '{}',
			    '/v1/applications/' || (r.a).id, r.due,
			    'restore_reminder:' || (r.a).id || ':' || r.due);
		END IF;
	END LOOP;
	RETURN n;
END
$$;

REVOKE EXECUTE ON FUNCTION bq.remind(bq.application, text, jsonb, text,
    timestamptz, text), bq.sweep_reminders() FROM bq_api;

-- The outboxes' messages of the last day by channel and state, for
-- bq-sms's metrics file (a gauge; older ones are history).
CREATE OR REPLACE FUNCTION bq.outbox_counts()
RETURNS TABLE (channel text, state text, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT channel, state, count(*) FROM (
	    SELECT 'sms' AS channel, bq.delivery_state(status, last_error) AS state
	    FROM bq.sms_outbox WHERE created_at > now() - interval '1 day'
	    UNION ALL
	    SELECT 'email', bq.delivery_state(status, last_error)
	    FROM bq.email_outbox WHERE created_at > now() - interval '1 day') x
	GROUP BY channel, state ORDER BY channel, state;
$$;
REVOKE EXECUTE ON FUNCTION bq.outbox_counts() FROM bq_api;
GRANT EXECUTE ON FUNCTION bq.outbox_counts() TO bq_sms;
