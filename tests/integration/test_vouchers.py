"""Vouchers: allocation rounds (order, pools, languages, protocol, replay,
two at once), every path of the voucher's life with its deadlines moved
into the past in the database and the sweeper run, the forecast, the
statistics, and the 404s and 403s of the routes."""

import concurrent.futures
import datetime
import signal
import socket
import subprocess
import time
import zoneinfo

import pytest
import requests

from people import Parent, bearer, login, post
from places import add_kindergarten, run_round, sweep, vouchers
import places
from spec import ROOT
from problems import assert_problem

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def admin(api_module, stack):
    return login(api_module, stack, "admin", places.DEMO)["access_token"]


@pytest.fixture(scope="module")
def api_module(stack):
    from conftest import Api
    return Api(stack)


def act(api, parent, voucher, action):
    return api.post(f"/v1/vouchers/{voucher}/{action}", headers=bearer(parent.token))


def inbox(api, parent):
    return places.inbox(api, parent.token)


def end_of_working_day(days, start=None):
    """What bq.add_working_days gives, for a span without holidays."""
    d = (start or datetime.datetime.now(ALMATY)).astimezone(ALMATY).date()
    n = 0
    while n < days:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return d


def is_plain_week(days):
    """No public holiday in the next days (the calendar has its own tests)."""
    today = datetime.datetime.now(ALMATY).date()
    return not any((today + datetime.timedelta(days=i)).strftime("%m-%d") in {
        "01-01", "01-02", "01-07", "03-08", "03-21", "03-22", "03-23", "05-01", "05-07",
        "05-09", "07-06", "08-30", "10-25", "12-16"} for i in range(days * 2 + 6))


@pytest.fixture
def one_voucher(api, stack, db, region, admin):
    """A parent with one application that got a voucher in a round."""
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()
    run_round(api, admin, region)
    (v,) = vouchers(api, p)
    return p, app, v


