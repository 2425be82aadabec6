-- Enrolment and contracts: seats and their places, the waiting list,
-- contracts, their fixed text and signatures, and the sweeper's part.

-- A new seat takes the lowest free place of its group, under the group's
-- row lock, and only while fewer seats than the capacity are live and
-- the group takes children (bq.group_open), whatever path asks.
CREATE OR REPLACE FUNCTION bq.seat_place() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_capacity integer;
	v_open boolean;
	v_live integer;
BEGIN
	SELECT g.capacity, bq.group_open(g.closed_at, k.suspended_at)
	INTO v_capacity, v_open
	FROM bq.kindergarten_group g
	JOIN bq.kindergarten k ON k.id = g.kindergarten_id
	WHERE g.id = NEW.group_id FOR UPDATE OF g;
	IF NOT v_open THEN
		RAISE EXCEPTION 'group takes no children' USING ERRCODE = 'BQ409',
		    COLUMN = 'group_id', HINT = 'closed';
	END IF;
	-- A hold whose time ran out gives its place back first.
	UPDATE bq.seat SET released_at = now()
	WHERE group_id = NEW.group_id AND released_at IS NULL
	  AND kind = 'held' AND held_until <= now();
	SELECT count(*) INTO v_live FROM bq.seat
	WHERE group_id = NEW.group_id AND released_at IS NULL;
	IF v_live >= v_capacity THEN
		RAISE EXCEPTION 'no free seat' USING ERRCODE = 'BQ409',
		    COLUMN = 'group_id', HINT = 'no_free_seat';
	END IF;
	IF NEW.place IS NULL THEN
		SELECT n INTO NEW.place FROM generate_series(1, v_capacity) n
		WHERE NOT EXISTS (SELECT 1 FROM bq.seat s
		    WHERE s.group_id = NEW.group_id AND s.place = n
		      AND s.released_at IS NULL)
		LIMIT 1;
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER seat_place BEFORE INSERT ON bq.seat
	FOR EACH ROW EXECUTE FUNCTION bq.seat_place();

-- The bytes, once fixed, never change.
CREATE OR REPLACE FUNCTION bq.contract_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.document IS NOT NULL AND (NEW.document IS DISTINCT FROM
	    OLD.document OR NEW.document_sha256 IS DISTINCT FROM
	    OLD.document_sha256) THEN
		RAISE EXCEPTION 'the signed bytes are fixed'
		    USING ERRCODE = 'BQ409', COLUMN = 'id', HINT = 'immutable';
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER contract_fixed BEFORE UPDATE ON bq.contract
	FOR EACH ROW EXECUTE FUNCTION bq.contract_fixed();

-- The kindergarten a staff account works at.
CREATE OR REPLACE FUNCTION bq.staff_kindergarten(p_account uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT kindergarten_id FROM bq.account_role
	WHERE account_id = p_account AND role = 'kindergarten_staff';
$$;

CREATE OR REPLACE FUNCTION bq.kindergarten_staff(p_kindergarten uuid) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
	SELECT coalesce(array_agg(account_id), '{}') FROM bq.account_role
	WHERE role = 'kindergarten_staff' AND kindergarten_id = p_kindergarten;
$$;

-- What a message about an enrolment fills in.
CREATE OR REPLACE FUNCTION bq.enrolment_args(e bq.enrolment, p_extra jsonb)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
	    'child', (SELECT concat_ws(' ', c.surname, c.first_name)
		FROM bq.application a JOIN bq.child c ON c.id = a.child_id
		WHERE a.id = e.application_id),
	    'kindergarten', (SELECT k.name_ru FROM bq.kindergarten k
		WHERE k.id = e.kindergarten_id)) || coalesce(p_extra, '{}');
$$;

CREATE OR REPLACE FUNCTION bq.enrolment_json(e bq.enrolment, p_lang text) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', e.id, 'status', e.status,
	    'status_label', bq.status_label('enrolment', e.status::text, p_lang),
	    'created_at', e.created_at, 'closed_at', e.closed_at,
	    'reason', e.reason, 'voucher_id', e.voucher_id,
	    'application_id', e.application_id,
	    'application_number', a.number,
	    'child', json_build_object('id', c.id, 'surname', c.surname,
		'first_name', c.first_name, 'patronymic', c.patronymic,
		'birth_date', c.birth_date),
	    'kindergarten', json_build_object('id', k.id, 'code', k.code,
		'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang)),
	    'group', json_build_object('id', g.id, 'name', g.name,
		'age_group', g.age_group, 'language', g.language,
		'correction_type', g.correction_type),
	    'contract_id', (SELECT x.id FROM bq.contract x
		WHERE x.enrolment_id = e.id))
	FROM bq.application a
	JOIN bq.child c ON c.id = a.child_id
	JOIN bq.kindergarten k ON k.id = e.kindergarten_id
	JOIN bq.kindergarten_group g ON g.id = e.group_id
	WHERE a.id = e.application_id;
