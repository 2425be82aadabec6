"""Accounts no one can take over (issue 18): each test is one attack, now
refused with a clear problem, nothing stored and nothing revealed."""

import base64
import concurrent.futures
import hashlib
import datetime
import json
import time

import pytest
import requests

from people import (PASSWORD, Parent, bearer, code, login, mail_for, make_iin, make_phone,
                    post, register, set_email, sms_count)
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


def _spend_checks(db, key, n):
    """n password checks already made this minute for key."""
    db.execute("INSERT INTO bq.hash_attempt (key_digest) "
               "SELECT bq.keyed_digest(%s) FROM generate_series(1, %s)", (key, n))


def test_a_right_code_or_token_sent_again_and_again_admits_so_many_hashings(
        api, stack, db, setting):
    """A right reset code or registration token, replayed before it is
    spent, hashed each time; now so many a minute, the rest 429 before any
    hashing, and the code or token stays good."""
    setting("login_per_name_minute", 3)
    iin, phone, t = register(api, stack)
    db.execute("UPDATE bq.otp SET created_at = created_at - interval '1 hour' "
               "WHERE phone = %s", (phone,))
    c = code(api, stack, phone, iin, "reset")
    body = {"phone": phone, "iin": iin, "code": c, "password": "Another-2027!",
            "password_confirm": "Another-2027!"}
    _spend_checks(db, "account:" + t["account"]["id"], 3)
    before = _hashings(api)
    r = post(api, "/v1/auth/password/reset", body)
    assert_problem(r, 429, "rate_limited")
    _, _, token = _registration_token(api, stack)
    digest = hashlib.sha256(token.encode()).hexdigest()
    _spend_checks(db, "registration:" + digest, 3)
    r = post(api, "/v1/auth/register", {"registration_token": token, "password": PASSWORD,
                                        "password_confirm": PASSWORD})
    assert_problem(r, 429, "rate_limited")
    assert _hashings(api) == before
    # A minute on, both still work.
    db.execute("DELETE FROM bq.hash_attempt")
    assert post(api, "/v1/auth/password/reset", body).status_code == 204
    assert post(api, "/v1/auth/register", {"registration_token": token, "password": PASSWORD,
                                           "password_confirm": PASSWORD}).status_code == 201


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


def _logins(base, n, threads):
    def one(i):
        return requests.post(base + "/v1/auth/login", timeout=30,
                             json={"login": f"nobody{i}", "password": "Not-it-2026!"})
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, range(n)))


def test_a_hashing_flood_past_the_queue_is_turned_away(api, stack):
    """Argon2 waits in a bounded queue: past BQ_TASKS_MAX places and
    BQ_TASKS_WAIT waiting a worker answers 429 with Retry-After at once
    instead of queueing every caller past its deadline, and never 503.  A
    server of its own with one place and one waiter a worker."""
    fake = Fake(lambda path, body: (404, {}))
    srv = Second(stack, fake.url + "/person", BQ_TASKS_MAX="1", BQ_TASKS_WAIT="1")
    try:
        answers = _logins(srv.base, 32, 16)
        codes = [r.status_code for r in answers]
        assert set(codes) <= {401, 429}, codes
        turned = [r for r in answers if r.status_code == 429]
        assert turned and codes.count(401) >= 1
        for r in turned:
            assert int(r.headers["Retry-After"]) >= 1
            assert r.json()["code"] == "rate_limited"
            assert "RateLimit-Policy" not in r.headers
    finally:
        srv.close()
        fake.close()


def test_a_hashing_flood_within_the_queue_waits_its_turn(api, stack):
    """Logins past the places wait asleep, in arrival order, and are all
    answered: with one place a worker and room for sixteen waiting,
    sixteen logins at once are each checked (401), none turned away."""
    fake = Fake(lambda path, body: (404, {}))
    srv = Second(stack, fake.url + "/person", BQ_TASKS_MAX="1", BQ_TASKS_WAIT="16",
                 BQ_TASK_WAIT_MS="20000")
    try:
        codes = [r.status_code for r in _logins(srv.base, 16, 16)]
        assert codes == [401] * 16, codes
    finally:
        srv.close()
        fake.close()


