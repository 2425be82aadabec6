"""Applications and the queue: filing rules, the workflow, positions that
are always true (interleaving, departures, concurrency), their history,
the verifier's decisions, notifications, and another parent's 404s."""

import concurrent.futures
import itertools
import json
import uuid

import pytest

from people import JSON, Parent, bearer, login, make_iin, post, register
from places import prove
from problems import assert_problem

DEMO = "Balabaqsha-demo-2026"


def test_general_filing_is_queued_at_once(api, parent, region):
    child = parent.child()
    r = parent.file(child, region)
    assert r.status_code == 201, r.text
    app = r.json()
    assert app["status"] == "queued" and app["queue_position"] == 1
    assert app["queue_type"] == "general" and app["financing_type"] == "virtual_voucher"
    assert app["birth_year"] == 2022 and app["age_group"] == "senior"
    assert app["number"].startswith("A26-")
    assert [s["stage"] for s in app["timeline"]] == ["queue", "waiting",
                                                     "kindergarten_choice",
                                                     "financing_type", "admission"]
    assert app["timeline"][0]["state"] == "current" and app["timeline"][1]["state"] == "pending"
    inbox = api.get("/v1/notifications", headers={**bearer(parent.token), "Accept-Language": "en"}).json()["items"]
    assert inbox[0]["kind"] == "application_queued"
    # In the account's language (the suite registers in English).
    assert inbox[0]["text"] == "Your application is accepted. Place in the queue: 1."
    assert inbox[0]["link"] == f"/v1/applications/{app['id']}"


def test_one_to_three_interleaving(api, stack, db, region):
    """O1..O4 filed first, then P1, P2, then E1, their claims proved: E1,
    P1, O1, O2, O3, P2, O4."""
    p = Parent(api, stack)
    apps = {}
    for name, prio in [("O1", None), ("O2", None), ("O3", None), ("O4", None),
                       ("P1", "large_family"), ("P2", "orphan"), ("E1", "military")]:
        r = p.file(p.child(), region, priority=prio)
        assert r.status_code == 201, r.text
        apps[name] = r.json()
    prove(api, stack, db, region, *(apps[n]["id"] for n in ("P1", "P2", "E1")))
    expected = ["E1", "P1", "O1", "O2", "O3", "P2", "O4"]
    got = {name: p.card(a["id"])["queue_position"] for name, a in apps.items()}
    assert sorted(got, key=got.get) == expected
    assert sorted(got.values()) == list(range(1, 8))
    q = api.get(f"/v1/queue?region_id={region}&queue_type=general&birth_year=2022").json()
    number = {a["number"]: name for name, a in apps.items()}
    assert [number[i["number"]] for i in q["items"]] == expected
    assert [i["priority"] for i in q["items"]] == ["extraordinary", "priority", None, None,
                                                   None, "priority", None]
    assert set(q["items"][0]) == {"position", "number", "filed_at", "priority"}


def test_one_list_runs_on_alone(api, stack, db, region):
    """P1..P3 and O1, O2: P1, O1, O2, P2, P3; after O's run out, P's follow."""
    p = Parent(api, stack)
    ids = {}
    for name, prio in [("P1", "teacher"), ("P2", "teacher"), ("P3", "teacher"),
                       ("O1", None), ("O2", None)]:
        ids[name] = p.file(p.child(), region, priority=prio).json()["id"]
    prove(api, stack, db, region, ids["P1"], ids["P2"], ids["P3"])
    got = {n: p.card(i)["queue_position"] for n, i in ids.items()}
    assert sorted(got, key=got.get) == ["P1", "O1", "O2", "P2", "P3"]


def test_positions_follow_departures_and_the_history_says_why(api, stack, db, region):
    p = Parent(api, stack)
    first = p.file(p.child(), region).json()["id"]
    second = p.file(p.child(), region).json()["id"]
    third = p.file(p.child(), region).json()["id"]
    assert p.card(third)["queue_position"] == 3
    r = api.post(f"/v1/applications/{first}/withdraw", headers=bearer(p.token))
    assert r.status_code == 200 and r.json()["status"] == "archived"
    assert r.json()["queue_position"] is None
    assert p.card(second)["queue_position"] == 1 and p.card(third)["queue_position"] == 2
    # A priority child filed now stands behind until its claim is proved,
    # then goes ahead of both.
    prio = p.file(p.child(), region, priority="large_family").json()["id"]
    assert p.card(third)["queue_position"] == 2 and p.card(prio)["queue_position"] == 3
    prove(api, stack, db, region, prio)
    assert p.card(third)["queue_position"] == 3
    h = api.get(f"/v1/applications/{third}/position-history", headers=bearer(p.token)).json()
    assert [(e["position"], e["change"], e["cause"]) for e in h["items"]] == [
        (3, None, "queued"), (2, -1, "archived"), (3, 1, "priority_confirmed")]
    assert h["position"] == 3
    # Withdrawn twice: refused, and said why.
    r = api.post(f"/v1/applications/{first}/withdraw", headers=bearer(p.token))
    assert_problem(r, 409, "conflict", [("id", "not_withdrawable")])


