"""The queue's counts (bq.queue_count) follow every move in and out of
the queue, and the positions read from them are the rule's, whatever
the spans of filing time the applications fall in."""

import pytest

from people import Parent, bearer
from places import add_kindergarten, admin_token, prove, queue_positions, run_round


def recount_differs(db, region):
    """Rows where the kept counts and a count of the rows disagree."""
    return db.execute("""
        SELECT count(*) FROM (
            SELECT queue_region, queue_type, queue_correction, birth_year, rank,
                bq.queue_bucket(filed_at) AS bucket, count(*)::integer AS n
            FROM bq.application WHERE status = 'queued' AND queue_region = %s
            GROUP BY 1, 2, 3, 4, 5, 6) r
        FULL JOIN (SELECT * FROM bq.queue_count
                   WHERE queue_region = %s AND n > 0) c
            USING (queue_region, queue_type, queue_correction, birth_year, rank, bucket)
        WHERE r.n IS DISTINCT FROM c.n""", (region, region)).fetchone()[0]


def test_the_counts_follow_filings_departures_and_a_round(api, stack, db, region):
    admin = admin_token(api, stack)
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    apps = [p.file(p.child(), region, priority=prio).json()["id"]
            for prio in (None, "large_family", None, "military", None, None)]
    assert recount_differs(db, region) == 0
    # A claim proved moves its count from ordinary to its rank.
    prove(api, stack, db, region, apps[1], apps[3])
    assert recount_differs(db, region) == 0
    r = api.post(f"/v1/applications/{apps[2]}/withdraw", headers=bearer(p.token))
    assert r.status_code == 200
    assert recount_differs(db, region) == 0
    # Spread over spans of filing time, as a real queue is: the counts
    # rebuilt from the rows (what a bulk load does) are the same.
    db.execute("SET session_replication_role = replica")
    try:
        db.execute("UPDATE bq.application SET filed_at = filed_at - "
                   "(seq %% 5) * interval '47 days' WHERE queue_region = %s", (region,))
    finally:
        db.execute("SET session_replication_role = origin")
    db.execute("SELECT bq.queue_count_rebuild(%s)", (region,))
    assert recount_differs(db, region) == 0
    run_round(api, admin, region)
    assert recount_differs(db, region) == 0

    rows = db.execute("SELECT rank, filed_at, seq, id FROM bq.application "
                      "WHERE status = 'queued' AND queue_region = %s", (region,)).fetchall()
    want = queue_positions(rows)
    assert len(want) == 4
    got = {a: p.card(a)["queue_position"] for a in apps if a in want}
    assert got == want


def test_what_a_position_is_keyed_on_is_fixed(api, stack, db, region):
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()["id"]
    for column, value in (("rank", 0), ("filed_at", "2020-01-01"), ("birth_year", 2019)):
        with pytest.raises(Exception, match="fixed"):
            with db.transaction():
                db.execute(f"UPDATE bq.application SET {column} = %s WHERE id = %s",
                           (value, app))
    assert p.card(app)["queue_position"] == 1
