-- The kindergarten's daily life: attendance and its frozen months, the
-- monthly statement, menus, and support's answers to feedback.

-- A child enrolled in a group now: its seat is taken and not released.
-- Whether the child attends the group on the day: an enrolled seat in it,
-- from its signed contract's start date (the seat's own day when no
-- contract made it) and before the seat was released (the child left).
CREATE OR REPLACE FUNCTION bq.enrolled_on(p_child uuid, p_group uuid, p_day date)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.seat s
	    LEFT JOIN bq.enrolment e ON e.seat_id = s.id
	    LEFT JOIN bq.contract c ON c.enrolment_id = e.id AND c.status = 'signed'
	    WHERE s.child_id = p_child AND s.group_id = p_group
	      AND s.kind = 'enrolled'
	      AND p_day >= coalesce(c.start_date,
		  (s.created_at AT TIME ZONE 'Asia/Almaty')::date)
	      AND (s.released_at IS NULL
		OR p_day < (s.released_at AT TIME ZONE 'Asia/Almaty')::date));
$$;

CREATE OR REPLACE FUNCTION bq.attendance_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1
	    FROM bq.attendance_month m WHERE m.child_id = OLD.child_id
	      AND m.month = date_trunc('month', OLD.day)::date) THEN
		RAISE EXCEPTION 'the month is approved' USING ERRCODE = 'BQ409',
		    COLUMN = 'date', HINT = 'approved';
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1
	    FROM bq.attendance_month m WHERE m.child_id = NEW.child_id
	      AND m.month = date_trunc('month', NEW.day)::date) THEN
		RAISE EXCEPTION 'the month is approved' USING ERRCODE = 'BQ409',
		    COLUMN = 'date', HINT = 'approved';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER attendance_frozen BEFORE INSERT OR UPDATE OR DELETE
	ON bq.attendance FOR EACH ROW EXECUTE FUNCTION bq.attendance_frozen();

