"""bq-sms against an HTTP gateway: delivery, retries with backoff, the
dead letter, and erasing what was sent.  On a scratch database, so the
stack's own demo sender does not take the messages."""

import subprocess

import pytest

from fakes import Fake
from spec import ROOT


@pytest.fixture
def outbox(scratch):
    return scratch("smstest")


def send_once(stack, url):
    env = dict(stack.env,
               BQ_SMS_DSN=f"host={stack.data / 'run'} port=5432 user=bq_sms dbname=smstest",
               BQ_SMS_GATEWAY_URL=url, BQ_SMS_GATEWAY_TOKEN="gateway-secret")
    return subprocess.run([str(ROOT / "build" / "bq-sms"), "--once"], env=env,
                          capture_output=True, text=True, timeout=60)


def queue(conn):
    return conn.execute(
        "INSERT INTO bq.sms_outbox (phone, kind, body, code) VALUES "
        "('+77017654321', 'otp_login', 'BALABAQSHA: code 123456', '123456') RETURNING id"
    ).fetchone()[0]


def row(conn, id_):
    return conn.execute(
        "SELECT status, attempts, body, code, last_error, next_attempt_at > now() "
        "FROM bq.sms_outbox WHERE id = %s", (id_,)).fetchone()


def test_delivered_and_erased(stack, outbox):
    gateway = Fake(lambda path, body: (200, {"ok": True}))
    try:
        id_ = queue(outbox)
        r = send_once(stack, gateway.url + "/send")
        assert r.returncode == 0, r.stderr
        assert gateway.requests[0]["path"] == "/send"
        assert gateway.requests[0]["body"] == {"id": str(id_), "to": "+77017654321",
                                               "text": "BALABAQSHA: code 123456"}
        assert gateway.requests[0]["headers"]["Authorization"] == "Bearer gateway-secret"
        assert row(outbox, id_)[:5] == ("sent", 1, None, None, None)
        # Its log names the message, never the phone, text or code.
        assert str(id_) in r.stderr
        for secret in ("7017654321", "123456", "gateway-secret"):
            assert secret not in r.stderr
    finally:
        gateway.close()


def test_failures_back_off_then_die(stack, outbox):
    gateway = Fake(lambda path, body: (500, {"error": "busy"}))
    try:
        id_ = queue(outbox)
        assert send_once(stack, gateway.url).returncode == 0
        status, attempts, body, code, error, later = row(outbox, id_)
        assert (status, attempts, code, later) == ("pending", 1, "123456", True)
        assert error == "gateway answered HTTP 500"
        # Not due yet: a second run leaves it alone.
        send_once(stack, gateway.url)
        assert len(gateway.requests) == 1
        # The last allowed try fails: a dead letter, text and code erased.
        outbox.execute("UPDATE bq.sms_outbox SET attempts = 5, next_attempt_at = now()")
        send_once(stack, gateway.url)
        assert row(outbox, id_)[:4] == ("dead", 6, None, None)
    finally:
        gateway.close()


def test_an_unreachable_gateway_is_a_retry(stack, outbox):
    gateway = Fake(lambda path, body: (200, {}))
    url = gateway.url
    gateway.close()
    id_ = queue(outbox)
    assert send_once(stack, url).returncode == 0
    status, attempts, _, _, error, _ = row(outbox, id_)
    assert status == "pending" and attempts == 1 and "connect" in error.lower()


def test_a_dead_database_is_an_error_exit(stack):
    env = dict(stack.env, BQ_SMS_DSN="host=/nonexistent dbname=x user=bq_sms",
               BQ_SMS_GATEWAY_URL="http://127.0.0.1:9/")
    r = subprocess.run([str(ROOT / "build" / "bq-sms"), "--once"], env=env,
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 1 and "cannot connect" in r.stderr