$$;

-- A group fits a voucher: the pool's age group and correction type, one
-- of the application's languages.
CREATE OR REPLACE FUNCTION bq.group_fits(g bq.kindergarten_group, v bq.voucher,
    p_languages text[])
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT g.age_group = v.age_group
	    AND coalesce(g.correction_type, '') = v.correction_type
	    AND g.language = ANY (p_languages)
	    AND EXISTS (SELECT 1 FROM bq.kindergarten k
		WHERE k.id = g.kindergarten_id
		  AND bq.group_open(g.closed_at, k.suspended_at)
		  AND bq.top_region(k.region_id) = v.region_id);
$$;

-- The kindergarten's group of the age group and correction type with a
-- free seat, in the first of the languages that has one (NULL: none).
CREATE OR REPLACE FUNCTION bq.free_group(p_kindergarten uuid,
    p_age_group text, p_correction text, p_languages text[], p_region uuid)
RETURNS bq.kindergarten_group
LANGUAGE sql STABLE AS $$
	SELECT x.* FROM bq.kindergarten_group x
	JOIN bq.kindergarten k ON k.id = x.kindergarten_id
	WHERE x.kindergarten_id = p_kindergarten
	  AND x.age_group = p_age_group
	  AND coalesce(x.correction_type, '') = p_correction
	  AND x.language = ANY (p_languages)
	  AND bq.group_open(x.closed_at, k.suspended_at)
	  AND bq.top_region(k.region_id) = p_region
	  AND x.capacity > (SELECT count(*) FROM bq.seat s
	      WHERE s.group_id = x.id AND s.released_at IS NULL
		AND (s.kind = 'enrolled' OR s.held_until > now()))
	ORDER BY array_position(p_languages, x.language), x.name, x.id
	LIMIT 1;
$$;

-- Holds a seat of the group for the voucher (BQ409 no_free_seat when
-- there is none) and opens the enrolment; the kindergarten is told.
CREATE OR REPLACE FUNCTION bq.seat_hold(v bq.voucher, g bq.kindergarten_group,
    p_actor uuid)
RETURNS bq.enrolment
LANGUAGE plpgsql AS $$
DECLARE
	v_app bq.application;
	v_seat bq.seat;
	e bq.enrolment;
BEGIN
	SELECT * INTO v_app FROM bq.application WHERE id = v.application_id;
	INSERT INTO bq.seat (group_id, kind, child_id, held_until)
	VALUES (g.id, 'held', v_app.child_id, 'infinity')
	RETURNING * INTO v_seat;
	INSERT INTO bq.enrolment (voucher_id, application_id, kindergarten_id,
	    group_id, seat_id)
	VALUES (v.id, v.application_id, g.kindergarten_id, g.id, v_seat.id)
	RETURNING * INTO e;
	PERFORM bq.set_actor(p_actor, 'kindergarten chosen');
	UPDATE bq.application SET status = 'awaiting_contract'
	WHERE id = v.application_id;
	PERFORM bq.notify_accounts(bq.kindergarten_staff(g.kindergarten_id),
	    'enrolment_requested', bq.enrolment_args(e, NULL),
	    '/v1/kindergarten/enrolments');
	RETURN e;
END
$$;

