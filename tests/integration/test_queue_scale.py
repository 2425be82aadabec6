"""A position read on a partition of 100,000 applications: one range scan
of the queue index (shown with EXPLAIN), and the right answer."""

import json
import uuid

import pytest

N = 100_000


def expected_position(rank, i, e, p, o):
    if rank == 0:
        return i
    if rank == 1:
        return e + (i - 1) + min(3 * (i - 1), o) + 1
    return e + min((i + 2) // 3, p) + (i - 1) + 1


@pytest.fixture
def big_partition(db):
    region = db.execute(
        "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en) VALUES "
        "('city', %s, 'Үлкен қала', 'Большой город', 'Big city') RETURNING id",
        ("big-" + uuid.uuid4().hex[:8],)).fetchone()[0]
    owner = db.execute("SELECT id FROM bq.account WHERE login = 'admin'").fetchone()[0]
    db.execute("ALTER TABLE bq.application DISABLE TRIGGER USER")
    try:
        # Valid IINs of 2021 births (century digit 6), never used elsewhere.
        db.execute("""
            INSERT INTO bq.child (iin, owner_id, surname, first_name, birth_date, sex)
            SELECT d || bq.check_digit(d), %s, 'Test', 'Child', day, 'female'
            FROM (SELECT day, to_char(day, 'YYMMDD') || '6' || lpad(s::text, 4, '0') AS d
                  FROM generate_series(date '2021-01-01', date '2021-12-31',
                                       interval '1 day') day,
                       generate_series(9000, 9299) s) x
            WHERE bq.check_digit(d) IS NOT NULL
            LIMIT %s""", (owner, N))
        db.execute("""
            INSERT INTO bq.application (seq, number, child_id, filed_by, queue_type,
                region_id, queue_region, languages, rank, birth_year, status, filed_at)
            SELECT nextval('bq.application_seq'), 'BIG-' || n, c.id, %s, 'general',
                %s, %s, '{kk}', CASE WHEN n %% 100 = 0 THEN 0
                                     WHEN n %% 10 = 0 THEN 1 ELSE 2 END,
                2021, 'queued', timestamp '2024-01-01' + n * interval '1 minute'
            FROM (SELECT id, row_number() OVER (ORDER BY iin) n FROM bq.child
                  WHERE iin LIKE '21____69%%' AND owner_id = %s) c""",
                   (owner, region, region, owner))
        # Loaded with the triggers off: the partition's counts from the rows.
        db.execute("SELECT bq.queue_count_rebuild(%s)", (region,))
        db.execute("VACUUM (ANALYZE) bq.application")
        yield str(region)
    finally:
        db.execute("DELETE FROM bq.application WHERE queue_region = %s", (region,))
        db.execute("SELECT bq.queue_count_rebuild(%s)", (region,))
        db.execute("DELETE FROM bq.child WHERE iin LIKE '21____69%%' AND owner_id = %s",
                   (owner,))
        db.execute("ALTER TABLE bq.application ENABLE TRIGGER USER")
        db.execute("DELETE FROM bq.region WHERE id = %s", (region,))


def test_a_position_is_one_index_range_scan(db, big_partition):
    rows = db.execute("SELECT count(*), count(*) FILTER (WHERE rank = 0), "
                      "count(*) FILTER (WHERE rank = 1) FROM bq.application "
                      "WHERE queue_region = %s", (big_partition,)).fetchone()
    assert rows[0] == N
    e, p, o = rows[1], rows[2], N - rows[1] - rows[2]
    # The 77,777th filed: an ordinary child; its place by the rule.
    app, seq, rank, filed = db.execute(
        "SELECT id, seq, rank, filed_at FROM bq.application WHERE number = 'BIG-77777'"
    ).fetchone()
    i = db.execute("SELECT count(*) + 1 FROM bq.application WHERE queue_region = %s "
                   "AND rank = %s AND (filed_at, seq) < (%s, %s)",
                   (big_partition, rank, filed, seq)).fetchone()[0]
    got = db.execute("SELECT bq.position(a) FROM bq.application a WHERE id = %s",
                     (app,)).fetchone()[0]
    assert got == expected_position(rank, i, e, p, o)

    # The statement bq.position runs, with its values and its settings.
    db.execute("SET enable_seqscan = off")
    db.execute("SET enable_bitmapscan = off")
    db.execute("SET max_parallel_workers_per_gather = 0")
    plan = db.execute("""
        EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
        SELECT count(*) FILTER (WHERE q.rank = 0), count(*) FILTER (WHERE q.rank = 1),
               count(*) FILTER (WHERE q.rank = 2),
               count(*) FILTER (WHERE q.rank = %s AND (q.filed_at, q.seq) < (%s, %s))
        FROM bq.application q
        WHERE q.status = 'queued' AND q.queue_region = %s AND q.queue_type = 'general'
          AND q.queue_correction = '' AND q.birth_year = 2021""",
                      (rank, filed, seq, big_partition)).fetchone()[0][0]["Plan"]
    nodes = []

    def walk(n):
        nodes.append(n)
        for child in n.get("Plans", []):
            walk(child)
    walk(plan)
    scans = [n for n in nodes if "Scan" in n["Node Type"]]
    assert [n["Node Type"] for n in scans] == ["Index Only Scan"], \
        json.dumps(plan, indent=1)
    assert scans[0]["Index Name"] == "application_queue"
    assert not any(n["Node Type"] in ("Sort", "Seq Scan", "Hash") for n in nodes)
    print("\nposition read on", N, "applications:", plan["Actual Total Time"], "ms,",
          plan.get("Shared Hit Blocks", 0) + plan.get("Shared Read Blocks", 0), "buffers")
