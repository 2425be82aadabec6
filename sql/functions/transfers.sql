-- Transfers and swaps: an enrolled child moves to another kindergarten
-- without queuing again, and keeps its seat until the new contract is
-- signed (bq.transfer, bq.swap: sql/migrations/0037_voucher_follows.sql).
--
-- A seat that frees at a kindergarten serves its waiting list first (the
-- children with no place at all), then the transfers that rank it:
-- siblings of its children first where the region's rule says so, then
-- in the order they were asked (bq.transfers_serve).  The seat is held
-- for the family until offer_by; accepting it opens an enrolment with the
-- kindergarten, and the existing contract flow follows.  Swaps: with each
-- round, top trading cycles over the region's waiting transfers find
-- children who each take the next one's place (bq.swaps_find).

-- Who may see a transfer: its child's parent and trustees.
CREATE OR REPLACE FUNCTION bq.transfer_visible(p_account uuid, t bq.transfer)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT bq.child_access(p_account, t.child_id) IS NOT NULL;
$$;

-- Whether the sibling rule puts the transfer first at the kindergarten.
CREATE OR REPLACE FUNCTION bq.transfer_sibling(t bq.transfer, p_kindergarten uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT r.sibling_priority FROM bq.region r
	    WHERE r.id = t.region_id), false)
	    AND p_kindergarten = ANY (coalesce(bq.siblings_at(t.child_id), '{}'));
$$;

-- How many are served before the transfer at a kindergarten it ranks: the
-- waiting list there, then the transfers ahead in the stated order.
CREATE OR REPLACE FUNCTION bq.transfer_ahead(t bq.transfer, p_kindergarten uuid)
RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT ((SELECT count(*) FROM bq.waiting_list w
		WHERE w.kindergarten_id = p_kindergarten AND w.served_at IS NULL
		  AND w.left_at IS NULL)
	    + (SELECT count(*) FROM bq.transfer x
		WHERE x.region_id = t.region_id AND x.status = 'waiting'
		  AND x.id <> t.id AND p_kindergarten = ANY (x.kindergarten_ids)
		  AND (bq.transfer_sibling(x, p_kindergarten),
		       -x.seq) > (bq.transfer_sibling(t, p_kindergarten), -t.seq)))
	    ::integer;
$$;

CREATE OR REPLACE FUNCTION bq.kindergarten_brief(p_id uuid, p_lang text)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', k.id, 'code', k.code,
	    'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang))
	FROM bq.kindergarten k WHERE k.id = p_id;
$$;

CREATE OR REPLACE FUNCTION bq.group_brief(g bq.kindergarten_group)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', g.id, 'name', g.name,
	    'age_group', g.age_group, 'language', g.language,
	    'correction_type', g.correction_type);
$$;

CREATE OR REPLACE FUNCTION bq.transfer_json(t bq.transfer, p_lang text)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', t.id, 'status', t.status,
	    'status_label', bq.status_label('transfer', t.status::text, p_lang),
	    'application_id', t.application_id,
	    'child', json_build_object('id', c.id, 'surname', c.surname,
		'first_name', c.first_name),
	    'from', json_build_object('enrolment_id', e.id,
		'kindergarten', bq.kindergarten_brief(e.kindergarten_id, p_lang),
		'group', bq.group_brief(g)),
	    'choices', (SELECT json_agg(json_build_object(
		'kindergarten', bq.kindergarten_brief(x.id, p_lang),
		'ahead', CASE WHEN t.status = 'waiting'
		    THEN bq.transfer_ahead(t, x.id) END) ORDER BY x.n)
		FROM unnest(t.kindergarten_ids) WITH ORDINALITY x (id, n)),
	    'offer', CASE WHEN t.offer_group_id IS NOT NULL THEN
		(SELECT json_build_object(
		    'kindergarten', bq.kindergarten_brief(o.kindergarten_id,
			p_lang),
		    'group', bq.group_brief(o), 'offer_by', t.offer_by,
		    'swap_id', t.swap_id,
		    'swap_size', (SELECT count(*) FROM bq.transfer s
			WHERE s.swap_id = t.swap_id))
		FROM bq.kindergarten_group o WHERE o.id = t.offer_group_id) END,
	    'enrolment_id', t.to_enrolment_id,
	    'created_at', t.created_at, 'closed_at', t.closed_at,
	    'reason', t.reason)
	FROM bq.child c, bq.enrolment e, bq.kindergarten_group g
	WHERE c.id = t.child_id AND e.id = t.from_enrolment_id
	  AND g.id = e.group_id;
