"""POST /v1/auth/otp: codes, their limits, and what the answers give away."""

import concurrent.futures
import json

import pytest

from people import JSON, code, cool, make_iin, make_phone, post, register, sms_count, sms_for
from problems import assert_problem


def otp(api, phone, iin, purpose="register", **kw):
    return post(api, "/v1/auth/otp", {"phone": phone, "iin": iin, "purpose": purpose,
                                      "policy_accepted": True}, **kw)


def test_a_code_goes_out_by_sms(api, stack, db):
    phone, iin = make_phone(), make_iin()
    before = sms_count(stack)
    r = otp(api, phone, iin, headers={"Accept-Language": "ru"})
    assert r.status_code == 202
    assert r.json() == {"expires_in": 300, "resend_after": 80}
    msg = sms_for(stack, phone, before)
    stack.secrets.add(msg["code"])
    assert len(msg["code"]) == 6 and msg["code"].isdigit()
    assert msg["code"] in msg["text"] and "код регистрации" in msg["text"]
    # Stored as a MAC only; the outbox forgets the code once sent.
    row = db.execute("SELECT code_mac, deliverable FROM bq.otp WHERE phone = %s",
                     (phone,)).fetchone()
    assert len(row[0]) == 32 and msg["code"].encode() not in row[0] and row[1]
    db.execute("SELECT 1")  # the sender records the result right after the write
    import time
    for _ in range(50):
        sent = db.execute("SELECT status, body, code FROM bq.sms_outbox WHERE phone = %s",
                          (phone,)).fetchone()
        if sent[0] == "sent":
            break
        time.sleep(0.05)
    assert sent == ("sent", None, None)


@pytest.mark.parametrize("field,value,code_", [
    ("phone", "12345", "invalid_format"),
    ("phone", "+7 916 123 45 67", "invalid_format"),
    ("phone", 77011234567, "wrong_type"),
    ("iin", "85031240000", "invalid_format"),
    ("iin", "8503124000a9", "invalid_format"),
    ("iin", "850312400001", "check_digit"),
    ("iin", 850312400009, "wrong_type"),
    ("purpose", "delete", "invalid_value"),
    ("policy_accepted", False, "invalid_value"),
    ("policy_accepted", "yes", "wrong_type"),
])
def test_bad_fields_are_422_and_nothing_is_sent(api, stack, db, field, value, code_):
    body = {"phone": make_phone(), "iin": make_iin(), "purpose": "register",
            "policy_accepted": True, field: value}
    before = db.execute("SELECT count(*) FROM bq.otp").fetchone()[0]
    r = post(api, "/v1/auth/otp", body)
    assert_problem(r, 422, "validation_failed", [(field, code_)])
    assert db.execute("SELECT count(*) FROM bq.otp").fetchone()[0] == before


def test_missing_policy_acceptance_is_required(api):
    r = post(api, "/v1/auth/otp", {"phone": make_phone(), "iin": make_iin(),
                                   "purpose": "login"})
    assert_problem(r, 422, "validation_failed", [("policy_accepted", "required")])


def test_resend_waits_80_seconds(api, db):
    phone, iin = make_phone(), make_iin()
    assert otp(api, phone, iin).status_code == 202
    r = otp(api, phone, iin)
    assert_problem(r, 429, "rate_limited")
    assert 75 <= int(r.headers["retry-after"]) <= 80
    db.execute("UPDATE bq.otp SET created_at = created_at - interval '81 seconds' "
               "WHERE phone = %s", (phone,))
    assert otp(api, phone, iin).status_code == 202


def test_five_codes_an_hour_per_phone(api, db):
    phone, iin = make_phone(), make_iin()
    for _ in range(5):
        assert otp(api, phone, iin).status_code == 202
        db.execute("UPDATE bq.otp SET created_at = created_at - interval '81 seconds' "
                   "WHERE phone = %s", (phone,))
    r = otp(api, phone, iin)
    assert_problem(r, 429, "rate_limited")
    assert int(r.headers["retry-after"]) > 3000


def test_codes_per_client_address_are_capped(api, db):
    used = db.execute("SELECT count(*) FROM bq.otp WHERE created_at > now() - "
                      "interval '1 hour'").fetchone()[0]
    db.execute("UPDATE bq.setting SET value = %s WHERE name = 'otp_per_client_hour'",
               (used + 1,))
    try:
        assert otp(api, make_phone(), make_iin()).status_code == 202
        assert_problem(otp(api, make_phone(), make_iin()), 429, "rate_limited")
    finally:
        db.execute("UPDATE bq.setting SET value = 100000 "
                   "WHERE name = 'otp_per_client_hour'")


@pytest.mark.parametrize("purpose", ["login", "reset"])
def test_unknown_accounts_get_the_same_answer_and_no_sms(api, stack, db, purpose):
    iin, phone, _ = register(api, stack)
    cool(db, phone)
    before = sms_count(stack)
    known = otp(api, phone, iin, purpose=purpose)
    stack.secrets.add(sms_for(stack, phone, before)["code"])
    before = sms_count(stack)
    stranger = otp(api, make_phone(), iin, purpose=purpose)
    other_iin = otp(api, make_phone(), make_iin(), purpose=purpose)
    for r in (known, stranger, other_iin):
        assert r.status_code == 202
        assert r.json() == known.json()
    import time
    time.sleep(0.3)
    assert sms_count(stack) == before


def test_twenty_parallel_wrong_codes_leave_five_tries(api, stack, db):
    phone, iin = make_phone(), make_iin()
    right = code(api, stack, phone, iin, "register")
    wrong = [("%06d" % ((int(right) + k) % 10**6)) for k in range(1, 21)]

    def attempt(c):
        return post(api.__class__(stack), "/v1/auth/register/verify",
                    {"phone": phone, "iin": iin, "code": c}).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(attempt, wrong))
    assert statuses == [422] * 20
    attempts, consumed = db.execute(
        "SELECT attempts, consumed_at IS NOT NULL FROM bq.otp WHERE phone = %s",
        (phone,)).fetchone()
    assert attempts == 5 and consumed
    # The code is dead: even the right one fails now.
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": right})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])


def test_a_code_is_bound_to_phone_iin_and_purpose(api, stack):
    phone, iin = make_phone(), make_iin()
    right = code(api, stack, phone, iin, "register")
    for body in ({"phone": make_phone(), "iin": iin, "code": right},
                 {"phone": phone, "iin": make_iin(), "code": right}):
        r = post(api, "/v1/auth/register/verify", body)
        assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    r = post(api, "/v1/auth/login/code", {"phone": phone, "iin": iin, "code": right})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": right})
    assert r.status_code == 200


def test_an_expired_code_fails(api, stack, db):
    phone, iin = make_phone(), make_iin()
    right = code(api, stack, phone, iin, "register")
    db.execute("UPDATE bq.otp SET expires_at = now() - interval '1 second' "
               "WHERE phone = %s", (phone,))
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": right})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])


def test_a_code_works_once(api, stack):
    phone, iin = make_phone(), make_iin()
    right = code(api, stack, phone, iin, "register")
    body = {"phone": phone, "iin": iin, "code": right}
    assert post(api, "/v1/auth/register/verify", body).status_code == 200
    r = post(api, "/v1/auth/register/verify", body)
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])
