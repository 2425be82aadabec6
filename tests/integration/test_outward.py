"""Parents told outside the app (issue 20): each message that starts a
deadline or needs an action goes out by SMS and e-mail as the account
chooses, in its language, never in quiet hours, never after its deadline,
once however many sweepers run; the inbox shows each copy's state and the
gateway's receipts mark an SMS delivered."""

import threading

import psycopg
import pytest
from psycopg.types.json import Jsonb

from conftest import RECEIPT_TOKEN
from people import Parent, bearer, login, mail_for, post, set_email, sms_count, sms_for
from places import DEMO, add_kindergarten, run_round, sweep, vouchers
from problems import assert_problem
from servers import sender_pid




@pytest.fixture
def admin(api, stack):
    return login(api, stack, "admin", DEMO)["access_token"]


def settings(api, token, **body):
    r = api.patch("/v1/me/notification-settings", json=body, headers=bearer(token))
    assert r.status_code == 200, r.text
    return r.json()


def issued(api, stack, db, region, admin, language="kk", email=None):
    """A parent, in its language, whose child got a voucher in a round."""
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    settings(api, p.token, language=language)
    if email:
        set_email(api, stack, p.token, email)
    app = p.file(p.child(), region).json()
    before = sms_count(stack)
    run_round(api, admin, region)
    (v,) = vouchers(api, p)
    return p, app, v, before


def p_language(db, p):
    return db.execute("SELECT language::text FROM bq.account WHERE id = %s",
                      (p.account,)).fetchone()[0]


def child_names(db, app_id):
    return db.execute("SELECT c.first_name, c.surname, c.iin FROM bq.application a "
                      "JOIN bq.child c ON c.id = a.child_id WHERE a.id = %s",
                      (app_id,)).fetchone()


def notification(api, token, kind, language="en"):
    items = api.get("/v1/notifications", headers={
        **bearer(token), "Accept-Language": language}).json()["items"]
    return next(n for n in items if n["kind"] == kind)


@pytest.mark.parametrize("language,words", [
    ("kk", "баласына ваучер берілді. Қызығушылығыңызды"),
    ("ru", "выдан ваучер. Подтвердите заинтересованность до"),
])
def test_a_voucher_issued_goes_by_sms_and_e_mail_in_the_reader_s_language(
        api, stack, db, region, admin, language, words):
    address = f"parent-{language}-{region[:8]}@example.kz"
    p, app, v, before = issued(api, stack, db, region, admin, language, address)
    first, surname, iin = child_names(db, app["id"])
    sms = sms_for(stack, p.phone, after=before)
    assert sms["text"].startswith("BALABAQSHA: ") and words in sms["text"]
    # The child by first name; no surname, no IIN; the card's link.
    assert first in sms["text"] and surname not in sms["text"] and iin not in sms["text"]
    assert sms["text"].endswith(f"https://portal.example.kz/vouchers/{v['id']}")
    mail = mail_for(stack, address)
    assert mail["language"] == language and mail["subject"].startswith("BALABAQSHA: ")
    assert f"https://portal.example.kz/vouchers/{v['id']}" in mail["text"]
    note = notification(api, p.token, "voucher_issued", language)
    assert mail["text"].startswith(note["text"])
    # The inbox shows both copies, sent.
    stack_wait(lambda: {d["channel"]: d["state"] for d in notification(
        api, p.token, "voucher_issued")["deliveries"]} == {"sms": "sent", "email": "sent"})


# The sender's next turn: within a second alone, longer on a loaded
# machine (a fresh clone's run once missed 5 s).
def stack_wait(cond, timeout=15):
    import time
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        time.sleep(0.05)
    assert cond()


def test_the_verifier_s_answer_is_the_guide_s_words(api, stack, almaty, db):
    from test_applications import special
    p = Parent(api, stack)
    settings(api, p.token, language="kk")
    app, _ = special(api, stack, p, almaty, db)
    v = login(api, stack, "verifier", DEMO)["access_token"]
    before = sms_count(stack)
    r = api.post(f"/v1/staff/applications/{app['id']}/confirm", headers=bearer(v))
    assert r.status_code == 200
    pos = r.json()["queue_position"]
    sms = sms_for(stack, p.phone, after=before)
    assert sms["text"] == ("BALABAQSHA: Сіздің ваучер алу өтініміңіз расталды. "
                           f"Кезектегі орныңыз: {pos}.")
    assert notification(api, p.token, "application_confirmed", "kk")["text"] == (
        f"Сіздің ваучер алу өтініміңіз расталды. Кезектегі орныңыз: {pos}.")


