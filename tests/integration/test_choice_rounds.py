"""Ranked-choice rounds: a region's rules, families' rankings and family
groups through the API; deferred acceptance placing children in the
kindergartens they rank, siblings first where the rule says so, twins
together or not at all; the stability check; vouchers that hold their
seat on confirmation; and the routes' bad input and authorisation."""

import pytest

from people import Parent, bearer, post
from places import add_kindergarten, admin_token, run_round, vouchers
from problems import assert_problem


@pytest.fixture
def admin(api, stack):
    return admin_token(api, stack)


def rules(api, admin, region, ranked, sibling=False, status=200):
    r = api.put(f"/v1/admin/regions/{region}/allocation-rules",
                json={"ranked_choices": ranked, "sibling_priority": sibling},
                headers=bearer(admin))
    assert r.status_code == status, r.text
    return r.json()


def rank(api, parent, app, kgs, status=200):
    r = api.put(f"/v1/applications/{app}/choices", json={"kindergarten_ids": kgs},
                headers=bearer(parent.token))
    assert r.status_code == status, r.text
    return r.json()


def protocol(api, admin, rnd):
    r = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin))
    assert r.status_code == 200, r.text
    return r.json()


def placed(proto):
    return {x["number"]: x["kindergarten_id"] for x in proto["result"]}


def test_the_rules_are_the_region_s_and_the_department_s(api, stack, db, region, admin):
    r = api.get(f"/v1/admin/regions/{region}/allocation-rules", headers=bearer(admin))
    assert r.status_code == 200, r.text
    assert r.json() == {"region_id": region, "ranked_choices": 0,
                        "sibling_priority": False, "pool_vouchers_outstanding": 0}
    assert rules(api, admin, region, 2, True)["ranked_choices"] == 2
    got = api.get(f"/v1/admin/regions/{region}/allocation-rules", headers=bearer(admin))
    assert got.json()["sibling_priority"] is True

    # Bad input names its field and changes nothing.
    for body, field in [({"ranked_choices": 4, "sibling_priority": False}, "ranked_choices"),
                        ({"ranked_choices": -1, "sibling_priority": False}, "ranked_choices"),
                        ({"ranked_choices": "2", "sibling_priority": False}, "ranked_choices"),
                        ({"ranked_choices": 1}, "sibling_priority"),
                        ({"ranked_choices": 1, "sibling_priority": "yes"}, "sibling_priority")]:
        r = api.put(f"/v1/admin/regions/{region}/allocation-rules", json=body,
                    headers=bearer(admin))
        assert_problem(r, 422, "validation_failed", [field])
    assert db.execute("SELECT ranked_choices, sibling_priority FROM bq.region WHERE id = %s",
                      (region,)).fetchone() == (2, True)

    # A district, an unknown region, another city's department: not found;
    # a parent: forbidden.
    import places
    from people import city_admin
    other = places.add_city(db)
    _, theirs = city_admin(api, stack, db, admin, other)
    for token in (theirs,):
        r = api.get(f"/v1/admin/regions/{region}/allocation-rules", headers=bearer(token))
        assert_problem(r, 404, "not_found")
        r = api.put(f"/v1/admin/regions/{region}/allocation-rules",
                    json={"ranked_choices": 0, "sibling_priority": False},
                    headers=bearer(token))
        assert_problem(r, 404, "not_found")
    r = api.get("/v1/admin/regions/00000000-0000-4000-8000-000000000000/allocation-rules",
                headers=bearer(admin))
    assert_problem(r, 404, "not_found")
    p = Parent(api, stack)
    r = api.get(f"/v1/admin/regions/{region}/allocation-rules", headers=bearer(p.token))
    assert r.status_code == 403


def test_pool_vouchers_outstanding_keep_a_region_on_pool_rounds(api, stack, db, region,
                                                                 admin):
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    p.file(p.child(), region)
    run_round(api, admin, region)
    r = api.put(f"/v1/admin/regions/{region}/allocation-rules",
                json={"ranked_choices": 1, "sibling_priority": False},
                headers=bearer(admin))
    assert_problem(r, 409, "conflict", [("ranked_choices", "vouchers_outstanding")])
    assert db.execute("SELECT ranked_choices FROM bq.region WHERE id = %s",
                      (region,)).fetchone()[0] == 0