-- An approval stands (a child's deletion takes it along).
CREATE OR REPLACE TRIGGER attendance_month_kept BEFORE UPDATE OR DELETE
	ON bq.attendance_month FOR EACH ROW
	EXECUTE FUNCTION bq.history_is_kept();

CREATE OR REPLACE FUNCTION bq.today() RETURNS date
LANGUAGE sql STABLE AS $$
	SELECT (now() AT TIME ZONE 'Asia/Almaty')::date;
$$;

-- A group's sheet for a day: every child enrolled in it, marked or not.
CREATE OR REPLACE FUNCTION bq.group_day_json(p_group uuid, p_day date) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('group_id', p_group, 'date', p_day,
	    'items', coalesce(json_agg(json_build_object(
		'child', json_build_object('id', c.id, 'surname', c.surname,
		    'first_name', c.first_name),
		'present', a.present, 'reason', a.reason,
		'approved', EXISTS (SELECT 1 FROM bq.attendance_month m
		    WHERE m.child_id = c.id
		      AND m.month = date_trunc('month', p_day)::date))
		ORDER BY c.surname, c.first_name, c.id), '[]'))
	FROM bq.seat s
	JOIN bq.child c ON c.id = s.child_id
	LEFT JOIN bq.attendance a ON a.child_id = c.id AND a.day = p_day
	WHERE s.group_id = p_group AND s.kind = 'enrolled'
	  AND s.released_at IS NULL;
$$;

-- Staff mark a day of one of their groups: p_marks is
-- [{child_id, present, reason}], checked in shape by the service.
CREATE OR REPLACE FUNCTION bq.attendance_mark(p_account uuid, p_sid uuid, p_group uuid,
    p_day date, p_marks jsonb)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	g bq.kindergarten_group;
	v_mark jsonb;
	v_i integer := 0;
	v_child uuid;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	SELECT * INTO g FROM bq.kindergarten_group
	WHERE id = p_group AND kindergarten_id = bq.staff_kindergarten(p_account);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF p_day > bq.today() THEN
		RAISE EXCEPTION 'a day to come' USING ERRCODE = 'BQ422',
		    COLUMN = 'date', HINT = 'out_of_range';
	END IF;
	FOR v_mark IN SELECT * FROM jsonb_array_elements(p_marks) LOOP
		v_child := (v_mark->>'child_id')::uuid;
		IF NOT bq.enrolled_on(v_child, p_group, p_day) THEN
			-- In the group, but not on that day (before its start, after
			-- it left), or never in it.
			RAISE EXCEPTION 'not enrolled here' USING ERRCODE = 'BQ422',
			    COLUMN = '[' || v_i || '].child_id',
			    HINT = CASE WHEN EXISTS (SELECT 1 FROM bq.seat s
				WHERE s.child_id = v_child AND s.group_id = p_group
				  AND s.kind = 'enrolled')
				THEN 'not_enrolled_then' ELSE 'invalid_value' END;
		END IF;
		-- No one attends on a day off: only an absence (with its
		-- reason) may be recorded there.
		IF (v_mark->>'present')::boolean AND NOT bq.is_working_day(p_day) THEN
			RAISE EXCEPTION 'a day off' USING ERRCODE = 'BQ422',
			    COLUMN = '[' || v_i || '].present',
			    HINT = 'not_working_day';
		END IF;
		INSERT INTO bq.attendance (child_id, day, group_id,
		    kindergarten_id, present, reason, marked_by)
		VALUES (v_child, p_day, p_group, g.kindergarten_id,
		    (v_mark->>'present')::boolean, v_mark->>'reason', p_account)
		ON CONFLICT (child_id, day) DO UPDATE SET
		    group_id = excluded.group_id,
		    kindergarten_id = excluded.kindergarten_id,
		    present = excluded.present, reason = excluded.reason,
		    marked_by = excluded.marked_by, marked_at = now();
		v_i := v_i + 1;
	END LOOP;
	PERFORM bq.log_event(p_account, 'attendance_marked', p_sid,
	    jsonb_build_object('group_id', p_group, 'date', p_day,
		'children', v_i));
	RETURN bq.group_day_json(p_group, p_day);
END
$$;

-- The staff's read of a group's day.
CREATE OR REPLACE FUNCTION bq.attendance_group_day(p_account uuid, p_sid uuid,
    p_group uuid, p_day date)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	PERFORM 1 FROM bq.kindergarten_group
	WHERE id = p_group AND kindergarten_id = bq.staff_kindergarten(p_account);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	RETURN bq.group_day_json(p_group, p_day);
END
$$;

-- A child's month: each marked day, the totals, the approval.
CREATE OR REPLACE FUNCTION bq.attendance_month_json(p_child uuid, p_month date)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('child_id', p_child,
	    'month', to_char(p_month, 'YYYY-MM'),
	    'days', coalesce((SELECT json_agg(json_build_object('date', a.day,
		'present', a.present, 'reason', a.reason,
		'kindergarten_id', a.kindergarten_id) ORDER BY a.day)
		FROM bq.attendance a WHERE a.child_id = p_child
		  AND a.day >= p_month
		  AND a.day < (p_month + interval '1 month')::date), '[]'),
	    'totals', (SELECT json_build_object(
		'present', count(*) FILTER (WHERE a.present),
		'absent', count(*) FILTER (WHERE NOT a.present),
		'illness', count(*) FILTER (WHERE a.reason = 'illness'),
		'leave', count(*) FILTER (WHERE a.reason = 'leave'),
		'other', count(*) FILTER (WHERE a.reason = 'other'))
		FROM bq.attendance a WHERE a.child_id = p_child
		  AND a.day >= p_month
		  AND a.day < (p_month + interval '1 month')::date),
	    'approved_at', (SELECT m.approved_at FROM bq.attendance_month m
		WHERE m.child_id = p_child AND m.month = p_month));
$$;

CREATE OR REPLACE FUNCTION bq.attendance_child(p_account uuid, p_sid uuid,
    p_child uuid, p_month date)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child) IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN bq.attendance_month_json(p_child, p_month);
END
$$;