def test_a_round_gives_places_in_queue_order_and_tells_the_parents(api, stack, db, region,
                                                                   admin):
    add_kindergarten(db, region, [("senior", "kk", 2), ("senior", "ru", 1),
                                  ("middle", "kk", 5)])
    p = Parent(api, stack)
    apps = {}
    for name, prio, langs in [("O1", None, ["kk"]), ("O2", None, ["kk"]),
                              ("O3", None, ["ru", "kk"]), ("P1", "large_family", ["kk"]),
                              ("O4", None, ["kk"])]:
        r = p.file(p.child(), region, priority=prio, languages=langs)
        assert r.status_code == 201, r.text
        apps[name] = r.json()
    places.prove(api, stack, db, region, apps["P1"]["id"])
    # Queue: P1, O1, O2, O3, O4.  kk has 2 places: P1, O1; O2 finds none in
    # kk; O3 takes the ru place; O4 waits.
    rnd = run_round(api, admin, region)
    assert rnd["applications"] == 5 and rnd["places"] == 8 and rnd["issued"] == 3
    assert rnd["school_year"] == datetime.datetime.now(ALMATY).year - (
        0 if datetime.datetime.now(ALMATY).month >= 7 else 1)
    status = {n: p.card(a["id"])["status"] for n, a in apps.items()}
    assert status == {"P1": "voucher_issued", "O1": "voucher_issued", "O2": "queued",
                      "O3": "voucher_issued", "O4": "queued"}
    assert p.card(apps["O2"]["id"])["queue_position"] == 1

    got = {v["application_id"]: v for v in vouchers(api, p)}
    assert set(got) == {apps[n]["id"] for n in ("P1", "O1", "O3")}
    v = got[apps["O3"]["id"]]
    assert v["status"] == "issued" and v["language"] == "ru" and v["age_group"] == "senior"
    assert v["enrol_by"] is None and v["extended"] is False and v["can_extend"] is False
    confirm_by = datetime.datetime.fromisoformat(v["confirm_by"]).astimezone(ALMATY)
    assert (confirm_by.hour, confirm_by.minute, confirm_by.second) == (23, 59, 59)
    if is_plain_week(2):
        assert confirm_by.date() == end_of_working_day(2)

    # Told, with a link to the voucher and its deadline.
    told = [n for n in inbox(api, p) if n["kind"] == "voucher_issued"]
    assert len(told) == 3
    assert {n["link"] for n in told} == {f"/v1/vouchers/{i['id']}" for i in got.values()}
    assert all(n["text"].startswith("A voucher was issued for child ") and
               confirm_by.strftime("%Y-%m-%d 23:59:59") in n["text"] for n in told)

    # The protocol, anonymised; its replay matches.
    proto = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin)).json()
    assert [(x["number"], x["position"], x["language"]) for x in proto["result"]] == [
        (apps["P1"]["number"], 1, "kk"), (apps["O1"]["number"], 2, "kk"),
        (apps["O3"]["number"], 4, "ru")]
    assert proto["result"][0]["priority"] == "priority"
    assert "child" not in str(proto) and "iin" not in str(proto)
    pools = {(x["age_group"], x["language"]): (x["places"], x["issued"])
             for x in proto["pools"]}
    assert pools == {("senior", "kk"): (2, 2), ("senior", "ru"): (1, 1),
                     ("middle", "kk"): (5, 0)}
    # It passed every check before a voucher was given; O2 (kk only, the
    # senior kk pool full at its turn) is the one passed over, and why.
    assert rnd["status"] == "published" == proto["status"]
    assert {c["check"] for c in proto["checks"] if c["passed"]} == {
        "pool_places", "eligible", "one_voucher", "queue_positions", "issued_order",
        "no_skip", "replay"}
    assert [(k["number"], k["position"], k["reason"]) for k in proto["skipped"]] == [
        (apps["O2"]["number"], 3, "no_place_in_languages")]
    # Anyone may read the report: the checks and figures, no number.
    rep = api.get(f"/v1/allocation-rounds/{rnd['id']}/report")
    assert rep.status_code == 200, rep.text
    assert rep.json()["checks"] == proto["checks"] and rep.json()["skipped"] == 1
    assert apps["O2"]["number"] not in rep.text and "seed" not in rep.json()
    r = api.post(f"/v1/admin/allocation-rounds/{rnd['id']}/replay", headers=bearer(admin))
    assert r.status_code == 200 and r.json()["matches"] is True
    assert r.json()["result_hash"] == rnd["result_hash"]
    listed = api.get(f"/v1/admin/allocation-rounds?region_id={region}",
                     headers=bearer(admin)).json()["items"]
    assert [x["id"] for x in listed] == [rnd["id"]]

    # The places now held by vouchers are not given again.
    again = run_round(api, admin, region)
    assert again["issued"] == 0 and again["places"] == 5

    # Those behind saw why they moved: the round's three vouchers ahead
    # as one move, not three.
    h = api.get(f"/v1/applications/{apps['O4']['id']}/position-history",
                headers=bearer(p.token)).json()
    assert [(e["position"], e["change"], e["cause"]) for e in h["items"]] == [
        (5, None, "queued"), (2, -3, "voucher_issued")]
    assert h["position"] == 2