def test_two_withdrawals_ahead_are_two_rows_of_the_history(api, stack, region):
    """Rows are grouped by move (one transaction, one cause), never by cause
    alone: a round's vouchers are one row (test_vouchers), two parents
    withdrawing are two."""
    p = Parent(api, stack)
    first, second, third = [p.file(p.child(), region).json()["id"] for _ in range(3)]
    for app in (first, second):
        r = api.post(f"/v1/applications/{app}/withdraw", headers=bearer(p.token))
        assert r.status_code == 200, r.text
    h = api.get(f"/v1/applications/{third}/position-history", headers=bearer(p.token)).json()
    assert [(e["position"], e["change"], e["cause"]) for e in h["items"]] == [
        (3, None, "queued"), (2, -1, "archived"), (1, -1, "archived")]


def test_a_hundred_concurrent_filings(api, stack, region):
    p = Parent(api, stack)
    children = [p.child() for _ in range(100)]

    def file(child):
        return Parent.file(p, child, region)

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(file, children))
    assert [r.status_code for r in results] == [201] * 100
    positions = sorted(p.card(r.json()["id"])["queue_position"] for r in results)
    assert positions == list(range(1, 101))


def test_the_same_child_filed_at_once_yields_one(api, stack, region, db):
    p = Parent(api, stack)
    child = p.child()
    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: p.file(child, region), range(10)))
    codes = sorted(r.status_code for r in results)
    assert codes == [201] + [409] * 9
    assert db.execute("SELECT count(*) FROM bq.application WHERE child_id = %s",
                      (child,)).fetchone()[0] == 1


def test_idempotency_key_returns_the_first_answer(api, parent, region):
    child = parent.child()
    key = "retry-" + uuid.uuid4().hex
    first = parent.file(child, region, key=key)
    again = parent.file(child, region, key=key)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    other = parent.file(child, region, key=key, languages=["ru"])
    assert_problem(other, 409, "conflict", [("Idempotency-Key", "taken")])
    assert_problem(parent.file(child, region, key="bad key"), 422, "validation_failed",
                   [("Idempotency-Key", "invalid_format")])


def test_an_illegal_move_is_refused_by_the_database(parent, region, db):
    app = parent.file(parent.child(), region).json()["id"]
    import psycopg
    with pytest.raises(psycopg.Error) as e:
        db.execute("UPDATE bq.application SET status = 'enrolled' WHERE id = %s", (app,))
    assert e.value.sqlstate == "BQ409"
    for sql in ("UPDATE bq.application_event SET reason = 'x' WHERE application_id = %s",
                "DELETE FROM bq.application_event WHERE application_id = %s"):
        with pytest.raises(psycopg.Error) as e:
            db.execute(sql, (app,))
        assert e.value.sqlstate == "BQ409"
    events = db.execute("SELECT from_status, to_status, actor::text, reason "
                        "FROM bq.application_event WHERE application_id = %s", (app,)).fetchall()
    assert events == [(None, "queued", parent.account, "filed")]


