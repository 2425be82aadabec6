-- Applications: the workflow trigger and its event rows, filing, the
-- verifier's decisions, withdrawal and restoration, the queue's counts,
-- the position and its history, and the notification inbox.

-- Who moves an application, and why: set by the workflow functions for
-- the trigger to record.
CREATE OR REPLACE FUNCTION bq.set_actor(p_actor uuid, p_reason text) RETURNS void
LANGUAGE sql AS $$
	SELECT set_config('bq.actor', coalesce(p_actor::text, ''), true),
	    set_config('bq.reason', coalesce(p_reason, ''), true);
$$;

-- Joining the queue stamps it (the move itself is bq.workflow_guard's).
CREATE OR REPLACE FUNCTION bq.application_queued_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
		NEW.queued_at := clock_timestamp();
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER application_queued_at BEFORE INSERT OR UPDATE OF status
	ON bq.application FOR EACH ROW WHEN (NEW.status = 'queued')
	EXECUTE FUNCTION bq.application_queued_at();

-- Why an application joined its partition's log (the queue log's cause),
-- from where it came and the reason its mover gave.
CREATE OR REPLACE FUNCTION bq.queue_cause(n bq.application,
    p_from bq.application_status, p_reason text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN n.status = 'queued' THEN
		CASE WHEN p_from = 'suspended' THEN 'restored'
		    -- Back from a voucher given on a false claim.
		    WHEN p_reason = 'priority_refuted' THEN p_reason
		    -- Placed as ordinary until proved.
		    WHEN n.priority_state = 'claimed' THEN 'priority_claimed'
		    WHEN n.rank = 0 THEN 'extraordinary_filed'
		    WHEN n.rank = 1 THEN 'priority_filed'
		    ELSE 'filed' END
	    ELSE n.status::text END;
$$;

-- After a statement's moves: each moved application's event row, and the
-- partition's log for those that joined or left the queue.  Once a
-- statement, over its transition tables (moved: the rows before and
-- after): a round moves thousands at once, and a trigger a row was a
-- quarter of a millisecond of each voucher (bench/README).
CREATE OR REPLACE FUNCTION bq.applications_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_actor uuid := nullif(current_setting('bq.actor', true), '')::uuid;
	v_reason text := nullif(current_setting('bq.reason', true), '');
	v_role text := bq.acting_role();
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO bq.application_event (application_id, actor,
		    actor_role, from_status, to_status, reason)
		SELECT n.id, v_actor, v_role, NULL, n.status, v_reason
		FROM moved_new n;
		INSERT INTO bq.queue_log (queue_region, queue_type,
		    correction_type, birth_year, application_id, joined, rank,
		    filed_at, seq, cause)
		SELECT n.queue_region, n.queue_type,
		    coalesce(n.correction_type, ''), n.birth_year, n.id, true,
		    n.rank, n.filed_at, n.seq, bq.queue_cause(n, NULL, v_reason)
		FROM moved_new n WHERE n.status = 'queued';
		RETURN NULL;
	END IF;
	INSERT INTO bq.application_event (application_id, actor, actor_role,
	    from_status, to_status, reason)
	SELECT n.id, v_actor, v_role, o.status, n.status, v_reason
	FROM moved_old o JOIN moved_new n ON n.id = o.id
	WHERE n.status <> o.status;
	INSERT INTO bq.queue_log (queue_region, queue_type, correction_type,
	    birth_year, application_id, joined, rank, filed_at, seq, cause)
	SELECT n.queue_region, n.queue_type, coalesce(n.correction_type, ''),
	    n.birth_year, n.id, n.status = 'queued', n.rank, n.filed_at, n.seq,
	    bq.queue_cause(n, o.status, v_reason)
	FROM moved_old o JOIN moved_new n ON n.id = o.id
	WHERE n.status <> o.status
	  AND (n.status = 'queued' OR o.status = 'queued');
	RETURN NULL;
END
$$;

-- Transition tables take no column list: an update of any column runs
-- it, and finds no move.
DROP TRIGGER IF EXISTS application_moved ON bq.application;
CREATE OR REPLACE TRIGGER applications_filed AFTER INSERT ON bq.application
	REFERENCING NEW TABLE AS moved_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.applications_moved();
CREATE OR REPLACE TRIGGER applications_moved AFTER UPDATE ON bq.application
	REFERENCING OLD TABLE AS moved_old NEW TABLE AS moved_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.applications_moved();
DROP FUNCTION IF EXISTS bq.application_moved();

-- Nothing rewrites what happened.  Rows go only with their application
-- (a cascade runs this trigger one level deeper).
CREATE OR REPLACE FUNCTION bq.history_is_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'BQ409',
	    COLUMN = 'id', HINT = 'immutable';
END
$$;

CREATE OR REPLACE TRIGGER application_event_kept BEFORE UPDATE OR DELETE
	ON bq.application_event FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

CREATE OR REPLACE TRIGGER queue_log_kept BEFORE UPDATE
	ON bq.queue_log FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

-- The same rule as before (bq.position_of), from the counts: the sizes
-- of the three lists, and how many of its own rank are ahead: all of
-- the earlier spans, and those of its span filed before it, counted in
-- the queue index (a short range scan, the settings pinning it).
CREATE OR REPLACE FUNCTION bq.position(a bq.application) RETURNS integer
LANGUAGE plpgsql STABLE
SET enable_seqscan = off SET enable_bitmapscan = off
SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
	v_bucket integer := bq.queue_bucket(a.filed_at);
	v_e integer;
	v_p integer;
	v_o integer;
	v_ahead integer;
	v_near integer;
BEGIN
	IF a.status <> 'queued' THEN
		RETURN NULL;
	END IF;
	SELECT coalesce(sum(c.n) FILTER (WHERE c.rank = 0), 0),
	    coalesce(sum(c.n) FILTER (WHERE c.rank = 1), 0),
	    coalesce(sum(c.n) FILTER (WHERE c.rank = 2), 0),
	    coalesce(sum(c.n) FILTER (WHERE c.rank = a.rank
		AND c.bucket < v_bucket), 0)
	INTO v_e, v_p, v_o, v_ahead
	FROM bq.queue_count c
	WHERE c.queue_region = a.queue_region AND c.queue_type = a.queue_type
	  AND c.queue_correction = a.queue_correction
	  AND c.birth_year = a.birth_year;
	SELECT count(*) INTO v_near
	FROM bq.application q
	WHERE q.status = 'queued' AND q.queue_region = a.queue_region
	  AND q.queue_type = a.queue_type
	  AND q.queue_correction = a.queue_correction
	  AND q.birth_year = a.birth_year AND q.rank = a.rank
	  AND q.filed_at >= bq.queue_bucket_start(v_bucket)
	  AND (q.filed_at, q.seq) < (a.filed_at, a.seq);
	RETURN bq.position_of(a.rank, v_ahead + v_near + 1, v_e, v_p, v_o);
END
$$;

-- The rule itself: the place of the i-th of its rank, given the sizes.
CREATE OR REPLACE FUNCTION bq.position_of(p_rank smallint, i integer, e integer,
    p integer, o integer)
RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_rank
	    WHEN 0 THEN i
	    WHEN 1 THEN e + (i - 1) + least(3 * (i - 1), o) + 1
	    ELSE e + least((i + 2) / 3, p) + (i - 1) + 1 END;
$$;

CREATE OR REPLACE FUNCTION bq.age_group_for(p_birth date, p_on date)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (
		SELECT code FROM bq.reference
		WHERE list = 'age_group'
		  AND (extract(year FROM age(p_on, p_birth)) * 12 +
		      extract(month FROM age(p_on, p_birth)))::integer
		      < max_months
		ORDER BY sort LIMIT 1);
END
$$;

CREATE OR REPLACE FUNCTION bq.top_region(p_region uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT coalesce(parent_id, id) FROM bq.region WHERE id = p_region;
$$;

-- The card's stages (docs/FLOWS.md, flow 9): queue, waiting, kindergarten
-- choice, financing type, admission; each done, current or pending.
CREATE OR REPLACE FUNCTION bq.application_timeline(a bq.application)
RETURNS json
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	RETURN (
		WITH stage (n, code, statuses) AS (VALUES
		    (1, 'queue', ARRAY['awaiting_verification', 'queued']),
		    (2, 'waiting', ARRAY['voucher_issued', 'suspended']),
		    (3, 'kindergarten_choice', ARRAY['voucher_active',
			'awaiting_contract']),
		    (4, 'financing_type', ARRAY['contract_signing']),
		    (5, 'admission', ARRAY['enrolled'])),
		here AS (SELECT n FROM stage WHERE a.status::text = ANY (statuses))
		SELECT json_agg(json_build_object('stage', s.code,
		    'state', CASE WHEN NOT EXISTS (SELECT 1 FROM here) THEN 'closed'
			WHEN s.n < (SELECT n FROM here) THEN 'done'
			WHEN s.n = (SELECT n FROM here) THEN 'current'
			ELSE 'pending' END,
		    'at', (SELECT min(e.at) FROM bq.application_event e
			WHERE e.application_id = a.id
			  AND e.to_status::text = ANY (s.statuses))) ORDER BY s.n)
		FROM stage s);
END
$$;

-- The application as its card shows it.
CREATE OR REPLACE FUNCTION bq.application_json(a bq.application, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	RETURN (
		SELECT json_build_object('id', a.id, 'number', a.number,
		    'filed_at', a.filed_at, 'queue_type', a.queue_type,
		    'child', (SELECT json_build_object('id', c.id,
			'surname', c.surname, 'first_name', c.first_name,
			'patronymic', c.patronymic, 'birth_date', c.birth_date)
			FROM bq.child c WHERE c.id = a.child_id),
		    'region', (SELECT json_build_object('id', r.id, 'code', r.code,
			'name', bq.name_in(r.name_kk, r.name_ru, r.name_en, p_lang))
			FROM bq.region r WHERE r.id = a.region_id),
		    'languages', to_json(a.languages),
		    'kindergartens', (SELECT coalesce(json_agg(json_build_object(
			'id', k.id, 'code', k.code,
			'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang))
			ORDER BY x.ord), '[]')
			FROM unnest(a.kindergarten_ids) WITH ORDINALITY x (id, ord)
			JOIN bq.kindergarten k ON k.id = x.id),
		    'priority_category', a.priority_category,
		    'priority_state', a.priority_state,
		    'priority_valid_until', a.priority_valid_until,
		    'priority_document_id', CASE WHEN a.priority_state IS NOT NULL
			THEN (bq.priority_proof_last(a.id)).document_id END,
		    'filing_stopped_until', CASE WHEN a.priority_state = 'refuted'
			THEN bq.filing_stopped_until(ARRAY[a.filed_by,
			    (SELECT c.owner_id FROM bq.child c
			    WHERE c.id = a.child_id)]) END,
		    'correction_type', a.correction_type,
		    'pmpk_document_id', a.pmpk_document_id,
		    'age_group', (SELECT bq.age_group_for(c.birth_date, current_date)
			FROM bq.child c WHERE c.id = a.child_id),
		    'birth_year', a.birth_year,
		    'status', a.status,
		    'status_label', bq.status_label('application', a.status::text, p_lang),
		    'queue_position', bq.position(a),
		    'financing_type', a.financing_type,
		    'family_group_id', a.family_group_id,
		    'timeline', bq.application_timeline(a)));
END
$$;

-- Files an application.  Every rule of the filing is checked here, in
-- one transaction; a retried request with the same Idempotency-Key gets
-- the first answer.
CREATE OR REPLACE FUNCTION bq.application_file(p_account uuid, p_sid uuid, p_body jsonb,
    p_idempotency_key text, p_request_hash text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_child bq.child;
	v_app bq.application;
	v_queue text := p_body->>'queue_type';
	v_region uuid;
	v_langs text[];
	v_kgs uuid[];
	v_priority text := p_body->>'priority_category';
	v_rank smallint := 2;
	v_correction text := p_body->>'correction_type';
	v_pmpk uuid;
	v_age text;
	v_kg uuid;
	v_months integer;
	-- Every field found wrong, not only the first (bq.refuse_fields).
	v_errors jsonb := '[]';
	v_seq bigint;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');

	IF p_idempotency_key IS NOT NULL THEN
		SELECT * INTO v_app FROM bq.application
		WHERE filed_by = p_account AND idempotency_key = p_idempotency_key;
		IF FOUND THEN
			IF v_app.request_hash <> decode(p_request_hash, 'hex') THEN
				RAISE EXCEPTION 'idempotency key reused'
				    USING ERRCODE = 'BQ409', COLUMN = 'Idempotency-Key',
				    HINT = 'taken';
			END IF;
			PERFORM bq.replayed();
			RETURN bq.application_json(v_app, p_lang);
		END IF;
	END IF;

	SELECT c.* INTO v_child FROM bq.child c
	WHERE c.id = (p_body->>'child_id')::uuid
	  AND bq.child_access(p_account, c.id) IS NOT NULL;
	IF NOT FOUND THEN
		v_errors := v_errors || '[["child_id", "invalid_value"]]';
	ELSE
		-- Queued per child: one filing at a time decides "one live".
		PERFORM 1 FROM bq.child WHERE id = v_child.id FOR UPDATE;
	END IF;

	v_months := (extract(year FROM age(current_date, v_child.birth_date)) * 12
	    + extract(month FROM age(current_date, v_child.birth_date)))::integer;
	IF v_months >= bq.setting('application_max_age_months') THEN
		v_errors := v_errors || '[["child_id", "out_of_range"]]';
	END IF;
	v_age := coalesce(bq.age_group_for(v_child.birth_date, current_date),
	    'preschool');
	IF v_months < 12 THEN
		v_age := 'nursery';
	END IF;

	SELECT id INTO v_region FROM bq.region
	WHERE id = (p_body->>'region_id')::uuid;
	IF NOT FOUND THEN
		v_errors := v_errors || '[["region_id", "invalid_value"]]';
	END IF;

	SELECT array_agg(x) INTO v_langs
	FROM jsonb_array_elements_text(p_body->'languages') x;
	IF v_langs IS NULL OR EXISTS (SELECT 1 FROM unnest(v_langs) l
	    WHERE NOT bq.ref_valid('language', l))
	    OR cardinality(v_langs) <> (SELECT count(DISTINCT l)
		FROM unnest(v_langs) l) THEN
		v_errors := v_errors || '[["languages", "invalid_value"]]';
	END IF;

	-- A claimed category is placed as ordinary until a verifier confirms
	-- its proof (sql/functions/priority.sql), which must come with it.
	IF v_priority IS NOT NULL THEN
		IF bq.priority_rank(v_priority) IS NULL THEN
			v_errors := v_errors ||
			    '[["priority_category", "invalid_value"]]';
		ELSIF NOT bq.priority_document_ok(v_priority,
		    (p_body->>'priority_document_id')::uuid,
		    ARRAY[p_account, v_child.owner_id]) THEN
			v_errors := v_errors || jsonb_build_array(jsonb_build_array(
			    'priority_document_id',
			    CASE WHEN p_body->>'priority_document_id' IS NOT NULL
				THEN 'invalid_value' ELSE 'required' END));
		END IF;
	ELSIF p_body->>'priority_document_id' IS NOT NULL THEN
		v_errors := v_errors || '[["priority_document_id", "invalid_value"]]';
	END IF;

	IF v_queue = 'special' THEN
		IF v_correction IS NULL OR NOT bq.ref_valid('correction_type',
		    v_correction) THEN
			v_errors := v_errors || jsonb_build_array(jsonb_build_array(
			    'correction_type', CASE WHEN v_correction IS NULL
				THEN 'required' ELSE 'invalid_value' END));
		END IF;
		SELECT d.id INTO v_pmpk FROM bq.document d
		WHERE d.id = (p_body->>'pmpk_document_id')::uuid
		  AND d.kind = 'pmpk'
		  AND d.owner_id IN (p_account, v_child.owner_id);
		IF NOT FOUND THEN
			v_errors := v_errors || jsonb_build_array(jsonb_build_array(
			    'pmpk_document_id', CASE WHEN p_body ? 'pmpk_document_id'
				THEN 'invalid_value' ELSE 'required' END));
		END IF;
	ELSE
		-- The general queue takes neither.
		IF v_correction IS NOT NULL THEN
			v_errors := v_errors ||
			    '[["correction_type", "invalid_value"]]';
		END IF;
		IF p_body ? 'pmpk_document_id' THEN
			v_errors := v_errors ||
			    '[["pmpk_document_id", "invalid_value"]]';
		END IF;
	END IF;

	SELECT coalesce(array_agg(x::uuid ORDER BY n), '{}') INTO v_kgs
	FROM jsonb_array_elements_text(coalesce(p_body->'kindergarten_ids',
	    '[]')) WITH ORDINALITY k (x, n);
	IF cardinality(v_kgs) <> (SELECT count(DISTINCT k) FROM unnest(v_kgs) k) THEN
		v_errors := v_errors || '[["kindergarten_ids", "invalid_value"]]';
	END IF;
	-- What the kindergartens must match needs the rest right first.
	PERFORM bq.refuse_fields(v_errors);
	FOREACH v_kg IN ARRAY v_kgs LOOP
		-- It exists, lies in the region, and has a group for this
		-- child: the age, one of the languages, the correction type.
		IF NOT EXISTS (SELECT 1 FROM bq.kindergarten k
		    JOIN bq.kindergarten_group g ON g.kindergarten_id = k.id
		    WHERE k.id = v_kg
		      AND bq.group_open(g.closed_at, k.suspended_at)
		      AND bq.top_region(k.region_id) = bq.top_region(v_region)
		      AND (v_region = bq.top_region(v_region)
			  OR k.region_id = v_region)
		      AND g.age_group = v_age AND g.language = ANY (v_langs)
		      AND g.correction_type IS NOT DISTINCT FROM
			  CASE WHEN v_queue = 'special' THEN v_correction END) THEN
			RAISE EXCEPTION 'kindergarten' USING ERRCODE = 'BQ422',
			    COLUMN = 'kindergarten_ids', HINT = 'invalid_value';
		END IF;
	END LOOP;

	-- A family found to have claimed falsely files nothing for a while.
	IF bq.filing_stopped_until(ARRAY[p_account, v_child.owner_id])
	    IS NOT NULL THEN
		RAISE EXCEPTION 'stop list' USING ERRCODE = 'BQ409',
		    COLUMN = 'child_id', HINT = 'stop_listed';
	END IF;

	PERFORM bq.set_actor(p_account, 'filed');
	v_seq := nextval('bq.application_seq');
	BEGIN
		INSERT INTO bq.application (seq, number, child_id, filed_by,
		    queue_type, region_id, queue_region, languages,
		    kindergarten_ids, priority_category, priority_state, rank,
		    correction_type, pmpk_document_id, birth_year, status,
		    idempotency_key, request_hash)
		VALUES (v_seq, 'A' || to_char(now(), 'YY') || '-' ||
			lpad(v_seq::text, 7, '0'),
		    v_child.id, p_account, v_queue, v_region,
		    bq.top_region(v_region), v_langs, v_kgs, v_priority,
		    CASE WHEN v_priority IS NOT NULL THEN 'claimed' END,
		    v_rank, v_correction, v_pmpk,
		    extract(year FROM v_child.birth_date)::integer,
		    CASE WHEN v_queue = 'special' THEN 'awaiting_verification'
			ELSE 'queued' END::bq.application_status,
		    p_idempotency_key, decode(p_request_hash, 'hex'))
		RETURNING * INTO v_app;
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION 'live application' USING ERRCODE = 'BQ409',
		    COLUMN = 'child_id', HINT = 'taken';
	END;

	IF v_priority IS NOT NULL THEN
		INSERT INTO bq.priority_proof (application_id, document_id,
		    submitted_by)
		VALUES (v_app.id, (p_body->>'priority_document_id')::uuid,
		    p_account);
	END IF;
	IF v_app.status = 'queued' THEN
		PERFORM bq.notify(v_app, 'application_queued',
		    jsonb_build_object('position', bq.position(v_app)));
	ELSE
		PERFORM bq.notify(v_app, 'application_awaiting', '{}');
	END IF;
	PERFORM bq.log_event(p_account, 'application_filed', p_sid,
	    jsonb_build_object('application_id', v_app.id));
	RETURN bq.application_json(v_app, p_lang);
END
$$;

-- The applications an account sees: of its children and of the children
-- entrusted to it.
CREATE OR REPLACE FUNCTION bq.application_visible(p_account uuid, a bq.application)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT bq.child_access(p_account, a.child_id) IS NOT NULL;
$$;

CREATE OR REPLACE FUNCTION bq.applications(p_account uuid, p_sid uuid, p_status text,
    p_queue text, p_archived boolean, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	IF p_status IS NOT NULL AND NOT p_status = ANY (
	    enum_range(NULL::bq.application_status)::text[]) THEN
		RAISE EXCEPTION 'status' USING ERRCODE = 'BQ422',
		    COLUMN = 'status', HINT = 'invalid_value';
	END IF;
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(bq.application_json(a, p_lang)
		ORDER BY a.filed_at DESC, a.seq DESC)
	    FROM bq.application a
	    WHERE a.child_id IN (SELECT c.id FROM bq.child c
		WHERE c.owner_id = p_account
		UNION SELECT t.child_id FROM bq.trustee t
		WHERE t.account_id = p_account)
	      AND (p_status IS NULL OR a.status::text = p_status)
	      AND (p_queue IS NULL OR a.queue_type = p_queue)
	      AND (p_archived IS NULL
		  OR (a.status IN ('archived', 'rejected')) = p_archived)),
	    '[]'));
END
$$;

CREATE OR REPLACE FUNCTION bq.application_get(p_account uuid, p_sid uuid, p_id uuid,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN (SELECT bq.application_json(a, p_lang) FROM bq.application a
	    WHERE a.id = p_id AND bq.application_visible(p_account, a));
END
$$;

-- The position's history, replayed from the partition's log since the
-- application joined: each arrival or departure that moved it is a row,
-- with its cause, and so is each change of its own priority (proved,
-- expired, found false) whether it moved or not.  Its own rank is the
-- log's, as it was then.  O(log entries); nothing is written per reader.
CREATE OR REPLACE FUNCTION bq.position_history(p_account uuid, p_sid uuid, p_id uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v_log record;
	v_own boolean;
	v_in boolean := false;
	v_rank smallint := 2;
	v_e integer := 0;
	v_p integer := 0;
	v_o integer := 0;
	-- Others of each rank (0, 1, 2) filed before it.
	v_ahead integer[] := ARRAY[0, 0, 0];
	v_pos integer;
	v_last integer;
	v_rows json[] := '{}';
	v_delta integer;
	v_claim boolean;
	-- The last row's transaction and cause, and the position before it.
	v_row_xact xid8;
	v_row_cause text;
	v_row_from integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT * INTO v_app FROM bq.application a
	WHERE a.id = p_id AND bq.application_visible(p_account, a);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;

	FOR v_log IN SELECT * FROM bq.queue_log l
	    WHERE l.queue_region = v_app.queue_region
	      AND l.queue_type = v_app.queue_type
	      AND l.correction_type = coalesce(v_app.correction_type, '')
	      AND l.birth_year = v_app.birth_year
	    ORDER BY l.id LOOP
		v_delta := CASE WHEN v_log.joined THEN 1 ELSE -1 END;
		v_own := v_log.application_id = v_app.id;
		-- A change of its own priority: two rows, left and joined.
		v_claim := v_own AND v_log.cause LIKE 'priority\_%';
		IF v_own THEN
			v_in := v_log.joined;
			v_rank := v_log.rank;
		ELSE
			IF v_log.rank = 0 THEN v_e := v_e + v_delta;
			ELSIF v_log.rank = 1 THEN v_p := v_p + v_delta;
			ELSE v_o := v_o + v_delta; END IF;
			IF (v_log.filed_at, v_log.seq) < (v_app.filed_at, v_app.seq) THEN
				v_ahead[v_log.rank + 1] := v_ahead[v_log.rank + 1] + v_delta;
			END IF;
		END IF;
		IF NOT v_in THEN
			IF v_own AND NOT v_claim AND v_last IS NOT NULL THEN
				v_rows := v_rows || json_build_object('at', v_log.at,
				    'position', NULL, 'change', NULL,
				    'cause', v_log.cause);
				v_last := NULL;
				v_row_xact := NULL;
			END IF;
			CONTINUE;
		END IF;
		-- The counts above exclude the application itself.
		v_pos := bq.position_of(v_rank, v_ahead[v_rank + 1] + 1,
		    v_e + CASE WHEN v_rank = 0 THEN 1 ELSE 0 END,
		    v_p + CASE WHEN v_rank = 1 THEN 1 ELSE 0 END,
		    v_o + CASE WHEN v_rank = 2 THEN 1 ELSE 0 END);
		IF v_last IS DISTINCT FROM v_pos OR v_claim THEN
			IF NOT v_own AND v_log.xact = v_row_xact
			    AND v_log.cause = v_row_cause THEN
				-- The same move as the row before (one round,
				-- one statement): that row, grown, or gone when
				-- it ends where it started (a rank moved behind).
				IF v_pos = v_row_from THEN
					v_rows := v_rows[1:cardinality(v_rows) - 1];
					v_row_xact := NULL;
				ELSE
					v_rows[cardinality(v_rows)] := json_build_object(
					    'at', v_log.at, 'position', v_pos,
					    'change', v_pos - v_row_from,
					    'cause', v_log.cause);
				END IF;
			ELSE
				v_rows := v_rows || json_build_object('at', v_log.at,
				    'position', v_pos,
				    'change', CASE WHEN v_last IS NULL THEN NULL
					ELSE v_pos - v_last END,
				    'cause', CASE WHEN v_claim THEN v_log.cause
					WHEN v_own THEN 'queued'
					-- Someone placed as ordinary till proved.
					WHEN v_log.cause = 'priority_claimed'
					    THEN 'filed'
					ELSE v_log.cause END);
				v_row_from := v_last;
				v_row_xact := CASE WHEN NOT v_own THEN v_log.xact END;
				v_row_cause := v_log.cause;
			END IF;
			v_last := v_pos;
		END IF;
	END LOOP;
	-- And each round that passed it over while it stood ahead of a
	-- child placed, with the reason (bq.round_check).
	RETURN json_build_object('items', (SELECT coalesce(json_agg(x.r
	    ORDER BY x.at, x.n), '[]')
	    FROM (SELECT u.r, (u.r->>'at')::timestamptz AS at, u.n
		FROM unnest(v_rows) WITH ORDINALITY u (r, n)
		UNION ALL
		SELECT json_build_object('at', r.started_at,
		    'position', k.position, 'change', NULL,
		    'cause', 'round_' || k.reason), r.started_at, 0
		FROM bq.round_skip k
		JOIN bq.allocation_round r ON r.id = k.round_id
		WHERE k.application_id = v_app.id
		  AND r.status = 'published') x),
	    'position', bq.position(v_app));
END
$$;

-- One of the parent's applications, locked for a move; no row when the
-- account may not see it.
CREATE OR REPLACE FUNCTION bq.application_locked(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS bq.application
LANGUAGE plpgsql AS $$
DECLARE
	v_app bq.application;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	SELECT * INTO v_app FROM bq.application a
	WHERE a.id = p_id AND bq.application_visible(p_account, a)
	FOR UPDATE;
	RETURN v_app;
END
$$;

-- Moves one of the caller's applications (withdraw, restore).
CREATE OR REPLACE FUNCTION bq.application_move(p_account uuid, p_sid uuid, p_id uuid,
    p_action text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v_to bq.application_status;
	v_last timestamptz;
BEGIN
	v_app := bq.application_locked(p_account, p_sid, p_id);
	IF v_app.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF p_action = 'withdraw' THEN
		v_to := 'archived';
		IF v_app.status IN ('archived', 'enrolled') THEN
			RAISE EXCEPTION 'not withdrawable' USING ERRCODE = 'BQ409',
			    COLUMN = 'id', HINT = 'not_withdrawable';
		END IF;
	ELSE
		v_to := 'queued';
		IF v_app.status <> 'suspended' OR v_app.restored_at IS NOT NULL THEN
			RAISE EXCEPTION 'not restorable' USING ERRCODE = 'BQ409',
			    COLUMN = 'id', HINT = 'not_restorable';
		END IF;
		SELECT max(at) INTO v_last FROM bq.application_event
		WHERE application_id = p_id AND to_status = 'suspended';
		IF v_last < now() - make_interval(days => bq.setting('restore_days')) THEN
			RAISE EXCEPTION 'restore window closed' USING ERRCODE = 'BQ409',
			    COLUMN = 'id', HINT = 'deadline_passed';
		END IF;
	END IF;
	PERFORM bq.set_actor(p_account, p_action);
	UPDATE bq.application SET status = v_to,
	    restored_at = CASE WHEN p_action = 'restore' THEN now()
		ELSE restored_at END
	WHERE id = p_id RETURNING * INTO v_app;
	IF p_action = 'withdraw' THEN
		PERFORM bq.notify(v_app, 'application_withdrawn',
		    jsonb_build_object('number', v_app.number));
	ELSE
		PERFORM bq.notify(v_app, 'application_restored',
		    jsonb_build_object('number', v_app.number,
			'position', bq.position(v_app)));
	END IF;
	PERFORM bq.log_event(p_account, 'application_' || p_action || 'n', p_sid,
	    jsonb_build_object('application_id', p_id));
	RETURN bq.application_json(v_app, p_lang);
END
$$;

-- A verifier works on the applications of the region it serves.
CREATE OR REPLACE FUNCTION bq.verifier_region(p_account uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT region_id FROM bq.account_role
	WHERE account_id = p_account AND role = 'verifier';
$$;

CREATE OR REPLACE FUNCTION bq.staff_applications(p_account uuid, p_sid uuid,
    p_status text, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'verifier');
	IF NOT coalesce(p_status, 'awaiting_verification') = ANY (
	    enum_range(NULL::bq.application_status)::text[]) THEN
		RAISE EXCEPTION 'status' USING ERRCODE = 'BQ422',
		    COLUMN = 'status', HINT = 'invalid_value';
	END IF;
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(bq.application_json(a, p_lang)
		ORDER BY a.filed_at, a.seq)
	    FROM bq.application a
	    WHERE a.queue_region = bq.verifier_region(p_account)
	      AND a.queue_type = 'special'
	      AND a.status::text = coalesce(p_status, 'awaiting_verification')),
	    '[]'));
END
$$;

-- The verifier's decision on a special-queue application of its region.
CREATE OR REPLACE FUNCTION bq.application_decide(p_account uuid, p_sid uuid, p_id uuid,
    p_confirm boolean, p_reason text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'verifier');
	SELECT * INTO v_app FROM bq.application a
	WHERE a.id = p_id AND a.queue_type = 'special'
	  AND a.queue_region = bq.verifier_region(p_account)
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF v_app.status <> 'awaiting_verification' THEN
		RAISE EXCEPTION 'decided already' USING ERRCODE = 'BQ409',
		    COLUMN = 'id', HINT = 'decided_already';
	END IF;
	PERFORM bq.set_actor(p_account, CASE WHEN p_confirm THEN 'confirmed'
	    ELSE p_reason END);
	IF p_confirm THEN
		UPDATE bq.application SET status = 'queued' WHERE id = p_id
		RETURNING * INTO v_app;
		PERFORM bq.notify(v_app, 'application_confirmed',
		    jsonb_build_object('position', bq.position(v_app)));
	ELSE
		UPDATE bq.application SET status = 'rejected' WHERE id = p_id;
		PERFORM bq.set_actor(p_account, 'rejected: archived');
		UPDATE bq.application SET status = 'archived' WHERE id = p_id
		RETURNING * INTO v_app;
		PERFORM bq.notify(v_app, 'application_rejected',
		    jsonb_build_object('name', bq.account_name(p_account),
			'reason', p_reason));
	END IF;
	PERFORM bq.log_event(p_account, CASE WHEN p_confirm
	    THEN 'application_confirmed' ELSE 'application_rejected' END, p_sid,
	    jsonb_build_object('application_id', p_id));
	RETURN bq.application_json(v_app, p_lang);
END
$$;

-- A queue for everyone to see, without names: each application's
-- position, number, filing time and priority kind, in order, paged by
-- position.
CREATE OR REPLACE FUNCTION bq.queue_public(p_region uuid, p_queue text, p_year integer,
    p_correction text, p_after integer, p_limit integer)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_region uuid := bq.top_region(p_region);
BEGIN
	IF v_region IS NULL THEN
		RAISE EXCEPTION 'region' USING ERRCODE = 'BQ422',
		    COLUMN = 'region_id', HINT = 'invalid_value';
	END IF;
	IF p_queue = 'special' AND p_correction IS NULL THEN
		RAISE EXCEPTION 'correction type' USING ERRCODE = 'BQ422',
		    COLUMN = 'correction_type', HINT = 'required';
	END IF;
	IF p_correction IS NOT NULL AND (p_queue <> 'special'
	    OR NOT bq.ref_valid('correction_type', p_correction)) THEN
		RAISE EXCEPTION 'correction type' USING ERRCODE = 'BQ422',
		    COLUMN = 'correction_type', HINT = 'invalid_value';
	END IF;
	RETURN (
	WITH q AS (
		SELECT a.number, a.filed_at, a.rank,
		    row_number() OVER (PARTITION BY a.rank
			ORDER BY a.filed_at, a.seq)::integer AS i
		FROM bq.application a
		WHERE a.status = 'queued' AND a.queue_region = v_region
		  AND a.queue_type = p_queue
		  AND a.queue_correction = coalesce(p_correction, '')
		  AND a.birth_year = p_year),
	sizes AS (SELECT count(*) FILTER (WHERE rank = 0)::integer AS e,
		count(*) FILTER (WHERE rank = 1)::integer AS p,
		count(*) FILTER (WHERE rank = 2)::integer AS o FROM q),
	placed AS (SELECT q.*, bq.position_of(q.rank, q.i, s.e, s.p, s.o) AS pos
		FROM q, sizes s),
	page AS (SELECT * FROM placed WHERE pos > coalesce(p_after, 0)
		ORDER BY pos LIMIT p_limit + 1)
	SELECT json_build_object(
	    'items', coalesce((SELECT json_agg(json_build_object(
		'position', pos, 'number', number, 'filed_at', filed_at,
		'priority', CASE rank WHEN 0 THEN 'extraordinary'
		    WHEN 1 THEN 'priority' END) ORDER BY pos)
		FROM (SELECT * FROM page ORDER BY pos LIMIT p_limit) x), '[]'),
	    'next_cursor', CASE WHEN (SELECT count(*) FROM page) > p_limit
		THEN (SELECT max(pos) FROM (SELECT pos FROM page ORDER BY pos
		    LIMIT p_limit) y)::text END));
END
$$;

CREATE OR REPLACE FUNCTION bq.notifications(p_account uuid, p_sid uuid, p_cursor bigint,
    p_limit integer, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_items json;
	v_last bigint;
	v_count integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT json_agg(json_build_object('id', n.id, 'at', n.at,
		'kind', n.kind, 'text', bq.notification_text(n, p_lang),
		'read', n.read_at IS NOT NULL,
		'link', n.link, 'deliveries', bq.notification_deliveries(n.id))
		ORDER BY n.seq DESC), min(n.seq), count(*)
	INTO v_items, v_last, v_count
	FROM (SELECT * FROM bq.notification WHERE account_id = p_account
	    AND (p_cursor IS NULL OR seq < p_cursor)
	    ORDER BY seq DESC LIMIT p_limit) n;
	RETURN json_build_object('items', coalesce(v_items, '[]'),
	    'next_cursor', CASE WHEN v_count = p_limit AND EXISTS (
		SELECT 1 FROM bq.notification WHERE account_id = p_account
		  AND seq < v_last) THEN v_last::text END);
END
$$;

CREATE OR REPLACE FUNCTION bq.notifications_unread(p_account uuid, p_sid uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN json_build_object('count', (SELECT count(*)
	    FROM bq.notification WHERE account_id = p_account
	      AND read_at IS NULL));
END
$$;

CREATE OR REPLACE FUNCTION bq.notification_read(p_account uuid, p_sid uuid, p_id uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	UPDATE bq.notification SET read_at = coalesce(read_at, now())
	WHERE id = p_id AND account_id = p_account;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	RETURN '{}';
END
$$;

-- The 30-day span of a filing time, and where a span starts.
CREATE OR REPLACE FUNCTION bq.queue_bucket(t timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT floor(extract(epoch FROM t) / 2592000)::integer;
$$;

CREATE OR REPLACE FUNCTION bq.queue_bucket_start(b integer) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT to_timestamp(b::double precision * 2592000);
$$;

-- The counts of a region's partitions recomputed from its applications:
-- for a bulk load that ran with triggers off (tests, bench/country.sql).
CREATE OR REPLACE FUNCTION bq.queue_count_rebuild(p_region uuid) RETURNS void
LANGUAGE sql AS $$
	DELETE FROM bq.queue_count WHERE queue_region = p_region;
	INSERT INTO bq.queue_count
	SELECT queue_region, queue_type, queue_correction, birth_year, rank,
	    bq.queue_bucket(filed_at), count(*)
	FROM bq.application
	WHERE status = 'queued' AND queue_region = p_region
	GROUP BY 1, 2, 3, 4, 5, 6;
$$;

-- Joining or leaving the queue moves its count by one; so does a rank
-- moved while queued (a claim proved, expired or found false).  Once a
-- statement, the moves summed per count (counted_old, counted_new: the
-- rows before and after), the counts taken in their key's order so two
-- statements never wait on each other crosswise.  A count only falls
-- where it was kept (n >= 0 holds it true).
CREATE OR REPLACE FUNCTION bq.queue_recount() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO bq.queue_count AS c
		SELECT queue_region, queue_type, queue_correction, birth_year,
		    rank, bq.queue_bucket(filed_at), count(*)
		FROM counted_new WHERE status = 'queued'
		GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
		ON CONFLICT (queue_region, queue_type, queue_correction,
		    birth_year, rank, bucket) DO UPDATE SET n = c.n + EXCLUDED.n;
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' THEN
		UPDATE bq.queue_count c SET n = c.n - d.n
		FROM (SELECT queue_region, queue_type, queue_correction,
		    birth_year, rank, bq.queue_bucket(filed_at) AS bucket,
		    count(*)::integer AS n
		    FROM counted_old WHERE status = 'queued'
		    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6) d
		WHERE (c.queue_region, c.queue_type, c.queue_correction,
		    c.birth_year, c.rank, c.bucket) = (d.queue_region,
		    d.queue_type, d.queue_correction, d.birth_year, d.rank,
		    d.bucket);
		RETURN NULL;
	END IF;
	WITH moves AS (
		SELECT queue_region, queue_type, queue_correction, birth_year,
		    rank, bq.queue_bucket(filed_at) AS bucket, -1 AS n
		FROM counted_old WHERE status = 'queued'
		UNION ALL
		SELECT queue_region, queue_type, queue_correction, birth_year,
		    rank, bq.queue_bucket(filed_at), 1
		FROM counted_new WHERE status = 'queued'),
	    net AS (
		SELECT queue_region, queue_type, queue_correction, birth_year,
		    rank, bucket, sum(n)::integer AS n
		FROM moves GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0),
	    fallen AS (
		UPDATE bq.queue_count c SET n = c.n + d.n
		FROM (SELECT * FROM net WHERE n < 0 ORDER BY 1, 2, 3, 4, 5, 6) d
		WHERE (c.queue_region, c.queue_type, c.queue_correction,
		    c.birth_year, c.rank, c.bucket) = (d.queue_region,
		    d.queue_type, d.queue_correction, d.birth_year, d.rank,
		    d.bucket)
		RETURNING 1)
	INSERT INTO bq.queue_count AS c
	SELECT * FROM net WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6
	ON CONFLICT (queue_region, queue_type, queue_correction, birth_year,
	    rank, bucket) DO UPDATE SET n = c.n + EXCLUDED.n;
	RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS application_queue_counted ON bq.application;
CREATE OR REPLACE TRIGGER queue_counted_in AFTER INSERT ON bq.application
	REFERENCING NEW TABLE AS counted_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.queue_recount();
CREATE OR REPLACE TRIGGER queue_counted AFTER UPDATE ON bq.application
	REFERENCING OLD TABLE AS counted_old NEW TABLE AS counted_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.queue_recount();
CREATE OR REPLACE TRIGGER queue_counted_out AFTER DELETE ON bq.application
	REFERENCING OLD TABLE AS counted_old
	FOR EACH STATEMENT EXECUTE FUNCTION bq.queue_recount();
DROP FUNCTION IF EXISTS bq.queue_counted();

-- What a position is keyed on is fixed at filing, but for the rank a
-- claim's proof gives or takes.
CREATE OR REPLACE FUNCTION bq.application_keys_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- The rank moves only with the claim's standing (bq.priority_move).
	IF (NEW.queue_region, NEW.queue_type, NEW.correction_type,
	    NEW.birth_year, NEW.filed_at, NEW.seq)
	    IS DISTINCT FROM (OLD.queue_region, OLD.queue_type,
	    OLD.correction_type, OLD.birth_year, OLD.filed_at, OLD.seq)
	    OR (NEW.rank <> OLD.rank
		AND NEW.priority_state IS NOT DISTINCT FROM OLD.priority_state)
	    THEN
		RAISE EXCEPTION 'the queue keys of an application are fixed'
		    USING ERRCODE = 'BQ409', COLUMN = 'id', HINT = 'immutable';
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER application_keys_fixed BEFORE UPDATE OF queue_region,
    queue_type, correction_type, birth_year, rank, filed_at, seq
	ON bq.application FOR EACH ROW
	EXECUTE FUNCTION bq.application_keys_fixed();

REVOKE EXECUTE ON FUNCTION bq.set_actor(uuid, text), bq.position(bq.application),
    bq.position_of(smallint, integer, integer, integer, integer),
    bq.age_group_for(date, date), bq.top_region(uuid),
    bq.application_audience(bq.application),
    bq.notify(bq.application, text, jsonb),
    bq.application_json(bq.application, text),
    bq.application_timeline(bq.application),
    bq.application_visible(uuid, bq.application), bq.verifier_region(uuid),
    bq.application_queued_at(), bq.applications_moved(), bq.queue_recount(),
    bq.queue_cause(bq.application, bq.application_status, text),
    bq.history_is_kept(),
    bq.application_locked(uuid, uuid, uuid)
    FROM bq_api;
