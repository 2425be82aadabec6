"""/v1/me, its password, roles and log; staff accounts; the token matrix."""

import base64
import hashlib
import hmac
import json
import time

import pytest

from people import (PASSWORD, bearer, jwt_key, login, mail_for, make_iin, post, register,
                    set_email)
from problems import assert_problem

DEMO = "Balabaqsha-demo-2026"


def patch(api, token, body):
    return api.patch("/v1/me", data=json.dumps(body),
                     headers={**bearer(token), "Content-Type": "application/json"})


def test_me_patch_changes_only_what_is_sent(api, stack):
    iin, _, t = register(api, stack)
    token = t["access_token"]
    r = patch(api, token, {"language": "ru"})
    assert r.status_code == 200 and r.json()["language"] == "ru"
    r = patch(api, token, {"login": f"a{iin}"})
    assert r.json()["login"] == f"a{iin}" and r.json()["language"] == "ru"
    assert set_email(api, stack, token, f"a{iin}@mail.kz")["language"] == "ru"
    r = patch(api, token, {"email": None})
    assert r.json()["email"] is None and r.json()["email_pending"] is None
    log = api.get("/v1/me/log", headers=bearer(token)).json()["items"]
    assert log[0]["action"] == "profile_updated" and log[0]["detail"] == {"fields": ["email"]}


def test_a_new_e_mail_waits_for_its_code(api, stack, db):
    iin, _, t = register(api, stack)
    token = t["access_token"]
    address = f"w{iin}@mail.kz"
    stack.secrets.add(address)
    r = patch(api, token, {"email": address, "language": "kk"})
    assert r.status_code == 200, r.text
    assert r.json()["email"] is None and r.json()["email_pending"] == address
    m = mail_for(stack, address)
    stack.secrets.add(m["code"])
    # In the account's language, the code in the text.
    assert m["language"] == "kk" and m["code"] in m["text"]
    assert "растау" in m["subject"]
    for wrong in ("000000", "12345", "abcdef"):
        if wrong == m["code"]:
            continue
        r = post(api, "/v1/me/email/verify", {"code": wrong}, token=token)
        assert r.status_code == 422, r.text
    assert api.get("/v1/me", headers=bearer(token)).json()["email"] is None
    r = post(api, "/v1/me/email/verify", {"code": m["code"]}, token=token)
    assert r.status_code == 200 and r.json()["email"] == address, r.text
    assert r.json()["email_pending"] is None
    # Used: the same code again is wrong.
    r = post(api, "/v1/me/email/verify", {"code": m["code"]}, token=token)
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    # Sent, the code and text are gone from the outbox.
    assert db.execute("SELECT body, code FROM bq.email_outbox WHERE address = %s "
                      "AND status = 'sent'", (address,)).fetchone() == (None, None)


def test_wrong_e_mail_codes_kill_the_code(api, stack, db):
    iin, _, t = register(api, stack)
    token = t["access_token"]
    address = f"k{iin}@mail.kz"
    stack.secrets.add(address)
    patch(api, token, {"email": address})
    m = mail_for(stack, address)
    stack.secrets.add(m["code"])
    wrong = "%06d" % ((int(m["code"]) + 1) % 10**6)
    for _ in range(5):
        r = post(api, "/v1/me/email/verify", {"code": wrong}, token=token)
        assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    r = post(api, "/v1/me/email/verify", {"code": m["code"]}, token=token)
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    assert api.get("/v1/me", headers=bearer(token)).json()["email_pending"] is None


@pytest.mark.parametrize("body,field,code_", [
    ({"email": "nope"}, "email", "invalid_format"),
    ({"login": "1abc"}, "login", "invalid_format"),
    ({"login": "a b"}, "login", "invalid_format"),
    ({"language": "de"}, "language", "invalid_value"),
    ({"language": None}, "language", "wrong_type"),
    ({"surname": "X"}, "surname", "unknown_field"),
    ({"phone": "+77010000000"}, "phone", "unknown_field"),
])
def test_me_patch_refuses_bad_fields(api, stack, body, field, code_):
    _, _, t = register(api, stack)
    r = patch(api, t["access_token"], body)
    assert_problem(r, 422, "validation_failed", [(field, code_)])


