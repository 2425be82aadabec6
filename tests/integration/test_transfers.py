"""Transfers and swaps: an enrolled child moves to another kindergarten
without queuing again and keeps its seat until the new contract is signed
(a decline, an expired contract or an unanswered offer leaves it where it
was); a freed seat serves the waiting list, then the transfers in order;
a three-way swap found by top trading cycles with a round; and the routes'
bad input and authorisation."""

import pytest

from people import Parent, bearer, post
from pki import Pki
from places import (active_voucher, add_kindergarten, admin_token, complete, enrol,
                    groups_of, inbox, make_contract, run_round, staff_of, sweep)
from problems import assert_problem


@pytest.fixture
def pki(stack, tmp_path):
    return Pki(stack, tmp_path)


@pytest.fixture
def admin(api, stack):
    return admin_token(api, stack)


class Kg:
    """A kindergarten of the test's city with one senior kk group, and
    its staff."""

    def __init__(self, api, stack, db, admin, region, capacity):
        self.id = add_kindergarten(db, region, [("senior", "kk", capacity)])
        self.group = groups_of(db, self.id)["senior kk"]
        self.staff = staff_of(api, stack, admin, self.id)
        self.bin = db.execute("SELECT bin FROM bq.kindergarten WHERE id = %s",
                              (self.id,)).fetchone()[0]


def sign_both(api, pki, parent, kg, contract):
    """The parent completes and signs the contract, then the kindergarten."""
    complete(api, parent, contract)
    doc = api.get(f"/v1/contracts/{contract}/document", headers=bearer(parent.token)).content
    cert, key, _ = pki.cert("IIN" + parent.iin)
    r = post(api, f"/v1/contracts/{contract}/signature", {"cms": pki.sign(doc, cert, key)},
             token=parent.token)
    assert r.status_code == 200, r.text
    cert, key, _ = pki.cert("IIN870412300415", unit="BIN" + kg.bin)
    r = post(api, f"/v1/kindergarten/contracts/{contract}/signature",
             {"cms": pki.sign(doc, cert, key)}, token=kg.staff)
    assert r.status_code == 200, r.text
    return r.json()


def enrolled(api, stack, pki, admin, region, kg, parent=None):
    """A child enrolled at kg through the whole flow: its parent and app."""
    p, app, v = active_voucher(api, stack, admin, region, parent=parent)
    r = enrol(api, p, v, kg.id, kg.group)
    assert r.status_code == 201, r.text
    c = make_contract(api, kg.staff, r.json()["id"]).json()
    assert sign_both(api, pki, p, kg, c["id"])["status"] == "signed"
    return p, app


def where(db, app):
    """The kindergarten whose live enrolled seat the application's child holds."""
    rows = db.execute(
        "SELECT g.kindergarten_id FROM bq.seat s JOIN bq.kindergarten_group g"
        " ON g.id = s.group_id JOIN bq.application a ON a.child_id = s.child_id"
        " WHERE a.id = %s AND s.released_at IS NULL AND s.kind = 'enrolled'", (app["id"],))
    return [str(r[0]) for r in rows]


def live_seats(db, kg):
    return db.execute("SELECT count(*) FROM bq.seat WHERE group_id = %s"
                      " AND released_at IS NULL", (kg.group,)).fetchone()[0]


def ask(api, parent, app, kgs, status=201):
    r = post(api, "/v1/transfers", {"child_id": app["child"]["id"],
                                    "kindergarten_ids": [k.id for k in kgs]},
             token=parent.token)
    assert r.status_code == status, r.text
    return r.json()


def act(api, parent, t, action, status=200):
    r = api.post(f"/v1/transfers/{t['id']}/{action}", headers=bearer(parent.token))
    assert r.status_code == status, r.text
    return r.json()


def new_request(api, kg):
    (e,) = [e for e in api.get("/v1/kindergarten/enrolments?status=requested",
                               headers=bearer(kg.staff)).json()["items"]]
    return e