def test_a_wait_past_its_deadline_is_turned_away(api, stack):
    """A waiter whose turn does not come within BQ_TASK_WAIT_MS is
    answered 429 with Retry-After; those that got a place are checked."""
    fake = Fake(lambda path, body: (404, {}))
    srv = Second(stack, fake.url + "/person", BQ_TASKS_MAX="1", BQ_TASKS_WAIT="64",
                 BQ_TASK_WAIT_MS="1")
    try:
        answers = _logins(srv.base, 32, 16)
        codes = [r.status_code for r in answers]
        assert set(codes) <= {401, 429}, codes
        assert 429 in codes and 401 in codes
        for r in answers:
            if r.status_code == 429:
                assert r.json()["code"] == "rate_limited"
                assert int(r.headers["Retry-After"]) >= 1
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


# Children bound to their parents (item 2).

def _child_iin():
    return make_iin("220315", "5")


def _listed_child(registry, iin, parents):
    registry(iin, [], birth_date="2022-03-15", sex="male", surname="Сапаров",
             first_name="Әли", parents=parents)


def _held_by(db, iin):
    row = db.execute("SELECT owner_id::text FROM bq.child WHERE iin = %s", (iin,)).fetchone()
    return row[0] if row else None


def test_a_stranger_cannot_add_someone_else_s_child(api, stack, db, registry):
    """Any parent could add any child's IIN; now a child the registry lists
    is added only by a parent it names, and the refusal is the same
    whether the child is registered or not."""
    mother, stranger = Parent(api, stack), Parent(api, stack)
    iin = _child_iin()
    _listed_child(registry, iin, [mother.iin])
    before = post(api, "/v1/children", {"iin": iin, "sex": "male"}, token=stranger.token)
    assert_problem(before, 422, "validation_failed", [("iin", "not_parent")])
    assert _held_by(db, iin) is None
    assert post(api, "/v1/children", {"iin": iin, "sex": "male"},
                token=mother.token).status_code == 201
    after = post(api, "/v1/children", {"iin": iin, "sex": "male"}, token=stranger.token)
    assert_problem(after, 422, "validation_failed", [("iin", "not_parent")])
    assert after.json()["errors"] == before.json()["errors"]
    assert _held_by(db, iin) == mother.account


def test_the_parent_claims_a_child_a_stranger_holds(api, stack, db, registry, almaty):
    """A child a stranger added before the registry listed its parents is
    claimed by its parent: 409 claimable without a word of who holds it,
    then claim: true; the stranger loses it, is told, and the log says."""
    mother, stranger, helper = Parent(api, stack), Parent(api, stack), Parent(api, stack)
    iin = _child_iin()
    r = post(api, "/v1/children", {"iin": iin, "sex": "male"}, token=stranger.token)
    assert r.status_code == 201, r.text
    child = r.json()["id"]
    app = stranger.file(child, almaty).json()["id"]
    stranger.entrust(child, helper)
    invited = post(api, f"/v1/children/{child}/trustees", {"iin": make_iin()},
                   token=stranger.token).json()
    _listed_child(registry, iin, [mother.iin])

    r = post(api, "/v1/children", {"iin": iin, "sex": "male"}, token=mother.token)
    assert_problem(r, 409, "conflict", [("iin", "claimable")])
    for secret in (stranger.iin, stranger.phone, stranger.account):
        assert secret not in r.text
    assert _held_by(db, iin) == stranger.account

    r = post(api, "/v1/children", {"iin": iin, "sex": "male", "claim": True},
             token=mother.token)
    assert r.status_code == 201, r.text
    assert r.json()["id"] == child and r.json()["surname"] == "Сапаров"
    assert _held_by(db, iin) == mother.account
    # The application is the child's: it stays, and is the mother's now.
    assert mother.card(app)["status"] in ("queued", "awaiting_verification")
    # The stranger, its trustee and its invitation lose the child.
    for who in (stranger, helper):
        assert api.get("/v1/children", headers=bearer(who.token)).json()["items"] == []
        assert api.get("/v1/trusted-children", headers=bearer(who.token)).json()["items"] == []
        assert_problem(api.get(f"/v1/children/{child}", headers=bearer(who.token)),
                       404, "not_found")
        assert_problem(api.get(f"/v1/applications/{app}", headers=bearer(who.token)),
                       404, "not_found")
    assert db.execute("SELECT status::text FROM bq.trustee_invitation WHERE id = %s",
                      (invited["id"],)).fetchone()[0] == "cancelled"
    told = db.execute("SELECT text FROM bq.notification WHERE account_id = %s "
                      "AND kind = 'child_claimed'", (stranger.account,)).fetchall()
    assert len(told) == 1 and "Сапаров" in told[0][0]
    log = lambda who: [e["action"] for e in api.get(
        "/v1/me/log", headers=bearer(who.token)).json()["items"]]
    assert "child_claimed_from" in log(stranger) and "child_claimed" in log(mother)
    # The stranger cannot take it back.
    r = post(api, "/v1/children", {"iin": iin, "sex": "male", "claim": True},
             token=stranger.token)
    assert_problem(r, 422, "validation_failed", [("iin", "not_parent")])


