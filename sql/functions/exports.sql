-- The department's exports: a region's queue as the public sees it (plus
-- the applications' ids), a round's protocol, and the month's statements
-- of the city's kindergartens.  Each is JSON; bq.as_csv writes any of
-- them as CSV (RFC 4180) for a spreadsheet or an accounting system.

-- A document's list as CSV, the columns in the order named; NULL when
-- the document is (not found, so no row).  Strings are quoted, numbers
-- and booleans as they are, nulls empty.
CREATE OR REPLACE FUNCTION bq.as_csv(p_doc json, p_list text,
    p_columns text[])
RETURNS TABLE (bytes bytea, content_type text)
LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT convert_to(array_to_string(p_columns, ',') || E'\r\n' ||
	    coalesce((SELECT string_agg((SELECT string_agg(
		CASE WHEN json_typeof(e.item->c) IS NULL
			OR json_typeof(e.item->c) = 'null' THEN ''
		    WHEN json_typeof(e.item->c) = 'string'
			THEN bq.csv_field(e.item->>c)
		    ELSE e.item->>c END, ',' ORDER BY u.n)
		FROM unnest(p_columns) WITH ORDINALITY u (c, n)) || E'\r\n', ''
		ORDER BY e.i)
		FROM json_array_elements(p_doc->p_list) WITH ORDINALITY
		    e (item, i)), ''), 'UTF8'),
	    'text/csv; charset=utf-8'::text
	WHERE p_doc IS NOT NULL;
$$;

-- Every queued application of a city, partition by partition in queue
-- order: what GET /v1/queue shows of each (number, filing time, priority,
-- position) and its id, never a name or an IIN.
CREATE OR REPLACE FUNCTION bq.region_queue(p_admin uuid, p_sid uuid,
    p_region uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	IF NOT bq.city_in_scope(p_admin, p_region) THEN
		RETURN NULL;
	END IF;
	RETURN (
	WITH q AS (
		SELECT a.id, a.number, a.filed_at, a.rank, a.queue_type,
		    a.queue_correction, a.birth_year,
		    row_number() OVER (PARTITION BY a.queue_type,
			a.queue_correction, a.birth_year, a.rank
			ORDER BY a.filed_at, a.seq)::integer AS i
		FROM bq.application a
		WHERE a.status = 'queued' AND a.queue_region = p_region),
	sizes AS (SELECT queue_type, queue_correction, birth_year,
		count(*) FILTER (WHERE rank = 0)::integer AS e,
		count(*) FILTER (WHERE rank = 1)::integer AS p,
		count(*) FILTER (WHERE rank = 2)::integer AS o
		FROM q GROUP BY 1, 2, 3),
	placed AS (SELECT q.*, bq.position_of(q.rank, q.i, s.e, s.p, s.o)
		    AS position
		FROM q JOIN sizes s USING (queue_type, queue_correction,
		    birth_year))
	SELECT json_build_object('region_id', p_region, 'at', now(),
	    'items', coalesce(json_agg(json_build_object(
		'queue_type', q.queue_type,
		'correction_type', nullif(q.queue_correction, ''),
		'birth_year', q.birth_year,
		'position', q.position,
		'number', q.number, 'filed_at', q.filed_at,
		'priority', CASE q.rank WHEN 0 THEN 'extraordinary'
		    WHEN 1 THEN 'priority' END,
		'application_id', q.id)
		ORDER BY q.queue_type, q.queue_correction, q.birth_year,
		    q.position), '[]'))
	FROM placed q);
END
$$;

-- The month's statements of the department's kindergartens (or of one):
-- per kindergarten, the children whose parents approved the month, their
-- days attended and absent, and the children still to approve.
CREATE OR REPLACE FUNCTION bq.department_statements(p_admin uuid, p_sid uuid,
    p_month date, p_kindergarten uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_scope uuid;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	v_scope := bq.admin_region(p_admin);
	IF p_kindergarten IS NOT NULL AND NOT EXISTS (SELECT 1
	    FROM bq.kindergarten k WHERE k.id = p_kindergarten
	      AND bq.in_scope(k.region_id, v_scope)) THEN
		RETURN NULL;
	END IF;
	RETURN json_build_object('month', to_char(p_month, 'YYYY-MM'),
	    'items', coalesce((SELECT json_agg(json_build_object(
		'kindergarten_id', k.id, 'bin', k.bin, 'name', k.name_ru,
		'children', t.children, 'attended', t.attended,
		'absent', t.absent, 'pending', t.pending)
		ORDER BY k.name_ru, k.id)
		FROM bq.kindergarten k
		CROSS JOIN LATERAL (SELECT count(*) AS children,
		    coalesce(sum(r.attended), 0) AS attended,
		    coalesce(sum(r.absent), 0) AS absent,
		    bq.statement_pending(k.id, p_month) AS pending
		    FROM bq.statement_rows(k.id, p_month) r) t
		WHERE bq.in_scope(k.region_id, v_scope)
		  AND (p_kindergarten IS NULL OR k.id = p_kindergarten)
		  AND (t.children > 0 OR t.pending > 0)), '[]'));
END
$$;

