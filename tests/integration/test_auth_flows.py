"""Registration, the four ways in, reset, refresh families and logout."""

import json

import pytest

from people import (PASSWORD, bearer, code, cool, login, make_iin, make_phone, post,
                    register, set_email)
from problems import assert_problem

DEMO = "Balabaqsha-demo-2026"


def test_registration_shows_the_registry_person(api, stack, db):
    iin, phone = make_iin("900506", "3"), make_phone()
    stack.secrets.update([iin, phone])
    c = code(api, stack, phone, iin, "register")
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": c})
    assert r.status_code == 200
    out = r.json()
    person = out["person"]
    assert person["iin"] == iin and person["birth_date"] == "1990-05-06"
    assert person["sex"] == "male" and person["patronymic"].endswith("ұлы")
    assert out["expires_in"] == 900
    # Nothing exists until the password is set.
    assert db.execute("SELECT count(*) FROM bq.account WHERE iin = %s",
                      (iin,)).fetchone()[0] == 0
    r = post(api, "/v1/auth/register", {"registration_token": out["registration_token"],
                                        "password": PASSWORD, "password_confirm": PASSWORD})
    assert r.status_code == 201
    tokens = r.json()
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 900
    account = tokens["account"]
    assert account["iin"] == iin and account["phone"] == phone
    assert account["roles"] == ["parent"] and account["active_role"] == "parent"
    assert account["surname"] == person["surname"]
    me = api.get("/v1/me", headers=bearer(tokens["access_token"]))
    assert me.status_code == 200 and me.json()["id"] == account["id"]
    # The token can be spent once.
    r = post(api, "/v1/auth/register", {"registration_token": out["registration_token"],
                                        "password": PASSWORD, "password_confirm": PASSWORD})
    assert_problem(r, 422, "validation_failed", [("registration_token", "invalid_value")])


def test_an_iin_or_phone_registers_once(api, stack, db):
    iin, phone, _ = register(api, stack)
    for p, i, field in ((make_phone(), iin, "iin"), (phone, make_iin(), "phone")):
        cool(db, p)
        c = code(api, stack, p, i, "register")
        r = post(api, "/v1/auth/register/verify", {"phone": p, "iin": i, "code": c})
        assert_problem(r, 409, "conflict", [(field, "account_exists")])


@pytest.mark.parametrize("password,confirm,field,code_", [
    ("short1!", "short1!", "password", "too_short"),
    ("password1", "password1", "password", "common_password"),
    ("Qwertyuiop", "Qwertyuiop", "password", "common_password"),
    ("Tulpar-2026!", "Tulpar-2026?", "password_confirm", "mismatch"),
    ("x" * 129, "x" * 129, "password", "too_long"),
    ("Tulpar\n2026!", "Tulpar\n2026!", "password", "control_character"),
])
def test_password_policy(api, stack, password, confirm, field, code_):
    iin, phone = make_iin(), make_phone()
    c = code(api, stack, phone, iin, "register")
    reg = post(api, "/v1/auth/register/verify",
               {"phone": phone, "iin": iin, "code": c}).json()["registration_token"]
    r = post(api, "/v1/auth/register", {"registration_token": reg, "password": password,
                                        "password_confirm": confirm})
    assert_problem(r, 422, "validation_failed", [(field, code_)])


def test_a_forged_registration_token_is_refused(api):
    r = post(api, "/v1/auth/register", {"registration_token": "A" * 43,
                                        "password": PASSWORD, "password_confirm": PASSWORD})
    assert_problem(r, 422, "validation_failed", [("registration_token", "invalid_value")])
    r = post(api, "/v1/auth/register", {"registration_token": "short",
                                        "password": PASSWORD, "password_confirm": PASSWORD})
    assert_problem(r, 422, "validation_failed", [("registration_token", "invalid_value")])


