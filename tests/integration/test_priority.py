"""Proved priority: a claimed category is placed as ordinary until a
verifier of the region confirms its proof; it counts until the proof's
validity ends, drops back at the next round when it has, and a claim found
false loses the priority, the voucher given on it and, for 10 days, the
family's right to file."""

import calendar
import datetime
import zoneinfo

import pytest

from people import Parent, bearer, post, upload
from places import (add_kindergarten, admin_token, inbox, prove, run_round, verifier_of,
                    vouchers)
from problems import assert_problem

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def today():
    return datetime.datetime.now(ALMATY).date()


def add_month(d):
    """D a month later, as PostgreSQL adds one (the month's last day at
    most)."""
    y, m = d.year + d.month // 12, d.month % 12 + 1
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))


def history(api, p, app):
    h = api.get(f"/v1/applications/{app}/position-history", headers=bearer(p.token))
    assert h.status_code == 200, h.text
    return [(e["position"], e["cause"]) for e in h.json()["items"]]


def kinds(api, p):
    return [n["kind"] for n in inbox(api, p.token)]


@pytest.fixture
def verifier(api, stack, db, region):
    return verifier_of(api, stack, db, region)


def decide(api, token, app, action, body):
    return post(api, f"/v1/staff/applications/{app}/priority/{action}", body, token=token)


def test_a_claim_counts_once_proved_and_drops_back_when_its_proof_expires(
        api, stack, db, region, verifier):
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    first = p.file(p.child(), region).json()["id"]
    r = p.file(p.child(), region, priority="teacher")
    assert r.status_code == 201, r.text
    claim = r.json()
    # Claimed: placed as ordinary, and its card and history say so.
    assert claim["priority_state"] == "claimed" and claim["queue_position"] == 2
    assert claim["priority_valid_until"] is None and claim["priority_document_id"]
    assert history(api, p, claim["id"]) == [(2, "priority_claimed")]
    # The verifier has it to decide, and reads its proof.
    todo = api.get("/v1/staff/priority-claims", headers=bearer(verifier)).json()["items"]
    assert [a["id"] for a in todo] == [claim["id"]]
    assert api.get(f"/v1/documents/{claim['priority_document_id']}",
                   headers=bearer(verifier)).status_code == 200

    # Confirmed: a workplace certificate holds a month from its issue.
    issued = today() - datetime.timedelta(days=3)
    r = decide(api, verifier, claim["id"], "confirm", {"issued_on": str(issued)})
    assert r.status_code == 200, r.text
    card = r.json()
    assert card["priority_state"] == "confirmed" and card["queue_position"] == 1
    assert card["priority_valid_until"] == str(add_month(issued))
    assert p.card(first)["queue_position"] == 2
    assert history(api, p, claim["id"]) == [(2, "priority_claimed"), (1, "priority_confirmed")]
    assert history(api, p, first)[-1] == (2, "priority_confirmed")
    assert "priority_confirmed" in kinds(api, p)
    row = db.execute("SELECT decided_by, issued_on FROM bq.priority_proof "
                     "WHERE application_id = %s", (claim["id"],)).fetchone()
    assert row[0] is not None and row[1] == issued
    assert api.get("/v1/staff/priority-claims", headers=bearer(verifier)).json()["items"] == []

    # The proof's month ends: at the next round it counts no more, the
    # family is told, and the one voucher goes to the first filed.
    db.execute("UPDATE bq.application SET priority_valid_until = %s WHERE id = %s",
               (today(), claim["id"]))
    run_round(api, admin_token(api, stack), region)
    card = p.card(claim["id"])
    assert card["priority_state"] == "expired" and card["queue_position"] == 1
    assert {v["application_id"] for v in vouchers(api, p)} == {first}
    assert history(api, p, claim["id"])[-2:] == [(2, "priority_expired"),
                                                 (1, "voucher_issued")]
    assert "priority_expired" in kinds(api, p)

    # A new proof: claimed again, and counts again once confirmed.
    doc = upload(api, p.token, "workplace_certificate")
    r = api.put(f"/v1/applications/{claim['id']}/priority-proof", json={"document_id": doc},
                headers=bearer(p.token))
    assert r.status_code == 200, r.text
    assert r.json()["priority_state"] == "claimed" and r.json()["priority_document_id"] == doc
    r = decide(api, verifier, claim["id"], "confirm", {"issued_on": str(today())})
    assert r.status_code == 200 and r.json()["priority_state"] == "confirmed"


