"""Children: the registry look-up, adding, reading, changing, deleting,
photos and trustees; and that another parent's child is never there."""

import json

import pytest

from people import JSON, bearer, make_iin, post, register
from problems import assert_problem

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60


def child_iin(born="220315"):
    return make_iin(born, "5")


def add_child(api, token, iin=None, sex="female"):
    iin = iin or child_iin()
    r = post(api, "/v1/children", {"iin": iin, "sex": sex}, token=token)
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def parent(api, stack):
    _, _, t = register(api, stack)
    return t["access_token"]


@pytest.fixture
def stranger(api, stack):
    _, _, t = register(api, stack)
    return t["access_token"]


def test_lookup_shows_the_registry_child(api, parent):
    iin = child_iin("230101")
    r = post(api, "/v1/children/lookup", {"iin": iin}, token=parent)
    assert r.status_code == 200
    child = r.json()
    assert child["iin"] == iin and child["birth_date"] == "2023-01-01"
    assert child["surname"] and child["first_name"]


def test_lookup_refuses_adults(api, parent):
    r = post(api, "/v1/children/lookup", {"iin": make_iin("850312", "3")}, token=parent)
    assert_problem(r, 422, "validation_failed", [("iin", "out_of_range")])


@pytest.mark.parametrize("iin,code_", [
    ("22031550000", "invalid_format"), ("2203155000ab", "invalid_format"),
    ("220315500001", "check_digit"), (220315500005, "wrong_type"), (None, "wrong_type"),
])
@pytest.mark.parametrize("path", ["/v1/children/lookup", "/v1/children"])
def test_bad_iins_are_422(api, db, parent, path, iin, code_):
    if iin == "220315500001":
        from people import iin_check
        assert iin_check(iin[:11]) != 1  # truly a wrong check digit
    before = db.execute("SELECT count(*) FROM bq.child").fetchone()[0]
    body = {"iin": iin, "sex": "male"} if path == "/v1/children" else {"iin": iin}
    r = post(api, path, body, token=parent)
    assert_problem(r, 422, "validation_failed", [("iin", code_)])
    assert db.execute("SELECT count(*) FROM bq.child").fetchone()[0] == before


def test_registry_lookups_are_capped(api, db, parent):
    db.execute("UPDATE bq.setting SET value = 2 WHERE name = 'registry_lookups_per_hour'")
    try:
        for _ in range(2):
            assert post(api, "/v1/children/lookup", {"iin": child_iin()},
                        token=parent).status_code == 200
        r = post(api, "/v1/children/lookup", {"iin": child_iin()}, token=parent)
        assert_problem(r, 429, "rate_limited")
        assert r.headers["retry-after"] == "3600"
    finally:
        db.execute("UPDATE bq.setting SET value = 100000 "
                   "WHERE name = 'registry_lookups_per_hour'")


def test_add_read_change_delete(api, parent):
    child = add_child(api, parent, sex="female")
    assert child["access"] == "owner" and child["sex"] == "female"
    assert child["has_photo"] is False
    listed = api.get("/v1/children", headers=bearer(parent)).json()["items"]
    assert [c["id"] for c in listed] == [child["id"]]
    one = api.get(f"/v1/children/{child['id']}", headers=bearer(parent)).json()
    assert one == child
    r = api.patch(f"/v1/children/{child['id']}", data=json.dumps({"sex": "male"}),
                  headers={**bearer(parent), **JSON})
    assert r.status_code == 200 and r.json()["sex"] == "male"
    assert r.json()["surname"] == child["surname"]
    r = api.request("DELETE", f"/v1/children/{child['id']}", headers=bearer(parent))
    assert r.status_code == 204
    assert_problem(api.get(f"/v1/children/{child['id']}", headers=bearer(parent)), 404,
                   "not_found")


def test_an_iin_is_added_once_by_anyone(api, parent, stranger):
    iin = child_iin()
    add_child(api, parent, iin)
    for token in (parent, stranger):
        r = post(api, "/v1/children", {"iin": iin, "sex": "male"}, token=token)
        assert_problem(r, 409, "conflict", [("iin", "taken")])


@pytest.mark.parametrize("body,field,code_", [
    ({"sex": "other"}, "sex", "invalid_value"),
    ({"surname": "X"}, "surname", "unknown_field"),
    ({"sex": None}, "sex", "wrong_type"),
])
def test_child_patch_bad_fields(api, parent, body, field, code_):
    child = add_child(api, parent)
    r = api.patch(f"/v1/children/{child['id']}", data=json.dumps(body),
                  headers={**bearer(parent), **JSON})
    assert_problem(r, 422, "validation_failed", [(field, code_)])


def test_add_needs_a_sex(api, parent):
    r = post(api, "/v1/children", {"iin": child_iin()}, token=parent)
    assert_problem(r, 422, "validation_failed", [("sex", "required")])