def test_no_parent_claims_a_child_from_the_other(api, stack, db, registry):
    mother, father = Parent(api, stack), Parent(api, stack)
    iin = _child_iin()
    _listed_child(registry, iin, [mother.iin, father.iin])
    assert post(api, "/v1/children", {"iin": iin, "sex": "male"},
                token=father.token).status_code == 201
    for claim in (False, True):
        r = post(api, "/v1/children", {"iin": iin, "sex": "male", "claim": claim},
                 token=mother.token)
        assert_problem(r, 409, "conflict", [("iin", "taken")])
    assert _held_by(db, iin) == father.account


def _guardianship_doc(api, token):
    r = api.post("/v1/documents?kind=guardianship", data=PDF,
                 headers={**bearer(token), "Content-Type": "application/pdf"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_a_guardian_adds_the_child_once_a_verifier_confirms(api, stack, db, registry, almaty):
    guardian = Parent(api, stack)
    iin = _child_iin()
    _listed_child(registry, iin, [make_iin("600101", "3")])
    assert_problem(post(api, "/v1/children", {"iin": iin, "sex": "male"},
                        token=guardian.token), 422, "validation_failed",
                   [("iin", "not_parent")])
    # Not any upload: a guardianship document of one's own.
    pmpk = _upload(api, guardian.token)
    assert pmpk.status_code == 201
    r = post(api, "/v1/guardianships", {"iin": iin, "region_id": almaty, "document_id": pmpk.json()["id"]},
             token=guardian.token)
    assert_problem(r, 422, "validation_failed", [("document_id", "invalid_value")])
    # Every wrong field at once: no such region and not that document.
    r = post(api, "/v1/guardianships", {"iin": iin, "region_id": "00000000-0000-4000-8000-000000000000",
                                        "document_id": pmpk.json()["id"]}, token=guardian.token)
    assert_problem(r, 422, "validation_failed", [("region_id", "invalid_value"),
                                                  ("document_id", "invalid_value")])
    doc = _guardianship_doc(api, guardian.token)
    r = post(api, "/v1/guardianships", {"iin": iin, "region_id": almaty, "document_id": doc}, token=guardian.token)
    assert r.status_code == 201, r.text
    g = r.json()
    assert g["status"] == "pending" and g["child"]["surname"] == "Сапаров"
    assert_problem(post(api, "/v1/guardianships", {"iin": iin, "region_id": almaty, "document_id": doc},
                        token=guardian.token), 409, "conflict", [("iin", "taken")])
    # In use: the document stays while the claim does.
    assert_problem(api.delete(f"/v1/documents/{doc}", headers=bearer(guardian.token)),
                   409, "conflict", [("document", "in_use")])
    # Pending: still not the guardian's to add.
    assert_problem(post(api, "/v1/children", {"iin": iin, "sex": "male"},
                        token=guardian.token), 422, "validation_failed",
                   [("iin", "not_parent")])

    verifier = login(api, stack, "verifier", DEMO)["access_token"]
    pending = api.get("/v1/staff/guardianships", headers=bearer(verifier)).json()["items"]
    mine = [x for x in pending if x["id"] == g["id"]]
    assert mine and mine[0]["guardian"]["iin"] == guardian.iin
    assert api.get(f"/v1/documents/{doc}", headers=bearer(verifier)).content == PDF
    r = api.post(f"/v1/staff/guardianships/{g['id']}/confirm", headers=bearer(verifier))
    assert r.status_code == 200 and r.json()["status"] == "confirmed", r.text
    assert_problem(api.post(f"/v1/staff/guardianships/{g['id']}/confirm",
                            headers=bearer(verifier)), 409, "conflict")
    kinds = [n["kind"] for n in api.get("/v1/notifications",
                                        headers=bearer(guardian.token)).json()["items"]]
    assert "guardianship_confirmed" in kinds
    r = post(api, "/v1/children", {"iin": iin, "sex": "male"}, token=guardian.token)
    assert r.status_code == 201, r.text


def test_a_rejected_guardianship_gives_no_standing(api, stack, db, registry, almaty):
    guardian = Parent(api, stack)
    iin = _child_iin()
    _listed_child(registry, iin, [make_iin("600101", "3")])
    doc = _guardianship_doc(api, guardian.token)
    g = post(api, "/v1/guardianships", {"iin": iin, "region_id": almaty, "document_id": doc},
             token=guardian.token).json()
    verifier = login(api, stack, "verifier", DEMO)["access_token"]
    assert_problem(post(api, f"/v1/staff/guardianships/{g['id']}/reject", {"reason": ""},
                        token=verifier), 422, "validation_failed", [("reason", "too_short")])
    r = post(api, f"/v1/staff/guardianships/{g['id']}/reject",
             {"reason": "The document names another child"}, token=verifier)
    assert r.status_code == 200 and r.json()["status"] == "rejected", r.text
    assert r.json()["reason"] == "The document names another child"
    texts = [n["text"] for n in api.get("/v1/notifications",
                                        headers=bearer(guardian.token)).json()["items"]
             if n["kind"] == "guardianship_rejected"]
    assert len(texts) == 1 and "another child" in texts[0]
    assert_problem(post(api, "/v1/children", {"iin": iin, "sex": "male"},
                        token=guardian.token), 422, "validation_failed",
                   [("iin", "not_parent")])
    listed = api.get("/v1/guardianships", headers=bearer(guardian.token)).json()["items"]
    assert [x["status"] for x in listed] == ["rejected"]
    # Rejected, a new claim may be filed.
    assert post(api, "/v1/guardianships", {"iin": iin, "region_id": almaty, "document_id": doc},
                token=guardian.token).status_code == 201


NIL = "00000000-0000-4000-8000-000000000000"


@pytest.mark.parametrize("body,field,code_", [
    ({"iin": "123", "document_id": NIL}, "iin", "invalid_format"),
    ({"iin": "850312400009", "document_id": "nope"}, "document_id", "invalid_format"),
    ({"iin": "850312400009"}, "document_id", "required"),
    ({"iin": "850312400009", "document_id": NIL, "region_id": "x"}, "region_id",
     "invalid_format"),
    ({"iin": "850312400009", "document_id": NIL, "region_id": NIL}, "region_id",
     "invalid_value"),
    ({"iin": "850312400009", "document_id": NIL, "x": 1}, "x", "unknown_field"),
])
def test_a_bad_guardianship_is_refused(api, stack, db, almaty, body, field, code_):
    p = Parent(api, stack)
    body = {"region_id": almaty, **body}
    r = post(api, "/v1/guardianships", body, token=p.token)
    assert_problem(r, 422, "validation_failed", [(field, code_)])
    assert db.execute("SELECT count(*) FROM bq.guardianship WHERE account_id = %s",
                      (p.account,)).fetchone()[0] == 0


def test_no_guardianship_is_needed_for_one_s_own_child(api, stack, db, registry, almaty):
    mother = Parent(api, stack)
    listed, open_ = _child_iin(), _child_iin()
    _listed_child(registry, listed, [mother.iin])
    doc = _guardianship_doc(api, mother.token)
    for iin in (listed, open_):
        r = post(api, "/v1/guardianships", {"iin": iin, "region_id": almaty, "document_id": doc},
                 token=mother.token)
        assert_problem(r, 422, "validation_failed", [("iin", "not_needed")])


# No oracles (item 5).

def test_a_trustee_invitation_says_nothing_of_the_iin(api, stack, db):
    """Adding a trustee answered 201 with the holder's name, or 422
    not_registered: an oracle.  Now both are the same invitation; the
    holder is told in the inbox and by SMS and decides."""
    owner, holder = Parent(api, stack), Parent(api, stack)
    child = owner.child()
    nobody = make_iin()
    registered = post(api, f"/v1/children/{child}/trustees", {"iin": holder.iin},
                      token=owner.token)
    unregistered = post(api, f"/v1/children/{child}/trustees", {"iin": nobody},
                        token=owner.token)
    assert registered.status_code == unregistered.status_code == 201
    a, b = registered.json(), unregistered.json()
    assert set(a) == set(b) and a["status"] == b["status"] == "pending"
    assert holder.account not in registered.text
    assert db.execute("SELECT surname FROM bq.account WHERE id = %s",
                      (holder.account,)).fetchone()[0] not in registered.text
    # Not a trustee until it accepts; told where it is.
    assert db.execute("SELECT count(*) FROM bq.trustee WHERE child_id = %s",
                      (child,)).fetchone()[0] == 0
    kinds = [n["kind"] for n in api.get("/v1/notifications",
                                        headers=bearer(holder.token)).json()["items"]]
    assert "trustee_invited" in kinds
    assert db.execute("SELECT count(*) FROM bq.sms_outbox WHERE phone = %s "
                      "AND kind = 'trustee_invited'", (holder.phone,)).fetchone()[0] == 1
    # The IIN with no account finds it waiting when it registers.
    iin, phone = nobody, make_phone()
    stack.secrets.update([iin, phone, phone[1:]])
    c = code(api, stack, phone, iin, "register")
    reg = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": c}).json()
    t = post(api, "/v1/auth/register", {"registration_token": reg["registration_token"],
                                        "password": PASSWORD,
                                        "password_confirm": PASSWORD}).json()
    stack.secrets.update([reg["registration_token"], t["access_token"], t["refresh_token"]])
    mine = api.get("/v1/trustee-invitations", headers=bearer(t["access_token"])).json()
    assert [i["id"] for i in mine["items"]] == [b["id"]]
    kinds = [n["kind"] for n in api.get("/v1/notifications",
                                        headers=bearer(t["access_token"])).json()["items"]]
    assert kinds == ["trustee_invited"]


def test_trustee_invitations_are_rate_limited(api, stack, db, setting):
    owner = Parent(api, stack)
    child = owner.child()
    setting("trustee_invitations_per_day", 2)
    for _ in range(2):
        assert post(api, f"/v1/children/{child}/trustees", {"iin": make_iin()},
                    token=owner.token).status_code == 201
    r = post(api, f"/v1/children/{child}/trustees", {"iin": make_iin()}, token=owner.token)
    assert_problem(r, 429, "rate_limited")
    # The limit that refused, as the IETF ratelimit headers name it.
    assert r.headers["ratelimit-policy"] == '"trustee-invitations";q=2;w=86400'
    assert r.headers["ratelimit"] == '"trustee-invitations";r=0;t=86400'
    assert r.headers["retry-after"] == "86400"
    assert db.execute("SELECT count(*) FROM bq.trustee_invitation WHERE child_id = %s",
                      (child,)).fetchone()[0] == 2


# Every route that hashes is limited per client and per account (item 3).

def test_password_checks_of_one_name_stop_at_its_limit_known_or_not(api, stack, db, setting):
    """Many addresses against one account each stayed under the address's
    limit; now the name typed has a limit of its own, the same for a name
    with an account and one without."""
    p = Parent(api, stack)
    setting("login_per_name_minute", 3)
    for name in (p.phone, "nobody" + make_iin()):
        answers = [post(api, "/v1/auth/login", {"login": name, "password": "Wrong-pass-1"})
                   for _ in range(4)]
        assert [r.status_code for r in answers[:3]] == [401, 401, 401]
        assert_problem(answers[3], 429, "rate_limited")
        assert 1 <= int(answers[3].headers["retry-after"]) <= 60
        assert answers[3].headers["ratelimit-policy"] == '"password-name";q=3;w=60'
        assert answers[3].headers["ratelimit"] == (
            '"password-name";r=0;t=' + answers[3].headers["retry-after"])
    # Another name is untouched, the same account's IIN too.
    assert post(api, "/v1/auth/login", {"login": p.iin, "password": PASSWORD}
                ).status_code == 200


def test_the_current_password_is_checked_at_most_so_often(api, stack, db, setting):
    p = Parent(api, stack)
    setting("login_per_name_minute", 2)
    body = {"current_password": PASSWORD, "password": "Tulpar-2027!new",
            "password_confirm": "Tulpar-2027!new"}
    wrong = {**body, "current_password": "Not-mine-2026"}
    assert post(api, "/v1/me/password", wrong, token=p.token).status_code == 422
    assert post(api, "/v1/me/password", wrong, token=p.token).status_code == 422
    failures = db.execute("SELECT count(*) FROM bq.login_failure WHERE account_id = %s",
                          (p.account,)).fetchone()[0]
    r = post(api, "/v1/me/password", body, token=p.token)
    assert_problem(r, 429, "rate_limited")
    # Refused before any hashing: no failure counted, the password kept.
    assert db.execute("SELECT count(*) FROM bq.login_failure WHERE account_id = %s",
                      (p.account,)).fetchone()[0] == failures
    assert post(api, "/v1/auth/login", {"login": p.phone, "password": PASSWORD}
                ).status_code in (200, 429)


def test_a_taken_e_mail_is_never_announced(api, stack, db):
    """PATCH /v1/me answered 409 taken for an e-mail another account held;
    now any new address gets the same answer and a code sent to it, which
    only the address's owner reads."""
    holder, prober = Parent(api, stack), Parent(api, stack)
    taken, free = f"holder{holder.iin}@example.kz", f"free{prober.iin}@example.kz"
    set_email(api, stack, holder.token, taken)
    answers = {}
    for address in (free, taken):
        r = api.patch("/v1/me", json={"email": address}, headers=bearer(prober.token))
        assert r.status_code == 200, r.text
        answers[address] = r.json()
    assert answers[free].keys() == answers[taken].keys()
    assert answers[taken]["email_pending"] == taken and answers[taken]["email"] is None
    # The code went to the address, that is to its owner; a guess fails.
    assert mail_for(stack, taken)["kind"] == "email_verify"
    r = post(api, "/v1/me/email/verify", {"code": "000000"}, token=prober.token)
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    assert db.execute("SELECT email FROM bq.account WHERE id = %s",
                      (prober.account,)).fetchone()[0] is None
    assert db.execute("SELECT email FROM bq.account WHERE id = %s",
                      (holder.account,)).fetchone()[0] == taken


def test_probing_e_mails_and_logins_stops_at_a_limit(api, stack, db, setting):
    """Login names are unique by nature, so a taken one is said; each try
    counts, refused ones too, and an account gets so many an hour."""
    prober = Parent(api, stack)
    setting("identity_changes_per_hour", 3)
    for _ in range(2):
        r = api.patch("/v1/me", json={"login": "admin"}, headers=bearer(prober.token))
        assert_problem(r, 409, "conflict", [("login", "taken")])
    r = api.patch("/v1/me", json={"email": f"x{prober.iin}@example.kz"},
                  headers=bearer(prober.token))
    assert r.status_code == 200
    r = api.patch("/v1/me", json={"login": "verifier"}, headers=bearer(prober.token))
    assert_problem(r, 429, "rate_limited")
    assert int(r.headers["retry-after"]) > 3000
    # The language is no identity: still changed at once.
    assert api.patch("/v1/me", json={"language": "ru"},
                     headers=bearer(prober.token)).status_code == 200
    assert db.execute("SELECT count(*) FROM bq.email_outbox WHERE address = %s",
                      (f"x{prober.iin}@example.kz",)).fetchone()[0] == 1