@pytest.mark.parametrize("change,field,code_", [
    ({"consent": False}, "consent", "invalid_value"),
    ({"languages": []}, "languages", "too_short"),
    ({"languages": ["kk", "ru", "kk"]}, "languages", "too_long"),
    ({"languages": ["en"]}, "languages[0]", "invalid_value"),
    ({"languages": ["kk", "kk"]}, "languages", "invalid_value"),
    ({"queue_type": "vip"}, "queue_type", "invalid_value"),
    ({"priority_category": "celebrity"}, "priority_category", "invalid_value"),
    ({"region_id": "00000000-0000-4000-8000-000000000000"}, "region_id", "invalid_value"),
    ({"region_id": "almaty"}, "region_id", "invalid_format"),
    ({"kindergarten_ids": ["x"]}, "kindergarten_ids[0]", "invalid_format"),
    ({"kindergarten_ids": ["00000000-0000-4000-8000-000000000000"]}, "kindergarten_ids",
     "invalid_value"),
    ({"correction_type": "speech"}, "correction_type", "invalid_value"),
    ({"queue_type": "special"}, "correction_type", "required"),
    ({"queue_type": "special", "correction_type": "speech"}, "pmpk_document_id", "required"),
    ({"child_id": "00000000-0000-4000-8000-000000000000"}, "child_id", "invalid_value"),
    ({"extra": 1}, "extra", "unknown_field"),
])
def test_filing_rules(api, parent, region, db, change, field, code_):
    child = parent.child()
    before = db.execute("SELECT count(*) FROM bq.application").fetchone()[0]
    r = parent.file(child, region, **change)
    assert_problem(r, 422, "validation_failed", [(field, code_)])
    assert db.execute("SELECT count(*) FROM bq.application").fetchone()[0] == before


def test_children_older_than_six_are_refused(parent, region, db):
    child = parent.child(born="200101")
    # Children are added young enough; this one has grown since.
    db.execute("UPDATE bq.child SET birth_date = current_date - interval '84 months' "
               "WHERE id = %s", (child,))
    assert_problem(parent.file(child, region), 422, "validation_failed",
                   [("child_id", "out_of_range")])


def test_preferred_kindergartens_must_fit(api, parent, almaty, db):
    child = parent.child()
    fits = db.execute(
        "SELECT k.id::text FROM bq.kindergarten k JOIN bq.kindergarten_group g "
        "ON g.kindergarten_id = k.id WHERE g.age_group = 'senior' AND g.language = 'ru' "
        "AND g.correction_type IS NULL ORDER BY k.code LIMIT 3").fetchall()
    only_kk = db.execute(
        "SELECT k.id::text FROM bq.kindergarten k WHERE NOT EXISTS (SELECT 1 FROM "
        "bq.kindergarten_group g WHERE g.kindergarten_id = k.id AND g.language = 'ru') "
        "LIMIT 1").fetchone()[0]
    r = parent.file(child, almaty, languages=["ru"], kindergarten_ids=[only_kk])
    assert_problem(r, 422, "validation_failed", [("kindergarten_ids", "invalid_value")])
    r = parent.file(child, almaty, languages=["ru"], kindergarten_ids=[k for (k,) in fits])
    assert r.status_code == 201, r.text
    assert [k["id"] for k in r.json()["kindergartens"]] == [k for (k,) in fits]


def special(api, stack, parent, almaty, db, correction="speech"):
    pdf = b"%PDF-1.4\n" + b"x" * 100
    doc = api.post("/v1/documents?kind=pmpk", data=pdf,
                   headers={**bearer(parent.token), "Content-Type": "application/pdf"}).json()
    kg = db.execute("SELECT k.id::text FROM bq.kindergarten k JOIN bq.kindergarten_group g "
                    "ON g.kindergarten_id = k.id WHERE g.correction_type = %s "
                    "AND g.age_group = 'senior' LIMIT 1", (correction,)).fetchone()
    child = parent.child()
    body = dict(queue_type="special", correction_type=correction,
                pmpk_document_id=doc["id"], languages=["kk", "ru"])
    if kg:
        body["kindergarten_ids"] = [kg[0]]
    r = parent.file(child, almaty, **body)
    assert r.status_code == 201, r.text
    return r.json(), doc


def test_verifier_confirms(api, stack, parent, almaty, db):
    app, doc = special(api, stack, parent, almaty, db)
    assert app["status"] == "awaiting_verification" and app["queue_position"] is None
    v = login(api, stack, "verifier", DEMO)
    todo = api.get("/v1/staff/applications", headers=bearer(v["access_token"])).json()
    assert app["id"] in [a["id"] for a in todo["items"]]
    # The verifier reads the PMPK conclusion it decides on.
    assert api.get(f"/v1/documents/{doc['id']}",
                   headers=bearer(v["access_token"])).status_code == 200
    r = api.post(f"/v1/staff/applications/{app['id']}/confirm",
                 headers=bearer(v["access_token"]))
    assert r.status_code == 200
    pos = r.json()["queue_position"]
    assert r.json()["status"] == "queued" and pos >= 1
    inbox = api.get("/v1/notifications", headers={**bearer(parent.token), "Accept-Language": "en"}).json()["items"]
    assert inbox[0]["kind"] == "application_confirmed"
    assert inbox[0]["text"].endswith(f": {pos}.")
    r = api.post(f"/v1/staff/applications/{app['id']}/confirm",
                 headers=bearer(v["access_token"]))
    assert_problem(r, 409, "conflict", [("id", "decided_already")])


