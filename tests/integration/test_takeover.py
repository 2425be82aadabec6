"""Accounts no one can take over (issue 18): each test is one attack, now
refused with a clear problem, nothing stored and nothing revealed."""

import base64
import datetime
import json

from people import Parent, bearer, login, make_iin, make_phone, post, register, sms_count
from problems import assert_problem

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