def test_a_round_retried_with_its_key_is_the_same_round(api, stack, db, region, admin):
    add_kindergarten(db, region, [("senior", "kk", 3)])
    p = Parent(api, stack)
    p.file(p.child(), region)
    rounds = lambda r: db.execute("SELECT count(*) FROM bq.allocation_round "
                                  "WHERE region_id = %s", (r,)).fetchone()[0]
    key = {"Idempotency-Key": f"round-{time.time_ns()}"}
    first = post(api, "/v1/admin/allocation-rounds", {"region_id": region}, token=admin,
                 headers=key, timeout=120)
    assert first.status_code == 201, first.text
    assert first.json()["issued"] == 1
    # The answer was lost, say: the retry gets the same round, no second one.
    again = post(api, "/v1/admin/allocation-rounds", {"region_id": region}, token=admin,
                 headers=key, timeout=120)
    assert again.status_code == 201, again.text
    assert again.json() == first.json()
    assert rounds(region) == 1
    # The same key for another region: refused, nothing run there.
    other = places.add_city(db)
    r = post(api, "/v1/admin/allocation-rounds", {"region_id": other}, token=admin,
             headers=key, timeout=120)
    assert_problem(r, 409, "conflict", [("Idempotency-Key", "taken")])
    assert rounds(other) == 0
    # A key that is no key: 422 naming the header, nothing run.
    for bad in ("x" * 65, "two words"):
        r = post(api, "/v1/admin/allocation-rounds", {"region_id": region}, token=admin,
                 headers={"Idempotency-Key": bad}, timeout=120)
        assert_problem(r, 422, "validation_failed", [("Idempotency-Key", "invalid_format")])
    assert rounds(region) == 1
    # Without a key a second round runs: nothing is left to give.
    assert run_round(api, admin, region)["issued"] == 0
    assert rounds(region) == 2


def test_a_round_takes_no_lock_another_regions_round_holds(api, stack, region, admin):
    """Rounds of two regions run at once.  Another connection holds what a
    round running elsewhere holds to its end (the kept tables' rows, and
    what an ANALYZE of them took: the second region's round then waited
    past lock_timeout and failed, 503); this round still runs."""
    add_kindergarten(stack.db(), region, [("senior", "kk", 2)])
    p = Parent(api, stack)
    p.file(p.child(), region)
    other = stack.db()
    with other.transaction():
        other.execute("LOCK TABLE bq.round_input, bq.round_result, bq.round_pool "
                      "IN SHARE UPDATE EXCLUSIVE MODE")
        r = run_round(api, admin, region)
    assert r["issued"] == 1
    other.close()


def test_a_replay_notices_a_changed_input(api, stack, db, region, admin):
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    for _ in range(3):
        p.file(p.child(), region)
    rnd = run_round(api, admin, region)
    # The kept inputs are append-only; rewriting one takes the triggers off.
    with db.transaction():
        db.execute("SET LOCAL session_replication_role = replica")
        db.execute("UPDATE bq.round_input SET rank = 0 WHERE round_id = %s AND seq = "
                   "(SELECT max(seq) FROM bq.round_input WHERE round_id = %s)",
                   (rnd["id"], rnd["id"]))
    r = api.post(f"/v1/admin/allocation-rounds/{rnd['id']}/replay", headers=bearer(admin))
    out = r.json()
    assert out["matches"] is False and out["inputs_hash"] != rnd["inputs_hash"]
    # The last filed, made extraordinary, would have had the place.
    assert out["result_hash"] != rnd["result_hash"]
    with pytest.raises(Exception, match="append-only"):
        db.execute("UPDATE bq.round_input SET rank = 2 WHERE round_id = %s", (rnd["id"],))


def test_a_pool_shared_by_two_birth_years_serves_them_in_turns(api, stack, db, region,
                                                               admin):
    """Pre-school takes two cohorts (5 and 6 years old): their first places,
    then their second places, in an order drawn from the seed."""
    year = datetime.datetime.now(ALMATY).year
    school_year = year if datetime.datetime.now(ALMATY).month >= 7 else year - 1
    add_kindergarten(db, region, [("preschool", "kk", 3)])
    p = Parent(api, stack)
    older, younger = [], []
    for born, bucket in [(school_year - 6, older), (school_year - 6, older),
                         (school_year - 5, younger), (school_year - 5, younger)]:
        r = p.file(p.child(f"{born % 100:02d}1001"), region)
        if r.status_code != 201:
            pytest.skip("a child of that age cannot be filed now: " + r.text)
        bucket.append(r.json()["number"])
    rnd = run_round(api, admin, region)
    proto = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin)).json()
    got = [x["number"] for x in proto["result"]]
    assert len(got) == 3
    assert set(got[:2]) == {older[0], younger[0]}
    first = older if got[0] == older[0] else younger
    assert got[2] == first[1]
    assert {x["birth_year"] for x in proto["partitions"]} == {school_year - 6,
                                                             school_year - 5}