def test_a_transfer_never_leaves_a_child_without_a_seat(api, stack, db, pki, region, admin):
    a = Kg(api, stack, db, admin, region, 1)
    b = Kg(api, stack, db, admin, region, 2)
    x, xa = enrolled(api, stack, pki, admin, region, a)
    enrolled(api, stack, pki, admin, region, b)
    assert where(db, xa) == [a.id]

    # B has a seat free: offered at once, held for the family.
    t = ask(api, x, xa, [b])
    assert t["status"] == "offered" and t["offer"]["kindergarten"]["id"] == b.id
    assert t["offer"]["swap_id"] is None and t["from"]["kindergarten"]["id"] == a.id
    assert any(n["kind"] == "transfer_offered" and n["link"] == f"/v1/transfers/{t['id']}"
               for n in inbox(api, x.token))
    assert live_seats(db, b) == 2
    t = act(api, x, t, "accept")
    assert t["status"] == "accepted" and t["enrolment_id"]
    # B declines: the child stays at A, B's seat frees.
    e = new_request(api, b)
    assert e["id"] == t["enrolment_id"]
    r = post(api, f"/v1/kindergarten/enrolments/{e['id']}/decline", {"reason": "Нет места"},
             token=b.staff)
    assert r.status_code == 200, r.text
    t = api.get(f"/v1/transfers/{t['id']}", headers=bearer(x.token)).json()
    assert t["status"] == "failed" and t["closed_at"]
    assert where(db, xa) == [a.id] and live_seats(db, b) == 1
    assert x.card(xa["id"])["status"] == "enrolled"

    # Again: the contract is made and not signed in time.
    t = act(api, x, ask(api, x, xa, [b]), "accept")
    c = make_contract(api, b.staff, t["enrolment_id"])
    assert c.status_code == 201, c.text
    assert x.card(xa["id"])["status"] == "enrolled"
    db.execute("UPDATE bq.contract SET sign_by = now() - interval '1 second' WHERE id = %s",
               (c.json()["id"],))
    assert sweep(api, admin)["contracts_expired"] >= 1
    t = api.get(f"/v1/transfers/{t['id']}", headers=bearer(x.token)).json()
    assert t["status"] == "failed" and where(db, xa) == [a.id] and live_seats(db, b) == 1

    # And an offer not answered in time gives the seat back.
    t = ask(api, x, xa, [b])
    db.execute("UPDATE bq.transfer SET offer_by = now() - interval '1 second' WHERE id = %s",
               (t["id"],))
    assert sweep(api, admin)["transfer_offers_lapsed"] >= 1
    t = api.get(f"/v1/transfers/{t['id']}", headers=bearer(x.token)).json()
    assert t["status"] == "cancelled" and live_seats(db, b) == 1

    # At last both sign: only now is A's seat given back.
    t = act(api, x, ask(api, x, xa, [b]), "accept")
    c = make_contract(api, b.staff, t["enrolment_id"]).json()
    assert where(db, xa) == [a.id]
    signed = sign_both(api, pki, x, b, c["id"])
    assert signed["status"] == "signed"
    t = api.get(f"/v1/transfers/{t['id']}", headers=bearer(x.token)).json()
    assert t["status"] == "done"
    assert where(db, xa) == [b.id] and live_seats(db, a) == 0 and live_seats(db, b) == 2
    # The voucher, the application and the child's history followed.
    assert x.card(xa["id"])["status"] == "enrolled"
    assert signed["application_id"] == xa["id"]
    assert db.execute("SELECT count(DISTINCT voucher_id) FROM bq.enrolment"
                      " WHERE application_id = %s", (xa["id"],)).fetchone()[0] == 1
    assert any(n["kind"] == "transfer_done" for n in inbox(api, x.token))
    h = api.get(f"/v1/enrolments/{t['enrolment_id']}/history", headers=bearer(x.token)).json()
    assert [i["to"] for i in h["items"]] == ["requested", "contract", "enrolled"]


def test_a_freed_seat_serves_the_waiting_list_then_the_transfers(api, stack, db, pki, region,
                                                                admin):
    a = Kg(api, stack, db, admin, region, 1)
    b = Kg(api, stack, db, admin, region, 1)
    c = Kg(api, stack, db, admin, region, 2)
    x, xa = enrolled(api, stack, pki, admin, region, a)
    z, za = enrolled(api, stack, pki, admin, region, c)
    # Z asks for A first; W, with a voucher and no place at all, then joins
    # A's waiting list: W is served before Z all the same.
    tz = ask(api, z, za, [a])
    assert tz["status"] == "waiting" and tz["choices"][0]["ahead"] == 0
    w, wa, wv = active_voucher(api, stack, admin, region)
    r = post(api, f"/v1/kindergartens/{a.id}/waiting-list", {"application_id": wa["id"]},
             token=w.token)
    assert r.status_code == 201, r.text
    tz = api.get(f"/v1/transfers/{tz['id']}", headers=bearer(z.token)).json()
    assert tz["choices"][0]["ahead"] == 1

    # X moves from A to B (free): A's seat goes to W, not to Z.
    tx = act(api, x, ask(api, x, xa, [b]), "accept")
    k = make_contract(api, b.staff, tx["enrolment_id"]).json()
    sign_both(api, pki, x, b, k["id"])
    assert w.card(wa["id"])["status"] == "awaiting_contract"
    tz = api.get(f"/v1/transfers/{tz['id']}", headers=bearer(z.token)).json()
    assert tz["status"] == "waiting" and tz["choices"][0]["ahead"] == 0

    # W's request declined: the seat frees again, and now Z is offered it.
    e = new_request(api, a)
    r = post(api, f"/v1/kindergarten/enrolments/{e['id']}/decline", {"reason": "Документы"},
             token=a.staff)
    assert r.status_code == 200
    # (W's voucher is still active: W is back on no list, so Z is next.)
    tz = api.get(f"/v1/transfers/{tz['id']}", headers=bearer(z.token)).json()
    assert tz["status"] == "offered" and tz["offer"]["kindergarten"]["id"] == a.id