def test_photo(api, parent):
    child = add_child(api, parent)
    path = f"/v1/children/{child['id']}/photo"
    assert_problem(api.get(path, headers=bearer(parent)), 404, "not_found")
    r = api.request("PUT", path, data=PNG, headers={**bearer(parent), "Content-Type": "image/png"})
    assert r.status_code == 200, r.text
    assert r.json()["size"] == len(PNG)
    got = api.get(path, headers=bearer(parent))
    assert got.status_code == 200 and got.content == PNG
    assert got.headers["content-type"] == "image/png"
    r = api.request("PUT", path, data=JPEG, headers={**bearer(parent), "Content-Type": "image/jpeg"})
    assert r.status_code == 200
    assert api.get(path, headers=bearer(parent)).content == JPEG
    assert api.get(f"/v1/children/{child['id']}", headers=bearer(parent)).json()["has_photo"]


@pytest.mark.parametrize("data,ctype,status,code_", [
    (PNG, "text/plain", 415, "unsupported_media_type"),
    (PNG, "application/pdf", 415, "unsupported_media_type"),
    (JPEG, "image/png", 422, "validation_failed"),
    (b"GIF89a" + b"\x00" * 20, "image/png", 422, "validation_failed"),
    (b"", "image/png", 422, "validation_failed"),
    (PNG + b"\x00" * (2 * 1024 * 1024), "image/png", 413, "payload_too_large"),
])
def test_bad_photos(api, parent, data, ctype, status, code_):
    child = add_child(api, parent)
    r = api.request("PUT", f"/v1/children/{child['id']}/photo", data=data,
                    headers={**bearer(parent), "Content-Type": ctype})
    assert_problem(r, status, code_)
    assert not api.get(f"/v1/children/{child['id']}", headers=bearer(parent)).json()["has_photo"]


def test_another_parents_child_is_not_there(api, db, parent, stranger, stack):
    child = add_child(api, parent)
    api.request("PUT", f"/v1/children/{child['id']}/photo", data=PNG,
                headers={**bearer(parent), "Content-Type": "image/png"})
    iin, _, _ = register(api, stack)
    base = f"/v1/children/{child['id']}"
    some_account = "00000000-0000-4000-8000-000000000000"
    calls = [
        ("GET", base, None), ("PATCH", base, {"sex": "male"}), ("DELETE", base, None),
        ("GET", base + "/photo", None), ("PUT", base + "/photo", PNG),
        ("GET", base + "/trustees", None), ("POST", base + "/trustees", {"iin": iin}),
        ("DELETE", base + f"/trustees/{some_account}", None),
    ]
    for method, path, body in calls:
        headers = bearer(stranger)
        if isinstance(body, bytes):
            data, headers = body, {**headers, "Content-Type": "image/png"}
        elif body is not None:
            data, headers = json.dumps(body), {**headers, **JSON}
        else:
            data = None
        r = api.request(method, path, data=data, headers=headers)
        assert_problem(r, 404, "not_found")
    assert api.get("/v1/children", headers=bearer(stranger)).json()["items"] == []
    # Nothing changed.
    assert db.execute("SELECT sex FROM bq.child WHERE id = %s", (child["id"],)).fetchone()[0] \
        == child["sex"]
    assert api.get(base + "/photo", headers=bearer(parent)).content == PNG


def test_trustees(api, stack, parent):
    child = add_child(api, parent)
    t_iin, _, trustee = register(api, stack)
    trustee = trustee["access_token"]
    base = f"/v1/children/{child['id']}"
    r = post(api, base + "/trustees", {"iin": t_iin}, token=parent)
    assert r.status_code == 201
    invitation = r.json()
    assert invitation["status"] == "pending" and invitation["iin"] == t_iin
    # Invited, not yet a trustee: the parent sees the invitation only.
    listed = api.get(base + "/trustees", headers=bearer(parent)).json()
    assert listed["items"] == [] and [i["id"] for i in listed["invitations"]] == [invitation["id"]]
    assert api.get("/v1/trusted-children", headers=bearer(trustee)).json()["items"] == []
    mine = api.get("/v1/trustee-invitations", headers=bearer(trustee)).json()["items"]
    assert [i["id"] for i in mine] == [invitation["id"]]
    assert mine[0]["child"]["surname"] == child["surname"]
    r = api.post(f"/v1/trustee-invitations/{invitation['id']}/accept", headers=bearer(trustee))
    assert r.status_code == 200 and r.json()["access"] == "trustee"
    listed = api.get(base + "/trustees", headers=bearer(parent)).json()
    assert len(listed["items"]) == 1 and listed["invitations"] == []
    trustee_id = listed["items"][0]["account_id"]
    # Accepted once: the invitation is gone.
    assert_problem(api.post(f"/v1/trustee-invitations/{invitation['id']}/accept",
                            headers=bearer(trustee)), 404, "not_found")
    # The trustee sees the child and acts for it...
    trusted = api.get("/v1/trusted-children", headers=bearer(trustee)).json()["items"]
    assert [c["id"] for c in trusted] == [child["id"]] and trusted[0]["access"] == "trustee"
    assert api.get(base, headers=bearer(trustee)).json()["access"] == "trustee"
    r = api.request("PUT", base + "/photo", data=PNG,
                    headers={**bearer(trustee), "Content-Type": "image/png"})
    assert r.status_code == 200
    seen = api.get(base + "/trustees", headers=bearer(trustee))
    assert seen.status_code == 200 and seen.json()["invitations"] == []
    # ...but does not manage trustees or delete the child.
    assert_problem(post(api, base + "/trustees", {"iin": t_iin}, token=trustee), 403,
                   "forbidden")
    assert_problem(api.request("DELETE", base + f"/trustees/{trustee_id}",
                               headers=bearer(trustee)), 403, "forbidden")
    assert_problem(api.request("DELETE", base, headers=bearer(trustee)), 403, "forbidden")
    # Revoked: the rights end at once.
    r = api.request("DELETE", base + f"/trustees/{trustee_id}", headers=bearer(parent))
    assert r.status_code == 204
    assert api.get("/v1/trusted-children", headers=bearer(trustee)).json()["items"] == []
    assert_problem(api.get(base, headers=bearer(trustee)), 404, "not_found")
    assert_problem(api.request("DELETE", base + f"/trustees/{trustee_id}",
                               headers=bearer(parent)), 404, "not_found")