-- A seat given back: the kindergarten's waiting list is served.
CREATE OR REPLACE FUNCTION bq.seat_release(p_seat uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_kg uuid;
BEGIN
	UPDATE bq.seat SET released_at = now()
	WHERE id = p_seat AND released_at IS NULL;
	SELECT g.kindergarten_id INTO v_kg FROM bq.seat s
	JOIN bq.kindergarten_group g ON g.id = s.group_id WHERE s.id = p_seat;
	PERFORM bq.waiting_list_serve(v_kg);
END
$$;

-- Serves a kindergarten's waiting list in order: each waiting voucher
-- still active, whose application waits for a kindergarten, gets a seat
-- in the first fitting group with one free (its languages in order);
-- those with no fitting free seat keep their turn.
CREATE OR REPLACE FUNCTION bq.waiting_list_serve(p_kindergarten uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	-- Serving the list is the system's move, whoever freed the seat.
	v_before text := bq.act_as('system');
	w bq.waiting_list;
	v bq.voucher;
	v_app bq.application;
	g bq.kindergarten_group;
	e bq.enrolment;
BEGIN
	FOR w IN SELECT * FROM bq.waiting_list
	    WHERE kindergarten_id = p_kindergarten AND served_at IS NULL
	      AND left_at IS NULL
	    ORDER BY id FOR UPDATE LOOP
		SELECT * INTO v FROM bq.voucher WHERE id = w.voucher_id;
		SELECT * INTO v_app FROM bq.application
		WHERE id = v.application_id;
		IF v.status <> 'active' OR v_app.status <> 'voucher_active' THEN
			IF v.status <> 'active' THEN
				UPDATE bq.waiting_list SET left_at = now()
				WHERE id = w.id;
			END IF;
			CONTINUE;
		END IF;
		g := bq.free_group(p_kindergarten, v.age_group,
		    v.correction_type, v_app.languages, v.region_id);
		IF g.id IS NULL THEN
			CONTINUE;
		END IF;
		e := bq.seat_hold(v, g, NULL);
		UPDATE bq.waiting_list SET served_at = now() WHERE id = w.id;
		PERFORM bq.notify_linked(v_app, 'seat_held', bq.enrolment_args(e, NULL),
		    '/v1/vouchers/' || v.id);
	END LOOP;
	-- Then the children who would move here (sql/functions/transfers.sql).
	PERFORM bq.transfers_serve(p_kindergarten);
	PERFORM bq.act_as(v_before);
END
$$;

-- A voucher cancelled (refused, expired, withdrawn) gives back what it
-- held: the enrolment and contract in progress end, the seat frees.
CREATE OR REPLACE FUNCTION bq.voucher_closed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	e bq.enrolment;
	v_before text := bq.act_as('system');
BEGIN
	UPDATE bq.waiting_list SET left_at = now()
	WHERE voucher_id = NEW.id AND served_at IS NULL AND left_at IS NULL;
	FOR e IN UPDATE bq.enrolment SET status = 'cancelled',
	    closed_at = now(), reason = 'voucher ' || NEW.cancel_reason
	    WHERE voucher_id = NEW.id AND status IN ('requested', 'contract')
	    RETURNING * LOOP
		UPDATE bq.contract SET status = 'cancelled', closed_at = now()
		WHERE enrolment_id = e.id AND status IN ('draft', 'ready');
		PERFORM bq.seat_release(e.seat_id);
	END LOOP;
	PERFORM bq.act_as(v_before);
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER voucher_closed AFTER UPDATE OF status ON bq.voucher
	FOR EACH ROW WHEN (NEW.status = 'cancelled' AND OLD.status <> 'cancelled')
	EXECUTE FUNCTION bq.voucher_closed();

-- The parent picks a kindergarten and a group for an active voucher; the
-- seat is held at once (409 no_free_seat when none is).
CREATE OR REPLACE FUNCTION bq.enrolment_request(p_account uuid, p_sid uuid,
    p_voucher uuid, p_kindergarten uuid, p_group uuid, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v bq.voucher;
	v_app bq.application;
	g bq.kindergarten_group;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	v := bq.voucher_locked(p_account, p_voucher);
	IF v.id IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT * INTO v_app FROM bq.application WHERE id = v.application_id;
	IF v.status <> 'active' THEN
		RAISE EXCEPTION 'not active' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'not_active';
	END IF;
	IF now() > v.enrol_by THEN
		RAISE EXCEPTION 'too late' USING ERRCODE = 'BQ409',
		    COLUMN = 'enrol_by', HINT = 'deadline_passed';
	END IF;
	IF v_app.status <> 'voucher_active' THEN
		RAISE EXCEPTION 'an enrolment is in progress'
		    USING ERRCODE = 'BQ409', COLUMN = 'status', HINT = 'taken';
	END IF;
	PERFORM 1 FROM bq.kindergarten k WHERE k.id = p_kindergarten
	  AND bq.top_region(k.region_id) = v.region_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'kindergarten' USING ERRCODE = 'BQ422',
		    COLUMN = 'kindergarten_id', HINT = 'invalid_value';
	END IF;
	SELECT * INTO g FROM bq.kindergarten_group
	WHERE id = p_group AND kindergarten_id = p_kindergarten;
	IF NOT FOUND OR NOT bq.group_fits(g, v, v_app.languages) THEN
		RAISE EXCEPTION 'group' USING ERRCODE = 'BQ422',
		    COLUMN = 'group_id', HINT = 'invalid_value';
	END IF;
	PERFORM bq.log_event(p_account, 'enrolment_requested', p_sid,
	    jsonb_build_object('voucher_id', v.id, 'group_id', g.id));
	RETURN bq.enrolment_json(bq.seat_hold(v, g, p_account), p_lang);
END
$$;

CREATE OR REPLACE FUNCTION bq.waiting_list_json(w bq.waiting_list) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', w.id,
	    'kindergarten_id', w.kindergarten_id, 'voucher_id', w.voucher_id,
	    'application_id', v.application_id, 'created_at', w.created_at,
	    'served_at', w.served_at, 'left_at', w.left_at,
	    'position', CASE WHEN w.served_at IS NULL AND w.left_at IS NULL
		THEN (SELECT count(*) FROM bq.waiting_list x
		    WHERE x.kindergarten_id = w.kindergarten_id
		      AND x.served_at IS NULL AND x.left_at IS NULL
		      AND x.id <= w.id) END,
	    'enrolment_id', (SELECT e.id FROM bq.enrolment e
		WHERE e.voucher_id = w.voucher_id
		  AND e.kindergarten_id = w.kindergarten_id
		  AND w.served_at IS NOT NULL
		ORDER BY e.created_at DESC LIMIT 1))
	FROM bq.voucher v WHERE v.id = w.voucher_id;
$$;

-- Waits for a seat at a kindergarten with an active voucher; served at
-- once when one fits and no one waits ahead.
CREATE OR REPLACE FUNCTION bq.waiting_list_join(p_account uuid, p_sid uuid,
    p_kindergarten uuid, p_application uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v bq.voucher;
	w bq.waiting_list;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	PERFORM 1 FROM bq.kindergarten WHERE id = p_kindergarten;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	SELECT a.* INTO v_app FROM bq.application a
	WHERE a.id = p_application AND bq.application_visible(p_account, a)
	FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'application' USING ERRCODE = 'BQ422',
		    COLUMN = 'application_id', HINT = 'invalid_value';
	END IF;
	SELECT * INTO v FROM bq.voucher
	WHERE application_id = v_app.id AND status = 'active';
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no active voucher' USING ERRCODE = 'BQ409',
		    COLUMN = 'application_id', HINT = 'not_active';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM bq.kindergarten_group g
	    WHERE g.kindergarten_id = p_kindergarten
	      AND bq.group_fits(g, v, v_app.languages)) THEN
		RAISE EXCEPTION 'no group for the child' USING ERRCODE = 'BQ422',
		    COLUMN = 'kindergarten_id', HINT = 'invalid_value';
	END IF;
	BEGIN
		INSERT INTO bq.waiting_list (kindergarten_id, voucher_id)
		VALUES (p_kindergarten, v.id) RETURNING * INTO w;
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION 'waiting already' USING ERRCODE = 'BQ409',
		    COLUMN = 'application_id', HINT = 'taken';
	END;
	PERFORM bq.waiting_list_serve(p_kindergarten);
	SELECT * INTO w FROM bq.waiting_list WHERE id = w.id;
	PERFORM bq.log_event(p_account, 'waiting_list_joined', p_sid,
	    jsonb_build_object('kindergarten_id', p_kindergarten,
		'application_id', v_app.id));
	RETURN bq.waiting_list_json(w);
END
$$;

-- Staff: their kindergarten's enrolment requests.
CREATE OR REPLACE FUNCTION bq.kindergarten_enrolments(p_account uuid, p_sid uuid,
    p_status text, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	IF p_status IS NOT NULL AND p_status NOT IN ('requested', 'contract',
	    'enrolled', 'declined', 'cancelled') THEN
		RAISE EXCEPTION 'status' USING ERRCODE = 'BQ422',
		    COLUMN = 'status', HINT = 'invalid_value';
	END IF;
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    bq.enrolment_json(e, p_lang) ORDER BY e.created_at, e.id)
	    FROM bq.enrolment e
	    WHERE e.kindergarten_id = bq.staff_kindergarten(p_account)
	      AND (p_status IS NULL OR e.status::text = p_status)), '[]'));
