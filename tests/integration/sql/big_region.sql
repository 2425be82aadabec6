-- A generated region for the allocation round at scale: :n applications
-- queued (general, and 2% special), birth years 2020 to 2025, one in ten
-- priority and one in a hundred extraordinary, languages kk, ru or both,
-- and kindergartens with free places in both languages.  Parameters:
-- :region (a new top-level region's id), :owner (an account), :n, :first
-- (the children's IINs take serials :first to :first + 199, so regions
-- generated into one database are given ranges apart).
INSERT INTO bq.kindergarten (code, bin, name_kk, name_ru, name_en, region_id,
    address_kk, address_ru, lat, lon, ownership)
SELECT 'BIG-' || upper(left(:'region', 8)) || '-' || k, b || bq.check_digit(b),
    'Бала ' || k, 'Сад ' || k, 'Kindergarten ' || k, :'region',
    'Көше ' || k, 'Улица ' || k, 43.2 + k / 1000.0, 76.9, 'state'
FROM (SELECT k, lpad((hashtext(:'region' || k) & 2147483647)::text, 11, '0')
	AS b FROM generate_series(1, 60) k) x
WHERE bq.check_digit(b) IS NOT NULL;

INSERT INTO bq.kindergarten_group (kindergarten_id, name, age_group, language,
    correction_type, capacity)
SELECT k.id, a.code || ' ' || l, a.code, l, c, 6 + (hashtext(k.code || a.code || l) & 7)
FROM bq.kindergarten k
CROSS JOIN (SELECT code FROM bq.reference WHERE list = 'age_group') a
CROSS JOIN (VALUES ('kk'), ('ru')) v (l)
CROSS JOIN (VALUES (NULL), ('speech')) w (c)
WHERE k.region_id = :'region' AND (c IS NULL OR hashtext(k.code) % 10 = 0);

INSERT INTO bq.document (owner_id, kind, content_type, size, sha256, bytes)
VALUES (:'owner', 'pmpk', 'application/pdf', 5, sha256('%PDF-'), '%PDF-');

CREATE TEMPORARY TABLE big_child ON COMMIT DROP AS
SELECT d || bq.check_digit(d) AS iin, day
FROM (SELECT day, to_char(day, 'YYMMDD') || '6' || lpad(s::text, 4, '0') AS d
      FROM generate_series(date '2020-01-01', date '2025-12-31',
	  interval '1 day') day,
	   generate_series(:first, :first + 199) s) x
WHERE bq.check_digit(d) IS NOT NULL
ORDER BY hashtext(d) LIMIT :n;

INSERT INTO bq.child (iin, owner_id, surname, first_name, birth_date, sex)
SELECT iin, :'owner', 'Test', 'Child', day, 'female' FROM big_child;

INSERT INTO bq.application (seq, number, child_id, filed_by, queue_type,
    region_id, queue_region, languages, rank, priority_category,
    priority_state, correction_type, pmpk_document_id, birth_year, status, filed_at)
SELECT nextval('bq.application_seq'), 'BIG-' || left(:'region', 8) || '-' || n,
    c.id, :'owner', CASE WHEN n % 50 = 7 THEN 'special' ELSE 'general' END,
    :'region', :'region',
    CASE n % 4 WHEN 0 THEN '{kk}' WHEN 1 THEN '{ru}' WHEN 2 THEN '{kk,ru}'
	ELSE '{ru,kk}' END::text[],
    CASE WHEN n % 100 = 0 THEN 0 WHEN n % 10 = 0 THEN 1 ELSE 2 END,
    CASE WHEN n % 100 = 0 THEN 'military' WHEN n % 10 = 0 THEN 'large_family' END,
    CASE WHEN n % 10 = 0 THEN 'confirmed' END,
    CASE WHEN n % 50 = 7 THEN 'speech' END,
    CASE WHEN n % 50 = 7 THEN (SELECT id FROM bq.document WHERE owner_id = :'owner'
	ORDER BY created_at DESC LIMIT 1) END,
    extract(year FROM c.birth_date)::integer, 'queued',
    timestamp '2024-01-01' + (n * 97 % :n) * interval '1 minute'
FROM (SELECT ch.id, ch.birth_date, row_number() OVER (ORDER BY ch.iin) AS n
      FROM bq.child ch JOIN big_child b USING (iin)) c;