def test_a_three_way_swap(api, stack, db, pki, region, admin):
    a = Kg(api, stack, db, admin, region, 1)
    b = Kg(api, stack, db, admin, region, 1)
    c = Kg(api, stack, db, admin, region, 1)
    d = Kg(api, stack, db, admin, region, 1)
    p1, a1 = enrolled(api, stack, pki, admin, region, a)
    p2, a2 = enrolled(api, stack, pki, admin, region, b)
    p3, a3 = enrolled(api, stack, pki, admin, region, c)
    p4, a4 = enrolled(api, stack, pki, admin, region, d)
    # 1 wants B, 2 wants C, 3 wants A (then D): a cycle. 4 wants A too, but
    # asked last: A's seat goes round the cycle, 4 keeps its own.
    t1 = ask(api, p1, a1, [b])
    t2 = ask(api, p2, a2, [c])
    t3 = ask(api, p3, a3, [a, d])
    t4 = ask(api, p4, a4, [a])
    assert {t["status"] for t in (t1, t2, t3, t4)} == {"waiting"}
    run_round(api, admin, region)
    got = {n: api.get(f"/v1/transfers/{t['id']}", headers=bearer(p.token)).json()
           for n, t, p in [(1, t1, p1), (2, t2, p2), (3, t3, p3), (4, t4, p4)]}
    assert got[4]["status"] == "waiting" and got[4]["offer"] is None
    swap = {got[n]["offer"]["swap_id"] for n in (1, 2, 3)}
    assert len(swap) == 1 and None not in swap
    assert [got[n]["offer"]["kindergarten"]["id"] for n in (1, 2, 3)] == [b.id, c.id, a.id]
    assert all(got[n]["offer"]["swap_size"] == 3 for n in (1, 2, 3))
    assert any(n["kind"] == "swap_offered" for n in inbox(api, p3.token))

    # Two accept; nothing moves yet.
    act(api, p1, t1, "accept")
    act(api, p2, t2, "accept")
    assert api.get("/v1/kindergarten/enrolments?status=requested",
                   headers=bearer(b.staff)).json()["items"] == []
    # The third accepts: each kindergarten has the child coming to it.
    act(api, p3, t3, "accept")
    moves = {}
    for kg, p, t in [(b, p1, t1), (c, p2, t2), (a, p3, t3)]:
        e = new_request(api, kg)
        k = make_contract(api, kg.staff, e["id"])
        assert k.status_code == 201, k.text
        moves[kg.id] = (kg, p, k.json()["id"], t)
    # Every contract but the last signed: every child still where it was.
    for kg, p, contract, t in list(moves.values())[:2]:
        sign_both(api, pki, p, kg, contract)
    assert (where(db, a1), where(db, a2), where(db, a3)) == ([a.id], [b.id], [c.id])
    for kg in (a, b, c):
        assert live_seats(db, kg) == 1
    kg, p, contract, t = list(moves.values())[2]
    sign_both(api, pki, p, kg, contract)
    # The last: the places change hands at once, no group over capacity.
    assert (where(db, a1), where(db, a2), where(db, a3), where(db, a4)) == (
        [b.id], [c.id], [a.id], [d.id])
    for kg in (a, b, c, d):
        assert live_seats(db, kg) == 1
    for n, p, t in [(1, p1, t1), (2, p2, t2), (3, p3, t3)]:
        assert api.get(f"/v1/transfers/{t['id']}",
                       headers=bearer(p.token)).json()["status"] == "done"