def test_a_rejection_names_the_staff_member_and_keeps_the_reason_off_sms(
        api, stack, almaty, db):
    from test_applications import special
    p = Parent(api, stack)
    settings(api, p.token, language="ru")
    app, _ = special(api, stack, p, almaty, db)
    v = login(api, stack, "verifier", DEMO)["access_token"]
    before = sms_count(stack)
    r = post(api, f"/v1/staff/applications/{app['id']}/reject",
             {"reason": "Заключение ПМПК просрочено"}, token=v)
    assert r.status_code == 200, r.text
    sms = sms_for(stack, p.phone, after=before)
    assert sms["text"].startswith("BALABAQSHA: Ваше заявление на ваучер отклонено сотрудником: ")
    assert "ПМПК" not in sms["text"] and sms["text"].endswith("Причина в приложении.")
    assert "Причина: Заключение ПМПК просрочено" in notification(
        api, p.token, "application_rejected", "ru")["text"]


def test_settings_are_kept_and_respected(api, stack, db, region, admin):
    p = Parent(api, stack)
    got = api.get("/v1/me/notification-settings", headers=bearer(p.token)).json()
    assert got == {"sms": True, "email": True, "language": p_language(db, p),
                   "phone": True, "email_address": False}
    assert settings(api, p.token, sms=False) == {**got, "sms": False}
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p.file(p.child(), region)
    before = sms_count(stack)
    run_round(api, admin, region)
    note = notification(api, p.token, "voucher_issued")
    assert note["deliveries"] == []
    assert not [line for line in (stack.data / "sms.jsonl").read_text().splitlines()[before:]
                if p.phone in line]


@pytest.mark.parametrize("body,field,code_", [
    ({"sms": "yes"}, "sms", "wrong_type"),
    ({"language": "de"}, "language", "invalid_value"),
    ({"email": None}, "email", "wrong_type"),
    ({"push": True}, "push", "unknown_field"),
])
def test_bad_settings_are_422_and_change_nothing(api, stack, db, body, field, code_):
    p = Parent(api, stack)
    r = api.patch("/v1/me/notification-settings", json=body, headers=bearer(p.token))
    assert_problem(r, 422, "validation_failed", [(field, code_)])
    assert db.execute("SELECT notify_sms, notify_email, language::text FROM bq.account "
                      "WHERE id = %s", (p.account,)).fetchone() == (True, True, p_language(db, p))


def test_settings_want_a_token(api):
    assert_problem(api.get("/v1/me/notification-settings"), 401, "unauthorized")


def test_quiet_hours_hold_the_copies_and_never_move_a_deadline(
        api, stack, db, region, admin):
    # Quiet hours around this Almaty hour.
    hour = db.execute("SELECT extract(hour FROM now() AT TIME ZONE 'Asia/Almaty')"
                      "::integer").fetchone()[0]
    db.execute("UPDATE bq.setting SET value = %s WHERE name = 'quiet_start_hour'", (hour,))
    db.execute("UPDATE bq.setting SET value = %s WHERE name = 'quiet_end_hour'",
               ((hour + 2) % 24,))
    try:
        p, app, v, before = issued(api, stack, db, region, admin)
        (d,) = notification(api, p.token, "voucher_issued")["deliveries"]
        assert d["channel"] == "sms" and d["state"] == "queued"
        release = db.execute("SELECT next_attempt_at, next_attempt_at > now() + "
                             "interval '50 minutes' FROM bq.sms_outbox o JOIN "
                             "bq.notification n ON n.id = o.notification_id "
                             "WHERE n.account_id = %s", (p.account,)).fetchone()
        assert release[1]
        assert db.execute("SELECT confirm_by > now() + interval '1 day' FROM bq.voucher "
                          "WHERE id = %s", (v["id"],)).fetchone()[0]
        # A reminder whose deadline falls in the quiet hours is recorded
        # dead, not sent after it.
        db.execute("UPDATE bq.voucher SET confirm_by = now() + interval '30 minutes' "
                   "WHERE id = %s", (v["id"],))
        sweep(api, admin)
        (d,) = notification(api, p.token, "voucher_confirm_reminder")["deliveries"]
        assert d["state"] == "dead"
    finally:
        db.execute("UPDATE bq.setting SET value = 0 "
                   "WHERE name IN ('quiet_start_hour', 'quiet_end_hour')")
    assert not [line for line in (stack.data / "sms.jsonl").read_text().splitlines()[before:]
                if p.phone in line]