def test_confirm_then_extend_on_the_last_day_then_expire(api, stack, db, admin, one_voucher):
    p, app, v = one_voucher
    r = act(api, p, v["id"], "extend")
    assert_problem(r, 409, "conflict", fields=[("status", "not_active")])
    r = act(api, p, v["id"], "confirm")
    assert r.status_code == 200, r.text
    v = r.json()
    assert v["status"] == "active" and v["confirmed_at"] is not None
    enrol_by = datetime.datetime.fromisoformat(v["enrol_by"]).astimezone(ALMATY)
    assert (enrol_by.hour, enrol_by.minute) == (23, 59)
    if is_plain_week(5):
        assert enrol_by.date() == end_of_working_day(5)
    assert p.card(app["id"])["status"] == "voucher_active"
    assert p.card(app["id"])["timeline"][2]["state"] == "current"
    (n,) = [n for n in inbox(api, p) if n["kind"] == "voucher_confirmed"]
    assert "You have 5 working days" in n["text"]
    assert enrol_by.strftime("%Y-%m-%d 23:59:59") in n["text"]
    assert_problem(act(api, p, v["id"], "confirm"), 409, "conflict", fields=[("status", "confirmed_already")])

    # Not the last day yet.
    assert_problem(act(api, p, v["id"], "extend"), 409, "conflict", fields=[("enrol_by", "not_last_day")])
    # The last day: the deadline is tonight.
    db.execute("UPDATE bq.voucher SET enrol_by = (date_trunc('day', now() AT TIME ZONE "
               "'Asia/Almaty') + interval '1 day' - interval '1 second') AT TIME ZONE "
               "'Asia/Almaty' WHERE id = %s", (v["id"],))
    assert api.get(f"/v1/vouchers/{v['id']}", headers=bearer(p.token)).json()["can_extend"]
    r = act(api, p, v["id"], "extend")
    assert r.status_code == 200, r.text
    ext = r.json()
    assert ext["extended"] is True and ext["can_extend"] is False
    new = datetime.datetime.fromisoformat(ext["enrol_by"]).astimezone(ALMATY)
    if is_plain_week(2):
        assert new.date() == end_of_working_day(2)
    assert_problem(act(api, p, v["id"], "extend"), 409, "conflict", fields=[("extended", "extended_already")])

    # Not enrolled by the deadline: cancelled, archived, told.
    db.execute("UPDATE bq.voucher SET enrol_by = now() - interval '1 minute' WHERE id = %s",
               (v["id"],))
    assert sweep(api, admin)["archived"] >= 1
    v = api.get(f"/v1/vouchers/{v['id']}", headers=bearer(p.token)).json()
    assert v["status"] == "cancelled" and v["cancel_reason"] == "not_enrolled"
    card = p.card(app["id"])
    assert card["status"] == "archived"
    assert any(n["kind"] == "voucher_not_enrolled" for n in inbox(api, p))
    events = db.execute("SELECT from_status, to_status, actor, reason FROM "
                        "bq.application_event WHERE application_id = %s ORDER BY id",
                        (app["id"],)).fetchall()
    assert [(str(a), str(b)) for a, b, _, _ in events] == [
        ("None", "queued"), ("queued", "voucher_issued"), ("voucher_issued", "voucher_active"),
        ("voucher_active", "archived")]
    assert events[-1][2] is None and events[-1][3] == "voucher not used in time"