-- The parent (or a trustee) approves a month that has ended: from then on
-- nobody changes it.
CREATE OR REPLACE FUNCTION bq.attendance_approve(p_account uuid, p_sid uuid,
    p_child uuid, p_month date)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child) IS NULL THEN
		RETURN NULL;
	END IF;
	IF p_month >= date_trunc('month', bq.today())::date THEN
		RAISE EXCEPTION 'the month has not ended' USING ERRCODE = 'BQ422',
		    COLUMN = 'month', HINT = 'out_of_range';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM bq.attendance a WHERE a.child_id = p_child
	    AND a.day >= p_month AND a.day < (p_month + interval '1 month')::date)
	THEN
		RAISE EXCEPTION 'nothing to approve' USING ERRCODE = 'BQ409',
		    COLUMN = 'month', HINT = 'not_ready';
	END IF;
	BEGIN
		INSERT INTO bq.attendance_month (child_id, month, approved_by)
		VALUES (p_child, p_month, p_account);
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION 'approved already' USING ERRCODE = 'BQ409',
		    COLUMN = 'month', HINT = 'approved';
	END;
	PERFORM bq.log_event(p_account, 'attendance_approved', p_sid,
	    jsonb_build_object('child_id', p_child,
		'month', to_char(p_month, 'YYYY-MM')));
	RETURN bq.attendance_month_json(p_child, p_month);
END
$$;

-- The month's statement of a kindergarten: attended days per child in
-- the months their parents approved, what the voucher pays on.
CREATE OR REPLACE FUNCTION bq.statement_rows(p_kindergarten uuid, p_month date)
RETURNS TABLE (child_id uuid, surname text, first_name text, iin text,
    attended integer, absent integer, approved_at timestamptz)
LANGUAGE sql STABLE AS $$
	SELECT c.id, c.surname, c.first_name, c.iin,
	    count(*) FILTER (WHERE a.present)::integer,
	    count(*) FILTER (WHERE NOT a.present)::integer, m.approved_at
	FROM bq.attendance a
	JOIN bq.child c ON c.id = a.child_id
	JOIN bq.attendance_month m ON m.child_id = a.child_id
	    AND m.month = p_month
	WHERE a.kindergarten_id = p_kindergarten AND a.day >= p_month
	  AND a.day < (p_month + interval '1 month')::date
	GROUP BY c.id, c.surname, c.first_name, c.iin, m.approved_at;
$$;

-- The children with days marked in the month whose parents have not
-- approved it yet: the statement does not count them.
CREATE OR REPLACE FUNCTION bq.statement_pending(p_kindergarten uuid,
    p_month date)
RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT count(DISTINCT a.child_id) FROM bq.attendance a
	WHERE a.kindergarten_id = p_kindergarten AND a.day >= p_month
	  AND a.day < (p_month + interval '1 month')::date
	  AND NOT EXISTS (SELECT 1 FROM bq.attendance_month m
	      WHERE m.child_id = a.child_id AND m.month = p_month);
$$;

CREATE OR REPLACE FUNCTION bq.statement(p_account uuid, p_sid uuid, p_month date)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_kg uuid;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	v_kg := bq.staff_kindergarten(p_account);
	RETURN json_build_object('kindergarten_id', v_kg,
	    'month', to_char(p_month, 'YYYY-MM'),
	    'items', coalesce((SELECT json_agg(json_build_object(
		'child', json_build_object('id', r.child_id,
		    'surname', r.surname, 'first_name', r.first_name),
		'attended', r.attended, 'absent', r.absent,
		'approved_at', r.approved_at)
		ORDER BY r.surname, r.first_name, r.child_id)
		FROM bq.statement_rows(v_kg, p_month) r), '[]'),
	    'attended', (SELECT coalesce(sum(r.attended), 0)
		FROM bq.statement_rows(v_kg, p_month) r),
	    'pending', bq.statement_pending(v_kg, p_month));
END
$$;

