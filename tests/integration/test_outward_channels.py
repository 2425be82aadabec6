"""The outward messages through real parts: bq-sms delivering an inbox
message's e-mail to a real SMTP server (aiosmtpd) and its SMS to the
gateway stand-in, which answers slowly, fails, or sends its delivery
receipt back to the API.  On a scratch database where the message is made
the way the service makes it (an inbox row of an outward kind), except
for the receipt, which goes through the stack's own API."""

import email
import email.policy
import os
import signal
import subprocess
import threading
import time

import pytest
import requests
from psycopg.types.json import Jsonb

from conftest import RECEIPT_TOKEN
from fakes import Fake
from servers import sender_pid
from spec import ROOT
from test_mail import smtp  # noqa: F401 (the fixture)


@pytest.fixture
def outward(scratch):
    conn = scratch("outwardtest")
    conn.execute("UPDATE bq.setting SET value = 0 "
                 "WHERE name IN ('quiet_start_hour', 'quiet_end_hour')")
    return conn


def account(conn, language="kk", email_address="ata-ana@example.kz",
            phone="+77017654321"):
    """A parent's account (outward copies go to parents)."""
    who = conn.execute(
        "INSERT INTO bq.account (phone, email, password_hash, surname, first_name, "
        "language) VALUES (%s, %s, 'x', 'Сапарова', 'Әйгерім', %s) "
        "RETURNING id", (phone, email_address, language)).fetchone()[0]
    conn.execute("INSERT INTO bq.account_role (account_id, role) VALUES (%s, 'parent')",
                 (who,))
    return who


def tell(conn, who, kind="voucher_issued"):
    """An inbox message as bq.vouchers_notify writes it."""
    params = {"child": "Сапаров Ернар", "child_first": "Ернар", "number": "A26-0000001",
              "deadline": "2026-12-09 23:59:59", "days": 28}
    text = conn.execute("SELECT bq.message(%s, language, %s) FROM bq.account WHERE id = %s",
                        (kind, Jsonb(params), who)).fetchone()[0]
    return conn.execute(
        "INSERT INTO bq.notification (account_id, kind, text, link, params) VALUES "
        "(%s, %s, %s, '/v1/vouchers/0b6f1d1e-6a39-4d0e-8f3e-0f5a1c2b3d4e', %s) "
        "RETURNING id", (who, kind, text, Jsonb(params))).fetchone()[0]



def send_once(stack, **extra):
    env = {**stack.env,
           "BQ_SMS_DSN": f"host={stack.data / 'run'} port=5432 user=bq_sms dbname=outwardtest",
           "BQ_PORTAL_URL": "https://balabaqsha.example.kz", **extra}
    return subprocess.run([str(ROOT / "build" / "bq-sms"), "--once"], env=env,
                          capture_output=True, text=True, timeout=60)


def test_an_outward_e_mail_over_smtp_reads_as_the_portal_s(stack, outward, smtp):
    inbox, url = smtp
    who = account(outward)
    n = tell(outward, who)
    r = send_once(stack, BQ_SMTP_URL=url, BQ_SMTP_FROM="noreply@balabaqsha.example.kz",
                  BQ_SMS_FILE=str(stack.data / "outward-sms.jsonl"))
    assert r.returncode == 0, r.stderr
    (mail_from, rcpt, content), = inbox.messages
    assert rcpt == ["ata-ana@example.kz"]
    msg = email.message_from_bytes(content, policy=email.policy.default)
    assert str(msg["Subject"]) == "BALABAQSHA: ваучер берілді"
    assert msg["Content-Language"] == "kk"
    body = msg.get_content()
    assert body.startswith("Сапаров Ернар балаға ваучер берілді.")
    assert ("https://balabaqsha.example.kz/vouchers/0b6f1d1e-6a39-4d0e-8f3e-0f5a1c2b3d4e"
            in body)
    assert outward.execute("SELECT status, body FROM bq.email_outbox WHERE "
                           "notification_id = %s", (n,)).fetchone() == ("sent", None)