def test_refusing_gives_up_the_place(api, stack, db, admin, one_voucher):
    p, app, v = one_voucher
    r = act(api, p, v["id"], "refuse")
    assert r.status_code == 200 and r.json()["status"] == "cancelled"
    assert r.json()["cancel_reason"] == "refused" and r.json()["closed_at"]
    assert p.card(app["id"])["status"] == "archived"
    assert any(n["kind"] == "voucher_refused" for n in inbox(api, p))
    assert_problem(act(api, p, v["id"], "refuse"), 409, "conflict", fields=[("status", "closed")])
    assert_problem(act(api, p, v["id"], "confirm"), 409, "conflict", fields=[("status", "closed")])
    assert [x["id"] for x in vouchers(api, p, "cancelled")] == [v["id"]]
    assert vouchers(api, p, "issued") == []


def test_not_confirmed_in_time_goes_to_the_waiting_list_and_back_once(
        api, stack, db, region, admin):
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()
    behind = p.file(p.child(), region).json()
    run_round(api, admin, region)
    (v,) = vouchers(api, p)
    db.execute("UPDATE bq.voucher SET confirm_by = now() - interval '1 second' "
               "WHERE id = %s", (v["id"],))
    # Too late, even before the sweeper has run.
    assert_problem(act(api, p, v["id"], "confirm"), 409, "conflict", fields=[("confirm_by", "deadline_passed")])
    assert sweep(api, admin)["suspended"] >= 1
    assert p.card(app["id"])["status"] == "suspended"
    v = api.get(f"/v1/vouchers/{v['id']}", headers=bearer(p.token)).json()
    assert v["status"] == "cancelled" and v["cancel_reason"] == "not_confirmed"
    (n,) = [n for n in inbox(api, p) if n["kind"] == "voucher_not_confirmed"]
    assert "within 28 days" in n["text"] and n["link"] == f"/v1/vouchers/{v['id']}"
    # Its place: the one behind moved up meanwhile.
    assert p.card(behind["id"])["queue_position"] == 1

    # Restored: back to its old place, ahead of the one behind.
    r = api.post(f"/v1/applications/{app['id']}/restore", headers=bearer(p.token))
    assert r.status_code == 200 and r.json()["queue_position"] == 1
    assert p.card(behind["id"])["queue_position"] == 2

    # The place came back too: the next round gives it to it again.  Not
    # confirmed a second time: archived, there is no second restore.
    run_round(api, admin, region)
    (v2,) = vouchers(api, p, "issued")
    assert v2["application_id"] == app["id"]
    db.execute("UPDATE bq.voucher SET confirm_by = now() - interval '1 second' "
               "WHERE id = %s", (v2["id"],))
    sweep(api, admin)
    assert p.card(app["id"])["status"] == "archived"
    assert any(n["kind"] == "voucher_not_confirmed_final" for n in inbox(api, p))


def test_a_suspended_application_closes_after_28_days(api, stack, db, admin, one_voucher):
    p, app, v = one_voucher
    db.execute("UPDATE bq.voucher SET confirm_by = now() - interval '1 second' "
               "WHERE id = %s", (v["id"],))
    sweep(api, admin)
    assert p.card(app["id"])["status"] == "suspended"
    with db.transaction():
        db.execute("SET LOCAL session_replication_role = replica")
        db.execute("UPDATE bq.application_event SET at = now() - interval '29 days' "
                   "WHERE application_id = %s AND to_status = 'suspended'", (app["id"],))
    r = api.post(f"/v1/applications/{app['id']}/restore", headers=bearer(p.token))
    assert_problem(r, 409, "conflict")
    assert sweep(api, admin)["closed"] >= 1
    assert p.card(app["id"])["status"] == "archived"
    assert any(n["kind"] == "application_expired" for n in inbox(api, p))


def test_withdrawing_takes_the_voucher_with_it(api, stack, db, admin, one_voucher):
    p, app, v = one_voucher
    r = api.post(f"/v1/applications/{app['id']}/withdraw", headers=bearer(p.token))
    assert r.status_code == 200 and r.json()["status"] == "archived"
    v = api.get(f"/v1/vouchers/{v['id']}", headers=bearer(p.token)).json()
    assert v["status"] == "cancelled" and v["cancel_reason"] == "withdrawn"


