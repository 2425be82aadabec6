"""A round checks itself before it publishes.  Each test breaks the
allocation on purpose (bq.round_allocate replaced for the test by a
corrupted one, so that the round's replay repeats the fault and only the
independent checks can see it) and proves the gate refuses the round:
kept as refused with the failing checks in its report, no voucher given,
no parent told, the metric counting it."""

import contextlib
import re

import pytest

from people import Parent, bearer, login
from places import DEMO, add_kindergarten, inbox, prove, run_round, vouchers
from servers import sender_metrics

# The corruptions, each a body of the replacement allocation: the honest
# one's rows (bq.round_allocate_honest) altered as a fault would.  "x" is
# the honest result in order; "waiting" the queued inputs it passed over.
HEAD = """
CREATE OR REPLACE FUNCTION bq.round_allocate(p_round uuid)
RETURNS SETOF bq.round_result LANGUAGE plpgsql STABLE AS $f$
DECLARE
	x bq.round_result[] := ARRAY(SELECT h FROM bq.round_allocate_honest(p_round) h
	    ORDER BY h.ord);
	w bq.round_input;
	r bq.round_result;
BEGIN
	SELECT i.* INTO w FROM bq.round_input i WHERE i.round_id = p_round
	  AND i.application_id <> ALL (SELECT u.application_id FROM unnest(x) u)
	  AND i.rank = 2 ORDER BY i.filed_at, i.seq LIMIT 1;
"""
TAIL = """
END
$f$;
"""

# The first one passed over given the first holder's pool, at the end.
WAITING_GETS_FIRST_POOL = """
	r := x[1];
	r.ord := cardinality(x) + 1;
	r.application_id := w.application_id;
	r.number := w.number;
	r.rank := w.rank;
	r.position := cardinality(x) + 1;
	RETURN NEXT r;
"""

# One voucher more than the pool had: the first one passed over gets the
# first holder's pool too.
EXTRA_VOUCHER = """
	RETURN QUERY SELECT * FROM unnest(x);
""" + WAITING_GETS_FIRST_POOL

# A child skipped: the first holder dropped and the first one waiting
# given its voucher instead, at the end.
SKIPPED = """
	RETURN QUERY SELECT * FROM unnest(x[2:]);
""" + WAITING_GETS_FIRST_POOL

# Two priority children in a row where the rule says an ordinary one:
# the second place given to the next priority child, as if 1:3 were
# priority first.
PRIORITY_TWICE = """
	RETURN NEXT x[1];
	SELECT i.* INTO w FROM bq.round_input i WHERE i.round_id = p_round
	  AND i.rank = 1 AND i.application_id <> x[1].application_id
	ORDER BY i.filed_at, i.seq LIMIT 1;
	r := x[2];
	r.application_id := w.application_id;
	r.number := w.number;
	r.rank := w.rank;
	RETURN NEXT r;
	RETURN QUERY SELECT * FROM unnest(x[3:]);
"""

# A voucher for a suspended application: the last holder swapped for it.
SUSPENDED = """
	RETURN QUERY SELECT * FROM unnest(x[:cardinality(x) - 1]);
	r := x[cardinality(x)];
	SELECT a.id, a.number INTO r.application_id, r.number
	FROM bq.application a WHERE a.status = 'suspended'
	  AND a.queue_region = (SELECT region_id FROM bq.allocation_round
	    WHERE id = p_round) LIMIT 1;
	RETURN NEXT r;
"""


@contextlib.contextmanager
def corrupted(db, body):
    """bq.round_allocate replaced by BODY, the honest one kept aside and
    put back after."""
    honest = db.execute("SELECT pg_get_functiondef('bq.round_allocate(uuid)'::regprocedure)"
                        ).fetchone()[0]
    db.execute(honest.replace("FUNCTION bq.round_allocate(", "FUNCTION bq.round_allocate_honest(", 1))
    try:
        db.execute(HEAD + body + TAIL)
        yield
    finally:
        db.execute(honest)
        db.execute("DROP FUNCTION bq.round_allocate_honest(uuid)")


@pytest.fixture
def admin(api, stack):
    return login(api, stack, "admin", DEMO)["access_token"]


