-- A country-sized database for the benchmarks, from a seed: twenty
-- top-level regions (Almaty of the demo catalogue and nineteen more) with
-- shares of the country by population, 6,000 kindergartens with their
-- groups and the seats already taken in them, 300,000 accounts (294,000
-- parents signing in by phone, 6,000 kindergarten staff), 1,020,000
-- children and 1,000,000 applications: 2% to the special queue, of which
-- a fifth still awaits verification; 1% extraordinary and 9% priority.
-- The last 20,000 children have no application yet: bench/run files
-- them.  About five minutes on two cores.
--
-- Every choice is a hash of the seed and the row's number, never
-- random(): the same seed gives the same country whatever the order the
-- server evaluates rows in.  Ids are numbered (bench.id) so that the load
-- scripts can name an account's applications without asking.
--
-- It loads as a restore does: with triggers off (session_replication_role
-- replica), so that no foreign key is checked row by row and no workflow
-- trigger fires; the applications' event rows and the queue's log are
-- written here in one pass each, as the triggers would have written
-- them, and at the end every foreign key of the loaded tables is checked
-- in one query each.  CHECK constraints and unique indexes hold as ever.
--
--     scripts/db psql -v seed=1 -f bench/country.sql
\set ON_ERROR_STOP on
\timing on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET session_replication_role = replica;