def test_me_patch_taken_values_are_409(api, stack):
    _, _, a = register(api, stack)
    iin, _, b = register(api, stack)
    assert patch(api, a["access_token"], {"login": f"x{iin}"}).status_code == 200
    r = patch(api, b["access_token"], {"login": f"X{iin}"})
    assert_problem(r, 409, "conflict", [("login", "taken")])


def test_password_change(api, stack):
    iin, _, t = register(api, stack)
    other = login(api, stack, iin)
    new = "Altyn-Emel-2028"
    stack.secrets.add(new)
    r = post(api, "/v1/me/password", {"current_password": "Wrong-pass-9",
                                      "password": new, "password_confirm": new},
             token=t["access_token"])
    assert_problem(r, 422, "validation_failed", [("current_password", "invalid_value")])
    r = post(api, "/v1/me/password", {"current_password": PASSWORD, "password": "12345678",
                                      "password_confirm": "12345678"},
             token=t["access_token"])
    assert_problem(r, 422, "validation_failed", [("password", "common_password")])
    r = post(api, "/v1/me/password", {"current_password": PASSWORD, "password": new,
                                      "password_confirm": new}, token=t["access_token"])
    assert r.status_code == 204
    # This session goes on; the others end.
    assert api.get("/v1/me", headers=bearer(t["access_token"])).status_code == 200
    assert api.get("/v1/me", headers=bearer(other["access_token"])).status_code == 401
    assert login(api, stack, iin, new)["account"]["iin"] == iin


def test_role_switch(api, stack, db):
    t = login(api, stack, "verifier", DEMO)
    account = t["account"]["id"]
    r = post(api, "/v1/me/role", {"role": "support"}, token=t["access_token"])
    assert_problem(r, 422, "validation_failed", [("role", "invalid_value")])
    # A second role, as an administrator would grant it.
    db.execute("INSERT INTO bq.account_role (account_id, role) VALUES (%s, 'support') "
               "ON CONFLICT DO NOTHING", (account,))
    try:
        r = post(api, "/v1/me/role", {"role": "support"}, token=t["access_token"])
        assert r.status_code == 200
        switched = r.json()
        assert switched["account"]["active_role"] == "support"
        assert sorted(switched["account"]["roles"]) == ["support", "verifier"]
        me = api.get("/v1/me", headers=bearer(switched["access_token"])).json()
        assert me["active_role"] == "support"
        # The old refresh token is retired, not a reuse: the session lives.
        assert post(api, "/v1/auth/refresh", {"refresh_token": t["refresh_token"]}
                    ).status_code == 401
        r = post(api, "/v1/auth/refresh", {"refresh_token": switched["refresh_token"]})
        assert r.status_code == 200 and r.json()["account"]["active_role"] == "support"
    finally:
        db.execute("DELETE FROM bq.account_role WHERE account_id = %s AND role = 'support'",
                   (account,))
    r = post(api, "/v1/me/role", {"role": "wizard"}, token=t["access_token"])
    assert_problem(r, 422, "validation_failed", [("role", "invalid_value")])


def test_me_says_where_each_role_acts(api, stack, db):
    """Staff see their kindergarten, a verifier the region, a parent none."""
    kg = db.execute("SELECT k.id::text, k.bin, k.name_ru FROM bq.account_role r "
                    "JOIN bq.account a ON a.id = r.account_id "
                    "JOIN bq.kindergarten k ON k.id = r.kindergarten_id "
                    "WHERE a.login = 'kg1'").fetchone()
    me = api.get("/v1/me", headers=bearer(login(api, stack, "kg1", DEMO)["access_token"])).json()
    assert me["scopes"] == [{"role": "kindergarten_staff", "region": None,
                             "kindergarten": {"id": kg[0], "bin": kg[1], "name_ru": kg[2],
                                              "name_kk": me["scopes"][0]["kindergarten"]["name_kk"]}}]
    me = api.get("/v1/me", headers=bearer(login(api, stack, "verifier", DEMO)["access_token"])).json()
    assert [(s["role"], s["region"]["code"], s["kindergarten"]) for s in me["scopes"]] == [
        ("verifier", "almaty", None)]
    _, _, tokens = register(api, stack)
    me = tokens["account"]
    assert me["scopes"] == [{"role": "parent", "kindergarten": None, "region": None}]