def test_login_four_ways(api, stack):
    iin, phone, tokens = register(api, stack)
    email = f"p{iin}@mail.kz"
    set_email(api, stack, tokens["access_token"], email)
    r = api.patch("/v1/me", data=json.dumps({"login": f"parent{iin}"}),
                  headers={**bearer(tokens["access_token"]), "Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    national = "8 (" + phone[2:5] + ") " + phone[5:8] + "-" + phone[8:10] + "-" + phone[10:]
    for name in (iin, phone, national, email.upper(), f"PARENT{iin}"):
        t = login(api, stack, name)
        assert t["account"]["id"] == tokens["account"]["id"]


def test_staff_log_in_by_login_name(api, stack):
    t = login(api, stack, "admin", "Balabaqsha-demo-2026")
    assert t["account"]["roles"] == ["admin"] and t["account"]["active_role"] == "admin"
    for name in ("verifier", "kg1"):
        assert login(api, stack, name, "Balabaqsha-demo-2026")["account"]["login"] == name


def test_wrong_password_and_unknown_login_look_the_same(api, stack):
    iin, _, _ = register(api, stack)
    wrong = post(api, "/v1/auth/login", {"login": iin, "password": "Wrong-pass-1"})
    unknown = post(api, "/v1/auth/login", {"login": make_iin(), "password": "Wrong-pass-1"})
    for r in (wrong, unknown):
        body = assert_problem(r, 401, "invalid_credentials")
        assert body["errors"] == []
    assert wrong.json()["title"] == unknown.json()["title"]


def test_the_eleventh_attempt_is_refused_even_when_right(api, stack, db):
    iin, _, _ = register(api, stack)
    statuses = [post(api, "/v1/auth/login", {"login": iin, "password": f"Wrong-{i}-pass"})
                .status_code for i in range(10)]
    assert statuses == [401] * 9 + [423]
    r = post(api, "/v1/auth/login", {"login": iin, "password": PASSWORD})
    assert_problem(r, 423, "account_locked")
    assert 800 < int(r.headers["retry-after"]) <= 900
    # Fifteen minutes later it opens again.
    db.execute("UPDATE bq.account SET locked_until = now() - interval '1 second' "
               "WHERE iin = %s", (iin,))
    db.execute("UPDATE bq.login_failure SET at = at - interval '16 minutes'")
    assert login(api, stack, iin)["account"]["iin"] == iin


def test_unknown_logins_lock_the_same_way(api):
    name = make_iin()
    statuses = [post(api, "/v1/auth/login", {"login": name, "password": f"Wrong-{i}-pass"})
                .status_code for i in range(11)]
    assert statuses == [401] * 9 + [423, 423]


def test_login_with_a_code(api, stack, db):
    iin, phone, first = register(api, stack)
    cool(db, phone)
    c = code(api, stack, phone, iin, "login")
    r = post(api, "/v1/auth/login/code", {"phone": phone, "iin": iin, "code": c})
    assert r.status_code == 200
    assert r.json()["account"]["id"] == first["account"]["id"]
    r = post(api, "/v1/auth/login/code", {"phone": phone, "iin": iin, "code": c})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])


def test_password_reset_ends_every_session(api, stack, db):
    iin, phone, first = register(api, stack)
    cool(db, phone)
    c = code(api, stack, phone, iin, "reset")
    new = "Zhetysu-2027!"
    stack.secrets.add(new)
    r = post(api, "/v1/auth/password/reset", {"phone": phone, "iin": iin, "code": c,
                                              "password": new, "password_confirm": new})
    assert r.status_code == 204 and not r.content
    assert_problem(api.get("/v1/me", headers=bearer(first["access_token"])), 401,
                   "unauthorized")
    assert post(api, "/v1/auth/refresh", {"refresh_token": first["refresh_token"]}
                ).status_code == 401
    assert post(api, "/v1/auth/login", {"login": iin, "password": PASSWORD}
                ).status_code == 401
    assert login(api, stack, iin, new)["account"]["iin"] == iin


def test_password_reset_checks_code_and_policy(api, stack, db):
    iin, phone, _ = register(api, stack)
    r = post(api, "/v1/auth/password/reset", {"phone": phone, "iin": iin, "code": "000000",
                                              "password": "abc", "password_confirm": "abd"})
    assert_problem(r, 422, "validation_failed", [("password", "too_short")])
    r = post(api, "/v1/auth/password/reset", {"phone": phone, "iin": iin, "code": "000000",
                                              "password": "Zhetysu-2027!",
                                              "password_confirm": "Zhetysu-2027!"})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])