def test_a_ranked_round_places_by_choice_and_the_queue(api, stack, db, region, admin):
    k1 = add_kindergarten(db, region, [("senior", "kk", 1)])
    k2 = add_kindergarten(db, region, [("senior", "kk", 1), ("senior", "ru", 1)])
    k3 = add_kindergarten(db, region, [("senior", "kk", 2)])
    rules(api, admin, region, 2)
    p = Parent(api, stack)
    # In queue order: A ranks k1, k2; B k1, k2; C k2, k3 (ru first);
    # D k1, k3; E ranks nothing.
    apps = {}
    for name, kgs, langs in [("A", [k1, k2], ["kk"]), ("B", [k1, k2], ["kk"]),
                             ("C", [k2, k3], ["ru", "kk"]), ("D", [k1, k3, k2], ["kk"]),
                             ("E", [], ["kk"])]:
        r = p.file(p.child(), region, languages=langs, kindergarten_ids=kgs)
        assert r.status_code == 201, r.text
        apps[name] = r.json()
    rnd = run_round(api, admin, region)
    assert rnd["ranked"] is True and rnd["status"] == "published", rnd
    proto = protocol(api, admin, rnd)
    # A takes k1; B, turned from k1, takes k2's kk; C takes k2's ru; D,
    # turned from k1, takes k3 (its third choice, k2, is beyond the
    # region's two); E ranked nothing and waits.
    got = {n: placed(proto).get(a["number"]) for n, a in apps.items()}
    assert got == {"A": k1, "B": k2, "C": k2, "D": k3, "E": None}
    lang = {x["number"]: x["language"] for x in proto["result"]}
    assert lang[apps["C"]["number"]] == "ru"
    checks = {c["check"]: c for c in proto["checks"]}
    assert set(checks) == {"pool_places", "eligible", "one_voucher", "queue_positions",
                           "replay", "stable"}
    assert all(c["passed"] for c in checks.values()), checks
    assert checks["stable"]["figures"]["blocking_pairs"] == 0
    pools = {(x["kindergarten_id"], x["language"]): (x["places"], x["issued"])
             for x in proto["pools"]}
    assert pools == {(k1, "kk"): (1, 1), (k2, "kk"): (1, 1), (k2, "ru"): (1, 1),
                     (k3, "kk"): (2, 1)}
    r = api.post(f"/v1/admin/allocation-rounds/{rnd['id']}/replay", headers=bearer(admin))
    assert r.json()["matches"] is True

    # The voucher names the kindergarten; confirming it holds the seat there.
    (v,) = [v for v in vouchers(api, p) if v["application_id"] == apps["B"]["id"]]
    assert v["kindergarten_id"] == k2
    r = api.post(f"/v1/vouchers/{v['id']}/confirm", headers=bearer(p.token))
    assert r.status_code == 200, r.text
    assert p.card(apps["B"]["id"])["status"] == "awaiting_contract"
    seat = db.execute(
        "SELECT g.kindergarten_id, g.language FROM bq.enrolment e JOIN bq.kindergarten_group g"
        " ON g.id = e.group_id WHERE e.voucher_id = %s", (v["id"],)).fetchone()
    assert (str(seat[0]), seat[1]) == (k2, "kk")