-- The same as CSV (RFC 4180), for the accounting system.
CREATE OR REPLACE FUNCTION bq.csv_field(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT '"' || replace(p, '"', '""') || '"';
$$;

CREATE OR REPLACE FUNCTION bq.statement_csv(p_account uuid, p_sid uuid, p_month date)
RETURNS TABLE (bytes bytea, content_type text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_kg uuid;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	v_kg := bq.staff_kindergarten(p_account);
	RETURN QUERY SELECT convert_to(
	    'month,kindergarten_bin,child_id,iin,surname,first_name,attended,absent,approved_at'
	    || E'\r\n' || coalesce((SELECT string_agg(concat_ws(',',
		to_char(p_month, 'YYYY-MM'), k.bin, r.child_id, r.iin,
		bq.csv_field(r.surname), bq.csv_field(r.first_name),
		r.attended, r.absent,
		to_char(r.approved_at AT TIME ZONE 'UTC',
		    'YYYY-MM-DD"T"HH24:MI:SS"Z"')) || E'\r\n', ''
		ORDER BY r.surname, r.first_name, r.child_id)
		FROM bq.statement_rows(v_kg, p_month) r), ''), 'UTF8'),
	    'text/csv; charset=utf-8'::text
	FROM bq.kindergarten k WHERE k.id = v_kg;
END
$$;

-- p_meals: [{meal, dishes: [{name_kk, name_ru, calories, allergens}]}],
-- its shape checked by the service; the meals known and each once.
CREATE OR REPLACE FUNCTION bq.menu_put(p_account uuid, p_sid uuid, p_day date,
    p_meals jsonb)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_kg uuid;
	v_meal jsonb;
	v_i integer := 0;
	v_seen text[] := '{}';
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	v_kg := bq.staff_kindergarten(p_account);
	FOR v_meal IN SELECT * FROM jsonb_array_elements(p_meals) LOOP
		IF NOT v_meal->>'meal' = ANY (ARRAY['breakfast', 'lunch',
		    'snack', 'dinner']) OR v_meal->>'meal' = ANY (v_seen) THEN
			RAISE EXCEPTION 'meal' USING ERRCODE = 'BQ422',
			    COLUMN = 'meals[' || v_i || '].meal',
			    HINT = 'invalid_value';
		END IF;
		v_seen := v_seen || (v_meal->>'meal');
		v_i := v_i + 1;
	END LOOP;
	INSERT INTO bq.menu (kindergarten_id, day, meals, updated_by)
	VALUES (v_kg, p_day, p_meals, p_account)
	ON CONFLICT (kindergarten_id, day) DO UPDATE SET meals = excluded.meals,
	    updated_at = now(), updated_by = excluded.updated_by;
	PERFORM bq.log_event(p_account, 'menu_published', p_sid,
	    jsonb_build_object('date', p_day));
	RETURN bq.menu_json(v_kg, p_day);
END
$$;

-- The meals in their order of the day.
CREATE OR REPLACE FUNCTION bq.menu_json(p_kindergarten uuid, p_day date) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('kindergarten_id', p_kindergarten,
	    'date', p_day,
	    'meals', coalesce((SELECT json_agg(x.meal ORDER BY array_position(
		ARRAY['breakfast', 'lunch', 'snack', 'dinner'], x.meal->>'meal'))
		FROM bq.menu m, jsonb_array_elements(m.meals) x (meal)
		WHERE m.kindergarten_id = p_kindergarten AND m.day = p_day),
		'[]'),
	    'updated_at', (SELECT m.updated_at FROM bq.menu m
		WHERE m.kindergarten_id = p_kindergarten AND m.day = p_day));
$$;

-- What the child's kindergarten serves on a day: the kindergarten where
-- the child is enrolled (none: no meals).
CREATE OR REPLACE FUNCTION bq.menu_child(p_account uuid, p_sid uuid, p_child uuid,
    p_day date)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_kg uuid;
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child) IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT g.kindergarten_id INTO v_kg FROM bq.seat s
	JOIN bq.kindergarten_group g ON g.id = s.group_id
	WHERE s.child_id = p_child AND s.kind = 'enrolled'
	  AND s.released_at IS NULL
	ORDER BY s.created_at DESC LIMIT 1;
	RETURN bq.menu_json(v_kg, coalesce(p_day, bq.today()));
END
$$;

-- A message from a signed-in account: its author is kept, so the answer
-- reaches its inbox.  Anonymous messages need a contact.
CREATE OR REPLACE FUNCTION bq.feedback_send(p_account uuid, p_sid uuid, p_topic text,
    p_message text, p_name text, p_email text, p_phone text,
    p_language text, p_client text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_out json;
BEGIN
	IF p_account IS NOT NULL THEN
		PERFORM bq.session_guard(p_sid, p_account);
	ELSIF p_email IS NULL AND p_phone IS NULL THEN
		RAISE EXCEPTION 'a contact' USING ERRCODE = 'BQ422',
		    COLUMN = 'email', HINT = 'required';
	END IF;
	v_out := bq.feedback_submit(p_topic, p_message, p_name, p_email,
	    p_phone, p_language, p_client);
	UPDATE bq.feedback SET author_id = p_account
	WHERE id = (v_out->>'id')::uuid;
	RETURN v_out;
END
$$;

CREATE OR REPLACE FUNCTION bq.feedback_json(f bq.feedback) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', f.id, 'created_at', f.created_at,
	    'topic', f.topic, 'message', f.message, 'name', f.name,
	    'email', f.email, 'phone', f.phone, 'language', f.language,
	    'author_id', f.author_id, 'answer', f.answer,
	    'answered_at', f.answered_at);
$$;

CREATE OR REPLACE FUNCTION bq.feedback_list(p_account uuid, p_sid uuid, p_status text,
    p_cursor bigint, p_limit integer)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_items json;
	v_last bigint;
	v_count integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'support');
	IF p_status NOT IN ('open', 'answered', 'all') THEN
		RAISE EXCEPTION 'status' USING ERRCODE = 'BQ422',
		    COLUMN = 'status', HINT = 'invalid_value';
	END IF;
	SELECT json_agg(bq.feedback_json(f) ORDER BY f.seq), max(f.seq),
	    count(*)
	INTO v_items, v_last, v_count
	FROM (SELECT * FROM bq.feedback x
	    WHERE x.seq > coalesce(p_cursor, 0)
	      AND (p_status = 'all'
		  OR (x.answered_at IS NULL) = (p_status = 'open'))
	    ORDER BY x.seq LIMIT p_limit) f;
	RETURN json_build_object('items', coalesce(v_items, '[]'),
	    'next_cursor', CASE WHEN v_count = p_limit AND EXISTS (
		SELECT 1 FROM bq.feedback x WHERE x.seq > v_last
		  AND (p_status = 'all'
		      OR (x.answered_at IS NULL) = (p_status = 'open')))
		THEN v_last::text END);