def test_a_copy_past_its_deadline_is_dead_not_sent(api, stack, db):
    # The sender was away: a reminder's copy is still queued when its
    # deadline passes.
    p = Parent(api, stack)
    n = db.execute("INSERT INTO bq.notification (account_id, kind, text) VALUES "
                   "(%s, 'application_queued', 'x') RETURNING id", (p.account,)).fetchone()[0]
    db.execute("INSERT INTO bq.sms_outbox (phone, kind, body, notification_id, not_after) "
               "VALUES (%s, 'voucher_confirm_reminder', 'late', %s, now())", (p.phone, n))
    db.execute("NOTIFY bq_sms")
    stack_wait(lambda: db.execute("SELECT status, body FROM bq.sms_outbox WHERE "
                                  "notification_id = %s", (n,)).fetchone() == ("dead", None))
    assert not [line for line in (stack.data / "sms.jsonl").read_text().splitlines()
                if p.phone in line and "voucher_confirm_reminder" in line]


def _voucher_due_tomorrow(db, v):
    """Moves the voucher's deadline to the end of the next working day, so
    its reminder is due today."""
    db.execute("UPDATE bq.voucher SET confirm_by = bq.add_working_days(now(), 1) "
               "WHERE id = %s", (v["id"],))


def test_a_reminder_goes_on_the_working_day_before_and_only_then(
        api, stack, db, region, admin):
    p, app, v, before = issued(api, stack, db, region, admin, language="ru")
    # Two working days away: not yet.
    db.execute("UPDATE bq.voucher SET confirm_by = bq.add_working_days(now(), 2) "
               "WHERE id = %s", (v["id"],))
    sweep(api, admin)
    kinds = [n["kind"] for n in api.get("/v1/notifications",
                                        headers=bearer(p.token)).json()["items"]]
    assert "voucher_confirm_reminder" not in kinds
    _voucher_due_tomorrow(db, v)
    after = sms_count(stack)
    assert sweep(api, admin)["reminders_sent"] >= 1
    note = notification(api, p.token, "voucher_confirm_reminder", "ru")
    assert note["text"].startswith("Подтвердите заинтересованность в ваучере для ребёнка ")
    sms = sms_for(stack, p.phone, after=after)
    assert sms["text"].startswith("BALABAQSHA: Подтвердите заинтересованность в ваучере для ")
    # Once: a second sweep writes nothing more.
    sweep(api, admin)
    items = api.get("/v1/notifications", headers=bearer(p.token)).json()["items"]
    assert [n["kind"] for n in items].count("voucher_confirm_reminder") == 1


def test_two_sweeping_nodes_send_one_reminder(api, stack, db, region, admin):
    p, app, v, before = issued(api, stack, db, region, admin)
    _voucher_due_tomorrow(db, v)
    run = stack.data / "run"
    barrier = threading.Barrier(2)
    results = []

    def node():
        with psycopg.connect(host=str(run), port=5432, user="bq",
                             dbname=db.info.dbname, autocommit=True) as conn:
            barrier.wait()
            results.append(conn.execute("SELECT bq.sweep()").fetchone()[0])

    threads = [threading.Thread(target=node) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 2
    assert db.execute("SELECT count(*) FROM bq.notification WHERE account_id = %s AND "
                      "kind = 'voucher_confirm_reminder'", (p.account,)).fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM bq.sms_outbox o JOIN bq.notification n ON "
                      "n.id = o.notification_id WHERE n.account_id = %s AND "
                      "n.kind = 'voucher_confirm_reminder'", (p.account,)).fetchone()[0] == 1


