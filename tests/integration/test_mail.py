"""bq-sms delivering the e-mail outbox over SMTP, to a real SMTP server
(aiosmtpd): the message as a reader's mail program sees it, erasing what
was sent, retries, and STARTTLS refused when required but not offered.
On a scratch database, so the stack's own demo sender does not take the
messages."""

import base64
import email
import email.header
import email.policy
import socket
import subprocess

import pytest
from aiosmtpd.controller import Controller

from spec import ROOT


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, f"smtp://127.0.0.1:{controller.port}"
    controller.stop()


@pytest.fixture
def outbox(scratch):
    return scratch("mailtest")


def send_once(stack, url, **extra):
    env = {**stack.env,
           "BQ_SMS_DSN": f"host={stack.data / 'run'} port=5432 user=bq_sms dbname=mailtest",
           "BQ_SMTP_URL": url, "BQ_SMTP_FROM": "noreply@balabaqsha.example.kz", **extra}
    return subprocess.run([str(ROOT / "build" / "bq-sms"), "--once"], env=env,
                          capture_output=True, text=True, timeout=60)


TEXT = "Сәлеметсіз бе!\n\nКод: 123456\n" + "Ұзын жол. " * 30


def queue(conn, language="kk"):
    return conn.execute(
        "INSERT INTO bq.email_outbox (address, language, kind, subject, body, code) "
        "VALUES ('ata.ana@example.kz', %s, 'email_verify', "
        "'BALABAQSHA: e-mail растау коды', %s, '123456') RETURNING id",
        (language, TEXT)).fetchone()[0]


def row(conn, id_):
    return conn.execute("SELECT status, attempts, body, code, last_error FROM "
                        "bq.email_outbox WHERE id = %s", (id_,)).fetchone()


def test_delivered_as_a_mail_program_reads_it(stack, outbox, smtp):
    inbox, url = smtp
    id_ = queue(outbox)
    r = send_once(stack, url)
    assert r.returncode == 0, r.stderr
    assert len(inbox.messages) == 1
    sender, rcpts, content = inbox.messages[0]
    assert sender == "noreply@balabaqsha.example.kz" and rcpts == ["ata.ana@example.kz"]
    msg = email.message_from_bytes(content, policy=email.policy.default)
    assert str(msg["Subject"]) == "BALABAQSHA: e-mail растау коды"
    assert msg["Content-Language"] == "kk"
    assert msg.get_content_type() == "text/plain" and msg.get_content_charset() == "utf-8"
    assert msg.get_content() == TEXT
    # Lines stay within SMTP's limits.
    assert max(len(l) for l in content.split(b"\r\n")) <= 998
    assert row(outbox, id_) == ("sent", 1, None, None, None)
    # Its log names the message, never the address, text or code.
    assert str(id_) in r.stderr
    for secret in ("ata.ana", "123456"):
        assert secret not in r.stderr


def test_an_unreachable_server_is_a_retry(stack, outbox):
    id_ = queue(outbox)
    assert send_once(stack, f"smtp://127.0.0.1:{free_port()}").returncode == 0
    status, attempts, body, code, error = row(outbox, id_)
    assert (status, attempts, code) == ("pending", 1, "123456") and body == TEXT
    assert error


def test_starttls_required_and_not_offered_is_not_sent(stack, outbox, smtp):
    inbox, url = smtp
    id_ = queue(outbox)
    assert send_once(stack, url, BQ_SMTP_STARTTLS="1").returncode == 0
    assert inbox.messages == []
    assert row(outbox, id_)[0] == "pending"


def test_without_a_sender_address_nothing_goes(stack, outbox, smtp):
    inbox, url = smtp
    id_ = queue(outbox)
    r = send_once(stack, url, BQ_SMTP_FROM="")
    assert r.returncode == 0
    assert inbox.messages == [] and row(outbox, id_)[4] == "BQ_SMTP_FROM is not set"
