"""Accounts no one can take over (issue 18): each test is one attack, now
refused with a clear problem, nothing stored and nothing revealed."""

import base64
import concurrent.futures
import datetime
import json
import time

import pytest
import requests

from people import (PASSWORD, Parent, bearer, code, login, make_iin, make_phone, post,
                    register, sms_count)
from fakes import Fake
from problems import assert_problem
from servers import Second

DEMO = "Balabaqsha-demo-2026"


def _future_iin():
    """An IIN whose century digit of the 2000s puts its birth in a year
    still to come (born "86-04-12" with a 5: 2086)."""
    year = (datetime.date.today().year + 10) % 100
    return make_iin(f"{year:02d}0412", "5")


def test_a_person_born_in_the_future_asks_no_code(api, stack, db):
    iin, phone = _future_iin(), make_phone()
    before = sms_count(stack)
    outbox = db.execute("SELECT count(*) FROM bq.sms_outbox").fetchone()[0]
    for purpose in ("register", "login", "reset"):
        r = post(api, "/v1/auth/otp", {"phone": phone, "iin": iin, "purpose": purpose,
                                       "policy_accepted": True})
        assert_problem(r, 422, "validation_failed", [("iin", "born_in_future")])
    assert db.execute("SELECT count(*) FROM bq.sms_outbox").fetchone()[0] == outbox
    assert sms_count(stack) == before


def test_a_child_born_in_the_future_is_not_added(api, stack, db):
    p = Parent(api, stack)
    iin = _future_iin()
    for path, body in (("/v1/children", {"iin": iin, "sex": "female"}),
                       ("/v1/children/lookup", {"iin": iin})):
        r = post(api, path, body, token=p.token)
        assert_problem(r, 422, "validation_failed", [("iin", "born_in_future")])
    assert db.execute("SELECT count(*) FROM bq.child WHERE iin = %s",
                      (iin,)).fetchone()[0] == 0