END
$$;

-- A request to the staff member's kindergarten still awaiting its
-- answer, locked (a NULL row when it is not theirs).
CREATE OR REPLACE FUNCTION bq.staff_request(p_account uuid, p_sid uuid, p_id uuid)
RETURNS bq.enrolment
LANGUAGE plpgsql AS $$
DECLARE
	e bq.enrolment;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	SELECT * INTO e FROM bq.enrolment
	WHERE id = p_id AND kindergarten_id = bq.staff_kindergarten(p_account)
	FOR UPDATE;
	IF FOUND AND e.status <> 'requested' THEN
		RAISE EXCEPTION 'answered already' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'closed';
	END IF;
	RETURN e;
END
$$;

-- A request declined, by its kindergarten or a group closing: the seat
-- frees, the voucher stays active, the family is told and may choose
-- again.
CREATE OR REPLACE FUNCTION bq.enrolment_declined(p_id uuid, p_actor uuid,
    p_cause text, p_reason text)
RETURNS bq.enrolment
LANGUAGE plpgsql AS $$
DECLARE
	e bq.enrolment;
	v_app bq.application;
BEGIN
	UPDATE bq.enrolment SET status = 'declined', closed_at = now(),
	    reason = p_reason
	WHERE id = p_id RETURNING * INTO e;
	-- A transfer's: the child stays where it is (bq.transfer_follows).
	IF e.transfer_id IS NULL THEN
		PERFORM bq.set_actor(p_actor, p_cause || ': ' || p_reason);
		UPDATE bq.application SET status = 'voucher_active'
		WHERE id = e.application_id RETURNING * INTO v_app;
		PERFORM bq.notify_linked(v_app, 'enrolment_declined',
		    bq.enrolment_args(e, jsonb_build_object('reason', p_reason)),
		    '/v1/vouchers/' || e.voucher_id);
	END IF;
	PERFORM bq.seat_release(e.seat_id);
	RETURN e;
END
$$;