def test_two_rounds_at_once_never_give_a_child_two_vouchers(api, stack, db, region, admin):
    add_kindergarten(db, region, [("senior", "kk", 40), ("senior", "ru", 40)])
    p = Parent(api, stack)
    for _ in range(30):
        p.file(p.child(), region)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(
            lambda _: post(api, "/v1/admin/allocation-rounds", {"region_id": region},
                           token=admin, timeout=120), range(4)))
    codes = sorted(r.status_code for r in results)
    assert set(codes) <= {201, 409} and 201 in codes, codes
    for r in results:
        if r.status_code == 409:
            assert_problem(r, 409, "conflict", fields=[("region_id", "busy")])
    issued = sum(r.json()["issued"] for r in results if r.status_code == 201)
    assert issued == 30
    dup = db.execute("SELECT count(*) FROM (SELECT application_id FROM bq.voucher v "
                     "JOIN bq.application a ON a.id = v.application_id "
                     "WHERE a.queue_region = %s GROUP BY 1 HAVING count(*) > 1) x",
                     (region,)).fetchone()[0]
    assert dup == 0


def test_the_forecast_says_when_history_is_short_and_estimates_when_not(
        api, stack, db, region, admin):
    add_kindergarten(db, region, [("senior", "kk", 24)])
    p = Parent(api, stack)
    for _ in range(24):
        p.file(p.child(), region)
    waiting = [p.file(p.child(), region).json() for _ in range(10)]
    r = api.get(f"/v1/applications/{waiting[4]['id']}/forecast", headers=bearer(p.token))
    assert r.status_code == 200, r.text
    f = r.json()
    assert f["estimate"] is None and f["reason"] == "too_little_history"
    assert f["position"] == 29 and f["vouchers"] == 0 and len(f["monthly"]) == 12

    run_round(api, admin, region)
    # Spread the 24 vouchers over the past 12 months, 2 a month.
    db.execute("""UPDATE bq.voucher v SET issued_at = now() - make_interval(
                    days => 15 + 30 * (x.n / 2)::integer)
                  FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n
                        FROM bq.voucher WHERE region_id = %s) x
                  WHERE v.id = x.id""", (region,))
    f = api.get(f"/v1/applications/{waiting[4]['id']}/forecast",
                headers=bearer(p.token)).json()
    assert f["reason"] is None and f["position"] == 5
    assert f["vouchers"] == 24 and f["months_with_vouchers"] == 12
    assert f["monthly_mean"] == 2 and f["monthly_sd"] == 0
    today = datetime.datetime.now(ALMATY).date()
    likely = datetime.date.fromisoformat(f["estimate"]["likely"])
    # 5 places ahead at 2 a month: two and a half months.
    assert f["estimate"]["months"] == 2.5
    assert abs((likely - today).days - 76) <= 1
    assert f["estimate"]["earliest"] <= f["estimate"]["likely"] <= f["estimate"]["latest"]
    # Not queued: no estimate.
    (v,) = [x for x in vouchers(api, p)][:1]
    f = api.get(f"/v1/applications/{v['application_id']}/forecast",
                headers=bearer(p.token)).json()
    assert f["estimate"] is None and f["reason"] == "not_queued" and f["position"] is None