def test_the_gateway_is_slow_fails_or_is_away_and_the_copy_waits(stack, outward):
    who = account(outward, email_address=None)
    n = tell(outward, who)

    def state():
        return outward.execute("SELECT status, attempts, last_error FROM bq.sms_outbox "
                               "WHERE notification_id = %s", (n,)).fetchone()

    def due():
        outward.execute("UPDATE bq.sms_outbox SET next_attempt_at = now() "
                        "WHERE notification_id = %s", (n,))

    slow = Fake(lambda path, body: (time.sleep(6), (200, {}))[1])
    try:
        assert send_once(stack, BQ_SMS_GATEWAY_URL=slow.url).returncode == 0
        status, attempts, error = state()
        assert (status, attempts) == ("pending", 1) and "timeout" in error.lower()
    finally:
        slow.close()
    failing = Fake(lambda path, body: (503, {"error": "busy"}))
    try:
        due()
        send_once(stack, BQ_SMS_GATEWAY_URL=failing.url)
        assert state()[:2] == ("pending", 2) and state()[2] == "gateway answered HTTP 503"
    finally:
        failing.close()
    due()
    send_once(stack, BQ_SMS_GATEWAY_URL=failing.url)  # closed: nobody there
    assert state()[:2] == ("pending", 3) and "connect" in state()[2].lower()
    ok = Fake(lambda path, body: (200, {"ok": True}))
    try:
        due()
        send_once(stack, BQ_SMS_GATEWAY_URL=ok.url)
        assert state()[0] == "sent"
        sent = ok.requests[0]["body"]
        assert sent["to"] == "+77017654321" and "Ернар" in sent["text"]
        assert "Сапаров" not in sent["text"]
    finally:
        ok.close()



def test_the_gateway_s_receipt_comes_back_through_the_api(stack, db):
    # The stack's own database and API; its demo sender paused, so the
    # gateway stand-in gets the message.
    who = account(db, language="ru", email_address=None, phone="+77017650000")
    pid = sender_pid(stack)
    os.kill(pid, signal.SIGSTOP)
    receipts = []

    def receipt_later(body):
        if body["to"] != "+77017650000":
            return 200, {"ok": True}

        def post():
            time.sleep(0.2)
            try:
                receipts.append(requests.post(
                stack.base + "/v1/sms/receipts", json={"id": body["id"], "state": "delivered"},
                headers={"Authorization": "Bearer " + RECEIPT_TOKEN},
                timeout=10).status_code)
            except Exception as e:  # noqa: BLE001 (shown by the assertion)
                receipts.append(repr(e))
        threading.Thread(target=post).start()
        return 200, {"ok": True}

    gateway = Fake(lambda path, body: receipt_later(body))
    try:
        n = db.execute(
            "INSERT INTO bq.notification (account_id, kind, text, link, params) VALUES "
            "(%s, 'application_confirmed', 'x', '/v1/applications/x', '{\"position\": 3}') "
            "RETURNING id", (who,)).fetchone()[0]
        env = {**stack.env, "BQ_SMS_GATEWAY_URL": gateway.url,
               "BQ_SMS_DSN": f"host={stack.data / 'run'} port=5432 user=bq_sms "
                             f"dbname={db.info.dbname}"}
        r = subprocess.run([str(ROOT / "build" / "bq-sms"), "--once"], env=env,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        deadline = time.monotonic() + 5
        while not receipts and time.monotonic() < deadline:
            time.sleep(0.05)
        assert receipts == [204], (receipts, gateway.requests, r.stderr)
        (mine,) = [q for q in gateway.requests if q["body"]["to"] == "+77017650000"]
        assert mine["body"]["text"] == (
            "BALABAQSHA: Ваше заявление на ваучер подтверждено. Ваше место в очереди: 3.")
        assert db.execute("SELECT status FROM bq.sms_outbox WHERE notification_id = %s",
                          (n,)).fetchone()[0] == "delivered"
    finally:
        os.kill(pid, signal.SIGCONT)
        gateway.close()