def test_the_extension_is_offered_on_the_last_enrolment_day(api, stack, db, region, admin):
    p, app, v, before = issued(api, stack, db, region, admin)
    r = api.post(f"/v1/vouchers/{v['id']}/confirm", headers=bearer(p.token))
    assert r.status_code == 200, r.text
    db.execute("UPDATE bq.voucher SET enrol_by = ((now() AT TIME ZONE 'Asia/Almaty')::date"
               " + 1)::timestamp AT TIME ZONE 'Asia/Almaty' - interval '1 second' "
               "WHERE id = %s", (v["id"],))
    sweep(api, admin)
    kinds = [n["kind"] for n in api.get("/v1/notifications",
                                        headers=bearer(p.token)).json()["items"]]
    assert "extension_offered" in kinds and "enrolment_reminder" in kinds


def test_a_restore_reminder_before_the_28_days_end(api, stack, db, region, admin):
    p, app, v, before = issued(api, stack, db, region, admin)
    db.execute("UPDATE bq.voucher SET confirm_by = now() - interval '1 second' "
               "WHERE id = %s", (v["id"],))
    sweep(api, admin)
    # The window (restore_days) ends tomorrow: the reminder is due today.
    db.execute("UPDATE bq.setting SET value = 1 WHERE name = 'restore_days'")
    try:
        sweep(api, admin)
    finally:
        db.execute("UPDATE bq.setting SET value = 28 WHERE name = 'restore_days'")
    note = notification(api, p.token, "restore_reminder")
    assert app["number"] in note["text"]


def test_the_gateway_s_receipts_mark_an_sms_delivered(api, stack, db, region, admin):
    p, app, v, before = issued(api, stack, db, region, admin)
    sms = sms_for(stack, p.phone, after=before)
    gateway = {"Authorization": "Bearer " + RECEIPT_TOKEN}
    stack_wait(lambda: notification(api, p.token, "voucher_issued")["deliveries"][0][
        "state"] == "sent")
    r = api.post("/v1/sms/receipts", json={"id": sms["id"], "state": "delivered"},
                 headers=gateway)
    assert r.status_code == 204, r.text
    (d,) = notification(api, p.token, "voucher_issued")["deliveries"]
    assert d["state"] == "delivered"
    # A wrong or missing token finds nothing; nor does an unknown id.
    for h in ({"Authorization": "Bearer " + "x" * 41}, {}, bearer(p.token)):
        assert_problem(api.post("/v1/sms/receipts", json={"id": sms["id"],
                                                          "state": "failed"}, headers=h),
                       404, "not_found")
    assert_problem(api.post("/v1/sms/receipts", json={
        "id": "00000000-0000-4000-8000-000000000000", "state": "failed"}, headers=gateway),
        404, "not_found")
    assert_problem(api.post("/v1/sms/receipts", json={"id": sms["id"], "state": "read"},
                            headers=gateway), 422, "validation_failed",
                   [("state", "invalid_value")])
    assert_problem(api.post("/v1/sms/receipts", json={"id": "nope", "state": "failed"},
                            headers=gateway), 422, "validation_failed", ["id"])
    assert notification(api, p.token, "voucher_issued")["deliveries"][0]["state"] == \
        "delivered"


def test_a_receipt_for_a_message_not_yet_sent_is_409(api, stack, db):
    p = Parent(api, stack)
    n = db.execute("INSERT INTO bq.notification (account_id, kind, text) VALUES "
                   "(%s, 'application_queued', 'x') RETURNING id", (p.account,)).fetchone()[0]
    o = db.execute("INSERT INTO bq.sms_outbox (phone, kind, body, notification_id, "
                   "next_attempt_at) VALUES (%s, 'application_queued', 'x', %s, "
                   "now() + interval '1 day') RETURNING id", (p.phone, n)).fetchone()[0]
    r = api.post("/v1/sms/receipts", json={"id": str(o), "state": "delivered"},
                 headers={"Authorization": "Bearer " + RECEIPT_TOKEN})
    assert_problem(r, 409, "conflict", [("id", "not_sent")])