def test_user_log_pages(api, stack):
    iin, _, t = register(api, stack)
    for _ in range(3):
        login(api, stack, iin)
    post(api, "/v1/auth/login", {"login": iin, "password": "Wrong-pass-1"})
    token = t["access_token"]
    whole = api.get("/v1/me/log", headers=bearer(token)).json()
    actions = [e["action"] for e in whole["items"]]
    assert actions == ["login_failed", "login", "login", "login", "registered"]
    assert whole["next_cursor"] is None
    seen, cursor = [], None
    while True:
        q = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = api.get("/v1/me/log" + q, headers=bearer(token)).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [e["id"] for e in whole["items"]]


@pytest.mark.parametrize("query,field,code_", [
    ("?limit=0", "limit", "out_of_range"),
    ("?limit=201", "limit", "out_of_range"),
    ("?limit=x", "limit", "invalid_format"),
    ("?cursor=-1", "cursor", "out_of_range"),
    ("?page=2", "page", "unknown_field"),
    ("?limit=1&limit=2", "limit", "duplicate_key"),
])
def test_user_log_bad_queries(api, stack, query, field, code_):
    _, _, t = register(api, stack)
    r = api.get("/v1/me/log" + query, headers=bearer(t["access_token"]))
    assert_problem(r, 422, "validation_failed", [(field, code_)])


def test_the_log_is_the_accounts_own(api, stack):
    _, _, a = register(api, stack)
    _, _, b = register(api, stack)
    ids_a = {e["id"] for e in api.get("/v1/me/log", headers=bearer(a["access_token"])).json()["items"]}
    ids_b = {e["id"] for e in api.get("/v1/me/log", headers=bearer(b["access_token"])).json()["items"]}
    assert ids_a and ids_b and not ids_a & ids_b


STAFF = {"login": "", "password": "Koktobe-Staff-1", "surname": "Нұрланова",
         "first_name": "Әсел", "role": "verifier"}


def test_admin_creates_staff(api, stack):
    admin = login(api, stack, "admin", DEMO)
    body = {**STAFF, "login": "ver" + make_iin()[:8], "email": None, "phone": "87011230000"}
    r = post(api, "/v1/admin/staff", body, token=admin["access_token"])
    assert r.status_code == 201, r.text
    acct = r.json()
    assert acct["roles"] == ["verifier"] and acct["phone"] == "+77011230000"
    t = login(api, stack, body["login"], body["password"])
    assert t["account"]["active_role"] == "verifier"
    r = post(api, "/v1/admin/staff", {**body, "phone": None}, token=admin["access_token"])
    assert_problem(r, 409, "conflict", [("login", "taken")])
    r = post(api, "/v1/admin/staff", {**body, "login": "other" + body["login"]},
             token=admin["access_token"])
    assert_problem(r, 409, "conflict", [("phone", "taken")])
    log = api.get("/v1/me/log", headers=bearer(admin["access_token"])).json()["items"]
    assert log[0]["action"] == "staff_created"


@pytest.mark.parametrize("change,field,code_", [
    ({"role": "parent"}, "role", "invalid_value"),
    ({"password": "Pa55w0r"}, "password", "too_short"),
    ({"password": "password123"}, "password", "common_password"),
    ({"login": "a"}, "login", "too_short"),
    ({"kindergarten_id": "NOT-A-UUID-not-a-uuid-not-a-uuid-xxx"}, "kindergarten_id",
     "invalid_format"),
])
def test_staff_bad_fields(api, stack, change, field, code_):
    admin = login(api, stack, "admin", DEMO)
    r = post(api, "/v1/admin/staff", {**STAFF, "login": "s" + make_iin()[:8], **change},
             token=admin["access_token"])
    assert_problem(r, 422, "validation_failed", [(field, code_)])