def test_a_swap_declined_by_one_family_waits_again_for_the_others(api, stack, db, pki, region,
                                                                  admin):
    a = Kg(api, stack, db, admin, region, 1)
    b = Kg(api, stack, db, admin, region, 1)
    p1, a1 = enrolled(api, stack, pki, admin, region, a)
    p2, a2 = enrolled(api, stack, pki, admin, region, b)
    t1 = ask(api, p1, a1, [b])
    t2 = ask(api, p2, a2, [a])
    run_round(api, admin, region)
    act(api, p1, t1, "accept")
    t2 = act(api, p2, t2, "decline")
    assert t2["status"] == "declined"
    t1 = api.get(f"/v1/transfers/{t1['id']}", headers=bearer(p1.token)).json()
    assert t1["status"] == "waiting" and t1["offer"] is None
    assert (where(db, a1), where(db, a2)) == ([a.id], [b.id])
    # And nobody sees the other family's transfer.
    r = api.get(f"/v1/transfers/{t1['id']}", headers=bearer(p2.token))
    assert_problem(r, 404, "not_found")
    for action in ("accept", "decline", "cancel"):
        r = api.post(f"/v1/transfers/{t1['id']}/{action}", headers=bearer(p2.token))
        assert_problem(r, 404, "not_found")
    assert [t["id"] for t in api.get("/v1/transfers",
                                     headers=bearer(p2.token)).json()["items"]] == [t2["id"]]
    # Withdrawn by its family.
    t1 = act(api, p1, t1, "cancel")
    assert t1["status"] == "cancelled"
    act(api, p1, t1, "cancel", status=409)


def test_a_transfer_refuses_bad_input_and_what_is_not_the_family_s(api, stack, db, pki, region,
                                                                   admin):
    a = Kg(api, stack, db, admin, region, 1)
    b = Kg(api, stack, db, admin, region, 1)
    x, xa = enrolled(api, stack, pki, admin, region, a)
    enrolled(api, stack, pki, admin, region, b)
    elsewhere = add_kindergarten(db, __import__("places").add_city(db), [("senior", "kk", 1)])
    child = xa["child"]["id"]
    for body, status, field in [
            ({"kindergarten_ids": [b.id]}, 422, "child_id"),
            ({"child_id": child}, 422, "kindergarten_ids"),
            ({"child_id": "nope", "kindergarten_ids": [b.id]}, 422, "child_id"),
            ({"child_id": child, "kindergarten_ids": []}, 422, "kindergarten_ids"),
            ({"child_id": child, "kindergarten_ids": [b.id] * 4}, 422, "kindergarten_ids"),
            ({"child_id": child, "kindergarten_ids": [b.id, b.id]}, 422, "kindergarten_ids[1]"),
            ({"child_id": child, "kindergarten_ids": [a.id]}, 422, "kindergarten_ids"),
            ({"child_id": child, "kindergarten_ids": [elsewhere]}, 422, "kindergarten_ids"),
            ({"child_id": child, "kindergarten_ids": [b.id], "x": 1}, 422, "x")]:
        r = post(api, "/v1/transfers", body, token=x.token)
        assert_problem(r, status, "validation_failed", [field])
    assert db.execute("SELECT count(*) FROM bq.transfer WHERE child_id = %s",
                      (child,)).fetchone()[0] == 0
    # Another family's child, a child not enrolled.
    other = Parent(api, stack)
    r = post(api, "/v1/transfers", {"child_id": child, "kindergarten_ids": [b.id]},
             token=other.token)
    assert_problem(r, 422, "validation_failed", ["child_id"])
    r = post(api, "/v1/transfers", {"child_id": other.child(), "kindergarten_ids": [b.id]},
             token=other.token)
    assert_problem(r, 409, "conflict", [("child_id", "not_enrolled")])
    # One open transfer per child; no offer to answer while it waits.
    t = ask(api, x, xa, [b])
    assert t["status"] == "waiting"
    r = post(api, "/v1/transfers", {"child_id": child, "kindergarten_ids": [b.id]},
             token=x.token)
    assert_problem(r, 409, "conflict", [("child_id", "taken")])
    r = api.post(f"/v1/transfers/{t['id']}/accept", headers=bearer(x.token))
    assert_problem(r, 409, "conflict", [("status", "no_offer")])
    # Staff and the department do not ask for a family.
    r = post(api, "/v1/transfers", {"child_id": child, "kindergarten_ids": [b.id]},
             token=a.staff)
    assert r.status_code == 403
    r = api.get("/v1/transfers/00000000-0000-4000-8000-000000000000",
                headers=bearer(x.token))
    assert_problem(r, 404, "not_found")