def test_a_stuck_sender_never_holds_up_a_request(api, stack, almaty, db):
    import os
    import signal
    from test_applications import special
    p = Parent(api, stack)
    app, _ = special(api, stack, p, almaty, db)
    verifier = login(api, stack, "verifier", DEMO)["access_token"]
    pid = sender_pid(stack)
    os.kill(pid, signal.SIGSTOP)
    try:
        r = api.post(f"/v1/staff/applications/{app['id']}/confirm",
                     headers=bearer(verifier), timeout=5)
        assert r.status_code == 200, r.text
        (d,) = notification(api, p.token, "application_confirmed")["deliveries"]
        assert d["state"] == "queued"
    finally:
        os.kill(pid, signal.SIGCONT)
    stack_wait(lambda: notification(api, p.token, "application_confirmed")[
        "deliveries"][0]["state"] == "sent")


def test_the_inbox_and_the_statuses_speak_the_reader_s_language(api, stack, region):
    p = Parent(api, stack)
    settings(api, p.token, language="kk")
    app = p.file(p.child(), region).json()
    for lang, words, label in (("ru", "Место в очереди", "В очереди"),
                               ("kk", "Кезектегі орныңыз", "Кезекте"),
                               ("en", "Place in the queue", "In the queue")):
        h = {**bearer(p.token), "Accept-Language": lang}
        r = api.get("/v1/notifications", headers=h)
        assert r.headers["content-language"] == lang
        assert words in notification_in(r, "application_queued")["text"]
        card = api.get(f"/v1/applications/{app['id']}", headers=h).json()
        assert card["status"] == "queued" and card["status_label"] == label


def notification_in(r, kind):
    return next(n for n in r.json()["items"] if n["kind"] == kind)


def test_the_sender_counts_its_messages_by_channel_and_state(api, stack, db, region, admin,
                                                            tmp_path):
    import re
    from servers import sender_metrics
    p, app, v, before = issued(api, stack, db, region, admin)
    stack_wait(lambda: notification(api, p.token, "voucher_issued")["deliveries"][0][
        "state"] == "sent")
    text = sender_metrics(stack, db, tmp_path)
    assert "# TYPE bq_outbox_messages gauge" in text
    counts = {(c, s): int(n) for c, s, n in re.findall(
        r'^bq_outbox_messages\{channel="(\w+)",state="(\w+)"\} (\d+)$', text, re.M)}
    sent = db.execute("SELECT count(*) FROM bq.sms_outbox WHERE status = 'sent' AND "
                      "created_at > now() - interval '1 day'").fetchone()[0]
    assert counts[("sms", "sent")] == sent >= 1
    assert set(s for _, s in counts) <= {"queued", "failed", "sent", "delivered", "dead"}


def test_staff_hear_in_the_inbox_only(db):
    staff = db.execute("SELECT a.id FROM bq.account a JOIN bq.account_role r ON "
                       "r.account_id = a.id WHERE a.login = 'kg1'").fetchone()[0]
    db.execute("UPDATE bq.account SET phone = '+77017659999' WHERE id = %s", (staff,))
    try:
        n = db.execute("INSERT INTO bq.notification (account_id, kind, text, params) VALUES "
                       "(%s, 'child_enrolled', 'x', '{\"number\": \"C1\"}') RETURNING id",
                       (staff,)).fetchone()[0]
        assert db.execute("SELECT count(*) FROM bq.sms_outbox WHERE notification_id = %s",
                          (n,)).fetchone()[0] == 0
    finally:
        db.execute("UPDATE bq.account SET phone = NULL WHERE id = %s", (staff,))


def test_every_outward_kind_has_its_texts_and_no_sms_names_a_surname(db):
    kinds = [k for (k,) in db.execute("SELECT kind FROM bq.outward_kind ORDER BY kind")]
    assert len(kinds) >= 15
    for kind in kinds:
        for template in (kind, f"{kind}_sms", f"email_{kind}_subject"):
            langs = sorted(l for (l,) in db.execute(
                "SELECT language::text FROM bq.message_template WHERE kind = %s",
                (template,)))
            assert langs == ["en", "kk", "ru"], template
        for (body,) in db.execute("SELECT body FROM bq.message_template WHERE kind = %s",
                                  (f"{kind}_sms",)):
            # {child} is the full name, {iin} and {code} never go by SMS.
            for secret in ("{child}", "{iin}", "{code}", "{surname}", "{reason}"):
                assert secret not in body, (kind, body)