def test_an_invitation_is_declined_or_withdrawn(api, stack, db, parent):
    child = add_child(api, parent)
    t_iin, _, trustee = register(api, stack)
    trustee = trustee["access_token"]
    base = f"/v1/children/{child['id']}/trustees"
    first = post(api, base, {"iin": t_iin}, token=parent).json()
    # Asked again while open: the same invitation, no second message.
    assert post(api, base, {"iin": t_iin}, token=parent).json()["id"] == first["id"]
    assert db.execute("SELECT count(*) FROM bq.notification n JOIN bq.account a "
                      "ON a.id = n.account_id WHERE a.iin = %s AND n.kind = 'trustee_invited'",
                      (t_iin,)).fetchone()[0] == 1
    assert api.request("DELETE", f"/v1/trustee-invitations/{first['id']}",
                       headers=bearer(trustee)).status_code == 204
    assert api.get("/v1/trustee-invitations", headers=bearer(trustee)).json()["items"] == []
    second = post(api, base, {"iin": t_iin}, token=parent).json()
    assert second["id"] != first["id"]
    assert api.request("DELETE", f"/v1/trustee-invitations/{second['id']}",
                       headers=bearer(parent)).status_code == 204
    assert_problem(api.post(f"/v1/trustee-invitations/{second['id']}/accept",
                            headers=bearer(trustee)), 404, "not_found")
    statuses = [r[0] for r in db.execute(
        "SELECT status::text FROM bq.trustee_invitation WHERE child_id = %s ORDER BY created_at",
        (child["id"],))]
    assert statuses == ["declined", "cancelled"]
    assert db.execute("SELECT count(*) FROM bq.trustee WHERE child_id = %s",
                      (child["id"],)).fetchone()[0] == 0


def test_an_invitation_lapses(api, stack, db, parent):
    child = add_child(api, parent)
    t_iin, _, trustee = register(api, stack)
    inv = post(api, f"/v1/children/{child['id']}/trustees", {"iin": t_iin}, token=parent).json()
    db.execute("UPDATE bq.trustee_invitation SET created_at = now() - interval '15 days', "
               "expires_at = now() - interval '1 day' WHERE id = %s", (inv["id"],))
    assert api.get("/v1/trustee-invitations",
                   headers=bearer(trustee["access_token"])).json()["items"] == []
    assert_problem(api.post(f"/v1/trustee-invitations/{inv['id']}/accept",
                            headers=bearer(trustee["access_token"])), 404, "not_found")
    assert db.execute("SELECT bq.sweep_invitations()").fetchone()[0] >= 1
    assert db.execute("SELECT status::text FROM bq.trustee_invitation WHERE id = %s",
                      (inv["id"],)).fetchone()[0] == "expired"


def test_one_cannot_invite_oneself(api, stack):
    own_iin, _, t = register(api, stack)
    child = add_child(api, t["access_token"])
    r = post(api, f"/v1/children/{child['id']}/trustees", {"iin": own_iin},
             token=t["access_token"])
    assert_problem(r, 422, "validation_failed", [("iin", "invalid_value")])


def test_children_routes_are_for_parents(api, stack):
    from people import login
    staff = login(api, stack, "verifier", "Balabaqsha-demo-2026")
    assert_problem(api.get("/v1/children", headers=bearer(staff["access_token"])), 403,
                   "forbidden")
    assert_problem(api.get("/v1/children"), 401, "unauthorized")