BEGIN;
CREATE SCHEMA bench;
CREATE TABLE bench.country (
	seed text NOT NULL,
	parents integer NOT NULL,
	staff integer NOT NULL,
	children integer NOT NULL,
	applications integer NOT NULL,
	kindergartens integer NOT NULL,
	generated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO bench.country (seed, parents, staff, children, applications,
    kindergartens)
VALUES (:'seed', 294000, 6000, 1020000, 1000000, 6000);
SELECT set_config('bench.seed', hashtext(:'seed')::text, false) AS seedh \gset

-- The n-th id of a kind: 1 account, 2 child, 3 application,
-- 4 kindergarten, 5 group, 6 seat, 7 document, 8 region.
CREATE FUNCTION bench.id(kind integer, n bigint) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ('00000000-0000-4' || lpad(to_hex(kind), 3, '0') || '-8000-' ||
	    lpad(to_hex(n), 12, '0'))::uuid;
$$;
-- A number in [0, 2^30) for row n and the choice salt, from the seed.
DO $$
BEGIN
	EXECUTE format('CREATE FUNCTION bench.r(n bigint, salt integer) '
	    'RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
	    format('SELECT (hashint8extended(n, salt + %s) & 1073741823)::integer',
		current_setting('bench.seed')));
END
$$;

-- A valid IIN or BIN of a prefix and a serial: the serial moved up by
-- steps until the check digit exists (it does not for about one number
-- in 121), so distinct serials under the step stay distinct numbers.
CREATE FUNCTION bench.number(p_prefix text, p_serial integer,
    p_step integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	v_d text;
	v_c integer;
BEGIN
	FOR s IN 0 .. 9 LOOP
		v_d := p_prefix || lpad((p_serial + p_step * s)::text,
		    11 - length(p_prefix), '0');
		v_c := bq.check_digit(v_d);
		IF v_c IS NOT NULL THEN
			RETURN v_d || v_c;
		END IF;
	END LOOP;
	RAISE EXCEPTION 'no check digit for %', p_prefix;
END
$$;

-- The regions, with their share of the country in thousandths.
CREATE TABLE bench.region (
	i integer PRIMARY KEY,
	id uuid NOT NULL,
	share integer NOT NULL,
	lat double precision NOT NULL,
	lon double precision NOT NULL,
	lo integer,
	hi integer
);
INSERT INTO bq.region (id, kind, code, name_kk, name_ru, name_en, sort)
SELECT bench.id(8, i), kind, code, kk, ru, en, 100 + i
FROM (VALUES
	(2, 'city', 'astana', 'Астана', 'Астана', 'Astana'),
	(3, 'city', 'shymkent', 'Шымкент', 'Шымкент', 'Shymkent'),
	(4, 'region', 'abai', 'Абай облысы', 'Область Абай', 'Abai Region'),
	(5, 'region', 'akmola', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region'),
	(6, 'region', 'aktobe', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region'),
	(7, 'region', 'almaty-region', 'Алматы облысы', 'Алматинская область', 'Almaty Region'),
	(8, 'region', 'atyrau', 'Атырау облысы', 'Атырауская область', 'Atyrau Region'),
	(9, 'region', 'east-kazakhstan', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region'),
	(10, 'region', 'jambyl', 'Жамбыл облысы', 'Жамбылская область', 'Jambyl Region'),
	(11, 'region', 'jetisu', 'Жетісу облысы', 'Область Жетісу', 'Jetisu Region'),
	(12, 'region', 'karaganda', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'),
	(13, 'region', 'kostanay', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region'),
	(14, 'region', 'kyzylorda', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region'),
	(15, 'region', 'mangystau', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region'),
	(16, 'region', 'north-kazakhstan', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region'),
	(17, 'region', 'pavlodar', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region'),
	(18, 'region', 'turkistan', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region'),
	(19, 'region', 'ulytau', 'Ұлытау облысы', 'Область Улытау', 'Ulytau Region'),
	(20, 'region', 'west-kazakhstan', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region')
) v (i, kind, code, kk, ru, en);
INSERT INTO bench.region (i, id, share, lat, lon)
SELECT v.i, bench.id(8, v.i), v.share, v.lat, v.lon
FROM (VALUES (1, 100, 43.24, 76.89), (2, 90, 51.13, 71.43),
	(3, 75, 42.32, 69.59), (4, 32, 50.41, 80.23), (5, 40, 53.28, 69.39),
	(6, 45, 50.28, 57.17), (7, 70, 43.35, 77.03), (8, 36, 47.09, 51.92),
	(9, 37, 49.95, 82.61), (10, 52, 42.90, 71.37), (11, 35, 45.02, 78.37),
	(12, 55, 49.81, 73.09), (13, 42, 53.21, 63.63), (14, 42, 44.85, 65.51),
	(15, 40, 43.65, 51.16), (16, 27, 54.87, 69.15), (17, 38, 52.29, 76.95),
	(18, 90, 43.30, 68.25), (19, 11, 47.78, 67.71), (20, 43, 51.23, 51.37)
) v (i, share, lat, lon);
UPDATE bench.region SET id = (SELECT id FROM bq.region WHERE code = 'almaty')
WHERE i = 1;
UPDATE bench.region r SET lo = c.lo, hi = c.lo + r.share
FROM (SELECT i, sum(share) OVER (ORDER BY i) - share AS lo
    FROM bench.region) c WHERE c.i = r.i;
DO $$
BEGIN
	IF (SELECT max(hi) FROM bench.region) <> 1000 THEN
		RAISE EXCEPTION 'the shares must make 1000';
	END IF;
END
$$;
-- The region of each thousandth, and Almaty's districts.
CREATE TABLE bench.choice AS
SELECT (SELECT array_agg(r.id ORDER BY t) FROM generate_series(0, 999) t
	JOIN bench.region r ON t >= r.lo AND t < r.hi) AS region,
    (SELECT array_agg(d.id ORDER BY d.code) FROM bq.region d
	JOIN bq.region a ON a.id = d.parent_id WHERE a.code = 'almaty')
	AS district;

-- Accounts: parents 1..294000 with the phone +7701nnnnnnn, staff with the
-- login staffNNNNN; all with the demo password (Balabaqsha-demo-2026).
INSERT INTO bq.account (id, phone, login, password_hash, surname, first_name,
    language, created_at, password_changed_at)
SELECT bench.id(1, n),
    CASE WHEN n <= 294000 THEN '+7701' || lpad(n::text, 7, '0') END,
    CASE WHEN n > 294000 THEN 'staff' || lpad((n - 294000)::text, 5, '0') END,
    (SELECT password_hash FROM bq.account WHERE login = 'admin'),
    (ARRAY['Ахметов', 'Сейітова', 'Иванова', 'Нұрланов', 'Ким',
	'Жұмабаева', 'Омаров', 'Петренко'])[1 + bench.r(n, 1) % 8],
    (ARRAY['Айгерім', 'Ерлан', 'Дана', 'Тимур', 'Алия', 'Бауыржан',
	'Мария', 'Асхат'])[1 + bench.r(n, 2) % 8],
    CASE WHEN bench.r(n, 3) % 3 = 0 THEN 'ru' ELSE 'kk' END::bq.language,
    timestamptz '2023-01-01' + bench.r(n, 4) % 1000 * interval '1 day',
    timestamptz '2023-01-01' + bench.r(n, 4) % 1000 * interval '1 day'
FROM generate_series(1, 300000) n;
INSERT INTO bq.account_role (account_id, role)
SELECT bench.id(1, n), 'parent' FROM generate_series(1, 294000) n;

-- Kindergartens: a region by share, a name from a list (for searches).
INSERT INTO bq.kindergarten (id, code, bin, name_kk, name_ru, name_en,
    region_id, address_kk, address_ru, lat, lon, ownership, phone)
SELECT bench.id(4, k), 'G' || lpad(k::text, 5, '0'), b.bin,
    w.kk || ' №' || k || ' балабақшасы', 'Детский сад «' || w.ru || '» №' || k,
    w.en || ' kindergarten No. ' || k,
    CASE WHEN r.i = 1 THEN (SELECT district[1 + bench.r(k, 12) % 8]
	FROM bench.choice) ELSE r.id END,
    'Көше ' || (1 + bench.r(k, 13) % 300) || ', ' || k,
    'Улица ' || (1 + bench.r(k, 13) % 300) || ', ' || k,
    r.lat + (bench.r(k, 14) % 2000 - 1000) / 10000.0,
    r.lon + (bench.r(k, 15) % 2000 - 1000) / 10000.0,
    CASE WHEN bench.r(k, 16) % 5 = 0 THEN 'private' ELSE 'state' END,
    '+7727' || lpad(k::text, 7, '0')
FROM generate_series(1, 6000) k
JOIN bench.region r ON bench.r(k, 11) % 1000 >= r.lo
    AND bench.r(k, 11) % 1000 < r.hi
CROSS JOIN LATERAL (SELECT bench.number('2001', k, 10000) AS bin) b
CROSS JOIN LATERAL (SELECT * FROM (VALUES
	(0, 'Айгөлек', 'Айгулек', 'Aigolek'), (1, 'Балдырған', 'Балдырган', 'Baldyrgan'),
	(2, 'Қызғалдақ', 'Тюльпан', 'Tulip'), (3, 'Ақбота', 'Акбота', 'Akbota'),
	(4, 'Күншуақ', 'Солнышко', 'Sunshine'), (5, 'Ертегі', 'Сказка', 'Fairy Tale'),
	(6, 'Балапан', 'Птенчик', 'Chick'), (7, 'Бөбек', 'Малыш', 'Baby'),
	(8, 'Арман', 'Мечта', 'Dream'), (9, 'Жұлдыз', 'Звёздочка', 'Star'),
	(10, 'Раушан', 'Ромашка', 'Daisy'), (11, 'Шұғыла', 'Лучик', 'Ray')
    ) v (j, kk, ru, en) WHERE j = bench.r(k, 17) % 12) w;
INSERT INTO bq.account_role (account_id, role, kindergarten_id)
SELECT bench.id(1, 294000 + k), 'kindergarten_staff', bench.id(4, k)
FROM generate_series(1, 6000) k;

-- Groups: every age group in Kazakh, in Russian in six of ten, and in
-- one in ten a correction group for the older two.  Group g of
-- kindergarten k is numbered 16 k + g.
INSERT INTO bq.kindergarten_group (id, kindergarten_id, name, age_group,
    language, correction_type, capacity)
SELECT bench.id(5, 16 * k + g.j), bench.id(4, k), g.name, g.age, g.lang,
    g.corr, CASE WHEN g.corr IS NOT NULL THEN 8 + bench.r(16 * k + g.j, 21) % 5
	WHEN g.age = 'nursery' THEN 15 + bench.r(16 * k + g.j, 21) % 6
	ELSE 20 + bench.r(16 * k + g.j, 21) % 11 END
FROM generate_series(1, 6000) k
CROSS JOIN LATERAL (SELECT j, age, lang, corr,
	age || ' ' || lang || coalesce(' ' || corr, '') AS name
    FROM (VALUES (1, 'nursery', 'kk'), (2, 'junior', 'kk'), (3, 'middle', 'kk'),
	(4, 'senior', 'kk'), (5, 'preschool', 'kk'), (6, 'nursery', 'ru'),
	(7, 'junior', 'ru'), (8, 'middle', 'ru'), (9, 'senior', 'ru'),
	(10, 'preschool', 'ru'), (11, 'senior', 'kk'), (12, 'preschool', 'kk')
    ) v (j, age, lang)
    CROSS JOIN LATERAL (SELECT CASE WHEN j > 10 THEN (ARRAY['speech',
	'speech', 'developmental_delay', 'intellectual', 'autism', 'hearing',
	'vision', 'musculoskeletal'])[1 + bench.r(k, 22) % 8] END AS corr) c
    WHERE (j <= 5) OR (j <= 10 AND bench.r(k, 23) % 10 < 6)
	OR (j > 10 AND bench.r(k, 24) % 10 = 0)) g;

-- The seats already taken: all but a free place or two in three groups
-- of ten, the places a round can give.
INSERT INTO bq.seat (id, group_id, kind, place, created_at)
SELECT bench.id(6, 100 * g.n + p), g.id, 'enrolled', p,
    timestamptz '2025-09-01'
FROM (SELECT id, ('x' || right(id::text, 12))::bit(48)::bigint AS n,
	capacity - CASE WHEN bench.r(('x' || right(id::text, 12))::bit(48)::bigint, 25)
	    % 10 < 3 THEN 1 + bench.r(('x' || right(id::text, 12))::bit(48)::bigint, 26) % 2
	    ELSE 0 END AS taken
    FROM bq.kindergarten_group WHERE id::text LIKE '00000000-0000-4005-%') g
CROSS JOIN LATERAL generate_series(1, g.taken) p;

-- Children: child c belongs to parent (c - 1) % 294000 + 1, and the
-- 20,000 without an application to parents 1 to 200, a hundred each, for
-- bench/run to file with the tokens of a few logins.  Born from
-- 2020 to 2025 (day 7919 c + seed modulo the 2,192 days, a bijection on
-- c modulo 2192), so the birth day and the serial c / 2192 name the
-- child: the IIN is unique by construction, the serial moved by
-- thousands when a check digit does not exist.
INSERT INTO bq.child (id, iin, owner_id, surname, first_name, birth_date, sex,
    created_at)
SELECT bench.id(2, c), i.iin,
    bench.id(1, CASE WHEN c <= 1000000 THEN (c - 1) % 294000 + 1
	ELSE (c - 1000001) % 200 + 1 END),
    (ARRAY['Ахметов', 'Сейітов', 'Иванов', 'Нұрланов', 'Ким', 'Жұмабаев',
	'Омаров', 'Петренко'])[1 + bench.r(c, 31) % 8]
	|| CASE WHEN d.sexd = '6' THEN 'а' ELSE '' END,
    CASE WHEN d.sexd = '6' THEN (ARRAY['Айлин', 'Медина', 'Софья', 'Аружан'])
	[1 + bench.r(c, 32) % 4]
	ELSE (ARRAY['Алихан', 'Нұрислам', 'Марк', 'Әли'])[1 + bench.r(c, 32) % 4] END,
    d.day, CASE WHEN d.sexd = '6' THEN 'female' ELSE 'male' END::bq.sex,
    d.day + 30
FROM generate_series(1, 1020000) c
CROSS JOIN LATERAL (SELECT date '2020-01-01' + ((7919::bigint * c +
	current_setting('bench.seed')::bigint) % 2192 + 2192)::integer % 2192 AS day,
    CASE WHEN bench.r(c, 33) % 2 = 0 THEN '5' ELSE '6' END AS sexd) d
CROSS JOIN LATERAL (SELECT bench.number(to_char(d.day, 'YYMMDD') || d.sexd,
	c / 2192, 1000) AS iin) i;

-- The medical-commission (PMPK) conclusion of each special application.
CREATE TABLE bench.application AS
SELECT a, (SELECT region[1 + bench.r(a, 41) % 1000] FROM bench.choice) AS queue_region,
    bench.r(a, 42) % 100 < 2 AS special,
    bench.r(a, 43) % 100 AS rankd,
    bench.r(a, 44) % 10 AS langd
FROM generate_series(1, 1000000) a;
INSERT INTO bq.document (id, owner_id, kind, content_type, size, sha256,
    bytes, created_at)
SELECT bench.id(7, a), bench.id(1, (a - 1) % 294000 + 1), 'pmpk',
    'application/pdf', 5, sha256('%PDF-'), '%PDF-', timestamptz '2024-01-01'
FROM bench.application WHERE special;

-- Applications: application a is child a's, filed some day between the
-- birth and 1 November 2026.
INSERT INTO bq.application (id, seq, number, child_id, filed_by, queue_type,
    region_id, queue_region, languages, priority_category, priority_state,
    rank, correction_type, pmpk_document_id, birth_year, status, filed_at,
    queued_at)
SELECT bench.id(3, x.a), x.a,
    'A' || to_char(x.filed_at, 'YY') || '-' || lpad(x.a::text, 7, '0'),
    bench.id(2, x.a), x.owner,
    CASE WHEN x.special THEN 'special' ELSE 'general' END,
    CASE WHEN x.queue_region = (SELECT id FROM bench.region WHERE i = 1)
	THEN (SELECT district[1 + bench.r(x.a, 45) % 8] FROM bench.choice)
	ELSE x.queue_region END,
    x.queue_region,
    (ARRAY['{kk}', '{kk}', '{kk}', '{kk}', '{kk}', '{ru}', '{ru}', '{ru}',
	'{kk,ru}', '{ru,kk}'])[1 + x.langd]::text[],
    CASE WHEN x.rankd = 0 THEN (ARRAY['military', 'special_state_bodies',
	'fallen_in_service'])[1 + bench.r(x.a, 46) % 3]
	WHEN x.rankd < 10 THEN (ARRAY['large_family', 'large_family',
	'large_family', 'disabled_parent', 'orphan'])[1 + bench.r(x.a, 46) % 5]
	END,
    CASE WHEN x.rankd < 10 THEN 'confirmed' END,
    CASE WHEN x.rankd = 0 THEN 0 WHEN x.rankd < 10 THEN 1 ELSE 2 END,
    x.corr, CASE WHEN x.special THEN bench.id(7, x.a) END,
    extract(year FROM x.birth)::integer, x.status, x.filed_at,
    CASE WHEN x.status = 'queued' THEN x.filed_at END
FROM (SELECT b.*, ch.birth_date AS birth, ch.owner_id AS owner,
	CASE WHEN b.special THEN (ARRAY['speech', 'speech',
	    'developmental_delay', 'intellectual', 'autism', 'hearing',
	    'vision', 'musculoskeletal'])[1 + bench.r(b.a, 47) % 8] END AS corr,
	CASE WHEN b.special AND bench.r(b.a, 48) % 5 = 0
	    THEN 'awaiting_verification' ELSE 'queued'
	    END::bq.application_status AS status,
	ch.birth_date + bench.r(b.a, 49) % (date '2026-11-01' - ch.birth_date)
	    + bench.r(b.a, 50) % 86400 * interval '1 second' AS filed_at
    FROM bench.application b
    JOIN bq.child ch ON ch.id = bench.id(2, b.a)) x;
SELECT setval('bq.application_seq', 1000000);

-- What the triggers would have written: the filing event of each, and
-- the queue's log of the queued, both in filing order.
INSERT INTO bq.application_event (application_id, at, actor, from_status,
    to_status, reason)
SELECT id, filed_at, filed_by, NULL, status, 'filed'
FROM bq.application WHERE id::text LIKE '00000000-0000-4003-%'
ORDER BY filed_at, seq;
INSERT INTO bq.queue_log (queue_region, queue_type, correction_type,
    birth_year, at, application_id, joined, rank, filed_at, seq, cause)
SELECT queue_region, queue_type, queue_correction, birth_year, filed_at, id,
    true, rank, filed_at, seq,
    CASE rank WHEN 0 THEN 'extraordinary_filed' WHEN 1 THEN 'priority_filed'
	ELSE 'filed' END
FROM bq.application
WHERE id::text LIKE '00000000-0000-4003-%' AND status = 'queued'
ORDER BY filed_at, seq;
DROP TABLE bench.application;
SELECT bq.queue_count_rebuild(id) FROM bench.region \g /dev/null

-- Every foreign key of the tables loaded, checked whole.
DO $$
DECLARE
	v record;
	v_bad bigint;
BEGIN
	FOR v IN SELECT c.conrelid::regclass AS t, c.confrelid::regclass AS r,
		a.attname AS col, b.attname AS ref
	    FROM pg_constraint c
	    JOIN pg_attribute a ON a.attrelid = c.conrelid
		AND a.attnum = c.conkey[1]
	    JOIN pg_attribute b ON b.attrelid = c.confrelid
		AND b.attnum = c.confkey[1]
	    WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
	      AND c.conrelid::regclass::text IN ('bq.account_role',
		'bq.kindergarten', 'bq.kindergarten_group', 'bq.seat',
		'bq.child', 'bq.document', 'bq.application',
		'bq.application_event') LOOP
		EXECUTE format('SELECT count(*) FROM %s x WHERE x.%I IS NOT NULL '
		    'AND NOT EXISTS (SELECT 1 FROM %s y WHERE y.%I = x.%I)',
		    v.t, v.col, v.r, v.ref, v.col) INTO v_bad;
		IF v_bad > 0 THEN
			RAISE EXCEPTION '% rows of % name no row of % (%)',
			    v_bad, v.t, v.r, v.col;
		END IF;
	END LOOP;
END
$$;
COMMIT;

VACUUM (ANALYZE);
