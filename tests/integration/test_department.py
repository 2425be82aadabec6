"""The department runs the city through the API: roles granted and
revoked, accounts blocked, kindergartens and groups kept, each act in the
audit log; a city's department acts on its own city only."""

import uuid

import pytest

from people import STAFF_PASSWORD as PW, Parent, bearer, city_admin, login, post
from places import DEMO, add_city, add_kindergarten, groups_of, staff_of
from problems import assert_problem


@pytest.fixture
def admin(api, stack):
    return login(api, stack, "admin", DEMO)["access_token"]


def new_kindergarten(db, region):
    bin_ = db.execute(
        "SELECT d || bq.check_digit(d) FROM (SELECT lpad((random() * 1e11)::bigint::text,"
        " 11, '0') AS d FROM generate_series(1, 50)) x"
        " WHERE bq.check_digit(d) IS NOT NULL LIMIT 1").fetchone()[0]
    return {"code": "D-" + bin_, "bin": bin_, "name_kk": "Жаңа балабақша",
            "name_ru": "Новый детский сад", "region_id": region, "address_kk": "Көше 1",
            "address_ru": "Улица 1", "lat": 43.25, "lon": 76.95, "ownership": "state",
            "phone": "8 701 123 45 67", "website": "https://kg.example.kz"}


def test_a_kindergarten_is_made_edited_suspended_and_reopened(api, stack, db, admin):
    region = add_city(db)
    body = new_kindergarten(db, region)
    r = post(api, "/v1/admin/kindergartens", body, token=admin)
    assert r.status_code == 201, r.text
    kg = r.json()
    assert kg["status"] == "open" and kg["groups"] == []
    assert kg["contacts"]["phone"] == "+77011234567"
    assert kg["names"]["en"] == body["name_ru"]
    assert_problem(post(api, "/v1/admin/kindergartens", body, token=admin), 409, "conflict",
                   [("code", "taken")])
    r = post(api, f"/v1/admin/kindergartens/{kg['id']}/groups",
             {"name": "Күншуақ", "age_group": "senior", "language": "kk", "capacity": 2},
             token=admin)
    assert r.status_code == 201, r.text
    group = r.json()
    assert group["free_places"] == 2 and group["closed_at"] is None
    r = api.patch(f"/v1/admin/kindergartens/{kg['id']}", json={"hours": "08:00-18:00",
                                                               "email": None},
                  headers=bearer(admin))
    assert r.status_code == 200 and r.json()["hours"] == "08:00-18:00", r.text
    r = post(api, f"/v1/admin/kindergartens/{kg['id']}/suspend", {"reason": "Repairs"},
             token=admin)
    assert r.json()["status"] == "suspended" and r.json()["free_places"] == 0, r.text
    card = api.get(f"/v1/kindergartens/{kg['id']}").json()
    assert card["status"] == "suspended" and card["suspended_reason"] == "Repairs"
    r = api.post(f"/v1/admin/kindergartens/{kg['id']}/reopen", headers=bearer(admin))
    assert r.json()["status"] == "open" and r.json()["free_places"] == 2, r.text
    log = api.get(f"/v1/admin/audit?object_id={kg['id']}", headers=bearer(admin)).json()
    assert [e["action"] for e in log["items"]] == [
        "kindergarten_reopened", "kindergarten_suspended", "kindergarten_updated",
        "kindergarten_created"]
    assert log["items"][0]["actor"]["role"] == "admin"
    assert log["items"][2]["detail"]["fields"] == ["email", "hours"]


def test_bad_kindergarten_input_is_422_and_stores_nothing(api, db, admin):
    region = add_city(db)
    before = db.execute("SELECT count(*) FROM bq.kindergarten").fetchone()[0]
    body = new_kindergarten(db, region)
    for change, field, code_ in [({"bin": body["bin"][:11] + "x"}, "bin", "invalid_format"),
                                 ({"lat": 91}, "lat", "out_of_range"),
                                 ({"lon": "east"}, "lon", "wrong_type"),
                                 ({"code": "lower"}, "code", "invalid_format"),
                                 ({"website": "ftp://x.example"}, "website",
                                  "invalid_format"),
                                 ({"ownership": "church"}, "ownership", "invalid_value"),
                                 ({"region_id": str(uuid.uuid4())}, "region_id",
                                  "invalid_value")]:
        r = post(api, "/v1/admin/kindergartens", {**body, **change}, token=admin)
        assert_problem(r, 422, "validation_failed", [(field, code_)])
    r = post(api, "/v1/admin/kindergartens", {k: v for k, v in body.items() if k != "name_kk"},
             token=admin)
    assert_problem(r, 422, "validation_failed", [("name_kk", "required")])
    assert db.execute("SELECT count(*) FROM bq.kindergarten").fetchone()[0] == before


