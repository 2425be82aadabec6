"""Feedback: what is stored, the limit per client address, and support's
answers reaching the author's inbox."""

import json
import uuid

import pytest

from people import bearer, login, post, register
from problems import assert_problem

DEMO = "Balabaqsha-demo-2026"

JSON = {"Content-Type": "application/json", "Accept-Language": "en"}


@pytest.fixture(autouse=True)
def empty_feedback(db):
    db.execute("DELETE FROM bq.feedback")


def test_feedback_is_stored(api, db, stack):
    body = {"topic": "complaint", "message": "The queue page\nwas slow.",
            "name": "Айгерім", "email": "aigerim.n@mail.kz",
            "phone": "8 (701) 555-12-34"}
    stack.secrets.update([body["email"], "7015551234"])
    r = api.post("/v1/feedback", data=json.dumps(body),
                 headers={**JSON, "Accept-Language": "ru"})
    assert r.status_code == 201
    out = r.json()
    assert out["topic"] == "complaint"
    assert out["created_at"].endswith("+05:00")
    row = db.execute("SELECT topic::text, message, name, email, phone, language::text, "
                     "client_digest IS NOT NULL FROM bq.feedback WHERE id = %s",
                     (out["id"],)).fetchone()
    assert row == ("complaint", body["message"], "Айгерім", body["email"],
                   "+77015551234", "ru", True)


def test_anonymous_authors_leave_a_contact(api, db):
    r = api.post("/v1/feedback", data=json.dumps(
        {"topic": "other", "message": "ok", "email": None, "phone": None}),
        headers=JSON)
    assert_problem(r, 422, "validation_failed", [("email", "required")])
    assert db.execute("SELECT count(*) FROM bq.feedback").fetchone()[0] == 0
    r = api.post("/v1/feedback", data=json.dumps(
        {"topic": "other", "message": "ok", "phone": "+77015550000", "email": None}),
        headers=JSON)
    assert r.status_code == 201
    assert db.execute("SELECT email, phone, name, author_id FROM bq.feedback"
                      ).fetchone() == (None, "+77015550000", None, None)


def test_a_signed_in_author_gets_the_answer_in_the_inbox(api, db, stack):
    _, _, t = register(api, stack)
    r = api.post("/v1/feedback", data=json.dumps(
        {"topic": "question", "message": "When is the next round?"}),
        headers={**JSON, **bearer(t["access_token"])})
    assert r.status_code == 201, r.text
    fid = r.json()["id"]
    assert db.execute("SELECT author_id FROM bq.feedback WHERE id = %s",
                      (fid,)).fetchone()[0] is not None
    # A bad token is refused, not taken for an anonymous author.
    r = api.post("/v1/feedback", data=json.dumps(
        {"topic": "question", "message": "x", "email": "a@b.kz"}),
        headers={**JSON, "Authorization": "Bearer nope"})
    assert_problem(r, 401, "unauthorized")

    admin = login(api, stack, "admin", DEMO)["access_token"]
    name = "sup" + uuid.uuid4().hex[:8]
    r = post(api, "/v1/admin/staff", {"login": name, "password": "Koktobe-Staff-1",
                                      "surname": "Сапарова", "first_name": "Гүлнар",
                                      "role": "support"}, token=admin)
    assert r.status_code == 201, r.text
    support = login(api, stack, name, "Koktobe-Staff-1")["access_token"]
    items = api.get("/v1/support/feedback?status=open",
                    headers=bearer(support)).json()["items"]
    assert [i["id"] for i in items] == [fid]
    assert items[0]["message"] == "When is the next round?"
    r = post(api, f"/v1/support/feedback/{fid}/answer",
             {"answer": "The next round is on 1 July."}, token=support)
    assert r.status_code == 200, r.text
    assert r.json()["answered_at"] and r.json()["answer"] == "The next round is on 1 July."
    inbox = api.get("/v1/notifications", headers={**bearer(t["access_token"]), "Accept-Language": "en"}).json()["items"]
    assert inbox[0]["kind"] == "feedback_answered"
    assert inbox[0]["text"] == "Support answered your message: The next round is on 1 July."
    r = post(api, f"/v1/support/feedback/{fid}/answer", {"answer": "Again"}, token=support)
    assert_problem(r, 409, "conflict", [("answer", "taken")])
    assert api.get("/v1/support/feedback?status=open",
                   headers=bearer(support)).json()["items"] == []
    assert [i["id"] for i in api.get("/v1/support/feedback?status=answered",
                                     headers=bearer(support)).json()["items"]] == [fid]
    # Bad input, unknown ids, other roles.
    for body, field, code in [({}, "answer", "required"), ({"answer": "x"}, "answer",
                                                           "too_short")]:
        r = post(api, f"/v1/support/feedback/{fid}/answer", body, token=support)
        assert_problem(r, 422, "validation_failed", [(field, code)])
    assert_problem(api.get("/v1/support/feedback?status=lost", headers=bearer(support)),
                   422, "validation_failed", [("status", "invalid_value")])
    missing = "00000000-0000-4000-8000-000000000000"
    r = post(api, f"/v1/support/feedback/{missing}/answer", {"answer": "Hello"},
             token=support)
    assert_problem(r, 404, "not_found")
    for token in (t["access_token"], admin):
        assert_problem(api.get("/v1/support/feedback", headers=bearer(token)), 403,
                       "forbidden")


def test_the_client_address_is_not_stored_in_clear(api, db):
    api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": "x", "email": "a@b.kz"}),
             headers=JSON)
    digest = db.execute("SELECT client_digest FROM bq.feedback").fetchone()[0]
    assert len(digest) == 32 and b"127.0.0.1" not in digest


def test_five_an_hour_per_client(api, db):
    for i in range(5):
        r = api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": str(i),
                                                "email": "a@b.kz"}),
                     headers=JSON)
        assert r.status_code == 201
    r = api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": "6", "email": "a@b.kz"}),
                 headers=JSON)
    assert_problem(r, 429, "rate_limited")
    assert db.execute("SELECT count(*) FROM bq.feedback").fetchone()[0] == 5
    # An hour later the client may write again.
    db.execute("UPDATE bq.feedback SET created_at = created_at - interval '61 minutes'")
    r = api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": "7", "email": "a@b.kz"}),
                 headers=JSON)
    assert r.status_code == 201


def test_the_service_role_cannot_touch_tables(stack):
    import psycopg
    with psycopg.connect(host=str(stack.data / "run"), port=5432, user="bq_api",
                         dbname="balabaqsha", autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM bq.feedback")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM bq.installation")