def _claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_an_access_token_never_outlives_its_session(api, stack, db):
    _, _, tokens = register(api, stack)
    sid = _claims(tokens["access_token"])["sid"]
    db.execute("UPDATE bq.session SET expires_at = now() + interval '60 seconds' "
               "WHERE id = %s", (sid,))
    r = post(api, "/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 200, r.text
    t = r.json()
    claims = _claims(t["access_token"])
    assert 0 < t["expires_in"] <= 60 and t["refresh_expires_in"] <= 60
    assert claims["exp"] - claims["iat"] == t["expires_in"]
    end = db.execute("SELECT extract(epoch FROM expires_at) FROM bq.session "
                     "WHERE id = %s", (sid,)).fetchone()[0]
    assert claims["exp"] <= float(end) + 1


def test_a_token_of_the_old_role_dies_with_the_switch(api, stack, db):
    """A token names its session's role; switching ends that session, so a
    token of the role given up is refused on every route."""
    t = login(api, stack, "verifier", DEMO)
    account = t["account"]["id"]
    db.execute("INSERT INTO bq.account_role (account_id, role) VALUES (%s, 'support') "
               "ON CONFLICT DO NOTHING", (account,))
    try:
        r = post(api, "/v1/me/role", {"role": "support"}, token=t["access_token"])
        assert r.status_code == 200, r.text
        switched = r.json()
        assert _claims(switched["access_token"])["sid"] != _claims(t["access_token"])["sid"]
        for path in ("/v1/me", "/v1/staff/applications"):
            assert api.get(path, headers=bearer(t["access_token"])).status_code == 401
        me = api.get("/v1/me", headers=bearer(switched["access_token"]))
        assert me.status_code == 200 and me.json()["active_role"] == "support"
        assert post(api, "/v1/auth/refresh", {"refresh_token": t["refresh_token"]}
                    ).status_code == 401
    finally:
        db.execute("DELETE FROM bq.account_role WHERE account_id = %s AND role = 'support'",
                   (account,))


def _hashings(api):
    """argon2id runs the service has started, all workers."""
    return sum(float(line.rsplit(" ", 1)[1]) for line in api.get("/metrics").text.splitlines()
               if line.startswith("bq_password_hashings_total{"))


def _registration_token(api, stack):
    iin, phone = make_iin(), make_phone()
    stack.secrets.update([iin, phone, phone[1:]])
    c = code(api, stack, phone, iin, "register")
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": c})
    assert r.status_code == 200, r.text
    stack.secrets.add(r.json()["registration_token"])
    return iin, phone, r.json()["registration_token"]


def test_a_guessed_registration_token_costs_no_hashing(api, stack):
    before = _hashings(api)
    for _ in range(12):
        r = post(api, "/v1/auth/register", {"registration_token": "A" * 43,
                                            "password": PASSWORD, "password_confirm": PASSWORD})
        assert_problem(r, 422, "validation_failed", [("registration_token", "invalid_value")])
    assert _hashings(api) == before


def test_a_guessed_reset_code_costs_no_hashing(api, stack, db):
    iin, phone, _ = register(api, stack)
    # Past the phone's cooldown since its registration code.
    db.execute("UPDATE bq.otp SET created_at = created_at - interval '1 hour' "
               "WHERE phone = %s", (phone,))
    c = code(api, stack, phone, iin, "reset")
    wrong = "%06d" % ((int(c) + 1) % 10**6)
    body = {"phone": phone, "iin": iin, "password": "Another-2027!",
            "password_confirm": "Another-2027!"}
    before = _hashings(api)
    r = post(api, "/v1/auth/password/reset", dict(body, code=wrong))
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    assert _hashings(api) == before
    # The wrong guess counted; the right code still works, hashed once.
    assert db.execute("SELECT attempts FROM bq.otp WHERE phone = %s AND purpose = 'reset' "
                      "ORDER BY created_at DESC LIMIT 1", (phone,)).fetchone()[0] == 1
    r = post(api, "/v1/auth/password/reset", dict(body, code=c))
    assert r.status_code == 204, r.text
    assert _hashings(api) == before + 1


def test_weak_passwords_are_refused_and_the_token_survives(api, stack, db):
    iin, phone, token = _registration_token(api, stack)
    cases = [("        ", "empty"), ("aaaaaaaa", "common_password"),
             ("Password 1", "common_password"), (iin, "personal_password"),
             ("my" + phone[2:] + "!", "personal_password"),
             ("Tulpar-2026!" + "x" * 29, "too_long")]
    for pw, field_code in cases:
        r = post(api, "/v1/auth/register", {"registration_token": token, "password": pw,
                                            "password_confirm": pw})
        assert_problem(r, 422, "validation_failed", [("password", field_code)])
    assert db.execute("SELECT count(*) FROM bq.account WHERE iin = %s", (iin,)).fetchone()[0] == 0
    r = post(api, "/v1/auth/register", {"registration_token": token, "password": PASSWORD,
                                        "password_confirm": PASSWORD})
    assert r.status_code == 201, r.text


def test_guessing_the_current_password_locks_like_a_login(api, stack, db):
    iin, phone, tokens = register(api, stack)
    limit = db.execute("SELECT value FROM bq.setting WHERE name = 'login_fail_max'").fetchone()[0]
    body = {"password": "Another-2027!", "password_confirm": "Another-2027!"}
    for i in range(limit):
        r = post(api, "/v1/me/password", dict(body, current_password=f"guess-{i}-2026"),
                 token=tokens["access_token"])
        if i < limit - 1:
            assert_problem(r, 422, "validation_failed", [("current_password", "invalid_value")])
    assert r.status_code == 423 and r.json()["code"] == "account_locked"
    # Locked: the right one is not even tried, and nothing changed.
    r = post(api, "/v1/me/password", dict(body, current_password=PASSWORD),
             token=tokens["access_token"])
    assert r.status_code == 423
    assert "Retry-After" in r.headers
    r = post(api, "/v1/auth/login", {"login": iin, "password": "Another-2027!"})
    assert r.status_code in (401, 423)


def test_a_new_password_must_not_hold_the_account_s_own_values(api, stack):
    iin, phone, tokens = register(api, stack)
    for pw in (iin, phone, phone[2:] + "ab"):
        r = post(api, "/v1/me/password", {"current_password": PASSWORD, "password": pw,
                                          "password_confirm": pw},
                 token=tokens["access_token"])
        assert_problem(r, 422, "validation_failed", [("password", "personal_password")])


@pytest.fixture
def registry(stack):
    """The demo registry's file: persons it binds to their phones."""
    path = stack.data / "registry.json"
    persons = []

    def add(iin, phones, **extra):
        persons.append({"iin": iin, "surname": "Сапарова", "first_name": "Жанна",
                        "patronymic": None, "sex": "female", "birth_date": None,
                        "nationality": "kazakh", "phones": phones, **extra})
        path.write_text(json.dumps(persons, ensure_ascii=False))
        # A new size or second: the workers read it again.
        time.sleep(1.1)
    yield add
    path.unlink(missing_ok=True)


def _outbox(db, phone):
    return db.execute("SELECT count(*) FROM bq.sms_outbox WHERE phone = %s",
                      (phone,)).fetchone()[0]


def test_a_code_for_someone_else_s_iin_goes_nowhere(api, stack, db, registry):
    """Anyone with any phone asked a code for any IIN and registered it as
    their own; now a listed person's codes go only to the person's phones,
    and the stranger's answer is the same 202."""
    iin, own, stranger = make_iin(), make_phone(), make_phone()
    registry(iin, [own])
    for purpose in ("register", "login", "reset"):
        db.execute("UPDATE bq.otp SET created_at = created_at - interval '1 hour' "
                   "WHERE phone = %s", (stranger,))
        r = post(api, "/v1/auth/otp", {"phone": stranger, "iin": iin, "purpose": purpose,
                                       "policy_accepted": True})
        assert r.status_code == 202, r.text
        assert set(r.json()) == {"expires_in", "resend_after"}
    assert _outbox(db, stranger) == 0
    assert db.execute("SELECT bool_or(deliverable) FROM bq.otp WHERE phone = %s",
                      (stranger,)).fetchone()[0] is False
    # The same cooldown as a real one: no way to tell them apart by it.
    r = post(api, "/v1/auth/otp", {"phone": stranger, "iin": iin, "purpose": "register",
                                   "policy_accepted": True})
    assert r.status_code == 429
    # Guessing a code at verify shows nothing of the person.
    r = post(api, "/v1/auth/register/verify", {"phone": stranger, "iin": iin,
                                               "code": "123456"})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    assert "Сапарова" not in r.text
    # The person's own phone gets the code, and the registry's data.
    c = code(api, stack, own, iin, "register")
    r = post(api, "/v1/auth/register/verify", {"phone": own, "iin": iin, "code": c})
    assert r.status_code == 200, r.text
    assert r.json()["person"]["surname"] == "Сапарова"
    assert "phones" not in r.json()["person"]


def test_an_iin_the_file_does_not_list_stays_open_to_try(api, stack, db, registry):
    registry(make_iin(), [make_phone()])
    iin, phone = make_iin(), make_phone()
    c = code(api, stack, phone, iin, "register")
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": c})
    assert r.status_code == 200, r.text


def test_a_hashing_flood_is_turned_away_at_once(api, stack):
    """Argon2 waits in a bounded queue: past BQ_TASKS_MAX a worker answers
    503 with Retry-After at once instead of queueing every caller past its
    deadline.  A server of its own with a queue of one task a worker."""
    fake = Fake(lambda path, body: (404, {}))
    srv = Second(stack, fake.url + "/person", BQ_TASKS_MAX="1")
    try:
        def one(i):
            return requests.post(srv.base + "/v1/auth/login", timeout=20,
                                 json={"login": f"nobody{i}", "password": "Not-it-2026!"})
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(one, range(32)))
        codes = [r.status_code for r in answers]
        assert set(codes) <= {401, 503}, codes
        turned = [r for r in answers if r.status_code == 503]
        assert turned and codes.count(401) >= 1
        for r in turned:
            assert r.headers["Retry-After"] == "1"
            assert r.json()["code"] == "service_unavailable"
    finally:
        srv.close()
        fake.close()