def test_staff_with_wrong_fields_hears_of_all(api, stack, db):
    admin = login(api, stack, "admin", DEMO)
    body = {**STAFF, "login": "s" + make_iin()[:8], "role": "parent",
            "password": "Pa55w0r",
            "kindergarten_id": "NOT-A-UUID-not-a-uuid-not-a-uuid-xxx"}
    r = post(api, "/v1/admin/staff", body, token=admin["access_token"])
    assert_problem(r, 422, "validation_failed", [
        ("role", "invalid_value"), ("password", "too_short"),
        ("kindergarten_id", "invalid_format")])
    assert db.execute("SELECT count(*) FROM bq.account WHERE login = %s",
                      (body["login"],)).fetchone()[0] == 0


def test_admin_lists_staff_by_kindergarten_and_role(api, stack, db):
    admin = login(api, stack, "admin", DEMO)["access_token"]
    kg = db.execute("SELECT r.kindergarten_id::text FROM bq.account_role r JOIN bq.account a "
                    "ON a.id = r.account_id WHERE a.login = 'kg1'").fetchone()[0]
    r = api.get(f"/v1/admin/staff?kindergarten_id={kg}", headers=bearer(admin))
    assert r.status_code == 200, r.text
    assert "kg1" in [x["login"] for x in r.json()["items"]]
    assert all(any(sc["kindergarten"] and sc["kindergarten"]["id"] == kg
                   for sc in x["scopes"]) for x in r.json()["items"])
    verifiers = api.get("/v1/admin/staff?role=verifier", headers=bearer(admin)).json()["items"]
    assert "verifier" in [x["login"] for x in verifiers]
    assert all("verifier" in x["roles"] for x in verifiers)
    # No parent is anyone's staff; no IIN is shown.
    assert api.get("/v1/admin/staff?role=parent", headers=bearer(admin)).json() == {
        "items": []}
    assert all("iin" not in x for x in verifiers)
    for q, field, code_ in (("role=wizard", "role", "invalid_value"),
                            ("kindergarten_id=kg1", "kindergarten_id", "invalid_format"),
                            ("region=almaty", "region", "unknown_field")):
        assert_problem(api.get(f"/v1/admin/staff?{q}", headers=bearer(admin)), 422,
                       "validation_failed", [(field, code_)])
    _, _, parent = register(api, stack)
    for t in (parent["access_token"], login(api, stack, "verifier", DEMO)["access_token"]):
        assert_problem(api.get("/v1/admin/staff", headers=bearer(t)), 403, "forbidden")
    assert_problem(api.get("/v1/admin/staff"), 401, "unauthorized")


def test_only_admins_create_staff(api, stack):
    _, _, parent = register(api, stack)
    verifier = login(api, stack, "verifier", DEMO)
    body = {**STAFF, "login": "n" + make_iin()[:8]}
    for t in (parent, verifier):
        assert_problem(post(api, "/v1/admin/staff", body, token=t["access_token"]),
                       403, "forbidden")
    assert_problem(post(api, "/v1/admin/staff", body), 401, "unauthorized")


# The token matrix: each is refused with a 401 problem on a protected route.

def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _token(key, claims, alg="HS256", header=None):
    head = _b64(json.dumps(header or {"alg": alg, "typ": "JWT"}).encode())
    body = _b64(json.dumps(claims).encode())
    if alg == "none":
        return f"{head}.{body}."
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    sig = _b64(hmac.new(key, f"{head}.{body}".encode(), digest).digest())
    return f"{head}.{body}.{sig}"