def test_a_failed_copy_is_retried_after_quiet_hours_then_dead(api, stack, db, region, admin):
    p, app, v, before = issued(api, stack, db, region, admin)
    stack_wait(lambda: notification(api, p.token, "voucher_issued")["deliveries"][0][
        "state"] == "sent")
    n = notification(api, p.token, "voucher_issued")["id"]
    # Another copy, as if the gateway had refused it: tried once, failed.
    db.execute("DELETE FROM bq.sms_outbox WHERE notification_id = %s", (n,))
    o = db.execute("INSERT INTO bq.sms_outbox (phone, kind, body, notification_id, attempts,"
                   " next_attempt_at) VALUES (%s, 'voucher_issued', 'x', %s, 1, "
                   "now() + interval '1 day') RETURNING id", (p.phone, n)).fetchone()[0]
    hour = db.execute("SELECT extract(hour FROM now() AT TIME ZONE 'Asia/Almaty')"
                      "::integer").fetchone()[0]
    db.execute("UPDATE bq.setting SET value = %s WHERE name = 'quiet_start_hour'", (hour,))
    db.execute("UPDATE bq.setting SET value = %s WHERE name = 'quiet_end_hour'",
               ((hour + 3) % 24,))
    try:
        db.execute("SELECT bq.outbox_result('bq.sms_outbox', 'sms_max_attempts', %s, false,"
                   " 'gateway answered HTTP 500')", (o,))
        late = db.execute("SELECT next_attempt_at > now() + interval '2 hours' FROM "
                          "bq.sms_outbox WHERE id = %s", (o,)).fetchone()[0]
        assert late
    finally:
        db.execute("UPDATE bq.setting SET value = 0 "
                   "WHERE name IN ('quiet_start_hour', 'quiet_end_hour')")
    (d,) = notification(api, p.token, "voucher_issued")["deliveries"]
    assert d["state"] == "failed"
    db.execute("UPDATE bq.sms_outbox SET attempts = (SELECT value FROM bq.setting "
               "WHERE name = 'sms_max_attempts') WHERE id = %s", (o,))
    db.execute("SELECT bq.outbox_result('bq.sms_outbox', 'sms_max_attempts', %s, false,"
               " 'gateway answered HTTP 500')", (o,))
    (d,) = notification(api, p.token, "voucher_issued")["deliveries"]
    assert d["state"] == "dead"
    assert db.execute("SELECT body FROM bq.sms_outbox WHERE id = %s", (o,)).fetchone()[0] \
        is None


@pytest.mark.last
def test_every_outward_message_of_the_run_reads_whole_in_kk_and_ru(db):
    """The parameters real events stored fill every placeholder of their
    SMS, e-mail and inbox texts in Kazakh and in Russian; only {portal},
    the sender's, is left."""
    import re
    # Every outward message a parent got (staff get no copies outside the
    # app), the newest of each kind.
    seen = db.execute(
        "SELECT DISTINCT ON (n.kind) n.kind, n.params || jsonb_build_object('card', "
        "'/x') FROM bq.notification n JOIN bq.outward_kind k USING (kind) "
        "JOIN bq.account_role r ON r.account_id = n.account_id AND r.role = 'parent' "
        "WHERE n.params <> '{}' ORDER BY n.kind, n.at DESC").fetchall()
    assert seen, "no outward message in this run"
    for kind, params in seen:
        for lang in ("kk", "ru"):
            for template in (kind, f"{kind}_sms", f"email_{kind}_subject"):
                text = db.execute("SELECT bq.message(%s, %s, %s)",
                                  (template, lang, Jsonb(params))).fetchone()[0]
                left = set(re.findall(r"\{[a-z_]+\}", text)) - {"{portal}"}
                assert not left, (kind, lang, template, left)
            en = db.execute("SELECT bq.message(%s, 'en', %s)",
                            (f"{kind}_sms", Jsonb(params))).fetchone()[0]
            assert db.execute("SELECT bq.message(%s, %s, %s)", (
                f"{kind}_sms", lang, Jsonb(params))).fetchone()[0] != en