def test_a_city_department_acts_on_its_city_only(api, stack, db, admin):
    mine, other = add_city(db), add_city(db)
    _, dep = city_admin(api, stack, db, admin, mine)
    far = add_kindergarten(db, other, [("senior", "kk", 3)])
    near = add_kindergarten(db, mine, [("senior", "kk", 3)])
    far_staff_id = post(api, "/v1/admin/staff", {
        "login": "fs" + uuid.uuid4().hex[:8], "password": PW, "surname": "А",
        "first_name": "Б", "role": "kindergarten_staff", "kindergarten_id": far},
        token=admin).json()["id"]
    for method, path, body in [
            ("PATCH", f"/v1/admin/kindergartens/{far}", {"hours": "9-18"}),
            ("POST", f"/v1/admin/kindergartens/{far}/suspend", {"reason": "Repairs"}),
            ("PATCH", f"/v1/admin/groups/{groups_of(db, far)['senior kk']}", {"capacity": 9}),
            ("GET", f"/v1/admin/accounts/{far_staff_id}", None),
            ("POST", f"/v1/admin/accounts/{far_staff_id}/block", {"reason": "Fraud"})]:
        r = api.request(method, path, json=body, headers=bearer(dep))
        assert_problem(r, 404, "not_found")
    r = api.patch(f"/v1/admin/groups/{groups_of(db, near)['senior kk']}", json={"capacity": 9},
                  headers=bearer(dep))
    assert r.status_code == 200 and r.json()["capacity"] == 9, r.text
    r = post(api, "/v1/admin/kindergartens", new_kindergarten(db, other), token=dep)
    assert_problem(r, 422, "validation_failed", [("region_id", "invalid_value")])
    # The city's log holds its own acts, not the other city's.
    acts = api.get("/v1/admin/audit", headers=bearer(dep)).json()["items"]
    assert all(e["region_id"] in (mine, None) for e in acts)
    assert any(e["action"] == "group_updated" for e in acts)


def test_roles_are_granted_and_revoked_and_sessions_end(api, stack, db, admin):
    region = add_city(db)
    kg = add_kindergarten(db, region, [("senior", "kk", 3)])
    name = "rv" + uuid.uuid4().hex[:8]
    acc = post(api, "/v1/admin/staff", {"login": name, "password": PW, "surname": "В",
                                        "first_name": "Г", "role": "verifier"},
               token=admin).json()["id"]
    r = api.put(f"/v1/admin/accounts/{acc}/roles/verifier", json={"region_id": region},
                headers=bearer(admin))
    assert r.status_code == 200, r.text
    assert r.json()["scopes"][0]["region"]["id"] == region
    r = api.put(f"/v1/admin/accounts/{acc}/roles/kindergarten_staff", json={},
                headers=bearer(admin))
    assert_problem(r, 422, "validation_failed", [("kindergarten_id", "required")])
    r = api.put(f"/v1/admin/accounts/{acc}/roles/kindergarten_staff",
                json={"kindergarten_id": kg}, headers=bearer(admin))
    assert sorted(r.json()["roles"]) == ["kindergarten_staff", "verifier"], r.text
    token = login(api, stack, name, PW)["access_token"]
    r = api.delete(f"/v1/admin/accounts/{acc}/roles/verifier", headers=bearer(admin))
    assert r.json()["roles"] == ["kindergarten_staff"], r.text
    # The session that acted as a verifier ended with the role.
    assert api.get("/v1/me", headers=bearer(token)).status_code == 401
    r = api.delete(f"/v1/admin/accounts/{acc}/roles/kindergarten_staff", headers=bearer(admin))
    assert_problem(r, 409, "conflict", [("role", "last_role")])
    assert_problem(api.delete(f"/v1/admin/accounts/{acc}/roles/verifier",
                              headers=bearer(admin)), 404, "not_found")
    me = api.get("/v1/me", headers=bearer(admin)).json()["id"]
    assert_problem(api.delete(f"/v1/admin/accounts/{me}/roles/admin", headers=bearer(admin)),
                   409, "conflict", [("role", "own_account")])
    actions = [e["action"] for e in api.get(f"/v1/admin/audit?object_id={acc}",
                                            headers=bearer(admin)).json()["items"]]
    assert actions == ["role_revoked", "role_granted", "role_granted", "staff_created"]