PDF = b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 20 + b"%%EOF\n"


def _upload(api, token, data=PDF):
    return api.post("/v1/documents?kind=pmpk", data=data,
                    headers={**bearer(token), "Content-Type": "application/pdf"})


@pytest.fixture
def setting(db):
    """Sets a bq.setting for the test; the old value is put back."""
    kept = []

    def put(name, value):
        kept.append((name, db.execute("SELECT value FROM bq.setting WHERE name = %s",
                                      (name,)).fetchone()[0]))
        db.execute("UPDATE bq.setting SET value = %s WHERE name = %s", (value, name))
    yield put
    for name, value in reversed(kept):
        db.execute("UPDATE bq.setting SET value = %s WHERE name = %s", (value, name))


def _documents(db, account):
    return db.execute("SELECT count(*) FROM bq.document WHERE owner_id = %s",
                      (account,)).fetchone()[0]


def test_uploads_stop_at_the_account_s_quota(api, stack, db, setting):
    """Eight 10 MB files went in in 1.1 s with no limit."""
    _, _, t = register(api, stack)
    token, account = t["access_token"], t["account"]["id"]
    setting("documents_per_account", 3)
    for _ in range(3):
        assert _upload(api, token).status_code == 201
    r = _upload(api, token)
    assert_problem(r, 409, "conflict", [("document", "quota_exceeded")])
    assert _documents(db, account) == 3
    # Bytes count too.
    _, _, t = register(api, stack)
    setting("document_bytes_per_account", 2 * len(PDF) + 1)
    assert _upload(api, t["access_token"]).status_code == 201
    assert _upload(api, t["access_token"]).status_code == 201
    r = _upload(api, t["access_token"])
    assert_problem(r, 409, "conflict", [("document", "quota_exceeded")])
    assert _documents(db, t["account"]["id"]) == 2


