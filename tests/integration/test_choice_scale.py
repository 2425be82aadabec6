"""A ranked-choice round over a generated region: 50,000 applications
under --long (2,000 in the default run and under the sanitizers), each
ranking one to three of its sixty kindergartens with the first ones the most wanted, one in fifty
filed with a twin.  The round publishes; its result is stable by a check
written here from the rules, apart from both the allocation and the
round's own check; its replay from the seed gives the same result; and a
region where every family ranks one kindergarten gets from deferred
acceptance exactly what the current round's allocation gives."""

import bisect
import hashlib
import os
import time
import uuid

import pytest

from generated import generate
from people import bearer, login, post
from queue_rules import cohort, positions

# The round is PostgreSQL's work: under the sanitizers (the module built
# with ASan, scripts/test --long's second run) the small one is enough.
N = 50_000 if os.environ.get("BQ_LONG") == "1" and os.environ.get("BQ_SANITIZE") != "1" \
    else 2_000
DEMO = "Balabaqsha-demo-2026"

def make_region(stack, one_choice):
    with stack.db() as db:
        region = str(db.execute(
            "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en, ranked_choices) "
            "VALUES ('city', %s, 'Таңдау', 'Выбор', 'Choice', 3) RETURNING id",
            ("ranked-" + uuid.uuid4().hex[:8],)).fetchone()[0])
        took = generate(db, region, N, 5200 if one_choice else 5000,
                        ("big_region.sql", "ranked_choices.sql"), one=one_choice)
        print(f"\ngenerated {N} ranked applications in {took:.1f} s")
    return region


@pytest.fixture(scope="module")
def ranked_region(stack):
    return make_region(stack, one_choice=False)


@pytest.fixture(scope="module")
def one_choice_region(stack):
    return make_region(stack, one_choice=True)


def run(api, stack, region):
    admin = login(api, stack, "admin", DEMO)["access_token"]
    started = time.monotonic()
    r = post(api, "/v1/admin/allocation-rounds", {"region_id": region}, token=admin,
             timeout=600)
    assert r.status_code == 201, r.text
    rnd = r.json()
    print(f"ranked round: {rnd['applications']} applications, {rnd['issued']} placed, "
          f"{time.monotonic() - started:.1f} s, its checks {rnd['checks_ms'] / 1000:.1f} s")
    proto = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin),
                    timeout=120).json()
    return admin, rnd, proto


def blocking_units(inputs, pools, placed, seed, school_year):
    """The rules' stability, from the raw applications: units (a whole
    family group, else a child) that would take a place at a pool they
    rank above what they got, with the children placed there before them
    counted.  Returns them; none for a stable result."""
    positions(inputs)
    families = {}
    for a in inputs:
        a["age_group"] = cohort(a["birth_year"], school_year)
        a["turn"] = (a["position"], hashlib.sha256(
            f"{seed}/{a['queue_type']}/{a['birth_year']}".encode()).digest())
        if a["family"]:
            families.setdefault(a["family"], []).append(a)
    whole = {f for f, m in families.items() if len(m) > 1 and len(
        {(a["correction_type"], a["age_group"], tuple(a["languages"]), tuple(a["choices"]))
         for a in m}) == 1}
    units = {}
    for a in inputs:
        key = a["family"] if a["family"] in whole else a["number"]
        units.setdefault(key, []).append(a)
    holders = {}
    unit_of = {}
    for key, members in units.items():
        turn = max(a["turn"] for a in members)
        got = {placed.get(a["number"]) for a in members}
        assert len(got) == 1, ("a family split", key, got)
        unit_of[key] = (turn, len(members), got.pop(), members[0])
    for key, (turn, w, got, a) in unit_of.items():
        if got is not None:
            holders.setdefault(got, []).append((turn, w))
    ahead = {}
    for pool, rows in holders.items():
        rows.sort()
        sums = [0]
        for _, w in rows:
            sums.append(sums[-1] + w)
        ahead[pool] = ([t for t, _ in rows], sums)
    blocked = []
    for key, (turn, w, got, a) in unit_of.items():
        options = [(kg, a["correction_type"], a["age_group"], lang)
                   for kg in a["choices"] for lang in a["languages"]]
        if got is not None:
            assert got in options, ("placed outside its choices", key, got)
            options = options[:options.index(got)]
        for pool in options:
            places = pools.get(pool, 0)
            turns, sums = ahead.get(pool, ([], [0]))
            before = sums[bisect.bisect_left(turns, turn)]
            if places - before >= w:
                blocked.append((key, pool))
    return blocked


