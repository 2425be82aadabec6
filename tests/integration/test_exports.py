"""The department's exports: a city's queue as the public sees it plus
the applications' ids, and a round's protocol, in JSON and CSV; nothing
personal in either, another city's not found.  (The month's statements
are test_daily_life's.)"""

import csv
import io

import pytest

from people import Parent, bearer, city_admin, login
from places import DEMO, add_city, add_kindergarten, prove, run_round
from problems import assert_problem


@pytest.fixture
def admin(api, stack):
    return login(api, stack, "admin", DEMO)["access_token"]


def rows_of(r):
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.content.decode())))


def test_a_city_s_queue_in_queue_order_with_nothing_personal(api, stack, db, admin, region):
    p = Parent(api, stack)
    kids = [p.child("210301"), p.child("210302"), p.child("220401")]
    # A priority filed second goes ahead of the ordinary in its partition.
    apps = [p.file(k, region, priority="large_family" if i == 1 else None).json()
            for i, k in enumerate(kids)]
    prove(api, stack, db, region, apps[1]["id"])
    r = api.get(f"/v1/admin/regions/{region}/queue", headers=bearer(admin))
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["region_id"] == region
    got = [(i["birth_year"], i["position"], i["priority"], i["application_id"], i["number"])
           for i in doc["items"]]
    assert got == [(2021, 1, "priority", apps[1]["id"], apps[1]["number"]),
                   (2021, 2, None, apps[0]["id"], apps[0]["number"]),
                   (2022, 1, None, apps[2]["id"], apps[2]["number"])]
    # The same positions as the public queue and the family's card.
    for a, item in zip((apps[1], apps[0], apps[2]), doc["items"]):
        assert p.card(a["id"])["queue_position"] == item["position"]
    rows = rows_of(api.get(f"/v1/admin/regions/{region}/queue?format=csv",
                           headers=bearer(admin)))
    assert [(x["application_id"], x["position"], x["priority"]) for x in rows] == [
        (apps[1]["id"], "1", "priority"), (apps[0]["id"], "2", ""), (apps[2]["id"], "1", "")]
    text = r.text + str(rows)
    for secret in [p.iin] + [db.execute("SELECT iin FROM bq.child WHERE id = %s", (k,)
                                        ).fetchone()[0] for k in kids]:
        assert secret not in text


def test_the_queue_export_checks_its_input_and_its_city(api, stack, db, admin, region):
    for query, field, code in (("?format=xml", "format", "invalid_value"),
                               ("?page=2", "page", "unknown_field")):
        r = api.get(f"/v1/admin/regions/{region}/queue{query}", headers=bearer(admin))
        assert_problem(r, 422, "validation_failed", [(field, code)])
    _, dep = city_admin(api, stack, db, admin, add_city(db))
    for query in ("", "?format=csv"):
        assert_problem(api.get(f"/v1/admin/regions/{region}/queue{query}",
                               headers=bearer(dep)), 404, "not_found")
    assert_problem(api.get("/v1/admin/regions/nope/queue", headers=bearer(admin)), 404,
                   "not_found")
    p = Parent(api, stack)
    assert_problem(api.get(f"/v1/admin/regions/{region}/queue", headers=bearer(p.token)),
                   403, "forbidden")


def test_a_round_s_protocol_as_csv(api, stack, db, admin, region):
    add_kindergarten(db, region, [("senior", "kk", 2)])
    p = Parent(api, stack)
    for k in (p.child(), p.child()):
        p.file(k, region)
    rnd = run_round(api, admin, region)
    protocol = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}", headers=bearer(admin))
    rows = rows_of(api.get(f"/v1/admin/allocation-rounds/{rnd['id']}?format=csv",
                           headers=bearer(admin)))
    assert [(x["order"], x["number"], x["age_group"]) for x in rows] == [
        (str(x["order"]), x["number"], x["age_group"]) for x in protocol.json()["result"]]
    assert len(rows) == rnd["issued"] == 2
    r = api.get(f"/v1/admin/allocation-rounds/{rnd['id']}?format=pdf", headers=bearer(admin))
    assert_problem(r, 422, "validation_failed", [("format", "invalid_value")])
    _, dep = city_admin(api, stack, db, admin, add_city(db))
    assert_problem(api.get(f"/v1/admin/allocation-rounds/{rnd['id']}?format=csv",
                           headers=bearer(dep)), 404, "not_found")