def test_an_unused_upload_is_deleted_by_its_owner_only(api, stack, db):
    _, _, t = register(api, stack)
    _, _, other = register(api, stack)
    doc = _upload(api, t["access_token"]).json()
    r = api.delete(f"/v1/documents/{doc['id']}", headers=bearer(other["access_token"]))
    assert_problem(r, 404, "not_found")
    assert _documents(db, t["account"]["id"]) == 1
    r = api.delete(f"/v1/documents/{doc['id']}", headers=bearer(t["access_token"]))
    assert r.status_code == 204, r.text
    assert _documents(db, t["account"]["id"]) == 0
    assert api.get(f"/v1/documents/{doc['id']}",
                   headers=bearer(t["access_token"])).status_code == 404


def test_a_document_in_use_stays(api, stack, db, almaty):
    p = Parent(api, stack)
    doc = _upload(api, p.token).json()
    r = p.file(p.child(), almaty, queue_type="special", correction_type="speech",
               pmpk_document_id=doc["id"], languages=["kk"])
    assert r.status_code == 201, r.text
    r = api.delete(f"/v1/documents/{doc['id']}", headers=bearer(p.token))
    assert_problem(r, 409, "conflict", [("document", "in_use")])
    assert _documents(db, p.account) == 1


def test_unused_uploads_are_swept_and_used_ones_kept(api, stack, db):
    p = Parent(api, stack)
    unused = _upload(api, p.token).json()["id"]
    used = _upload(api, p.token).json()["id"]
    r = p.file(p.child(), db.execute("SELECT id::text FROM bq.region WHERE code = 'almaty'"
                                     ).fetchone()[0],
               queue_type="special", correction_type="speech", pmpk_document_id=used,
               languages=["kk"])
    assert r.status_code == 201, r.text
    db.execute("UPDATE bq.document SET created_at = now() - interval '31 days' "
               "WHERE owner_id = %s", (p.account,))
    admin = login(api, stack, "admin", DEMO)["access_token"]
    r = api.post("/v1/admin/sweeper/run", headers=bearer(admin), timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["documents_removed"] >= 1
    left = [str(x) for (x,) in db.execute(
        "SELECT id FROM bq.document WHERE owner_id = %s", (p.account,))]
    assert left == [used] and unused not in left
