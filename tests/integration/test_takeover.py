"""Accounts no one can take over (issue 18): each test is one attack, now
refused with a clear problem, nothing stored and nothing revealed."""

import datetime

from people import Parent, make_iin, make_phone, post, sms_count
from problems import assert_problem


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