def test_a_blocked_parent_cannot_sign_in_and_keeps_the_place(api, stack, db, admin):
    region = add_city(db)
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()
    r = post(api, f"/v1/admin/accounts/{p.account}/block", {"reason": "Forged documents"},
             token=admin)
    assert r.status_code == 200 and r.json()["blocked"]["reason"] == "Forged documents", r.text
    assert api.get("/v1/me", headers=bearer(p.token)).status_code == 401
    assert db.execute("SELECT status FROM bq.application WHERE id = %s",
                      (app["id"],)).fetchone()[0] == "queued"
    me = api.get("/v1/me", headers=bearer(admin)).json()["id"]
    assert_problem(post(api, f"/v1/admin/accounts/{me}/block", {"reason": "Myself"},
                        token=admin), 409, "conflict", [("account_id", "own_account")])
    assert_problem(post(api, f"/v1/admin/accounts/{p.account}/block", {"reason": "x"},
                        token=admin), 422, "validation_failed", [("reason", "too_short")])
    r = api.post(f"/v1/admin/accounts/{p.account}/unblock", headers=bearer(admin))
    assert r.status_code == 200 and r.json()["blocked"] is None, r.text


def test_a_staff_login_of_a_blocked_account_is_403(api, stack, db, admin):
    name = "bl" + uuid.uuid4().hex[:8]
    acc = post(api, "/v1/admin/staff", {"login": name, "password": PW, "surname": "Д",
                                        "first_name": "Е", "role": "support"},
               token=admin).json()["id"]
    assert post(api, f"/v1/admin/accounts/{acc}/block", {"reason": "Left the job"},
                token=admin).status_code == 200
    r = post(api, "/v1/auth/login", {"login": name, "password": PW})
    assert_problem(r, 403, "account_blocked")
    api.post(f"/v1/admin/accounts/{acc}/unblock", headers=bearer(admin))
    assert login(api, stack, name, PW)["access_token"]


def test_capacity_below_taken_names_the_count_and_a_closed_group_takes_no_one(
        api, stack, db, admin):
    region = add_city(db)
    kg = add_kindergarten(db, region, [("senior", "kk", 3)])
    group = groups_of(db, kg)["senior kk"]
    db.execute("INSERT INTO bq.seat (group_id, kind) VALUES (%s, 'enrolled'), "
               "(%s, 'enrolled')", (group, group))
    r = api.patch(f"/v1/admin/groups/{group}", json={"capacity": 1}, headers=bearer(admin))
    body = assert_problem(r, 409, "conflict", [("capacity", "below_taken")])
    assert body["errors"][0]["count"] == 2
    r = post(api, f"/v1/admin/groups/{group}/close", {"reason": "Merged"}, token=admin)
    body = assert_problem(r, 409, "conflict", [("group_id", "in_use")])
    assert body["errors"][0]["count"] == 2
    db.execute("UPDATE bq.seat SET released_at = now() WHERE group_id = %s", (group,))
    r = post(api, f"/v1/admin/groups/{group}/close", {"reason": "Merged"}, token=admin)
    assert r.status_code == 200 and r.json()["closed_at"], r.text
    assert api.get(f"/v1/kindergartens/{kg}").json()["groups"] == []
    staff = staff_of(api, stack, admin, kg)
    r = api.patch("/v1/kindergarten/contacts", json={"phone": "+77017654321"},
                  headers=bearer(staff))
    assert r.status_code == 200 and r.json()["contacts"]["phone"] == "+77017654321", r.text
    assert_problem(api.patch("/v1/kindergarten/contacts", json={"name_ru": "X"},
                             headers=bearer(staff)), 422, "validation_failed",
                   [("name_ru", "unknown_field")])


def test_only_administrators_run_the_city(api, stack, db):
    p = Parent(api, stack)
    for method, path in [("GET", "/v1/admin/audit"), ("POST", "/v1/admin/kindergartens"),
                         ("GET", f"/v1/admin/accounts/{p.account}")]:
        r = api.request(method, path, json={} if method == "POST" else None,
                        headers=bearer(p.token))
        assert_problem(r, 403, "forbidden")
    assert login(api, stack, "admin", DEMO)