def test_verifier_rejects_with_a_reason(api, stack, parent, almaty, db):
    app, _ = special(api, stack, parent, almaty, db, "autism")
    v = login(api, stack, "verifier", DEMO)
    r = post(api, f"/v1/staff/applications/{app['id']}/reject", {"reason": "No signature."},
             token=v["access_token"])
    assert r.status_code == 200 and r.json()["status"] == "archived"
    moves = db.execute("SELECT from_status::text, to_status::text FROM bq.application_event "
                       "WHERE application_id = %s ORDER BY id", (app["id"],)).fetchall()
    assert moves == [(None, "awaiting_verification"), ("awaiting_verification", "rejected"),
                     ("rejected", "archived")]
    inbox = api.get("/v1/notifications", headers={**bearer(parent.token), "Accept-Language": "en"}).json()["items"]
    assert inbox[0]["kind"] == "application_rejected"
    assert "Тексерушиева Гүлмира Серікқызы" in inbox[0]["text"]
    archived = api.get("/v1/applications?archived=true", headers=bearer(parent.token)).json()
    assert app["id"] in [a["id"] for a in archived["items"]]
    r = post(api, f"/v1/staff/applications/{app['id']}/reject", {"reason": "x"},
             token=v["access_token"])
    assert_problem(r, 422, "validation_failed", [("reason", "too_short")])


def test_verifiers_of_other_regions_and_parents_cannot_decide(api, stack, parent, almaty, db,
                                                              region):
    app, _ = special(api, stack, parent, almaty, db, "vision")
    admin = login(api, stack, "admin", DEMO)
    login_name = "ver" + uuid.uuid4().hex[:8]
    r = post(api, "/v1/admin/staff", {"login": login_name, "password": "Koktobe-Staff-1",
                                      "surname": "Б", "first_name": "В", "role": "verifier"},
             token=admin["access_token"])
    assert r.status_code == 201
    db.execute("UPDATE bq.account_role SET region_id = %s WHERE account_id = %s",
               (region, r.json()["id"]))
    other = login(api, stack, login_name, "Koktobe-Staff-1")
    r = api.post(f"/v1/staff/applications/{app['id']}/confirm",
                 headers=bearer(other["access_token"]))
    assert_problem(r, 404, "not_found")
    assert app["id"] not in [a["id"] for a in api.get(
        "/v1/staff/applications", headers=bearer(other["access_token"])).json()["items"]]
    r = api.post(f"/v1/staff/applications/{app['id']}/confirm", headers=bearer(parent.token))
    assert_problem(r, 403, "forbidden")


def test_another_parents_application_is_404_everywhere(api, stack, parent, region):
    app = parent.file(parent.child(), region).json()["id"]
    other = Parent(api, stack)
    for method, path in [("GET", f"/v1/applications/{app}"),
                         ("GET", f"/v1/applications/{app}/position-history"),
                         ("POST", f"/v1/applications/{app}/withdraw"),
                         ("POST", f"/v1/applications/{app}/restore")]:
        assert_problem(api.request(method, path, headers=bearer(other.token)), 404, "not_found")
    assert api.get("/v1/applications", headers=bearer(other.token)).json()["items"] == []
    assert parent.card(app)["status"] == "queued"


def test_a_trustee_files_and_sees_it(api, stack, region):
    owner, trustee = Parent(api, stack), Parent(api, stack)
    child = owner.child()
    owner.entrust(child, trustee)
    r = trustee.file(child, region)
    assert r.status_code == 201
    for p in (owner, trustee):
        items = api.get("/v1/applications", headers=bearer(p.token)).json()["items"]
        assert [a["id"] for a in items] == [r.json()["id"]]
        kinds = [n["kind"] for n in api.get("/v1/notifications",
                                            headers=bearer(p.token)).json()["items"]]
        assert "application_queued" in kinds