def test_refresh_rotates_and_reuse_kills_the_family(api, stack):
    _, _, first = register(api, stack)
    r = post(api, "/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert r.status_code == 200
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert api.get("/v1/me", headers=bearer(second["access_token"])).status_code == 200
    # The spent token again: a copy is out there; the session dies.
    r = post(api, "/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert_problem(r, 401, "unauthorized")
    assert post(api, "/v1/auth/refresh", {"refresh_token": second["refresh_token"]}
                ).status_code == 401
    for t in (first, second):
        assert api.get("/v1/me", headers=bearer(t["access_token"])).status_code == 401


def test_refresh_refuses_strangers_and_junk(api):
    r = post(api, "/v1/auth/refresh", {"refresh_token": "B" * 43})
    assert_problem(r, 401, "unauthorized")
    r = post(api, "/v1/auth/refresh", {"refresh_token": "not/a+token"})
    assert_problem(r, 422, "validation_failed", [("refresh_token", "invalid_format")])


def test_remember_me_makes_a_longer_session(api, stack):
    iin, _, _ = register(api, stack)
    short = post(api, "/v1/auth/login", {"login": iin, "password": PASSWORD}).json()
    long_ = post(api, "/v1/auth/login", {"login": iin, "password": PASSWORD,
                                         "remember": True}).json()
    assert short["refresh_expires_in"] <= 12 * 3600
    assert long_["refresh_expires_in"] > 29 * 86400


def test_logout_ends_the_session_only(api, stack):
    iin, _, first = register(api, stack)
    other = login(api, stack, iin)
    r = api.post("/v1/auth/logout", headers=bearer(first["access_token"]))
    assert r.status_code == 204
    assert_problem(api.get("/v1/me", headers=bearer(first["access_token"])), 401,
                   "unauthorized")
    assert post(api, "/v1/auth/refresh", {"refresh_token": first["refresh_token"]}
                ).status_code == 401
    assert api.get("/v1/me", headers=bearer(other["access_token"])).status_code == 200
    r = api.post("/v1/auth/logout", headers=bearer(first["access_token"]))
    assert_problem(r, 401, "unauthorized")


@pytest.fixture
def login_cap(db):
    db.execute("UPDATE bq.setting SET value = 5 WHERE name = 'login_per_client_minute'")
    db.execute("DELETE FROM bq.hash_attempt")
    yield
    db.execute("UPDATE bq.setting SET value = 100000 WHERE name = 'login_per_client_minute'")
    db.execute("DELETE FROM bq.hash_attempt")


def test_a_login_flood_is_turned_away_before_any_password_is_hashed(api, db, login_cap):
    for i in range(5):
        r = post(api, "/v1/auth/login", {"login": f"nobody{i}x", "password": "Wrong-pass-1"})
        assert r.status_code == 401, r.text
    failures = db.execute("SELECT count(*) FROM bq.login_failure").fetchone()[0]
    r = post(api, "/v1/auth/login", {"login": "nobody9x", "password": "Wrong-pass-1"})
    assert_problem(r, 429, "rate_limited")
    assert 1 <= int(r.headers["retry-after"]) <= 60
    # Refused before the password was looked at: no failure counted.
    assert db.execute("SELECT count(*) FROM bq.login_failure").fetchone()[0] == failures
    # The right password is turned away too, and nothing else is.
    r = post(api, "/v1/auth/login", {"login": "admin", "password": DEMO})
    assert_problem(r, 429, "rate_limited")
    assert api.get("/v1/regions").status_code == 200
    # Five checks of the address, five of the names tried: none refused.
    assert db.execute("SELECT count(*) FROM bq.hash_attempt").fetchone()[0] == 10
    # A minute later the address may try again.
    db.execute("UPDATE bq.hash_attempt SET at = at - interval '61 seconds'")
    r = post(api, "/v1/auth/login", {"login": "admin", "password": DEMO})
    assert r.status_code == 200, r.text
