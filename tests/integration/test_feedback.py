"""POST /v1/feedback: what is stored, and the limit per client address."""

import json

import pytest

from problems import assert_problem

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


def test_contacts_are_optional_and_null_is_absent(api, db):
    r = api.post("/v1/feedback", data=json.dumps(
        {"topic": "other", "message": "ok", "email": None, "phone": None}),
        headers=JSON)
    assert r.status_code == 201
    assert db.execute("SELECT email, phone, name FROM bq.feedback").fetchone() == (None, None, None)


def test_the_client_address_is_not_stored_in_clear(api, db):
    api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": "x"}),
             headers=JSON)
    digest = db.execute("SELECT client_digest FROM bq.feedback").fetchone()[0]
    assert len(digest) == 32 and b"127.0.0.1" not in digest


def test_five_an_hour_per_client(api, db):
    for i in range(5):
        r = api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": str(i)}),
                     headers=JSON)
        assert r.status_code == 201
    r = api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": "6"}),
                 headers=JSON)
    assert_problem(r, 429, "rate_limited")
    assert db.execute("SELECT count(*) FROM bq.feedback").fetchone()[0] == 5
    # An hour later the client may write again.
    db.execute("UPDATE bq.feedback SET created_at = created_at - interval '61 minutes'")
    r = api.post("/v1/feedback", data=json.dumps({"topic": "other", "message": "7"}),
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
