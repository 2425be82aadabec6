-- The catalogue: regions and localities, the reference lists of the rules,
-- kindergartens and their groups, and the seats that fill the groups.
-- Free places are always capacity minus the seats taken, counted when read:
-- never stored twice, so never out of step.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The check digit an IIN and a BIN share (weights 1..11, then 3..11,1,2;
-- 10 twice means no valid number has these first eleven digits).
CREATE FUNCTION bq.check_digit(p text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	WITH d AS (SELECT i, substr(p, i, 1)::integer AS v
	    FROM generate_series(1, 11) i),
	s AS (SELECT sum(v * i) % 11 AS a,
		sum(v * CASE WHEN i <= 9 THEN i + 2 ELSE i - 9 END) % 11 AS b
	    FROM d)
	SELECT CASE WHEN a <> 10 THEN a WHEN b <> 10 THEN b END FROM s;
$$;

CREATE FUNCTION bq.iin_valid(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p ~ '^[0-9]{12}$'
	    AND bq.check_digit(p) IS NOT DISTINCT FROM substr(p, 12, 1)::integer;
$$;

CREATE TABLE bq.region (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	parent_id uuid REFERENCES bq.region,
	kind text NOT NULL CHECK (kind IN ('region', 'city', 'district')),
	code text NOT NULL UNIQUE,
	name_kk text NOT NULL,
	name_ru text NOT NULL,
	name_en text NOT NULL,
	sort integer NOT NULL DEFAULT 0
);

-- The lists the rules speak of, with their names in the three languages.
CREATE TABLE bq.reference (
	list text NOT NULL CHECK (list IN ('queue_type', 'language',
	    'age_group', 'priority_category', 'correction_type', 'ownership',
	    'document_kind')),
	code text NOT NULL,
	name_kk text NOT NULL,
	name_ru text NOT NULL,
	name_en text NOT NULL,
	-- priority_category: extraordinary (ahead of all) or priority.
	kind text CHECK (kind IN ('extraordinary', 'priority')),
	-- age_group: the ages, in months, the group takes.
	min_months integer,
	max_months integer,
	sort integer NOT NULL,
	PRIMARY KEY (list, code),
	CHECK ((list = 'priority_category') = (kind IS NOT NULL)),
	CHECK ((list = 'age_group') = (min_months IS NOT NULL
	    AND max_months IS NOT NULL))
);

INSERT INTO bq.reference (list, code, name_kk, name_ru, name_en, kind,
    min_months, max_months, sort) VALUES
	('queue_type', 'general', 'Жалпы білім беру кезегі',
	    'Общеобразовательная очередь', 'General queue', NULL, NULL, NULL, 1),
	('queue_type', 'special', 'Арнайы бағыттағы кезек',
	    'Очередь специализированной направленности',
	    'Special (correctional) queue', NULL, NULL, NULL, 2),
	('language', 'kk', 'Қазақ тілі', 'Казахский язык', 'Kazakh',
	    NULL, NULL, NULL, 1),
	('language', 'ru', 'Орыс тілі', 'Русский язык', 'Russian',
	    NULL, NULL, NULL, 2),
	('age_group', 'nursery', 'Бөбекжай тобы (1–2 жас)',
	    'Ясельная группа (1–2 года)', 'Nursery (1–2 years)',
	    NULL, 12, 24, 1),
	('age_group', 'junior', 'Кіші топ (2–3 жас)',
	    'Младшая группа (2–3 года)', 'Junior group (2–3 years)',
	    NULL, 24, 36, 2),
	('age_group', 'middle', 'Ортаңғы топ (3–4 жас)',
	    'Средняя группа (3–4 года)', 'Middle group (3–4 years)',
	    NULL, 36, 48, 3),
	('age_group', 'senior', 'Ересек топ (4–5 жас)',
	    'Старшая группа (4–5 лет)', 'Senior group (4–5 years)',
	    NULL, 48, 60, 4),
	('age_group', 'preschool', 'Мектепалды даярлық тобы (5–6 жас)',
	    'Предшкольная группа (5–6 лет)', 'Pre-school group (5–6 years)',
	    NULL, 60, 84, 5),
	('priority_category', 'military', 'Әскери қызметшілердің балалары',
	    'Дети военнослужащих', 'Children of military personnel',
	    'extraordinary', NULL, NULL, 1),
	('priority_category', 'special_state_bodies',
	    'Арнаулы мемлекеттік органдар қызметкерлерінің балалары',
	    'Дети сотрудников специальных государственных органов',
	    'Children of employees of special state bodies',
	    'extraordinary', NULL, NULL, 2),
	('priority_category', 'fallen_in_service',
	    'Қызмет кезінде қаза тапқан немесе хабар-ошарсыз кеткендердің балалары',
	    'Дети погибших или пропавших без вести при исполнении служебных обязанностей',
	    'Children of those who died or went missing in service',
	    'extraordinary', NULL, NULL, 3),
	('priority_category', 'disabled_parent',
	    'Заңды өкілдері мүгедектігі бар адамдар болып табылатын балалар',
	    'Дети, законные представители которых являются лицами с инвалидностью',
	    'Children whose legal representatives have a disability',
	    'priority', NULL, NULL, 4),
	('priority_category', 'orphan',
	    'Жетім балалар және ата-анасының қамқорлығынсыз қалған балалар',
	    'Дети-сироты и дети, оставшиеся без попечения родителей',
	    'Orphans and children left without parental care',
	    'priority', NULL, NULL, 5),
	('priority_category', 'large_family', 'Көпбалалы отбасылардың балалары',
	    'Дети из многодетных семей', 'Children from large families',
	    'priority', NULL, NULL, 6),
	('priority_category', 'special_needs',
	    'Ерекше білім берілуіне қажеттілігі бар балалар',
	    'Дети с особыми образовательными потребностями',
	    'Children with special educational needs', 'priority', NULL, NULL, 7),
	('priority_category', 'teacher', 'Педагогтердің балалары (Алматы)',
	    'Дети педагогов (Алматы)', 'Children of teachers (Almaty)',
	    'priority', NULL, NULL, 8),
	('correction_type', 'speech', 'Сөйлеу тілінің ауыр бұзылыстары',
	    'Тяжёлые нарушения речи', 'Severe speech disorders',
	    NULL, NULL, NULL, 1),
	('correction_type', 'hearing', 'Есту қабілетінің бұзылуы',
	    'Нарушения слуха', 'Hearing impairment', NULL, NULL, NULL, 2),
	('correction_type', 'vision', 'Көру қабілетінің бұзылуы',
	    'Нарушения зрения', 'Visual impairment', NULL, NULL, NULL, 3),
	('correction_type', 'intellectual', 'Зияткерлік бұзылыстар',
	    'Нарушения интеллекта', 'Intellectual disabilities',
	    NULL, NULL, NULL, 4),
	('correction_type', 'developmental_delay', 'Психикалық дамудың тежелуі',
	    'Задержка психического развития', 'Delayed mental development',
	    NULL, NULL, NULL, 5),
	('correction_type', 'musculoskeletal', 'Тірек-қимыл аппаратының бұзылуы',
	    'Нарушения опорно-двигательного аппарата',
	    'Musculoskeletal disorders', NULL, NULL, NULL, 6),
	('correction_type', 'autism', 'Аутистік спектр бұзылыстары',
	    'Расстройства аутистического спектра', 'Autism spectrum disorders',
	    NULL, NULL, NULL, 7),
	('correction_type', 'tuberculosis',
	    'Туберкулезбен ауыратын балаларға арналған санаторлық топ',
	    'Санаторная группа для детей, инфицированных туберкулёзом',
	    'Sanatorium group (tuberculosis infection)', NULL, NULL, NULL, 8),
	('ownership', 'state', 'Мемлекеттік', 'Государственный', 'State',
	    NULL, NULL, NULL, 1),
	('ownership', 'private', 'Жекеменшік', 'Частный', 'Private',
	    NULL, NULL, NULL, 2),
	('document_kind', 'pmpk', 'ПМПК қорытындысы', 'Заключение ПМПК',
	    'PMPK conclusion', NULL, NULL, NULL, 1),
	('document_kind', 'form_027u', '027/у нысанындағы анықтама',
	    'Справка по форме 027/у', 'Certificate, form 027/u',
	    NULL, NULL, NULL, 2),
	('document_kind', 'birth_certificate', 'Туу туралы куәлік',
	    'Свидетельство о рождении', 'Birth certificate', NULL, NULL, NULL, 3),
	('document_kind', 'parent_id', 'Ата-ананың жеке куәлігі',
	    'Удостоверение личности родителя', 'Parent''s identity card',
	    NULL, NULL, NULL, 4),
	('document_kind', 'form_052_2u',
	    '052-2/у нысаны (баланың денсаулық паспорты)',
	    'Форма 052-2/у (паспорт здоровья ребёнка)',
	    'Form 052-2/u (child health passport)', NULL, NULL, NULL, 5),
	('document_kind', 'form_065u', '065/у нысаны (екпе картасы)',
	    'Форма 065/у (карта профилактических прививок)',
	    'Form 065/u (vaccination card)', NULL, NULL, NULL, 6),
	('document_kind', 'priority_proof',
	    'Басым құқықты растайтын құжат',
	    'Документ, подтверждающий право на приоритет',
	    'Proof of a priority right', NULL, NULL, NULL, 7),
	('document_kind', 'other', 'Басқа құжат', 'Другой документ',
	    'Other document', NULL, NULL, NULL, 8);

CREATE FUNCTION bq.ref_valid(p_list text, p_code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.reference
	    WHERE list = p_list AND code = p_code);
$$;

CREATE FUNCTION bq.ref_name(p_list text, p_code text, p_lang text)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE p_lang WHEN 'ru' THEN name_ru WHEN 'en' THEN name_en
	    ELSE name_kk END
	FROM bq.reference WHERE list = p_list AND code = p_code;
$$;

CREATE TABLE bq.kindergarten (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	-- The education department's registry number; the default order.
	code text NOT NULL UNIQUE,
	bin text NOT NULL UNIQUE CHECK (bq.iin_valid(bin)),
	name_kk text NOT NULL,
	name_ru text NOT NULL,
	name_en text NOT NULL,
	region_id uuid NOT NULL REFERENCES bq.region,
	address_kk text NOT NULL,
	address_ru text NOT NULL,
	lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
	lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
	ownership text NOT NULL,
	phone text,
	email text,
	website text,
	hours text,
	-- For q: every name and address, lower case.
	search text GENERATED ALWAYS AS (lower(name_kk || ' ' || name_ru ||
	    ' ' || name_en || ' ' || address_kk || ' ' || address_ru)) STORED
);
CREATE INDEX kindergarten_region ON bq.kindergarten (region_id);
CREATE INDEX kindergarten_search ON bq.kindergarten
	USING gin (search gin_trgm_ops);

CREATE TABLE bq.kindergarten_group (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten
		ON DELETE CASCADE,
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	age_group text NOT NULL,
	language text NOT NULL CHECK (language IN ('kk', 'ru')),
	correction_type text,
	capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 60),
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kindergarten_group_kindergarten
	ON bq.kindergarten_group (kindergarten_id);

-- A taken place: a child enrolled (or placed before the portal kept
-- records: child_id NULL), or a place held for a voucher while its
-- contract is made.  A seat is taken while released_at is NULL and, for
-- a hold, until held_until.
CREATE TABLE bq.seat (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	group_id uuid NOT NULL REFERENCES bq.kindergarten_group,
	kind text NOT NULL CHECK (kind IN ('enrolled', 'held')),
	child_id uuid,
	created_at timestamptz NOT NULL DEFAULT now(),
	held_until timestamptz,
	released_at timestamptz,
	CHECK ((kind = 'held') = (held_until IS NOT NULL))
);
CREATE INDEX seat_taken ON bq.seat (group_id)
	WHERE released_at IS NULL;

CREATE FUNCTION bq.group_taken(p_group uuid) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT count(*)::integer FROM bq.seat s
	WHERE s.group_id = p_group AND s.released_at IS NULL
	  AND (s.kind = 'enrolled' OR s.held_until > now());
$$;

-- Reference rows must name codes that exist: checked by trigger, since a
-- foreign key cannot point into one list of a shared table.
CREATE FUNCTION bq.kindergarten_refs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'kindergarten' THEN
		IF NOT bq.ref_valid('ownership', NEW.ownership) THEN
			RAISE EXCEPTION 'ownership %', NEW.ownership
			    USING ERRCODE = 'BQ422', COLUMN = 'ownership',
			    HINT = 'invalid_value';
		END IF;
	ELSE
		IF NOT bq.ref_valid('age_group', NEW.age_group) THEN
			RAISE EXCEPTION 'age group %', NEW.age_group
			    USING ERRCODE = 'BQ422', COLUMN = 'age_group',
			    HINT = 'invalid_value';
		END IF;
		IF NEW.correction_type IS NOT NULL
		    AND NOT bq.ref_valid('correction_type', NEW.correction_type) THEN
			RAISE EXCEPTION 'correction type %', NEW.correction_type
			    USING ERRCODE = 'BQ422', COLUMN = 'correction_type',
			    HINT = 'invalid_value';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER kindergarten_refs BEFORE INSERT OR UPDATE ON bq.kindergarten
	FOR EACH ROW EXECUTE FUNCTION bq.kindergarten_refs();
CREATE TRIGGER kindergarten_group_refs BEFORE INSERT OR UPDATE
	ON bq.kindergarten_group
	FOR EACH ROW EXECUTE FUNCTION bq.kindergarten_refs();

-- Now staff can name their kindergarten.
ALTER TABLE bq.account_role ADD FOREIGN KEY (kindergarten_id)
	REFERENCES bq.kindergarten;

CREATE FUNCTION bq.name_in(p_kk text, p_ru text, p_en text, p_lang text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_lang WHEN 'ru' THEN p_ru WHEN 'en' THEN p_en ELSE p_kk END;
$$;

CREATE FUNCTION bq.regions(p_lang text) RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('items', coalesce(json_agg(json_build_object(
	    'id', r.id, 'code', r.code, 'kind', r.kind,
	    'name', bq.name_in(r.name_kk, r.name_ru, r.name_en, p_lang),
	    'localities', (SELECT coalesce(json_agg(json_build_object(
		'id', l.id, 'code', l.code, 'kind', l.kind,
		'name', bq.name_in(l.name_kk, l.name_ru, l.name_en, p_lang))
		ORDER BY l.sort, l.code), '[]')
		FROM bq.region l WHERE l.parent_id = r.id))
	    ORDER BY r.sort, r.code), '[]'))
	FROM bq.region r WHERE r.parent_id IS NULL;
$$;

CREATE FUNCTION bq.reference_lists() RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_object_agg(CASE list WHEN 'priority_category'
	    THEN 'priority_categories' ELSE list || 's' END, items)
	FROM (SELECT list, json_agg(json_strip_nulls(json_build_object(
		'code', code,
		'name', json_build_object('kk', name_kk, 'ru', name_ru,
		    'en', name_en),
		'kind', kind, 'min_months', min_months,
		'max_months', max_months)) ORDER BY sort) AS items
	    FROM bq.reference GROUP BY list) l;
$$;

CREATE FUNCTION bq.group_json(g bq.kindergarten_group) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', g.id, 'name', g.name,
	    'age_group', g.age_group, 'language', g.language,
	    'correction_type', g.correction_type, 'capacity', g.capacity,
	    'free_places', greatest(g.capacity - bq.group_taken(g.id), 0));
$$;

-- Distance in metres on a sphere (haversine): exact enough inside a city
-- and the same for the same inputs, which keyset paging needs.
CREATE FUNCTION bq.distance_m(lat1 double precision, lon1 double precision,
    lat2 double precision, lon2 double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
	SELECT 2 * 6371008.8 * asin(sqrt(
	    power(sin(radians(lat2 - lat1) / 2), 2) +
	    cos(radians(lat1)) * cos(radians(lat2)) *
	    power(sin(radians(lon2 - lon1) / 2), 2)));
$$;

-- The catalogue.  Group filters (language, age group, correction type,
-- free places) hold for one and the same group: a Russian group for
-- four-year-olds with a free place, not a Russian group somewhere and a
-- free place somewhere else.  Paged by keyset on (code), or on
-- (distance, code) with near; the cursor is that key.
CREATE FUNCTION bq.kindergartens(p_region uuid, p_language text,
    p_age_group text, p_correction text, p_free boolean, p_q text,
    p_lat double precision, p_lon double precision, p_cursor text,
    p_limit integer, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_near boolean := p_lat IS NOT NULL;
	v_after_d double precision;
	v_after_code text;
BEGIN
	IF p_language IS NOT NULL AND NOT bq.ref_valid('language', p_language) THEN
		RAISE EXCEPTION 'language' USING ERRCODE = 'BQ422',
		    COLUMN = 'language', HINT = 'invalid_value';
	END IF;
	IF p_age_group IS NOT NULL AND NOT bq.ref_valid('age_group', p_age_group) THEN
		RAISE EXCEPTION 'age group' USING ERRCODE = 'BQ422',
		    COLUMN = 'age_group', HINT = 'invalid_value';
	END IF;
	IF p_correction IS NOT NULL
	    AND NOT bq.ref_valid('correction_type', p_correction) THEN
		RAISE EXCEPTION 'correction type' USING ERRCODE = 'BQ422',
		    COLUMN = 'correction_type', HINT = 'invalid_value';
	END IF;
	IF p_cursor IS NOT NULL THEN
		BEGIN
			IF v_near THEN
				v_after_d := split_part(p_cursor, '|', 1)::double precision;
				v_after_code := split_part(p_cursor, '|', 2);
			ELSE
				v_after_code := p_cursor;
			END IF;
		EXCEPTION WHEN invalid_text_representation THEN
			v_after_code := NULL;
		END;
		IF v_after_code IS NULL OR v_after_code !~ '^[A-Z0-9-]{1,32}$' THEN
			RAISE EXCEPTION 'cursor' USING ERRCODE = 'BQ422',
			    COLUMN = 'cursor', HINT = 'invalid_value';
		END IF;
	END IF;

	RETURN (
	WITH matched AS (
		SELECT k.id, k.code, k.d,
		    row_number() OVER (ORDER BY k.d, k.code) AS n
		FROM (SELECT k.*, CASE WHEN v_near THEN
			bq.distance_m(p_lat, p_lon, k.lat, k.lon) END AS d
		    FROM bq.kindergarten k) k
		WHERE (p_region IS NULL OR k.region_id = p_region
		    OR k.region_id IN (SELECT r.id FROM bq.region r
			WHERE r.parent_id = p_region))
		  AND (p_q IS NULL OR k.search LIKE
		      '%' || replace(replace(replace(lower(p_q), '\', '\\'),
			  '%', '\%'), '_', '\_') || '%')
		  AND (p_language IS NULL AND p_age_group IS NULL
		      AND p_correction IS NULL AND p_free IS NULL
		      OR EXISTS (SELECT 1 FROM bq.kindergarten_group g
			  WHERE g.kindergarten_id = k.id
			    AND (p_language IS NULL OR g.language = p_language)
			    AND (p_age_group IS NULL OR g.age_group = p_age_group)
			    AND (p_correction IS NULL
				OR g.correction_type = p_correction)
			    AND (p_free IS NULL OR
				(g.capacity > bq.group_taken(g.id)) = p_free)))
		  AND (v_after_code IS NULL OR CASE WHEN v_near
		      THEN (k.d, k.code) > (v_after_d, v_after_code)
		      ELSE k.code > v_after_code END)
		ORDER BY k.d, k.code
		LIMIT p_limit + 1)
	SELECT json_build_object(
	    'items', coalesce((SELECT json_agg(bq.kindergarten_item(k, m.d,
		p_lang) ORDER BY m.n) FROM matched m
		JOIN bq.kindergarten k ON k.id = m.id
		WHERE m.n <= p_limit), '[]'),
	    'next_cursor', (SELECT CASE WHEN v_near
		THEN m.d::text || '|' || m.code ELSE m.code END
		FROM matched m WHERE m.n = p_limit
		  AND EXISTS (SELECT 1 FROM matched x WHERE x.n > p_limit))));
END
$$;

CREATE FUNCTION bq.kindergarten_item(k bq.kindergarten,
    p_distance double precision, p_lang text)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', k.id, 'code', k.code,
	    'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang),
	    'address', CASE p_lang WHEN 'ru' THEN k.address_ru
		ELSE k.address_kk END,
	    'region_id', k.region_id,
	    'location', json_build_object('lat', k.lat, 'lon', k.lon),
	    'ownership', k.ownership,
	    'languages', (SELECT coalesce(json_agg(DISTINCT g.language ORDER BY g.language), '[]')
		FROM bq.kindergarten_group g WHERE g.kindergarten_id = k.id),
	    'age_groups', (SELECT coalesce(json_agg(DISTINCT g.age_group ORDER BY g.age_group), '[]')
		FROM bq.kindergarten_group g WHERE g.kindergarten_id = k.id),
	    'correction_types', (SELECT coalesce(json_agg(DISTINCT
		g.correction_type ORDER BY g.correction_type), '[]') FROM bq.kindergarten_group g
		WHERE g.kindergarten_id = k.id AND g.correction_type IS NOT NULL),
	    'free_places', (SELECT coalesce(sum(greatest(g.capacity -
		bq.group_taken(g.id), 0)), 0) FROM bq.kindergarten_group g
		WHERE g.kindergarten_id = k.id),
	    'phone', k.phone,
	    'distance_m', CASE WHEN p_distance IS NOT NULL
		THEN round(p_distance)::bigint END);
$$;

CREATE FUNCTION bq.kindergarten_card(p_id uuid, p_lang text) RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('id', k.id, 'code', k.code, 'bin', k.bin,
	    'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang),
	    'names', json_build_object('kk', k.name_kk, 'ru', k.name_ru,
		'en', k.name_en),
	    'address', CASE p_lang WHEN 'ru' THEN k.address_ru
		ELSE k.address_kk END,
	    'region', json_build_object('id', r.id, 'code', r.code,
		'name', bq.name_in(r.name_kk, r.name_ru, r.name_en, p_lang)),
	    'location', json_build_object('lat', k.lat, 'lon', k.lon),
	    'ownership', k.ownership,
	    'contacts', json_build_object('phone', k.phone, 'email', k.email,
		'website', k.website),
	    'hours', k.hours,
	    'languages', (SELECT coalesce(json_agg(DISTINCT g.language ORDER BY g.language), '[]')
		FROM bq.kindergarten_group g WHERE g.kindergarten_id = k.id),
	    'groups', (SELECT coalesce(json_agg(bq.group_json(g)
		ORDER BY g.age_group, g.language, g.name), '[]')
		FROM bq.kindergarten_group g WHERE g.kindergarten_id = k.id),
	    'free_places', (SELECT coalesce(sum(greatest(g.capacity -
		bq.group_taken(g.id), 0)), 0) FROM bq.kindergarten_group g
		WHERE g.kindergarten_id = k.id))
	FROM bq.kindergarten k JOIN bq.region r ON r.id = k.region_id
	WHERE k.id = p_id;
$$;

-- Staff change their own kindergarten's groups; another kindergarten's
-- group is not found.  Capacity cannot fall below the seats taken.
CREATE FUNCTION bq.group_update(p_account uuid, p_sid uuid, p_group uuid,
    p_patch jsonb)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_group bq.kindergarten_group;
	v_taken integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	SELECT g.* INTO v_group FROM bq.kindergarten_group g
	JOIN bq.account_role r ON r.kindergarten_id = g.kindergarten_id
	WHERE g.id = p_group AND r.account_id = p_account
	  AND r.role = 'kindergarten_staff'
	FOR UPDATE OF g;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	v_taken := bq.group_taken(p_group);
	IF p_patch ? 'capacity' AND (p_patch->>'capacity')::integer < v_taken THEN
		RAISE EXCEPTION 'capacity below taken seats'
		    USING ERRCODE = 'BQ409', COLUMN = 'capacity',
		    HINT = 'below_taken';
	END IF;
	UPDATE bq.kindergarten_group SET
	    capacity = coalesce((p_patch->>'capacity')::integer, capacity),
	    name = coalesce(p_patch->>'name', name),
	    age_group = coalesce(p_patch->>'age_group', age_group),
	    language = coalesce(p_patch->>'language', language),
	    correction_type = CASE WHEN p_patch ? 'correction_type'
		THEN p_patch->>'correction_type' ELSE correction_type END,
	    updated_at = now()
	WHERE id = p_group
	RETURNING * INTO v_group;
	PERFORM bq.log_event(p_account, 'group_updated', p_sid,
	    jsonb_build_object('group_id', p_group, 'fields',
		(SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(p_patch) k)));
	RETURN bq.group_json(v_group);
END
$$;

REVOKE EXECUTE ON FUNCTION bq.check_digit(text), bq.iin_valid(text),
    bq.ref_valid(text, text), bq.ref_name(text, text, text),
    bq.group_taken(uuid), bq.kindergarten_refs(),
    bq.name_in(text, text, text, text), bq.group_json(bq.kindergarten_group),
    bq.distance_m(double precision, double precision, double precision,
	double precision),
    bq.kindergarten_item(bq.kindergarten, double precision, text)
    FROM bq_api;