def test_twins_go_together_or_not_at_all(api, stack, db, region, admin):
    k1 = add_kindergarten(db, region, [("senior", "kk", 2)])
    k2 = add_kindergarten(db, region, [("senior", "kk", 2)])
    rules(api, admin, region, 2)
    single = Parent(api, stack)
    s = single.file(single.child(), region, kindergarten_ids=[k1]).json()
    fam = Parent(api, stack)
    t1 = fam.file(fam.child("220704"), region, kindergarten_ids=[k1, k2]).json()
    t2 = fam.file(fam.child("220704"), region, kindergarten_ids=[k2]).json()
    r = post(api, "/v1/family-groups", {"application_ids": [t1["id"], t2["id"]]},
             token=fam.token)
    assert r.status_code == 201, r.text
    group = r.json()
    assert [a["id"] for a in group["applications"]] == [t1["id"], t2["id"]]
    # Both take the first one's ranking; ranking one ranks both.
    assert group["kindergarten_ids"] == [k1, k2]
    assert fam.card(t2["id"])["kindergartens"][0]["id"] == k1
    rank(api, fam, t2["id"], [k1, k2])
    assert [k["id"] for k in fam.card(t1["id"])["kindergartens"]] == [k1, k2]

    # k1 has two places: the single child takes one, the twins need two,
    # so both go to k2.
    rnd = run_round(api, admin, region)
    proto = protocol(api, admin, rnd)
    got = placed(proto)
    assert got[s["number"]] == k1
    assert got[t1["number"]] == got[t2["number"]] == k2
    assert all(c["passed"] for c in proto["checks"]), proto["checks"]
    stable = [c for c in proto["checks"] if c["check"] == "stable"][0]
    assert stable["figures"]["families"] == 1


def test_twins_with_one_place_left_are_not_split(api, stack, db, region, admin):
    k1 = add_kindergarten(db, region, [("senior", "kk", 2)])
    rules(api, admin, region, 1)
    single = Parent(api, stack)
    s = single.file(single.child(), region, kindergarten_ids=[k1]).json()
    fam = Parent(api, stack)
    t1 = fam.file(fam.child("220704"), region, kindergarten_ids=[k1]).json()
    t2 = fam.file(fam.child("220704"), region, kindergarten_ids=[k1]).json()
    later = Parent(api, stack)
    l1 = later.file(later.child(), region, kindergarten_ids=[k1]).json()
    post(api, "/v1/family-groups", {"application_ids": [t1["id"], t2["id"]]},
         token=fam.token)
    rnd = run_round(api, admin, region)
    proto = protocol(api, admin, rnd)
    got = placed(proto)
    # One place left after the single child: not for half of the twins; the
    # child behind them takes it.
    assert t1["number"] not in got and t2["number"] not in got
    assert got[s["number"]] == k1 and got[l1["number"]] == k1
    assert all(c["passed"] for c in proto["checks"]), proto["checks"]
    # The protocol and the twins' position history say why.
    reasons = {k["number"]: k["reason"] for k in proto["skipped"]}
    assert reasons == {t1["number"]: "family_not_together",
                       t2["number"]: "family_not_together"}
    h = api.get(f"/v1/applications/{t1['id']}/position-history",
                headers=bearer(fam.token)).json()
    (row,) = [x for x in h["items"] if x["cause"].startswith("round_")]
    assert row["cause"] == "round_family_not_together" and row["at"] == rnd["started_at"]


def test_a_sibling_comes_first_where_the_rule_says_so(api, stack, db, region, admin):
    k1 = add_kindergarten(db, region, [("senior", "kk", 1), ("middle", "kk", 1)])
    rules(api, admin, region, 1, sibling=True)
    first = Parent(api, stack)
    f = first.file(first.child(), region, kindergarten_ids=[k1]).json()
    fam = Parent(api, stack)
    # The elder sibling attends k1 (a seat of its middle... here senior
    # group taken directly, as an enrolment would leave it).
    elder = fam.child("210101")
    db.execute("INSERT INTO bq.seat (group_id, kind, child_id) SELECT id, 'enrolled', %s"
               " FROM bq.kindergarten_group WHERE kindergarten_id = %s AND age_group = 'middle'",
               (elder, k1))
    y = fam.file(fam.child(), region, kindergarten_ids=[k1]).json()
    rnd = run_round(api, admin, region)
    got = placed(protocol(api, admin, rnd))
    # Filed later, but its brother attends k1: it comes first there.
    assert got == {y["number"]: k1}
    assert f["number"] not in got


