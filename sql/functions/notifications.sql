-- Notifications: messages from their templates in the reader's language,
-- who hears of an application, and the inbox rows written for them.

-- A message in a language, its {placeholders} filled from p_args.
CREATE OR REPLACE FUNCTION bq.message(p_kind text, p_lang bq.language, p_args jsonb)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_text text;
	v_key text;
BEGIN
	SELECT body INTO v_text FROM bq.message_template
	WHERE kind = p_kind AND language = p_lang;
	FOR v_key IN SELECT jsonb_object_keys(p_args) LOOP
		v_text := replace(v_text, '{' || v_key || '}',
		    coalesce(p_args->>v_key, ''));
	END LOOP;
	RETURN v_text;
END
$$;

-- A status's label in a language: the portal's words, from the messages'
-- table (status_<workflow>_<status>).
CREATE OR REPLACE FUNCTION bq.status_label(p_workflow text, p_status text,
    p_lang text)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT bq.message('status_' || p_workflow || '_' || p_status,
	    p_lang::bq.language, '{}');
$$;

-- An inbox message in the reader's language: told again from its kind and
-- parameters; a message older than its parameters keeps its text.
CREATE OR REPLACE FUNCTION bq.notification_text(n bq.notification, p_lang text)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN n.params = '{}' THEN n.text
	    ELSE coalesce(bq.message(n.kind, p_lang::bq.language, n.params), n.text) END;
$$;

-- A deadline as people read it: Almaty time.
CREATE OR REPLACE FUNCTION bq.local_time(p_at timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT to_char(p_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI:SS');
$$;

-- Notifications for any accounts (staff too); the application's audience
-- is one such list.
CREATE OR REPLACE FUNCTION bq.notify_accounts(p_ids uuid[], p_kind text, p_args jsonb,
    p_link text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO bq.notification (account_id, kind, text, link, params)
	SELECT x.id, p_kind, bq.message(p_kind, x.language, p_args), p_link, p_args
	FROM bq.account x WHERE x.id = ANY (p_ids);
$$;

-- The accounts told about an application: the child's parent, and the
-- trustee who filed it, if one did and still acts for the child (not a
-- trustee removed, nor a holder the child was claimed from).
CREATE OR REPLACE FUNCTION bq.application_audience(a bq.application)
RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
	SELECT owner_id FROM bq.child WHERE id = a.child_id
	UNION
	SELECT a.filed_by WHERE bq.child_access(a.filed_by, a.child_id) IS NOT NULL;
$$;

-- Notifications link where the reader acts: a voucher's links to it.
CREATE OR REPLACE FUNCTION bq.notify_linked(a bq.application, p_kind text, p_args jsonb,
    p_link text)
RETURNS void
LANGUAGE sql AS $$
	-- The child by first name too, for texts (SMS) that name no surname.
	SELECT bq.notify_accounts(ARRAY(SELECT bq.application_audience(a)),
	    p_kind, jsonb_build_object('child_first', (SELECT c.first_name
		FROM bq.child c WHERE c.id = a.child_id)) || p_args, p_link);
$$;

-- Tells each account of the audience, in its own language.
CREATE OR REPLACE FUNCTION bq.notify(a bq.application, p_kind text,
    p_args jsonb)
RETURNS void
LANGUAGE sql AS $$
	SELECT bq.notify_linked(a, p_kind, p_args, '/v1/applications/' || a.id);
$$;