@pytest.fixture
def queue(api, stack, db, region):
    """Senior kk: 2 places; queued P1, O1, P2, O2, O3, O4 (positions P1,
    O1, O2, O3, P2, O4) and one suspended application."""
    add_kindergarten(db, region, [("senior", "kk", 2)])
    p = Parent(api, stack)
    apps = {}
    for name, prio in [("P1", "large_family"), ("O1", None), ("P2", "orphan"),
                       ("O2", None), ("O3", None), ("O4", None), ("S", None)]:
        r = p.file(p.child(), region, priority=prio)
        assert r.status_code == 201, r.text
        apps[name] = r.json()
    prove(api, stack, db, region, apps["P1"]["id"], apps["P2"]["id"])
    for status in ("voucher_issued", "suspended"):
        db.execute("UPDATE bq.application SET status = %s WHERE id = %s",
                   (status, apps["S"]["id"]))
    return p, apps


def refused(api, db, admin, region, p, failing):
    before = len(inbox(api, p.token))
    rnd = run_round(api, admin, region)
    assert rnd["status"] == "refused" and rnd["issued"] == 0, rnd
    failed = {c["check"] for c in rnd["checks"] if not c["passed"]}
    assert failing <= failed, rnd["checks"]
    # Nothing published: no voucher, no one told, every application queued.
    assert vouchers(api, p) == []
    assert len(inbox(api, p.token)) == before
    assert db.execute("SELECT count(*) FROM bq.voucher WHERE round_id = %s",
                      (rnd["id"],)).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM bq.application WHERE queue_region = %s "
                      "AND status = 'voucher_issued'", (region,)).fetchone()[0] == 0
    # The round is kept, with its report, public.
    proto = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin)).json()
    assert proto["status"] == "refused" and proto["checks"] == rnd["checks"]
    rep = api.get(f"/v1/allocation-rounds/{rnd['id']}/report").json()
    assert rep["status"] == "refused" and rep["checks"] == rnd["checks"]
    return rnd


def test_an_honest_round_passes_every_check_and_publishes(api, db, admin, region, queue):
    p, apps = queue
    rnd = run_round(api, admin, region)
    assert rnd["status"] == "published" and rnd["issued"] == 2
    assert all(c["passed"] for c in rnd["checks"]), rnd["checks"]
    figures = {c["check"]: c["figures"] for c in rnd["checks"]}
    assert figures["pool_places"] == {"pools": 1, "places": 2, "issued": 2, "over": 0}
    assert figures["queue_positions"] == {"checked": 2, "wrong": 0}
    assert figures["no_skip"] == {"skipped": 0, "wronged": 0}
    assert {v["application_id"] for v in vouchers(api, p)} == {
        apps["P1"]["id"], apps["O1"]["id"]}


def test_one_voucher_more_than_the_pool_had_is_refused(api, db, admin, region, queue):
    p, _ = queue
    with corrupted(db, EXTRA_VOUCHER):
        rnd = refused(api, db, admin, region, p, {"pool_places"})
    (pool,) = [c["figures"] for c in rnd["checks"] if c["check"] == "pool_places"]
    assert pool["over"] == 1 and pool["issued"] == 3
    # The replay repeats the fault: only the independent checks saw it.
    assert [c["passed"] for c in rnd["checks"] if c["check"] == "replay"] == [True]


def test_a_child_skipped_is_refused(api, db, admin, region, queue):
    p, _ = queue
    with corrupted(db, SKIPPED):
        rnd = refused(api, db, admin, region, p, {"no_skip"})
    (skip,) = [c["figures"] for c in rnd["checks"] if c["check"] == "no_skip"]
    assert skip["wronged"] == 1


def test_two_priority_children_in_a_row_against_the_rule_is_refused(api, db, admin, region,
                                                                    queue):
    p, _ = queue
    with corrupted(db, PRIORITY_TWICE):
        refused(api, db, admin, region, p, {"queue_positions", "no_skip"})


def test_a_voucher_for_a_suspended_application_is_refused(api, db, admin, region, queue):
    p, _ = queue
    with corrupted(db, SUSPENDED):
        refused(api, db, admin, region, p, {"eligible"})


def test_a_refused_round_is_counted_for_the_alert_and_the_next_honest_one_publishes(
        api, stack, db, admin, region, queue, tmp_path):
    p, apps = queue
    with corrupted(db, SUSPENDED):
        refused(api, db, admin, region, p, {"eligible"})
    prom = sender_metrics(stack, db, tmp_path)
    assert int(re.search(r"^bq_rounds_refused (\d+)$", prom, re.M).group(1)) >= 1
    rnd = run_round(api, admin, region)
    assert rnd["status"] == "published" and rnd["issued"] == 2


def test_a_report_of_an_unknown_round_is_not_found(api):
    r = api.get("/v1/allocation-rounds/00000000-0000-4000-8000-000000000000/report")
    assert r.status_code == 404
    assert api.get("/v1/allocation-rounds/nope/report").status_code == 404