def test_a_false_claim_loses_its_voucher_and_stops_the_family_filing(
        api, stack, db, region, verifier):
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    first = p.file(p.child(), region).json()["id"]
    claim = p.file(p.child(), region, priority="large_family").json()["id"]
    prove(api, stack, db, region, claim)
    run_round(api, admin_token(api, stack), region)
    (v,) = vouchers(api, p)
    assert v["application_id"] == claim

    r = decide(api, verifier, claim, "refute", {"reason": "The certificate is forged."})
    assert r.status_code == 200, r.text
    card = r.json()
    assert card["priority_state"] == "refuted" and card["status"] == "queued"
    until = datetime.datetime.fromisoformat(card["filing_stopped_until"])
    assert datetime.timedelta(days=9, hours=23) < until - datetime.datetime.now(
        datetime.timezone.utc) <= datetime.timedelta(days=10)
    # Back in the queue as ordinary, behind the first filed.
    assert card["queue_position"] == 2 and p.card(first)["queue_position"] == 1
    assert history(api, p, claim)[-1] == (2, "priority_refuted")
    (gone,) = vouchers(api, p)
    assert gone["status"] == "cancelled" and gone["cancel_reason"] == "priority_refuted"
    told = [n for n in inbox(api, p.token) if n["kind"] == "priority_refuted"]
    assert len(told) == 1 and "The certificate is forged." in told[0]["text"]

    # The family files nothing until the stop list ends.
    before = db.execute("SELECT count(*) FROM bq.application").fetchone()[0]
    assert_problem(p.file(p.child(), region), 409, "conflict", [("child_id", "stop_listed")])
    assert db.execute("SELECT count(*) FROM bq.application").fetchone()[0] == before
    # Refuted is final: neither decided again nor proved again.
    assert_problem(decide(api, verifier, claim, "refute", {"reason": "Again."}), 409,
                   "conflict", [("id", "decided_already")])
    doc = upload(api, p.token, "large_family_certificate")
    assert_problem(api.put(f"/v1/applications/{claim}/priority-proof",
                           json={"document_id": doc}, headers=bearer(p.token)),
                   409, "conflict", [("id", "not_claimable")])


def test_a_claim_needs_its_proof_and_wrong_decisions_are_refused(api, stack, db, region,
                                                                 verifier):
    p = Parent(api, stack)
    child = p.child()
    count = "SELECT (SELECT count(*) FROM bq.application), (SELECT count(*) FROM bq.priority_proof)"
    before = db.execute(count).fetchone()
    assert_problem(p.file(child, region, priority="military", priority_document_id=None),
                   422, "validation_failed", [("priority_document_id", "required")])
    wrong = upload(api, p.token, "large_family_certificate")
    assert_problem(p.file(child, region, priority="military", priority_document_id=wrong),
                   422, "validation_failed", [("priority_document_id", "invalid_value")])
    assert_problem(p.file(child, region, priority_document_id=wrong), 422,
                   "validation_failed", [("priority_document_id", "invalid_value")])
    assert_problem(p.file(child, region, priority="military", priority_document_id="x"),
                   422, "validation_failed", [("priority_document_id", "invalid_format")])
    other = Parent(api, stack)
    theirs = upload(api, other.token, "workplace_certificate")
    assert_problem(p.file(child, region, priority="military", priority_document_id=theirs),
                   422, "validation_failed", [("priority_document_id", "invalid_value")])
    assert db.execute(count).fetchone() == before

    claim = p.file(child, region, priority="military").json()["id"]
    for body, field, code in (({"issued_on": str(today() + datetime.timedelta(days=1))},
                               "issued_on", "out_of_range"),
                              ({"issued_on": str(today() - datetime.timedelta(days=40))},
                               "issued_on", "out_of_range"),
                              ({"issued_on": "2026-02-30"}, "issued_on", "invalid_format"),
                              ({}, "issued_on", "required")):
        assert_problem(decide(api, verifier, claim, "confirm", body), 422,
                       "validation_failed", [(field, code)])
    assert_problem(decide(api, verifier, claim, "refute", {"reason": "no"}), 422,
                   "validation_failed", [("reason", "too_short")])
    assert p.card(claim)["priority_state"] == "claimed"
    assert_problem(api.put(f"/v1/applications/{claim}/priority-proof",
                           json={"document_id": theirs}, headers=bearer(p.token)),
                   422, "validation_failed", [("document_id", "invalid_value")])
    assert decide(api, verifier, claim, "confirm",
                  {"issued_on": str(today())}).status_code == 200
    assert_problem(decide(api, verifier, claim, "confirm", {"issued_on": str(today())}),
                   409, "conflict", [("id", "decided_already")])
    doc = upload(api, p.token, "workplace_certificate")
    assert_problem(api.put(f"/v1/applications/{claim}/priority-proof",
                           json={"document_id": doc}, headers=bearer(p.token)),
                   409, "conflict", [("id", "not_claimable")])


def test_only_the_region_s_verifier_decides_and_only_the_family_proves(
        api, stack, db, region, verifier):
    from places import add_city
    p = Parent(api, stack)
    claim = p.file(p.child(), region, priority="orphan").json()["id"]
    elsewhere = verifier_of(api, stack, db, add_city(db))
    for action, body in (("confirm", {"issued_on": str(today())}),
                         ("refute", {"reason": "Not an orphan."})):
        assert_problem(decide(api, elsewhere, claim, action, body), 404, "not_found")
        assert_problem(decide(api, p.token, claim, action, body), 403, "forbidden")
    assert api.get("/v1/staff/priority-claims", headers=bearer(elsewhere)).json()["items"] == []
    assert_problem(api.get("/v1/staff/priority-claims", headers=bearer(p.token)), 403,
                   "forbidden")
    stranger = Parent(api, stack)
    doc = upload(api, stranger.token, "guardianship")
    assert_problem(api.put(f"/v1/applications/{claim}/priority-proof",
                           json={"document_id": doc}, headers=bearer(stranger.token)),
                   404, "not_found")
    assert p.card(claim)["priority_state"] == "claimed"


def test_the_reference_says_what_proves_each_category(api):
    ref = {c["code"]: c for c in api.get("/v1/reference").json()["priority_categories"]}
    assert ref["teacher"]["proof_kinds"] == ["workplace_certificate"]
    assert ref["teacher"]["valid_months"] == 1
    assert ref["large_family"]["valid_months"] == 12
    assert "valid_months" not in ref["fallen_in_service"]
