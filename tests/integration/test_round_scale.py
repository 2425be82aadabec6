"""An allocation round over a generated region of 200,000 queued
applications: it finishes, its replay matches, and an independent
implementation of the rules here, from the raw applications, gives the
same vouchers: so no place is given twice, each partition keeps its queue
order and the one-to-three rule holds."""

import hashlib
import os
import time
import uuid

import pytest

from generated import generate
from people import bearer, login, post
from queue_rules import cohort, positions

# Long: scripts/test --long (and .ci/run) runs it, the default run does not.
# Not under the sanitizers: the round is PostgreSQL's work, and the
# module's part of it runs in the plain run.
pytestmark = pytest.mark.skipif(os.environ.get("BQ_LONG") != "1"
                                or os.environ.get("BQ_SANITIZE") == "1",
                                reason="a long test: scripts/test --long, not sanitized")

N = 200_000
DEMO = "Balabaqsha-demo-2026"


def allocate(inputs, pools, seed, school_year):
    """The rules of the round, written again from docs/FLOWS.md (Queue rules)."""
    positions(inputs)
    left = {k: v for k, v in pools.items() if v > 0}
    served = {(c, g) for c, g, _ in left}

    def draw(a):
        return hashlib.sha256(f"{seed}/{a['queue_type']}/{a['birth_year']}".encode()).digest()

    order = []
    for a in inputs:
        a["age_group"] = cohort(a["birth_year"], school_year)
        if (a["correction_type"], a["age_group"]) in served:
            order.append(a)
    order.sort(key=lambda a: (a["correction_type"], a["age_group"], a["position"], draw(a)))
    result = []
    for a in order:
        for lang in a["languages"]:
            k = (a["correction_type"], a["age_group"], lang)
            if left.get(k, 0) > 0:
                left[k] -= 1
                result.append((a["number"], a["position"], a["age_group"], lang))
                break
    return result


@pytest.fixture(scope="module")
def big_region(stack):
    with stack.db() as db:
        region = str(db.execute(
            "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en) VALUES "
            "('city', %s, 'Үлкен қала', 'Большой город', 'Big city') RETURNING id",
            ("big-" + uuid.uuid4().hex[:8],)).fetchone()[0])
        took = generate(db, region, N, 7000)
        print(f"\ngenerated {N} applications in {took:.1f} s")
    return region


def test_a_round_over_200000_applications(api, stack, db, big_region):
    admin = login(api, stack, "admin", DEMO)["access_token"]
    started = time.monotonic()
    r = post(api, "/v1/admin/allocation-rounds", {"region_id": big_region}, token=admin,
             timeout=300)
    took = time.monotonic() - started
    assert r.status_code == 201, r.text
    rnd = r.json()
    print(f"round: {rnd['applications']} applications, {rnd['issued']} vouchers, "
          f"{took:.1f} s, its checks {rnd['checks_ms'] / 1000:.1f} s")
    assert rnd["applications"] == N and 0 < rnd["issued"] <= rnd["places"]

    started = time.monotonic()
    r = api.post(f"/v1/admin/allocation-rounds/{rnd['id']}/replay", headers=bearer(admin),
                 timeout=300)
    print(f"replay: {time.monotonic() - started:.1f} s")
    assert r.status_code == 200 and r.json()["matches"] is True, r.text

    # The raw applications as they were, and the pools, from the tables
    # the round read, not from what it kept.
    inputs = [dict(zip(("number", "queue_type", "correction_type", "birth_year", "rank",
                        "filed_at", "seq", "languages"), row)) for row in db.execute(
        "SELECT number, queue_type, queue_correction, birth_year, rank, filed_at, seq, "
        "languages FROM bq.application WHERE queue_region = %s", (big_region,))]
    assert len(inputs) == N
    free = {(c, g, lang): n for c, g, lang, n in db.execute(
        "SELECT coalesce(g.correction_type, ''), g.age_group, g.language, sum(g.capacity) "
        "FROM bq.kindergarten_group g JOIN bq.kindergarten k ON k.id = g.kindergarten_id "
        "WHERE k.region_id = %s GROUP BY 1, 2, 3", (big_region,))}
    expected = allocate(inputs, free, rnd["seed"], rnd["school_year"])

    proto = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin),
                    timeout=60).json()
    got = [(x["number"], x["position"], x["age_group"], x["language"])
           for x in proto["result"]]
    assert got == expected
    assert [x["order"] for x in proto["result"]] == list(range(1, len(got) + 1))

    # No place twice: one voucher per application, never more than a pool has.
    assert len({x[0] for x in got}) == len(got) == rnd["issued"]
    for pool in proto["pools"]:
        assert pool["issued"] <= pool["places"]
        assert pool["places"] == free[(pool["correction_type"] or "", pool["age_group"],
                                       pool["language"])]
    # Each partition's vouchers go down its queue in order: every
    # application passed over had no place left in its languages.
    by_number = {a["number"]: a for a in inputs}
    last = {}
    for number, position, _, _ in got:
        a = by_number[number]
        key = (a["queue_type"], a["correction_type"], a["birth_year"])
        assert position > last.get(key, 0)
        last[key] = position

    issued = db.execute(
        "SELECT count(*) FILTER (WHERE a.status = 'voucher_issued'), count(*) "
        "FROM bq.voucher v JOIN bq.application a ON a.id = v.application_id "
        "WHERE v.round_id = %s", (rnd["id"],)).fetchone()
    assert issued == (rnd["issued"], rnd["issued"])