END
$$;

CREATE OR REPLACE FUNCTION bq.feedback_answer(p_account uuid, p_sid uuid, p_id uuid,
    p_answer text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	f bq.feedback;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'support');
	SELECT * INTO f FROM bq.feedback WHERE id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF f.answered_at IS NOT NULL THEN
		RAISE EXCEPTION 'answered already' USING ERRCODE = 'BQ409',
		    COLUMN = 'answer', HINT = 'taken';
	END IF;
	UPDATE bq.feedback SET answer = p_answer, answered_at = now(),
	    answered_by = p_account
	WHERE id = p_id RETURNING * INTO f;
	IF f.author_id IS NOT NULL THEN
		PERFORM bq.notify_accounts(ARRAY[f.author_id], 'feedback_answered',
		    jsonb_build_object('answer', p_answer), NULL);
	END IF;
	PERFORM bq.log_event(p_account, 'feedback_answered', p_sid,
	    jsonb_build_object('feedback_id', p_id));
	RETURN bq.feedback_json(f);
END
$$;

CREATE OR REPLACE FUNCTION bq.menu_staff(p_account uuid, p_sid uuid, p_day date)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	RETURN bq.menu_json(bq.staff_kindergarten(p_account), p_day);
END
$$;

REVOKE EXECUTE ON FUNCTION bq.enrolled_on(uuid, uuid, date), bq.attendance_frozen(),
    bq.today(), bq.group_day_json(uuid, date),
    bq.attendance_month_json(uuid, date),
    bq.statement_rows(uuid, date), bq.statement_pending(uuid, date),
    bq.csv_field(text),
    bq.menu_json(uuid, date), bq.feedback_json(bq.feedback)
    FROM bq_api;
