-- A position's history in rows a parent can read: the moves of one
-- transaction with one cause (an allocation round's vouchers, a bulk
-- archive) are one row, its change their sum and its position the one
-- after them, where before each departure was a row of its own (after
-- one round of Almaty in bench/run's country, the last queued there had
-- 1,613 rows, 172 kB; now 2 rows, 237 bytes).  The log keeps each entry
-- and now records its transaction to group them by; entries written
-- before this have none and stay rows of their own.

ALTER TABLE bq.queue_log ADD COLUMN xact xid8;
ALTER TABLE bq.queue_log ALTER COLUMN xact SET DEFAULT pg_current_xact_id();

CREATE OR REPLACE FUNCTION bq.position_history(p_account uuid, p_sid uuid, p_id uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v_log record;
	v_set record;
	v_in boolean := false;
	v_e integer := 0;
	v_p integer := 0;
	v_o integer := 0;
	v_ahead integer := 0;
	v_pos integer;
	v_last integer;
	v_rows json[] := '{}';
	v_delta integer;
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
		IF v_log.application_id = v_app.id THEN
			v_in := v_log.joined;
		ELSE
			IF v_log.rank = 0 THEN v_e := v_e + v_delta;
			ELSIF v_log.rank = 1 THEN v_p := v_p + v_delta;
			ELSE v_o := v_o + v_delta; END IF;
			IF v_log.rank = v_app.rank
			    AND (v_log.filed_at, v_log.seq) < (v_app.filed_at, v_app.seq) THEN
				v_ahead := v_ahead + v_delta;
			END IF;
		END IF;
		IF NOT v_in THEN
			IF v_log.application_id = v_app.id AND v_last IS NOT NULL THEN
				v_rows := v_rows || json_build_object('at', v_log.at,
				    'position', NULL, 'change', NULL,
				    'cause', v_log.cause);
				v_last := NULL;
				v_row_xact := NULL;
			END IF;
			CONTINUE;
		END IF;
		-- The counts above exclude the application itself.
		v_pos := bq.position_of(v_app.rank, v_ahead + 1,
		    v_e + CASE WHEN v_app.rank = 0 THEN 1 ELSE 0 END,
		    v_p + CASE WHEN v_app.rank = 1 THEN 1 ELSE 0 END,
		    v_o + CASE WHEN v_app.rank = 2 THEN 1 ELSE 0 END);
		IF v_last IS DISTINCT FROM v_pos THEN
			IF v_log.application_id <> v_app.id
			    AND v_log.xact = v_row_xact
			    AND v_log.cause = v_row_cause THEN
				-- The same move as the row before (one round,
				-- one statement): that row, grown.
				v_rows[cardinality(v_rows)] := json_build_object(
				    'at', v_log.at, 'position', v_pos,
				    'change', v_pos - v_row_from,
				    'cause', v_log.cause);
			ELSE
				v_rows := v_rows || json_build_object('at', v_log.at,
				    'position', v_pos,
				    'change', CASE WHEN v_last IS NULL THEN NULL
					ELSE v_pos - v_last END,
				    'cause', CASE WHEN v_log.application_id = v_app.id
					THEN 'queued' ELSE v_log.cause END);
				v_row_from := v_last;
				v_row_xact := CASE WHEN v_log.application_id <> v_app.id
				    THEN v_log.xact END;
				v_row_cause := v_log.cause;
			END IF;
			v_last := v_pos;
		END IF;
	END LOOP;
	RETURN json_build_object('items', to_json(v_rows),
	    'position', bq.position(v_app));
END
$$;