$$;

-- What a message about a transfer fills in: the child and the
-- kindergarten it would move to.
CREATE OR REPLACE FUNCTION bq.transfer_args(t bq.transfer, p_kindergarten uuid,
    p_extra jsonb)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
	    'child', (SELECT concat_ws(' ', c.surname, c.first_name)
		FROM bq.child c WHERE c.id = t.child_id),
	    'kindergarten', (SELECT k.name_ru FROM bq.kindergarten k
		WHERE k.id = p_kindergarten)) || coalesce(p_extra, '{}');
$$;

CREATE OR REPLACE FUNCTION bq.transfer_notify(t bq.transfer, p_kind text,
    p_kindergarten uuid, p_extra jsonb)
RETURNS void
LANGUAGE sql AS $$
	SELECT bq.notify_linked(a, p_kind, bq.transfer_args(t, p_kindergarten,
	    p_extra), '/v1/transfers/' || t.id)
	FROM bq.application a WHERE a.id = t.application_id;
$$;

-- The group a transfer's child would take at a kindergarten: its present
-- group's age group and correction type, one of its languages, a seat
-- free (NULL: none).
CREATE OR REPLACE FUNCTION bq.transfer_group(t bq.transfer, p_kindergarten uuid)
RETURNS bq.kindergarten_group
LANGUAGE sql STABLE AS $$
	SELECT (bq.free_group(p_kindergarten, g.age_group,
	    coalesce(g.correction_type, ''), a.languages, t.region_id)).*
	FROM bq.enrolment e
	JOIN bq.kindergarten_group g ON g.id = e.group_id
	JOIN bq.application a ON a.id = t.application_id
	WHERE e.id = t.from_enrolment_id;
$$;