-- Staff decline a request with a reason (bq.enrolment_declined).
CREATE OR REPLACE FUNCTION bq.enrolment_decline(p_account uuid, p_sid uuid, p_id uuid,
    p_reason text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	e bq.enrolment;
BEGIN
	e := bq.staff_request(p_account, p_sid, p_id);
	IF e.id IS NULL THEN
		RETURN NULL;
	END IF;
	e := bq.enrolment_declined(p_id, p_account, 'declined', p_reason);
	PERFORM bq.log_event(p_account, 'enrolment_declined', p_sid,
	    jsonb_build_object('enrolment_id', p_id));
	RETURN bq.enrolment_json(e, p_lang);
END
$$;

-- The documents a contract needs: the guide's list, the PMPK conclusion
-- for the special queue.
CREATE OR REPLACE FUNCTION bq.contract_needs(c bq.contract) RETURNS text[]
LANGUAGE sql STABLE AS $$
	SELECT ARRAY['form_027u', 'birth_certificate', 'parent_id',
	    'form_052_2u', 'form_065u'] ||
	    CASE WHEN a.queue_type = 'special' THEN ARRAY['pmpk']
		ELSE '{}'::text[] END
	FROM bq.enrolment e JOIN bq.application a ON a.id = e.application_id
	WHERE e.id = c.enrolment_id;
$$;

-- A party's signature as the contract keeps it (NULLs: not signed).
CREATE OR REPLACE FUNCTION bq.party_signature(c bq.contract, p_party text)
RETURNS TABLE (cms bytea, signer text, signed_at timestamptz, serial text)
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN p_party = 'parent' THEN c.parent_cms
		ELSE c.kindergarten_cms END,
	    CASE WHEN p_party = 'parent' THEN c.parent_signer
		ELSE c.kindergarten_signer END,
	    CASE WHEN p_party = 'parent' THEN c.parent_signed_at
		ELSE c.kindergarten_signed_at END,
	    CASE WHEN p_party = 'parent' THEN c.parent_cert_serial
		ELSE c.kindergarten_cert_serial END;
$$;

-- A party's signature as the contract shows it: who, when (the
-- time-stamp's time), and what proved it.
CREATE OR REPLACE FUNCTION bq.signature_json(c bq.contract, p_party text)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN x.signed_at IS NOT NULL THEN json_build_object(
	    'signer', x.signer, 'signed_at', x.signed_at,
	    'certificate_serial', x.serial,
	    'algorithm', s.algorithm,
	    'timestamp_source', s.timestamp_source,
	    'revocation', CASE WHEN s.party IS NOT NULL THEN json_build_object(
		'method', s.revocation_method,
		'status', s.report #>> '{revocation,status}') END) END
	FROM bq.party_signature(c, p_party) x
	LEFT JOIN bq.contract_signature s
	    ON s.contract_id = c.id AND s.party = p_party;
$$;

CREATE OR REPLACE FUNCTION bq.contract_json(c bq.contract, p_lang text) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', c.id, 'number', c.number,
	    'status', c.status,
	    'status_label', bq.status_label('contract', c.status::text, p_lang),
	    'created_at', c.created_at,
	    'sign_by', c.sign_by, 'start_date', c.start_date,
	    'monthly_fee', c.monthly_fee, 'hours', c.hours,
	    'enrolment_id', c.enrolment_id, 'voucher_id', e.voucher_id,
	    'application_id', e.application_id,
	    'kindergarten', json_build_object('id', k.id, 'code', k.code,
		'bin', k.bin,
		'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang)),
	    'group', json_build_object('id', g.id, 'name', g.name,
		'age_group', g.age_group, 'language', g.language),
	    'child', json_build_object('id', ch.id, 'surname', ch.surname,
		'first_name', ch.first_name, 'patronymic', ch.patronymic,
		'birth_date', ch.birth_date),
	    'parent', json_build_object('surname', p.surname,
		'first_name', p.first_name, 'patronymic', p.patronymic),
	    'parent_fields', c.parent_fields,
	    'documents', coalesce((SELECT json_agg(json_build_object(
		'kind', d.kind, 'document_id', d.document_id,
		'attached_at', d.attached_at) ORDER BY d.kind)
		FROM bq.contract_document d WHERE d.contract_id = c.id), '[]'),
	    'missing_documents', to_json(ARRAY(SELECT x
		FROM unnest(bq.contract_needs(c)) x
		WHERE NOT EXISTS (SELECT 1 FROM bq.contract_document d
		    WHERE d.contract_id = c.id AND d.kind = x) ORDER BY x)),
	    'document_sha256', c.document_sha256,
	    'signatures', json_build_object(
		'parent', bq.signature_json(c, 'parent'),
		'kindergarten', bq.signature_json(c, 'kindergarten')),
	    'closed_at', c.closed_at)
	FROM bq.enrolment e
	JOIN bq.kindergarten k ON k.id = c.kindergarten_id
	JOIN bq.kindergarten_group g ON g.id = e.group_id
	JOIN bq.child ch ON ch.id = c.child_id
	JOIN bq.account p ON p.id = c.parent_id
	WHERE e.id = c.enrolment_id;
$$;

-- Staff make the contract from the template: the parties, the child, the
-- group, the start, the fee and hours; sent to the parent, who has 5
-- working days to fill, attach and sign.
CREATE OR REPLACE FUNCTION bq.contract_make(p_account uuid, p_sid uuid, p_id uuid,
    p_body jsonb, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	e bq.enrolment;
	c bq.contract;
	v_app bq.application;
	v_start date := (p_body->>'start_date')::date;
	v_seq bigint;
BEGIN
	e := bq.staff_request(p_account, p_sid, p_id);
	IF e.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF v_start < (now() AT TIME ZONE 'Asia/Almaty')::date THEN
		RAISE EXCEPTION 'start in the past' USING ERRCODE = 'BQ422',
		    COLUMN = 'start_date', HINT = 'out_of_range';
	END IF;
	SELECT * INTO v_app FROM bq.application WHERE id = e.application_id;
	v_seq := nextval('bq.contract_seq');
	INSERT INTO bq.contract (number, enrolment_id, kindergarten_id,
	    child_id, parent_id, created_by, start_date, monthly_fee, hours,
	    sign_by)
	SELECT 'C' || to_char(now(), 'YY') || '-' || lpad(v_seq::text, 7, '0'),
	    e.id, e.kindergarten_id, v_app.child_id, ch.owner_id, p_account,
	    v_start, (p_body->>'monthly_fee')::integer,
	    coalesce(p_body->>'hours', k.hours, 'Mon–Fri 08:00–19:00'),
	    bq.add_working_days(now(), bq.setting('contract_sign_days'))
	FROM bq.child ch, bq.kindergarten k
	WHERE ch.id = v_app.child_id AND k.id = e.kindergarten_id
	RETURNING * INTO c;
	UPDATE bq.enrolment SET status = 'contract' WHERE id = e.id;
	PERFORM bq.set_actor(p_account, 'contract ' || c.number);
	-- A child moving is enrolled all along: its application stays.
	UPDATE bq.application SET status = 'contract_signing'
	WHERE id = e.application_id AND e.transfer_id IS NULL;
	PERFORM bq.notify_linked(v_app, 'contract_sent', bq.enrolment_args(e,
	    jsonb_build_object('number', c.number,
		'deadline', bq.local_time(c.sign_by))), '/v1/contracts/' || c.id);
	PERFORM bq.log_event(p_account, 'contract_made', p_sid,
	    jsonb_build_object('contract_id', c.id));
	RETURN bq.contract_json(c, p_lang);
END
$$;

-- Who sees a contract: the parent party and trustees of the child, and
-- the staff of its kindergarten (by the session's role).
CREATE OR REPLACE FUNCTION bq.contract_visible(p_account uuid, p_sid uuid,
    c bq.contract)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT CASE (SELECT role FROM bq.session WHERE id = p_sid)
	    WHEN 'kindergarten_staff' THEN
		c.kindergarten_id = bq.staff_kindergarten(p_account)
	    WHEN 'parent' THEN bq.child_access(p_account, c.child_id) IS NOT NULL
	    ELSE false END;
$$;

CREATE OR REPLACE FUNCTION bq.contracts(p_account uuid, p_sid uuid, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    bq.contract_json(c, p_lang) ORDER BY c.created_at DESC, c.id)
	    FROM bq.contract c
	    WHERE bq.contract_visible(p_account, p_sid, c)), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION bq.contract_get(p_account uuid, p_sid uuid, p_id uuid,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN (SELECT bq.contract_json(c, p_lang) FROM bq.contract c
	    WHERE c.id = p_id AND bq.contract_visible(p_account, p_sid, c));
END
$$;

-- The text both sides sign, in Russian, from what the contract holds;
-- its UTF-8 bytes are fixed once the parent's part is complete.
CREATE OR REPLACE FUNCTION bq.contract_text(c bq.contract) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT concat_ws(E'\n',
	    'ДОГОВОР № ' || c.number || ' об оказании услуг дошкольного воспитания и обучения',
	    'Дата: ' || to_char(c.created_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD'),
	    '',
	    '1. Детский сад: ' || k.name_ru || ', БИН ' || k.bin || ', ' || k.address_ru,
	    '2. Родитель (законный представитель): ' ||
		bq.person_name(p.surname, p.first_name, p.patronymic) ||
		', ИИН ' || p.iin || ', адрес: ' || (c.parent_fields->>'address') ||
		', телефон: ' || (c.parent_fields->>'phone') ||
		coalesce(', e-mail: ' || (c.parent_fields->>'email'), ''),
	    '3. Ребёнок: ' || bq.person_name(ch.surname, ch.first_name,
		ch.patronymic) || ', ИИН ' || ch.iin || ', дата рождения ' ||
		to_char(ch.birth_date, 'YYYY-MM-DD'),
	    '4. Группа: ' || g.name || ' (' ||
		bq.ref_name('age_group', g.age_group, 'ru') || ', ' ||
		bq.ref_name('language', g.language, 'ru') ||
		coalesce(', коррекция: ' ||
		    bq.ref_name('correction_type', g.correction_type, 'ru'), '') || ')',
	    '5. Начало посещения: ' || to_char(c.start_date, 'YYYY-MM-DD') ||
		'; режим работы: ' || bq.hours_text(c.hours, 'ru'),
	    '6. Финансирование: виртуальный ваучер ' || e.voucher_id ||
		'; родительская плата в месяц: ' || c.monthly_fee || ' тенге',
	    '7. Документы (SHA-256):',
	    (SELECT string_agg('   ' ||
		coalesce(bq.ref_name('document_kind', d.kind, 'ru'), d.kind) || ': ' ||
		encode(doc.sha256, 'hex'), E'\n' ORDER BY d.kind)
	    FROM bq.contract_document d JOIN bq.document doc
		ON doc.id = d.document_id WHERE d.contract_id = c.id),
	    '8. Договор подписывается электронными цифровыми подписями сторон.',
	    '') 
	FROM bq.enrolment e
	JOIN bq.kindergarten k ON k.id = c.kindergarten_id
	JOIN bq.kindergarten_group g ON g.id = e.group_id
	JOIN bq.child ch ON ch.id = c.child_id
	JOIN bq.account p ON p.id = c.parent_id
	WHERE e.id = c.enrolment_id;
$$;

-- Complete (the parent's fields, every document needed): the bytes are
-- fixed and both sides may sign.
CREATE OR REPLACE FUNCTION bq.contract_settle(p_id uuid) RETURNS bq.contract
LANGUAGE plpgsql AS $$
DECLARE
	c bq.contract;
	v_bytes bytea;
BEGIN
	SELECT * INTO c FROM bq.contract WHERE id = p_id;
	IF c.status = 'draft' AND c.parent_fields IS NOT NULL
	    AND NOT EXISTS (SELECT 1 FROM unnest(bq.contract_needs(c)) x
		WHERE NOT EXISTS (SELECT 1 FROM bq.contract_document d
		    WHERE d.contract_id = c.id AND d.kind = x)) THEN
		v_bytes := convert_to(bq.contract_text(c), 'UTF8');
		UPDATE bq.contract SET status = 'ready', document = v_bytes,
		    document_sha256 = encode(sha256(v_bytes), 'hex')
		WHERE id = p_id RETURNING * INTO c;
	END IF;
	RETURN c;
END
$$;

-- The parent's own draft, locked: what filling and attaching start from
-- (a NULL row when the caller does not see it).
CREATE OR REPLACE FUNCTION bq.contract_draft(p_account uuid, p_sid uuid, p_id uuid)
RETURNS bq.contract
LANGUAGE plpgsql AS $$
DECLARE
	c bq.contract;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	SELECT x.* INTO c FROM bq.contract x
	WHERE x.id = p_id AND bq.contract_visible(p_account, p_sid, x)
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN c;
	END IF;
	IF c.parent_id <> p_account THEN
		RAISE EXCEPTION 'the parent party' USING ERRCODE = 'BQ403';
	END IF;
	IF c.status <> 'draft' THEN
		RAISE EXCEPTION 'fixed' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'closed';
	END IF;
	RETURN c;
END
$$;

-- The parent's part: address, phone, e-mail.
CREATE OR REPLACE FUNCTION bq.contract_fill(p_account uuid, p_sid uuid, p_id uuid,
    p_fields jsonb, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	c bq.contract := bq.contract_draft(p_account, p_sid, p_id);
BEGIN
	IF c.id IS NULL THEN
		RETURN NULL;
	END IF;
	UPDATE bq.contract SET parent_fields = jsonb_strip_nulls(p_fields)
	WHERE id = p_id;
	c := bq.contract_settle(p_id);
	PERFORM bq.log_event(p_account, 'contract_filled', p_sid,
	    jsonb_build_object('contract_id', p_id));
	RETURN bq.contract_json(c, p_lang);
END
$$;

-- A document of the parent's attached to the contract, one per kind.
CREATE OR REPLACE FUNCTION bq.contract_attach(p_account uuid, p_sid uuid, p_id uuid,
    p_document uuid, p_kind text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	c bq.contract := bq.contract_draft(p_account, p_sid, p_id);
BEGIN
	IF c.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF NOT p_kind = ANY (bq.contract_needs(c)) THEN
		RAISE EXCEPTION 'kind' USING ERRCODE = 'BQ422', COLUMN = 'kind',
		    HINT = 'invalid_value';
	END IF;
	PERFORM 1 FROM bq.document WHERE id = p_document
	  AND owner_id = p_account;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'document' USING ERRCODE = 'BQ422',
		    COLUMN = 'document_id', HINT = 'invalid_value';
	END IF;
	INSERT INTO bq.contract_document (contract_id, kind, document_id)
	VALUES (p_id, p_kind, p_document)
	ON CONFLICT (contract_id, kind) DO UPDATE
	SET document_id = excluded.document_id, attached_at = now();
	c := bq.contract_settle(p_id);
	PERFORM bq.log_event(p_account, 'contract_document_attached', p_sid,
	    jsonb_build_object('contract_id', p_id, 'kind', p_kind));
	RETURN bq.contract_json(c, p_lang);
END
$$;

-- A contract whose bytes are fixed, for a reader who may see it: NULL
-- when they may not, BQ409 not_ready while the parent's part is missing.
CREATE OR REPLACE FUNCTION bq.contract_fixed_for(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS bq.contract
LANGUAGE plpgsql STABLE AS $$
DECLARE
	c bq.contract;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT x.* INTO c FROM bq.contract x
	WHERE x.id = p_id AND bq.contract_visible(p_account, p_sid, x);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF c.document IS NULL THEN
		RAISE EXCEPTION 'not complete yet' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'not_ready';
	END IF;
	RETURN c;
END
$$;

-- The exact bytes both sides sign.
CREATE OR REPLACE FUNCTION bq.contract_document_get(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS TABLE (bytes bytea, content_type text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT c.document, 'text/plain; charset=utf-8'::text
	FROM bq.contract_fixed_for(p_account, p_sid, p_id) c
	WHERE c.id IS NOT NULL;
$$;

-- Contracts not signed in time expire: the seat frees, the application
-- waits for a kindergarten again while its voucher lasts.
CREATE OR REPLACE FUNCTION bq.sweep_contracts() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	c bq.contract;
	e bq.enrolment;
	v_app bq.application;
	n integer := 0;
BEGIN
	FOR c IN SELECT * FROM bq.contract WHERE status IN ('draft', 'ready')
	    AND sign_by < now() ORDER BY sign_by
	    LIMIT bq.setting('sweep_batch') FOR UPDATE SKIP LOCKED LOOP
		UPDATE bq.contract SET status = 'expired', closed_at = now()
		WHERE id = c.id;
		UPDATE bq.enrolment SET status = 'cancelled', closed_at = now(),
		    reason = 'contract not signed in time'
		WHERE id = c.enrolment_id RETURNING * INTO e;
		PERFORM bq.set_actor(NULL, 'contract not signed in time');
		UPDATE bq.application SET status = 'voucher_active'
		WHERE id = e.application_id AND status = 'contract_signing'
		RETURNING * INTO v_app;
		IF FOUND THEN
			PERFORM bq.notify_linked(v_app, 'contract_expired',
			    jsonb_build_object('number', c.number),
			    '/v1/vouchers/' || e.voucher_id);
		END IF;
		PERFORM bq.seat_release(e.seat_id);
		n := n + 1;
	END LOOP;
	RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION bq.sweep() RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_before text := bq.act_as('system');
	v_out json;
BEGIN
	-- The deadlines' moves are the system's, whoever asked for the run.
	v_out := (bq.sweep_vouchers()::jsonb ||
	    jsonb_build_object('contracts_expired', bq.sweep_contracts(),
		'transfer_offers_lapsed', bq.sweep_transfers(),
		'documents_removed', bq.sweep_documents(),
		'invitations_expired', bq.sweep_invitations(),
		'reminders_sent', bq.sweep_reminders()))::json;
	PERFORM bq.act_as(v_before);
	RETURN v_out;
END
$$;

REVOKE EXECUTE ON FUNCTION bq.sweep_vouchers() FROM bq_api;

REVOKE EXECUTE ON FUNCTION bq.seat_place(), bq.contract_fixed(),
    bq.staff_kindergarten(uuid),
    bq.kindergarten_staff(uuid),
    bq.enrolment_args(bq.enrolment, jsonb),
    bq.enrolment_json(bq.enrolment, text),
    bq.group_fits(bq.kindergarten_group, bq.voucher, text[]),
    bq.free_group(uuid, text, text, text[], uuid),
    bq.seat_hold(bq.voucher, bq.kindergarten_group, uuid),
    bq.seat_release(uuid), bq.waiting_list_serve(uuid), bq.voucher_closed(),
    bq.enrolment_declined(uuid, uuid, text, text),
    bq.waiting_list_json(bq.waiting_list), bq.contract_needs(bq.contract),
    bq.party_signature(bq.contract, text),
    bq.signature_json(bq.contract, text),
    bq.contract_fixed_for(uuid, uuid, uuid),
    bq.contract_json(bq.contract, text),
    bq.contract_visible(uuid, uuid, bq.contract), bq.contract_text(bq.contract),
    bq.contract_settle(uuid), bq.sweep_contracts(),
    bq.contract_draft(uuid, uuid, uuid), bq.staff_request(uuid, uuid, uuid)
    FROM bq_api;