def test_family_groups_and_rankings_refuse_bad_input_and_others(api, stack, db, region,
                                                                admin):
    k1 = add_kindergarten(db, region, [("senior", "kk", 2)])
    fam = Parent(api, stack)
    t1 = fam.file(fam.child("220704"), region).json()
    t2 = fam.file(fam.child("220704"), region).json()
    ru = fam.file(fam.child("220704"), region, languages=["ru"]).json()
    baby = fam.file(fam.child("250101"), region).json()
    other = Parent(api, stack)
    theirs = other.file(other.child(), region).json()
    for body, status, field in [
            ({"application_ids": [t1["id"]]}, 422, "application_ids"),
            ({"application_ids": [t1["id"], t1["id"]]}, 422, "application_ids[1]"),
            ({"application_ids": [t1["id"], "x"]}, 422, "application_ids[1]"),
            ({"application_ids": [t1["id"], 7]}, 422, "application_ids[1]"),
            ({"application_ids": "x"}, 422, "application_ids"),
            ({}, 422, "application_ids"),
            ({"application_ids": [t1["id"], theirs["id"]]}, 422, "application_ids"),
            ({"application_ids": [t1["id"], ru["id"]]}, 422, "application_ids"),
            ({"application_ids": [t1["id"], baby["id"]]}, 422, "application_ids")]:
        r = post(api, "/v1/family-groups", body, token=fam.token)
        assert_problem(r, status, "validation_failed", [field])
    assert db.execute("SELECT count(*) FROM bq.family_group WHERE account_id = %s",
                      (fam.account,)).fetchone()[0] == 0
    r = post(api, "/v1/family-groups", {"application_ids": [t1["id"], t2["id"]]},
             token=fam.token)
    assert r.status_code == 201
    g = r.json()
    # Grouped once only.
    r = post(api, "/v1/family-groups", {"application_ids": [t1["id"], t2["id"]]},
             token=fam.token)
    assert_problem(r, 409, "conflict", [("application_ids", "taken")])
    # Another family's group is not found, and nobody else's list shows it.
    assert api.get("/v1/family-groups", headers=bearer(other.token)).json()["items"] == []
    r = api.delete(f"/v1/family-groups/{g['id']}", headers=bearer(other.token))
    assert_problem(r, 404, "not_found")
    assert [x["id"] for x in api.get("/v1/family-groups",
                                     headers=bearer(fam.token)).json()["items"]] == [g["id"]]
    r = api.delete(f"/v1/family-groups/{g['id']}", headers=bearer(fam.token))
    assert r.status_code == 204 and not r.content
    assert api.get("/v1/family-groups", headers=bearer(fam.token)).json()["items"] == []

    # Rankings: of the queue's city, distinct, three at most; another's
    # application is not found.
    elsewhere = add_kindergarten(db, add_city_of(db), [("senior", "kk", 1)])
    for kgs, field in [([elsewhere], "kindergarten_ids"), ([k1, k1], "kindergarten_ids[1]"),
                       ([k1, "nope"], "kindergarten_ids[1]"), ([k1] * 4, "kindergarten_ids"),
                       ("x", "kindergarten_ids")]:
        r = api.put(f"/v1/applications/{t1['id']}/choices", json={"kindergarten_ids": kgs},
                    headers=bearer(fam.token))
        assert_problem(r, 422, "validation_failed", [field])
    assert fam.card(t1["id"])["kindergartens"] == []
    r = api.put(f"/v1/applications/{theirs['id']}/choices", json={"kindergarten_ids": [k1]},
                headers=bearer(fam.token))
    assert_problem(r, 404, "not_found")
    assert rank(api, fam, t1["id"], [k1])["kindergartens"][0]["id"] == k1
    rank(api, fam, t1["id"], [])
    # Staff and the department do not rank for a family.
    r = api.put(f"/v1/applications/{t1['id']}/choices", json={"kindergarten_ids": [k1]},
                headers=bearer(admin))
    assert r.status_code == 403


def add_city_of(db):
    import places
    return places.add_city(db)