def raw(db, region):
    inputs = [dict(zip(("number", "queue_type", "correction_type", "birth_year", "rank",
                        "filed_at", "seq", "languages", "choices", "family"), row))
              for row in db.execute(
        "SELECT number, queue_type, queue_correction, birth_year, rank, filed_at, seq,"
        " languages, kindergarten_ids[1:r.ranked_choices], family_group_id"
        " FROM bq.application a JOIN bq.region r ON r.id = a.queue_region"
        " WHERE a.queue_region = %s AND a.status = 'queued'", (region,))]
    for a in inputs:
        a["choices"] = [str(k) for k in a["choices"]]
    pools = {(str(kg), c, g, lang): n for kg, c, g, lang, n in db.execute(
        "SELECT k.id, coalesce(g.correction_type, ''), g.age_group, g.language,"
        " sum(g.capacity) FROM bq.kindergarten_group g"
        " JOIN bq.kindergarten k ON k.id = g.kindergarten_id"
        " WHERE k.region_id = %s GROUP BY 1, 2, 3, 4", (region,))}
    return inputs, pools


def test_a_ranked_round_is_stable_and_reproducible(api, stack, db, ranked_region):
    inputs, pools = raw(db, ranked_region)
    assert len(inputs) == N
    admin, rnd, proto = run(api, stack, ranked_region)
    assert rnd["ranked"] and rnd["status"] == "published", rnd["checks"]
    assert all(c["passed"] for c in rnd["checks"]), rnd["checks"]
    stable = [c for c in rnd["checks"] if c["check"] == "stable"][0]["figures"]
    assert stable["families"] == len({a["family"] for a in inputs if a["family"]}) > 0
    assert 0 < rnd["issued"] <= rnd["places"]

    placed = {x["number"]: (x["kindergarten_id"], x["correction_type"] or "",
                            x["age_group"], x["language"]) for x in proto["result"]}
    assert len(placed) == rnd["issued"]
    started = time.monotonic()
    assert blocking_units(inputs, pools, placed, rnd["seed"], rnd["school_year"]) == []
    print(f"checked apart in {time.monotonic() - started:.1f} s")
    for pool in proto["pools"]:
        assert pool["issued"] <= pool["places"]

    # The same seed and inputs give the same result.
    r = api.post(f"/v1/admin/allocation-rounds/{rnd['id']}/replay", headers=bearer(admin),
                 timeout=600)
    assert r.status_code == 200 and r.json()["matches"] is True, r.text


def test_one_kindergarten_each_gives_the_current_round_s_result(api, stack, db,
                                                                 one_choice_region):
    admin, rnd, proto = run(api, stack, one_choice_region)
    assert rnd["status"] == "published", rnd["checks"]
    # The current round's allocation (bq.round_allocate: the queue's order,
    # each child its first choice's pools) over the same kept round.
    current = [(str(x[0]), x[1], x[2], x[3], str(x[4])) for x in db.execute(
        "SELECT ord, number, position, language, kindergarten_id"
        " FROM bq.round_allocate(%s) ORDER BY ord", (rnd["id"],))]
    got = [(str(x["order"]), x["number"], x["position"], x["language"], x["kindergarten_id"])
           for x in proto["result"]]
    assert len(got) == rnd["issued"] > 0
    assert got == current