def test_statistics(api, stack, db, region, admin):
    kg = add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    p.file(p.child(), region, kindergarten_ids=[kg])
    places.prove(api, stack, db, region,
                 p.file(p.child(), region, priority="military").json()["id"],
                 p.file(p.child(), region, priority="large_family",
                        kindergarten_ids=[kg]).json()["id"])
    q = api.get(f"/v1/stats/queue?region_id={region}").json()
    (item,) = q["items"]
    assert (item["queue_type"], item["birth_year"], item["total"]) == ("general", 2022, 3)
    assert (item["extraordinary"], item["priority"], item["ordinary"]) == (1, 1, 1)
    assert item["categories"] == {"large_family": 1, "military": 1}
    assert item["age_group"] == "senior"
    run_round(api, admin, region)
    s = api.get(f"/v1/stats/vouchers?region_id={region}").json()
    month = datetime.datetime.now(ALMATY).strftime("%Y-%m")
    assert len(s["items"]) == 12
    (m,) = [m for m in s["items"] if m["month"] == month]
    assert m["issued"] == 1
    top = api.get(f"/v1/stats/kindergartens/popular?region_id={region}").json()["items"]
    assert [(t["kindergarten"]["id"], t["applications"], t["first_choice"]) for t in top] == [
        (kg, 2, 2)]
    assert api.get("/v1/stats/queue").status_code == 200
    for path in ("/v1/stats/queue", "/v1/stats/vouchers",
                 "/v1/stats/kindergartens/popular"):
        assert_problem(api.get(path + "?region_id=nope"), 422, "validation_failed",
                       fields=[("region_id", "invalid_format")])
        assert_problem(api.get(path + "?bogus=1"), 422, "validation_failed",
                       fields=[("bogus", "unknown_field")])
    assert_problem(api.get("/v1/stats/vouchers?year=1999"), 422, "validation_failed",
                   fields=[("year", "out_of_range")])
    assert_problem(api.get("/v1/stats/kindergartens/popular?limit=0"), 422,
                   "validation_failed", fields=[("limit", "out_of_range")])
    assert_problem(api.get("/v1/stats/queue?region_id=00000000-0000-4000-8000-000000000000"),
                   422, "validation_failed", fields=[("region_id", "invalid_value")])


def test_rounds_refuse_bad_input_and_store_nothing(api, stack, db, admin, region):
    before = db.execute("SELECT count(*) FROM bq.allocation_round").fetchone()[0]
    for body, field, code in [({}, "region_id", "required"),
                              ({"region_id": "x"}, "region_id", "invalid_format"),
                              ({"region_id": 5}, "region_id", "wrong_type"),
                              ({"region_id": region, "seed": "1"}, "seed", "unknown_field"),
                              ({"region_id": "00000000-0000-4000-8000-000000000000"},
                               "region_id", "invalid_value")]:
        r = post(api, "/v1/admin/allocation-rounds", body, token=admin)
        assert_problem(r, 422, "validation_failed", fields=[(field, code)])
    district = db.execute("SELECT id FROM bq.region WHERE parent_id IS NOT NULL LIMIT 1"
                          ).fetchone()[0]
    r = post(api, "/v1/admin/allocation-rounds", {"region_id": str(district)}, token=admin)
    assert_problem(r, 422, "validation_failed", fields=[("region_id", "invalid_value")])
    assert db.execute("SELECT count(*) FROM bq.allocation_round").fetchone()[0] == before
    assert_problem(api.get("/v1/vouchers?status=lost", headers=bearer(admin)), 403,
                   "forbidden")