@pytest.fixture
def session(api, stack):
    _, _, t = register(api, stack)
    parts = t["access_token"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    return t, claims


def test_a_token_we_forge_with_the_key_is_accepted(api, stack, session):
    # The matrix below is only meaningful if a well-formed token passes.
    t, claims = session
    forged = _token(jwt_key(stack), claims)
    assert api.get("/v1/me", headers=bearer(forged)).status_code == 200


def _matrix(stack, t, claims):
    key = jwt_key(stack)
    now = int(time.time())
    sig = t["access_token"].rsplit(".", 1)
    tampered = sig[0] + "." + ("A" if sig[1][0] != "A" else "B") + sig[1][1:]
    without_exp = {k: v for k, v in claims.items() if k != "exp"}
    return {
        "alg none": _token(key, claims, alg="none"),
        "alg none, signed": _token(key, claims, header={"alg": "none", "typ": "JWT"}),
        "HS512 with our key": _token(key, claims, alg="HS512"),
        "another key": _token(b"k" * 32, claims),
        "tampered signature": tampered,
        "tampered claims": sig[0].split(".")[0] + "." + _b64(json.dumps(
            {**claims, "role": "admin"}).encode()) + "." + sig[1],
        "expired": _token(key, {**claims, "iat": now - 1000, "nbf": now - 1000,
                                "exp": now - 10}),
        "nbf in the future": _token(key, {**claims, "nbf": now + 600}),
        "wrong aud": _token(key, {**claims, "aud": "another-api"}),
        "aud as a list": _token(key, {**claims, "aud": [claims["aud"]]}),
        "wrong iss": _token(key, {**claims, "iss": "someone"}),
        "missing exp": _token(key, without_exp),
        "exp as a string": _token(key, {**claims, "exp": str(now + 600)}),
        "unknown role": _token(key, {**claims, "role": "root"}),
        "sub not a uuid": _token(key, {**claims, "sub": "admin"}),
        "garbage": "not.a.token",
        "empty": "",
    }


@pytest.mark.parametrize("case", [
    "alg none", "alg none, signed", "HS512 with our key", "another key",
    "tampered signature", "tampered claims", "expired", "nbf in the future",
    "wrong aud", "aud as a list", "wrong iss", "missing exp", "exp as a string",
    "unknown role", "sub not a uuid", "garbage", "empty"])
def test_token_matrix(api, stack, session, case):
    t, claims = session
    token = _matrix(stack, t, claims)[case]
    r = api.get("/v1/me", headers={"Authorization": "Bearer " + token,
                                   "Accept-Language": "en"})
    assert_problem(r, 401, "unauthorized")
    challenge = r.headers["www-authenticate"]
    assert challenge.startswith("Bearer realm=\"balabaqsha\"")
    # RFC 6750: an expired token says so (the client refreshes); any other
    # bad one says only that it is invalid, whatever was wrong with it.
    if case == "expired":
        assert challenge.endswith('error="invalid_token", error_description="expired"')
        assert r.json()["detail"] == "The access token has expired: refresh it."
    else:
        assert challenge.endswith('error="invalid_token"')
        assert r.json()["detail"] == "Authentication is required."


def test_token_after_logout(api, stack, session):
    t, _ = session
    assert api.post("/v1/auth/logout", headers=bearer(t["access_token"])).status_code == 204
    assert_problem(api.get("/v1/me", headers=bearer(t["access_token"])), 401, "unauthorized")


@pytest.mark.parametrize("header", [None, "Basic dXNlcjpwYXNz", "Bearer", "bearer x.y.z"])
def test_missing_or_other_schemes(api, header):
    headers = {"Authorization": header} if header else {}
    assert_problem(api.get("/v1/me", headers=headers), 401, "unauthorized")


def test_staff_of_a_kindergarten_that_does_not_exist_is_refused(api, stack, db):
    """A kindergarten_id naming nothing answered 500 (the positive
    property test found it); now a 422 on the field, nothing stored."""
    admin = login(api, stack, "admin", DEMO)["access_token"]
    name = "kg" + make_iin()[:8]
    r = post(api, "/v1/admin/staff", {
        "login": name, "password": "Koktobe-Staff-1", "surname": "Омарова",
        "first_name": "Жанар", "role": "kindergarten_staff",
        "kindergarten_id": "00000000-0000-4000-8000-000000000000"}, token=admin)
    assert_problem(r, 422, "validation_failed", [("kindergarten_id", "invalid_value")])
    assert db.execute("SELECT count(*) FROM bq.account WHERE login = %s",
                      (name,)).fetchone()[0] == 0