-- Serves the transfers that rank the kindergarten, in the stated order,
-- while it has seats that fit them (after its waiting list: the caller,
-- bq.waiting_list_serve, served that first).
CREATE OR REPLACE FUNCTION bq.transfers_serve(p_kindergarten uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_before text := bq.act_as('system');
	t bq.transfer;
	g bq.kindergarten_group;
	v_seat uuid;
	v_by timestamptz;
BEGIN
	FOR t IN SELECT x.* FROM bq.transfer x
	    WHERE x.status = 'waiting' AND p_kindergarten = ANY (x.kindergarten_ids)
	      AND x.region_id = (SELECT bq.top_region(k.region_id)
		  FROM bq.kindergarten k WHERE k.id = p_kindergarten)
	    ORDER BY bq.transfer_sibling(x, p_kindergarten) DESC, x.seq
	    FOR UPDATE OF x LOOP
		g := bq.transfer_group(t, p_kindergarten);
		CONTINUE WHEN g.id IS NULL;
		v_by := bq.add_working_days(now(),
		    bq.setting('transfer_offer_days'));
		INSERT INTO bq.seat (group_id, kind, child_id, held_until)
		VALUES (g.id, 'held', t.child_id, v_by) RETURNING id INTO v_seat;
		PERFORM bq.set_actor(NULL, 'a seat freed');
		UPDATE bq.transfer SET status = 'offered', offer_group_id = g.id,
		    offer_seat_id = v_seat, offer_by = v_by
		WHERE id = t.id RETURNING * INTO t;
		PERFORM bq.transfer_notify(t, 'transfer_offered', p_kindergarten,
		    jsonb_build_object('deadline', bq.local_time(v_by)));
	END LOOP;
	PERFORM bq.act_as(v_before);
END
$$;

-- The child's enrolment now: the one whose seat it holds.
CREATE OR REPLACE FUNCTION bq.enrolment_now(p_child uuid) RETURNS bq.enrolment
LANGUAGE sql STABLE AS $$
	SELECT e.* FROM bq.enrolment e
	JOIN bq.seat s ON s.id = e.seat_id
	JOIN bq.application a ON a.id = e.application_id
	WHERE a.child_id = p_child AND e.status = 'enrolled'
	  AND s.released_at IS NULL AND s.kind = 'enrolled'
	ORDER BY e.closed_at DESC LIMIT 1;
$$;

-- POST /v1/transfers: the family asks to move an enrolled child to one of
-- up to three kindergartens of its city, best first.
CREATE OR REPLACE FUNCTION bq.transfer_request(p_account uuid, p_sid uuid,
    p_child uuid, p_kindergartens uuid[], p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	e bq.enrolment;
	t bq.transfer;
	v_region uuid;
	v_kg uuid;
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child) IS NULL THEN
		RAISE EXCEPTION 'child' USING ERRCODE = 'BQ422',
		    COLUMN = 'child_id', HINT = 'invalid_value';
	END IF;
	PERFORM 1 FROM bq.child WHERE id = p_child FOR UPDATE;
	e := bq.enrolment_now(p_child);
	IF e.id IS NULL THEN
		RAISE EXCEPTION 'not enrolled' USING ERRCODE = 'BQ409',
		    COLUMN = 'child_id', HINT = 'not_enrolled';
	END IF;
	SELECT bq.top_region(k.region_id) INTO v_region
	FROM bq.kindergarten k WHERE k.id = e.kindergarten_id;
	IF (SELECT count(DISTINCT x) FROM unnest(p_kindergartens) x)
	    <> cardinality(p_kindergartens)
	    OR e.kindergarten_id = ANY (p_kindergartens)
	    OR EXISTS (SELECT 1 FROM unnest(p_kindergartens) x
		WHERE NOT EXISTS (SELECT 1 FROM bq.kindergarten k
		    WHERE k.id = x AND bq.top_region(k.region_id) = v_region))
	THEN
		RAISE EXCEPTION 'kindergartens' USING ERRCODE = 'BQ422',
		    COLUMN = 'kindergarten_ids', HINT = 'invalid_value';
	END IF;
	IF EXISTS (SELECT 1 FROM bq.transfer WHERE child_id = p_child
	    AND status IN ('waiting', 'offered', 'accepted')) THEN
		RAISE EXCEPTION 'one transfer at a time' USING ERRCODE = 'BQ409',
		    COLUMN = 'child_id', HINT = 'taken';
	END IF;
	PERFORM bq.set_actor(p_account, 'transfer asked');
	INSERT INTO bq.transfer (application_id, child_id, region_id,
	    from_enrolment_id, requested_by, kindergarten_ids)
	VALUES (e.application_id, p_child, v_region, e.id, p_account,
	    p_kindergartens)
	RETURNING * INTO t;
	PERFORM bq.log_event(p_account, 'transfer_requested', p_sid,
	    jsonb_build_object('transfer_id', t.id));
	-- A seat free now is offered at once, in the same order as ever.
	FOREACH v_kg IN ARRAY p_kindergartens LOOP
		PERFORM bq.waiting_list_serve(v_kg);
		SELECT * INTO t FROM bq.transfer WHERE id = t.id;
		EXIT WHEN t.status <> 'waiting';
	END LOOP;
	RETURN bq.transfer_json(t, p_lang);
END
$$;

CREATE OR REPLACE FUNCTION bq.transfers(p_account uuid, p_sid uuid, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    bq.transfer_json(t, p_lang) ORDER BY t.seq DESC)
	    FROM bq.transfer t WHERE bq.transfer_visible(p_account, t)), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION bq.transfer_get(p_account uuid, p_sid uuid, p_id uuid,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	RETURN (SELECT bq.transfer_json(t, p_lang) FROM bq.transfer t
	    WHERE t.id = p_id AND bq.transfer_visible(p_account, t));
END
$$;

-- A swap that cannot go on: its transfers wait again, but the one whose
-- family said no or did not answer (p_ended, p_status), which ends;
-- contracts signed for it never take effect; the new enrolments end.
CREATE OR REPLACE FUNCTION bq.swap_break(p_swap uuid, p_ended uuid,
    p_status bq.transfer_status, p_reason text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t bq.transfer;
	e bq.enrolment;
	v_kg uuid;
	v_before text;
BEGIN
	UPDATE bq.swap SET status = 'broken', closed_at = now()
	WHERE id = p_swap AND status IN ('offered', 'accepted');
	IF NOT FOUND THEN
		RETURN;
	END IF;
	-- The family's own answer is its move; the rest is the system's.
	UPDATE bq.transfer SET status = p_status, closed_at = now(),
	    reason = p_reason
	WHERE id = p_ended;
	v_before := bq.act_as('system');
	PERFORM bq.set_actor(NULL, 'swap broken: ' || p_reason);
	FOR t IN SELECT * FROM bq.transfer WHERE swap_id = p_swap
	    AND status IN ('offered', 'accepted') ORDER BY seq FOR UPDATE LOOP
		FOR e IN UPDATE bq.enrolment SET status = 'cancelled',
		    closed_at = now(), reason = 'swap broken'
		    WHERE transfer_id = t.id AND status IN ('requested', 'contract')
		    RETURNING * LOOP
			UPDATE bq.contract SET status = 'cancelled',
			    closed_at = now()
			WHERE enrolment_id = e.id
			  AND status IN ('draft', 'ready', 'signed');
		END LOOP;
		SELECT g.kindergarten_id INTO v_kg FROM bq.kindergarten_group g
		WHERE g.id = t.offer_group_id;
		UPDATE bq.transfer SET status = 'waiting', swap_id = NULL,
		    offer_group_id = NULL, offer_by = NULL,
		    to_enrolment_id = NULL, reason = p_reason
		WHERE id = t.id RETURNING * INTO t;
		PERFORM bq.transfer_notify(t, 'transfer_failed', v_kg,
		    jsonb_build_object('reason', p_reason));
	END LOOP;
	PERFORM bq.act_as(v_before);
END
$$;

-- A transfer its family ends (cancelled, declined) or whose offer lapsed:
-- the seat held for it goes to the next in order; a swap ends for every
-- family of it.
CREATE OR REPLACE FUNCTION bq.transfer_end(t bq.transfer,
    p_status bq.transfer_status, p_reason text)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF t.swap_id IS NOT NULL THEN
		PERFORM bq.swap_break(t.swap_id, t.id, p_status, p_reason);
		RETURN;
	END IF;
	UPDATE bq.transfer SET status = p_status, closed_at = now(),
	    reason = p_reason
	WHERE id = t.id;
	IF t.offer_seat_id IS NOT NULL THEN
		PERFORM bq.seat_release(t.offer_seat_id);
	END IF;
END
$$;

-- A swap every family accepted: each child's enrolment with the
-- kindergarten it moves to opens, with no seat of its own yet (the
-- places change hands when every contract of the cycle is signed).
CREATE OR REPLACE FUNCTION bq.swap_accepted(p_swap uuid, p_actor uuid)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t bq.transfer;
	e bq.enrolment;
	g bq.kindergarten_group;
BEGIN
	UPDATE bq.swap SET status = 'accepted' WHERE id = p_swap;
	FOR t IN SELECT * FROM bq.transfer WHERE swap_id = p_swap ORDER BY seq
	LOOP
		SELECT * INTO g FROM bq.kindergarten_group
		WHERE id = t.offer_group_id;
		INSERT INTO bq.enrolment (voucher_id, application_id,
		    kindergarten_id, group_id, seat_id, transfer_id)
		SELECT x.voucher_id, t.application_id, g.kindergarten_id, g.id,
		    NULL, t.id
		FROM bq.enrolment x WHERE x.id = t.from_enrolment_id
		RETURNING * INTO e;
		UPDATE bq.transfer SET to_enrolment_id = e.id WHERE id = t.id;
		PERFORM bq.notify_accounts(bq.kindergarten_staff(g.kindergarten_id),
		    'enrolment_requested', bq.enrolment_args(e, NULL),
		    '/v1/kindergarten/enrolments');
	END LOOP;
END
$$;

-- The family's answer to an offer (accept, decline), or its withdrawal
-- of the request (cancel).
CREATE OR REPLACE FUNCTION bq.transfer_act(p_account uuid, p_sid uuid, p_id uuid,
    p_action text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	t bq.transfer;
	e bq.enrolment;
	g bq.kindergarten_group;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	SELECT x.* INTO t FROM bq.transfer x
	WHERE x.id = p_id AND bq.transfer_visible(p_account, x);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	-- A swap's transfers are locked together, in one order.
	PERFORM 1 FROM bq.transfer x
	WHERE x.id = t.id OR (t.swap_id IS NOT NULL AND x.swap_id = t.swap_id)
	ORDER BY x.seq FOR UPDATE;
	SELECT * INTO t FROM bq.transfer WHERE id = p_id;
	PERFORM bq.set_actor(p_account, 'transfer ' || p_action);

	IF p_action = 'cancel' THEN
		IF t.status NOT IN ('waiting', 'offered') THEN
			RAISE EXCEPTION 'not open' USING ERRCODE = 'BQ409',
			    COLUMN = 'status', HINT = 'closed';
		END IF;
		PERFORM bq.transfer_end(t, 'cancelled', 'withdrawn by the family');
	ELSIF t.status <> 'offered' THEN
		RAISE EXCEPTION 'no offer' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = CASE WHEN t.status = 'accepted'
			THEN 'accepted_already' ELSE 'no_offer' END;
	ELSIF now() > t.offer_by THEN
		RAISE EXCEPTION 'too late' USING ERRCODE = 'BQ409',
		    COLUMN = 'offer_by', HINT = 'deadline_passed';
	ELSIF p_action = 'decline' THEN
		PERFORM bq.transfer_end(t, 'declined', 'declined by the family');
	ELSIF t.swap_id IS NOT NULL THEN
		UPDATE bq.transfer SET status = 'accepted' WHERE id = t.id;
		IF NOT EXISTS (SELECT 1 FROM bq.transfer WHERE swap_id = t.swap_id
		    AND status <> 'accepted') THEN
			PERFORM bq.swap_accepted(t.swap_id, p_account);
		END IF;
	ELSE
		-- The seat held for the offer becomes the new enrolment's.
		SELECT * INTO g FROM bq.kindergarten_group
		WHERE id = t.offer_group_id;
		UPDATE bq.seat SET held_until = 'infinity'
		WHERE id = t.offer_seat_id AND released_at IS NULL;
		INSERT INTO bq.enrolment (voucher_id, application_id,
		    kindergarten_id, group_id, seat_id, transfer_id)
		SELECT x.voucher_id, t.application_id, g.kindergarten_id, g.id,
		    t.offer_seat_id, t.id
		FROM bq.enrolment x WHERE x.id = t.from_enrolment_id
		RETURNING * INTO e;
		UPDATE bq.transfer SET status = 'accepted', to_enrolment_id = e.id
		WHERE id = t.id;
		PERFORM bq.notify_accounts(bq.kindergarten_staff(g.kindergarten_id),
		    'enrolment_requested', bq.enrolment_args(e, NULL),
		    '/v1/kindergarten/enrolments');
	END IF;
	PERFORM bq.log_event(p_account, 'transfer_' || p_action, p_sid,
	    jsonb_build_object('transfer_id', t.id));
	SELECT * INTO t FROM bq.transfer WHERE id = p_id;
	RETURN bq.transfer_json(t, p_lang);
END
$$;

-- A transfer's new enrolment that ended without the child moving
-- (declined by the kindergarten, the contract not signed in time): the
-- child keeps its seat, the family is told; a swap's ends for all.
CREATE OR REPLACE FUNCTION bq.transfer_follows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	t bq.transfer;
	v_before text;
BEGIN
	SELECT * INTO t FROM bq.transfer WHERE id = NEW.transfer_id
	    AND status = 'accepted';
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF t.swap_id IS NOT NULL THEN
		PERFORM bq.swap_break(t.swap_id, NULL, NULL,
		    coalesce(NEW.reason, 'the new place failed'));
		RETURN NULL;
	END IF;
	v_before := bq.act_as(CASE WHEN bq.acting_role() = 'kindergarten_staff'
	    THEN 'kindergarten_staff' ELSE 'system' END);
	UPDATE bq.transfer SET status = 'failed', closed_at = now(),
	    reason = coalesce(NEW.reason, 'the new place failed')
	WHERE id = t.id RETURNING * INTO t;
	PERFORM bq.transfer_notify(t, 'transfer_failed', NEW.kindergarten_id,
	    jsonb_build_object('reason', t.reason));
	PERFORM bq.act_as(v_before);
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER transfer_follows AFTER UPDATE OF status
	ON bq.enrolment FOR EACH ROW
	WHEN (NEW.transfer_id IS NOT NULL
	    AND NEW.status::text IN ('declined', 'cancelled'))
	EXECUTE FUNCTION bq.transfer_follows();

-- Both sides signed a transfer's contract (bq.contract_sign).  A
-- transfer: the child is enrolled at the new kindergarten and only now
-- gives back the old seat.  A swap: once every contract of the cycle is
-- signed, every child's old seat is given back and the next one's place
-- taken in one statement each, so no group is ever over its capacity and
-- no child without a seat.
CREATE OR REPLACE FUNCTION bq.transfer_signed(e bq.enrolment, p_actor uuid)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t bq.transfer;
	x bq.transfer;
	v_new uuid;
	v_old uuid[];
BEGIN
	SELECT * INTO t FROM bq.transfer WHERE id = e.transfer_id FOR UPDATE;
	IF t.swap_id IS NULL THEN
		UPDATE bq.enrolment SET status = 'enrolled', closed_at = now()
		WHERE id = e.id;
		UPDATE bq.seat SET kind = 'enrolled', held_until = NULL
		WHERE id = e.seat_id;
		UPDATE bq.transfer SET status = 'done', closed_at = now()
		WHERE id = t.id RETURNING * INTO t;
		PERFORM bq.transfer_notify(t, 'transfer_done', e.kindergarten_id,
		    NULL);
		PERFORM bq.seat_release((SELECT seat_id FROM bq.enrolment
		    WHERE id = t.from_enrolment_id));
		RETURN;
	END IF;
	-- The rest of the cycle signed too?
	IF EXISTS (SELECT 1 FROM bq.transfer y
	    LEFT JOIN bq.contract c ON c.enrolment_id = y.to_enrolment_id
	    WHERE y.swap_id = t.swap_id
	      AND c.status IS DISTINCT FROM 'signed') THEN
		RETURN;
	END IF;
	SELECT array_agg(f.seat_id) INTO v_old
	FROM bq.transfer y JOIN bq.enrolment f ON f.id = y.from_enrolment_id
	WHERE y.swap_id = t.swap_id;
	UPDATE bq.seat SET released_at = now() WHERE id = ANY (v_old);
	FOR x IN SELECT * FROM bq.transfer WHERE swap_id = t.swap_id ORDER BY seq
	LOOP
		INSERT INTO bq.seat (group_id, kind, child_id, held_until)
		SELECT y.group_id, 'enrolled', x.child_id, NULL
		FROM bq.enrolment y WHERE y.id = x.to_enrolment_id
		RETURNING id INTO v_new;
		UPDATE bq.enrolment SET seat_id = v_new, status = 'enrolled',
		    closed_at = now()
		WHERE id = x.to_enrolment_id;
		UPDATE bq.transfer SET status = 'done', closed_at = now()
		WHERE id = x.id RETURNING * INTO x;
		PERFORM bq.transfer_notify(x, 'transfer_done',
		    (SELECT kindergarten_id FROM bq.enrolment
		     WHERE id = x.to_enrolment_id), NULL);
	END LOOP;
	UPDATE bq.swap SET status = 'done', closed_at = now()
	WHERE id = t.swap_id;
END
$$;

-- Offers not answered in time: the seat held goes back (served again in
-- order), a swap ends.  Returns how many lapsed.
CREATE OR REPLACE FUNCTION bq.sweep_transfers() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	t bq.transfer;
	n integer := 0;
BEGIN
	FOR t IN SELECT * FROM bq.transfer WHERE status = 'offered'
	    AND offer_by < now() ORDER BY offer_by
	    LIMIT bq.setting('sweep_batch') FOR UPDATE SKIP LOCKED LOOP
		PERFORM bq.set_actor(NULL, 'offer not answered in time');
		PERFORM bq.transfer_end(t, 'cancelled', 'offer not answered in time');
		n := n + 1;
	END LOOP;
	RETURN n;
END
$$;

-- Top trading cycles over a region's waiting transfers.  Each child owns
-- its seat; each points at the child whose seat it likes best among those
-- still in play (a kindergarten it ranks, best first, a group that fits
-- it: the age group and correction type of its own, one of its
-- languages; among seats of one kindergarten, the child who asked first).
-- A child pointing at nobody keeps its seat and leaves; every cycle of
-- pointers is a swap, offered to its families, and leaves.  Each child of
-- a swap gets a kindergarten it ranks, so nobody is worse off; no group
-- of families could do better among themselves.
CREATE OR REPLACE FUNCTION bq.swaps_find(p_region uuid, p_round uuid)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	v_before text := bq.act_as('system');
	v_ids uuid[];
	v_left boolean[];
	v_to integer[];
	v_seen integer[];
	v_n integer;
	v_i integer;
	v_j integer;
	v_k integer;
	v_cycle integer[];
	v_swap uuid;
	v_by timestamptz;
	v_found integer := 0;
	v_progress boolean;
	v_row record;
BEGIN
	SELECT array_agg(t.id ORDER BY t.seq) INTO v_ids
	FROM bq.transfer t WHERE t.region_id = p_region AND t.status = 'waiting';
	v_n := coalesce(cardinality(v_ids), 0);
	IF v_n < 2 THEN
		PERFORM bq.act_as(v_before);
		RETURN 0;
	END IF;
	v_left := array_fill(true, ARRAY[v_n]);
	v_by := bq.add_working_days(now(), bq.setting('transfer_offer_days'));
	LOOP
		-- Each child in play points at the best seat in play.
		v_to := array_fill(0, ARRAY[v_n]);
		FOR v_row IN
		    WITH agent AS (
			SELECT n, t.id, t.seq, t.kindergarten_ids, a.languages,
			    g.id AS group_id, g.kindergarten_id, g.age_group,
			    coalesce(g.correction_type, '') AS correction_type,
			    g.language
			FROM unnest(v_ids) WITH ORDINALITY x (id, n)
			JOIN bq.transfer t ON t.id = x.id
			JOIN bq.application a ON a.id = t.application_id
			JOIN bq.enrolment e ON e.id = t.from_enrolment_id
			JOIN bq.kindergarten_group g ON g.id = e.group_id
			WHERE v_left[n])
		    SELECT DISTINCT ON (i.n) i.n AS i, j.n AS j
		    FROM agent i
		    JOIN agent j ON j.n <> i.n
		     AND j.kindergarten_id = ANY (i.kindergarten_ids)
		     AND j.age_group = i.age_group
		     AND j.correction_type = i.correction_type
		     AND j.language = ANY (i.languages)
		    ORDER BY i.n, array_position(i.kindergarten_ids,
			j.kindergarten_id), j.seq
		LOOP
			v_to[v_row.i] := v_row.j;
		END LOOP;
		-- Who points at nobody leaves, keeping its seat.
		v_progress := false;
		FOR v_i IN 1 .. v_n LOOP
			IF v_left[v_i] AND v_to[v_i] = 0 THEN
				v_left[v_i] := false;
				v_progress := true;
			END IF;
		END LOOP;
		CONTINUE WHEN v_progress;
		EXIT WHEN NOT (true = ANY (v_left));
		-- Everyone in play points at someone in play: follow the
		-- pointers from each to a cycle; each cycle is a swap.
		v_seen := array_fill(0, ARRAY[v_n]);
		FOR v_i IN 1 .. v_n LOOP
			CONTINUE WHEN NOT v_left[v_i] OR v_seen[v_i] <> 0;
			v_j := v_i;
			WHILE v_seen[v_j] = 0 LOOP
				v_seen[v_j] := v_i;
				v_j := v_to[v_j];
			END LOOP;
			CONTINUE WHEN v_seen[v_j] <> v_i;
			-- v_j is on a cycle first met from v_i.
			v_cycle := ARRAY[v_j];
			v_k := v_to[v_j];
			WHILE v_k <> v_j LOOP
				v_cycle := v_cycle || v_k;
				v_k := v_to[v_k];
			END LOOP;
			INSERT INTO bq.swap (region_id, round_id)
			VALUES (p_region, p_round) RETURNING id INTO v_swap;
			FOREACH v_j IN ARRAY v_cycle LOOP
				v_left[v_j] := false;
				UPDATE bq.transfer t SET status = 'offered',
				    swap_id = v_swap, offer_by = v_by,
				    offer_group_id = (SELECT e.group_id
					FROM bq.transfer y
					JOIN bq.enrolment e
					  ON e.id = y.from_enrolment_id
					WHERE y.id = v_ids[v_to[v_j]])
				WHERE t.id = v_ids[v_j];
			END LOOP;
			FOR v_row IN SELECT t.*, g.kindergarten_id AS kg
			    FROM bq.transfer t
			    JOIN bq.kindergarten_group g ON g.id = t.offer_group_id
			    WHERE t.swap_id = v_swap LOOP
				PERFORM bq.transfer_notify(
				    (SELECT x FROM bq.transfer x
				     WHERE x.id = v_row.id), 'swap_offered',
				    v_row.kg, jsonb_build_object('deadline',
					bq.local_time(v_by)));
			END LOOP;
			v_found := v_found + 1;
		END LOOP;
	END LOOP;
	PERFORM bq.act_as(v_before);
	RETURN v_found;
END
$$;

REVOKE EXECUTE ON FUNCTION bq.transfer_visible(uuid, bq.transfer),
    bq.transfer_ahead(bq.transfer, uuid), bq.transfer_sibling(bq.transfer, uuid),
    bq.kindergarten_brief(uuid, text), bq.group_brief(bq.kindergarten_group),
    bq.transfer_json(bq.transfer, text),
    bq.transfer_args(bq.transfer, uuid, jsonb),
    bq.transfer_notify(bq.transfer, text, uuid, jsonb),
    bq.transfer_group(bq.transfer, uuid), bq.transfers_serve(uuid),
    bq.enrolment_now(uuid),
    bq.swap_break(uuid, uuid, bq.transfer_status, text),
    bq.transfer_end(bq.transfer, bq.transfer_status, text),
    bq.swap_accepted(uuid, uuid), bq.transfer_follows(),
    bq.transfer_signed(bq.enrolment, uuid), bq.sweep_transfers(),
    bq.swaps_find(uuid, uuid) FROM bq_api;