def test_who_may_see_and_do_what(api, stack, db, admin, one_voucher):
    p, app, v = one_voucher
    other = Parent(api, stack)
    # Another parent's voucher and forecast do not exist for them.
    for action in ("confirm", "refuse", "extend"):
        assert_problem(act(api, other, v["id"], action), 404, "not_found")
    assert_problem(api.get(f"/v1/vouchers/{v['id']}", headers=bearer(other.token)),
                   404, "not_found")
    assert_problem(api.get(f"/v1/applications/{app['id']}/forecast",
                           headers=bearer(other.token)), 404, "not_found")
    assert vouchers(api, other) == []
    assert_problem(api.get("/v1/vouchers/nope", headers=bearer(p.token)), 404, "not_found")
    assert_problem(api.get("/v1/vouchers?status=lost", headers=bearer(p.token)), 422,
                   "validation_failed", fields=[("status", "invalid_value")])
    # Parents do not run rounds or the sweeper; nobody does without a token.
    rnd = db.execute("SELECT round_id FROM bq.voucher WHERE id = %s", (v["id"],)).fetchone()[0]
    for method, path in [("POST", "/v1/admin/allocation-rounds"),
                         ("GET", "/v1/admin/allocation-rounds"),
                         ("GET", f"/v1/admin/allocation-rounds/{rnd}"),
                         ("POST", f"/v1/admin/allocation-rounds/{rnd}/replay"),
                         ("POST", "/v1/admin/sweeper/run")]:
        r = api.request(method, path, headers=bearer(p.token))
        assert_problem(r, 403, "forbidden")
        r = api.request(method, path)
        assert_problem(r, 401, "unauthorized")
    # An admin's unknown round is a 404.
    missing = "00000000-0000-4000-8000-000000000000"
    assert_problem(api.get(f"/v1/admin/allocation-rounds/{missing}", headers=bearer(admin)),
                   404, "not_found")
    assert_problem(api.post(f"/v1/admin/allocation-rounds/{missing}/replay",
                            headers=bearer(admin)), 404, "not_found")
    # A trustee sees and answers the voucher of an entrusted child.
    p.entrust(v['child']['id'], other)
    assert [x["id"] for x in vouchers(api, other)] == [v["id"]]


def test_sweepers_on_two_nodes_and_the_api_share_the_work(api, stack, db, region, admin):
    """A second node on the same database, its two workers sweeping every
    100 ms, and the admin route called at the same time: each expired
    voucher is handled once, with one event and one notification."""
    add_kindergarten(db, region, [("senior", "kk", 30)])
    parents = [Parent(api, stack) for _ in range(3)]
    apps = [parents[i % 3].file(parents[i % 3].child(), region).json()["id"]
            for i in range(30)]
    run_round(api, admin, region)

    node = stack.data / "node-b"
    node.mkdir(exist_ok=True)
    sock = stack.data / "run"
    port = free_port()
    env = dict(stack.env, BQ_DATA_DIR=str(node), BQ_HTTP_PORT=str(port),
               BQ_SWEEP_INTERVAL_MS="100", BQ_SMS_SENDER="0",
               BQ_SECRET_FILE=str(stack.data / "secret.key"),
               BQ_DB_DSN=f"host={sock} port=5432 dbname=balabaqsha user=bq_api "
                         "connect_timeout=2 options='-c statement_timeout=1300'")
    log = open(node / "server.log", "wb")
    server = subprocess.Popen([str(ROOT / "scripts" / "serve")], env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        def issued():
            return db.execute("SELECT count(*) FROM bq.voucher WHERE region_id = %s "
                              "AND status = 'issued'", (region,)).fetchone()[0]

        def wait_for(n):
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and issued() > n:
                time.sleep(0.05)

        # Ten expire: node B's timers alone see to them.
        db.execute("UPDATE bq.voucher SET confirm_by = now() - interval '1 second' "
                   "WHERE id IN (SELECT id FROM bq.voucher WHERE region_id = %s "
                   "ORDER BY id LIMIT 10)", (region,))
        wait_for(20)
        assert issued() == 20
        # Twenty more, with the route called three times at once besides.
        db.execute("UPDATE bq.voucher SET confirm_by = now() - interval '1 second' "
                   "WHERE region_id = %s", (region,))
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            list(pool.map(lambda _: sweep(api, admin), range(3)))
        wait_for(0)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
        log.close()
    rows = db.execute(
        "SELECT a.id, a.status, (SELECT count(*) FROM bq.application_event e "
        "WHERE e.application_id = a.id AND e.to_status = 'suspended') FROM bq.application a "
        "WHERE a.id = ANY (%s::uuid[])", (apps,)).fetchall()
    assert sorted((str(s), n) for _, s, n in rows) == [("suspended", 1)] * 30
    told = sum(len([n for n in inbox(api, p) if n["kind"] == "voucher_not_confirmed"])
               for p in parents)
    assert told == 30
    assert "sweeper: {" in (node / "server.log").read_text(errors="replace")