def test_restore_only_from_suspended_once_within_28_days(api, parent, region, db):
    app = parent.file(parent.child(), region).json()["id"]
    assert_problem(api.post(f"/v1/applications/{app}/restore", headers=bearer(parent.token)),
                   409, "conflict", [("id", "not_restorable")])
    db.execute("UPDATE bq.application SET status = 'voucher_issued' WHERE id = %s", (app,))
    db.execute("UPDATE bq.application SET status = 'suspended' WHERE id = %s", (app,))
    r = api.post(f"/v1/applications/{app}/restore", headers=bearer(parent.token))
    assert r.status_code == 200 and r.json()["status"] == "queued"
    db.execute("UPDATE bq.application SET status = 'voucher_issued' WHERE id = %s", (app,))
    db.execute("UPDATE bq.application SET status = 'suspended' WHERE id = %s", (app,))
    assert_problem(api.post(f"/v1/applications/{app}/restore", headers=bearer(parent.token)),
                   409, "conflict", [("id", "not_restorable")])


def test_a_child_with_a_live_application_stays(api, parent, region):
    child = parent.child()
    app = parent.file(child, region).json()["id"]
    r = api.request("DELETE", f"/v1/children/{child}", headers=bearer(parent.token))
    assert_problem(r, 409, "conflict", [("id", "live_application")])
    api.post(f"/v1/applications/{app}/withdraw", headers=bearer(parent.token))
    assert api.request("DELETE", f"/v1/children/{child}",
                       headers=bearer(parent.token)).status_code == 204


def test_list_filters(api, parent, region):
    a = parent.file(parent.child(), region).json()["id"]
    b = parent.file(parent.child(), region).json()["id"]
    api.post(f"/v1/applications/{b}/withdraw", headers=bearer(parent.token))
    get = lambda q: [x["id"] for x in api.get("/v1/applications" + q,
                                              headers=bearer(parent.token)).json()["items"]]
    assert get("?status=queued") == [a]
    assert get("?archived=true") == [b] and get("?archived=false") == [a]
    assert get("?queue_type=special") == []
    for q, field in (("?status=flying", "status"), ("?queue_type=x", "queue_type"),
                     ("?archived=maybe", "archived"), ("?page=1", "page")):
        assert_problem(api.get("/v1/applications" + q, headers=bearer(parent.token)),
                       422, "validation_failed", [field])


def test_notifications_inbox(api, stack, parent, region):
    parent.file(parent.child(), region)
    parent.file(parent.child(), region)
    count = api.get("/v1/notifications/unread-count", headers=bearer(parent.token)).json()
    assert count == {"count": 2}
    items = api.get("/v1/notifications?limit=1", headers=bearer(parent.token)).json()
    assert len(items["items"]) == 1 and items["next_cursor"]
    nid = items["items"][0]["id"]
    assert api.post(f"/v1/notifications/{nid}/read", headers=bearer(parent.token)
                    ).status_code == 204
    assert api.get("/v1/notifications/unread-count",
                   headers=bearer(parent.token)).json() == {"count": 1}
    other = Parent(api, stack)
    assert_problem(api.post(f"/v1/notifications/{nid}/read", headers=bearer(other.token)),
                   404, "not_found")


def test_public_queue_pages_and_hides_names(api, stack, region):
    p = Parent(api, stack)
    for prio in (None, None, "teacher", None, None, None):
        p.file(p.child(), region, priority=prio)
    seen, cursor = [], None
    while True:
        q = f"/v1/queue?region_id={region}&birth_year=2022&limit=4" + (
            f"&cursor={cursor}" if cursor else "")
        page = api.get(q).json()
        seen += [i["position"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == list(range(1, 7))
    for q, field in (("birth_year=2022", "region_id"), (f"region_id={region}", "birth_year"),
                     (f"region_id={region}&birth_year=2022&queue_type=special",
                      "correction_type")):
        assert_problem(api.get("/v1/queue?" + q), 422, "validation_failed", [field])


def test_every_wrong_field_is_named_in_one_answer(api, parent, db):
    """A body with several wrong fields reported only the first."""
    nobody = "00000000-0000-4000-8000-000000000000"
    before = db.execute("SELECT count(*) FROM bq.application").fetchone()[0]
    r = post(api, "/v1/applications", {
        "child_id": nobody, "queue_type": "general", "region_id": nobody,
        "languages": ["kk"], "correction_type": "speech", "consent": True},
        token=parent.token)
    body = assert_problem(r, 422, "validation_failed", [
        ("child_id", "invalid_value"), ("region_id", "invalid_value"),
        ("correction_type", "invalid_value")])
    assert len(body["errors"]) == 3
    assert db.execute("SELECT count(*) FROM bq.application").fetchone()[0] == before
