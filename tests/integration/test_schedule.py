"""Rounds on a schedule: a region's rounds run by themselves at a time of
day in Almaty, once across every node, each run's outcome kept, a failed
run tried again and counted for the alert, a manual run still possible."""

import datetime
import re
import time
import zoneinfo

import psycopg
import pytest

from fakes import Fake
from people import Parent, bearer, city_admin, login
from places import DEMO, add_city, add_kindergarten, run_round
from problems import assert_problem
from servers import Second, sender_metrics
from test_outward import stack_wait

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


@pytest.fixture
def admin(api, stack):
    return login(api, stack, "admin", DEMO)["access_token"]


def schedule(api, token, region, body, status=200):
    r = api.put(f"/v1/admin/regions/{region}/round-schedule", json=body,
                headers=bearer(token))
    assert r.status_code == status, r.text
    return r.json()


def make_due(db, region):
    """The clock moved to the schedule's next time: due now."""
    db.execute("UPDATE bq.round_schedule SET due_at = now() - interval '1 second', "
               "next_run_at = now() - interval '1 second' WHERE region_id = %s", (region,))


def runs(db, region):
    return db.execute("SELECT outcome, attempt, problem, round_id FROM bq.scheduled_run "
                      "WHERE region_id = %s ORDER BY id", (region,)).fetchall()


def test_a_schedule_names_its_next_run_in_almaty_time(api, db, admin, region):
    r = api.get(f"/v1/admin/regions/{region}/round-schedule", headers=bearer(admin))
    assert r.status_code == 200, r.text
    assert r.json()["enabled"] is False and r.json()["at"] is None and r.json()["runs"] == []
    s = schedule(api, admin, region, {"at": "09:00", "days": "working_days"})
    assert s["enabled"] and s["at"] == "09:00" and s["dates"] == []
    nxt = datetime.datetime.fromisoformat(s["next_run_at"]).astimezone(ALMATY)
    assert nxt > datetime.datetime.now(ALMATY) and (nxt.hour, nxt.minute) == (9, 0)
    assert db.execute("SELECT bq.is_working_day(%s)", (nxt.date(),)).fetchone()[0]
    # Named days: the first one still ahead; past ones are never run.
    today = datetime.datetime.now(ALMATY).date()
    days = [str(today - datetime.timedelta(days=3)), str(today + datetime.timedelta(days=9)),
            str(today + datetime.timedelta(days=2))]
    s = schedule(api, admin, region, {"at": "23:59", "days": "dates", "dates": days})
    assert s["dates"] == sorted(days)
    nxt = datetime.datetime.fromisoformat(s["next_run_at"]).astimezone(ALMATY)
    assert str(nxt.date()) == days[2] and (nxt.hour, nxt.minute) == (23, 59)
    s = schedule(api, admin, region, {"at": "23:59", "days": "dates", "dates": days,
                                      "enabled": False})
    assert s["enabled"] is False and s["next_run_at"] is None
    r = api.get("/v1/admin/audit?action=round_schedule_set&object_id=" + region,
                headers=bearer(admin))
    assert [e["detail"]["enabled"] for e in r.json()["items"]] == [False, True, True]


@pytest.mark.parametrize("body, field, code", [
    ({"at": "24:00", "days": "working_days"}, "at", "invalid_format"),
    ({"at": "9:00", "days": "working_days"}, "at", "too_short"),
    ({"at": "09:00", "days": "weekly"}, "days", "invalid_value"),
    ({"at": "09:00", "days": "dates"}, "dates", "too_short"),
    ({"at": "09:00", "days": "dates", "dates": []}, "dates", "too_short"),
    ({"at": "09:00", "days": "working_days", "dates": ["2027-01-05"]}, "dates",
     "invalid_value"),
    ({"at": "09:00", "days": "dates", "dates": ["2027-01-05", "2027-02-30"]}, "dates[1]",
     "invalid_format"),
    ({"at": "09:00", "days": "dates", "dates": [20270105]}, "dates[0]", "wrong_type"),
    ({"at": "09:00", "days": "dates", "dates": ["2027-01-05"] * 367}, "dates", "too_long"),
    ({"at": "09:00", "days": "working_days", "enabled": "yes"}, "enabled", "wrong_type"),
    ({"days": "working_days"}, "at", "required"),
    ({"at": "09:00", "days": "working_days", "hourly": True}, "hourly", "unknown_field"),
])
def test_a_bad_schedule_names_its_field_and_stores_nothing(api, db, admin, region, body,
                                                           field, code):
    r = api.put(f"/v1/admin/regions/{region}/round-schedule", json=body, headers=bearer(admin))
    assert_problem(r, 422, "validation_failed", [(field, code)])
    assert db.execute("SELECT count(*) FROM bq.round_schedule WHERE region_id = %s",
                      (region,)).fetchone()[0] == 0


def test_a_city_schedules_its_own_rounds_only(api, stack, db, admin):
    mine, theirs = add_city(db), add_city(db)
    _, dep = city_admin(api, stack, db, admin, mine)
    assert schedule(api, dep, mine, {"at": "10:30", "days": "working_days"})["enabled"]
    path = f"/v1/admin/regions/{theirs}/round-schedule"
    for r in (api.get(path, headers=bearer(dep)),
              api.put(path, json={"at": "10:30", "days": "working_days"}, headers=bearer(dep))):
        assert_problem(r, 404, "not_found")
    district = str(db.execute(
        "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en, parent_id) VALUES "
        "('district', 'd-' || gen_random_uuid(), 'А', 'А', 'A', %s) RETURNING id",
        (mine,)).fetchone()[0])
    assert_problem(api.get(f"/v1/admin/regions/{district}/round-schedule",
                           headers=bearer(dep)), 404, "not_found")
    assert db.execute("SELECT count(*) FROM bq.round_schedule WHERE region_id = %s",
                      (theirs,)).fetchone()[0] == 0
    # Nor does it run, read or replay another city's rounds by hand.
    r = api.post("/v1/admin/allocation-rounds", json={"region_id": theirs},
                 headers=bearer(dep))
    assert_problem(r, 422, "validation_failed", [("region_id", "invalid_value")])
    other = run_round(api, admin, theirs)
    assert_problem(api.get(f"/v1/admin/allocation-rounds/{other['id']}",
                           headers=bearer(dep)), 404, "not_found")
    r = api.get("/v1/admin/allocation-rounds", headers=bearer(dep))
    assert other["id"] not in [x["id"] for x in r.json()["items"]]
    schedule(api, dep, mine, {"at": "10:30", "days": "working_days", "enabled": False})


def metrics(stack, db, tmp_path):
    return dict(re.findall(r"^(bq_round_schedules_\w+) (\d+)$",
                           sender_metrics(stack, db, tmp_path), re.M))


def test_a_failed_run_is_kept_retried_and_alerted_never_run_twice(api, stack, db, admin,
                                                                  region, tmp_path):
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()
    schedule(api, admin, region, {"at": "09:00", "days": "working_days"})
    make_due(db, region)
    due = db.execute("SELECT due_at FROM bq.round_schedule WHERE region_id = %s",
                     (region,)).fetchone()[0]
    # A manual round of the region holds its lock: the scheduled one is busy.
    holder = psycopg.connect(db.info.dsn, autocommit=True)
    try:
        holder.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))",
                       ("bq.allocation_round/" + region,))
        assert db.execute("SELECT bq.rounds_due()").fetchone()[0]["outcome"] == "failed"
    finally:
        holder.close()
    assert runs(db, region) == [("failed", 1, "busy", None)]
    s = db.execute("SELECT attempts, due_at, next_run_at - now() FROM bq.round_schedule "
                   "WHERE region_id = %s", (region,)).fetchone()
    assert s[0] == 1 and s[1] == due
    assert datetime.timedelta(minutes=9) < s[2] <= datetime.timedelta(minutes=10)
    assert db.execute("SELECT count(*) FROM bq.allocation_round WHERE region_id = %s",
                      (region,)).fetchone()[0] == 0
    assert int(metrics(stack, db, tmp_path)["bq_round_schedules_failing"]) >= 1
    r = api.get(f"/v1/admin/regions/{region}/round-schedule", headers=bearer(admin))
    assert r.json()["attempts"] == 1 and r.json()["runs"][0]["problem"] == "busy"

    # The retry's time comes: the same due time runs, once.
    db.execute("UPDATE bq.round_schedule SET next_run_at = now() WHERE region_id = %s",
               (region,))
    assert db.execute("SELECT bq.rounds_due()").fetchone()[0]["outcome"] == "done"
    (failed, done) = runs(db, region)
    assert done[:3] == ("done", 2, None)
    rnd = db.execute("SELECT scheduled_for, issued FROM bq.allocation_round WHERE id = %s",
                     (done[3],)).fetchone()
    assert rnd == (due, 1)
    assert db.execute("SELECT status FROM bq.application WHERE id = %s",
                      (app["id"],)).fetchone()[0] == "voucher_issued"
    s = db.execute("SELECT attempts, next_run_at > now() FROM bq.round_schedule "
                   "WHERE region_id = %s", (region,)).fetchone()
    assert s == (0, True)
    assert db.execute("SELECT count(*) FROM bq.scheduled_run WHERE region_id = %s",
                      (region,)).fetchone()[0] == 2
    # The same due time again (a clock put back) is refused by the record.
    with pytest.raises(psycopg.errors.UniqueViolation):
        with db.transaction():
            db.execute("INSERT INTO bq.scheduled_run (region_id, due_at, attempt, outcome, "
                       "round_id) VALUES (%s, %s, 3, 'done', %s)", (region, due, done[3]))
    r = api.get(f"/v1/admin/allocation-rounds/{done[3]}", headers=bearer(admin))
    assert r.json()["scheduled_for"] is not None
    # A manual round is still possible, and says it was run by hand.
    assert run_round(api, admin, region)["scheduled_for"] is None
    schedule(api, admin, region, {"at": "09:00", "days": "working_days", "enabled": False})


def test_tries_given_up_move_to_the_next_due_time(api, db, admin, region):
    schedule(api, admin, region, {"at": "09:00", "days": "working_days"})
    db.execute("UPDATE bq.round_schedule SET attempts = 2 WHERE region_id = %s", (region,))
    make_due(db, region)
    holder = psycopg.connect(db.info.dsn, autocommit=True)
    try:
        holder.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))",
                       ("bq.allocation_round/" + region,))
        db.execute("SELECT bq.rounds_due()")
    finally:
        holder.close()
    assert runs(db, region) == [("failed", 3, "busy", None)]
    # The next due time, not a retry (a retry keeps due_at and sets
    # next_run_at minutes ahead); the next due time may itself be minutes
    # away (in the ten minutes before 09:00 in Almaty).
    s = db.execute("SELECT attempts, due_at = next_run_at, next_run_at > now() "
                   "FROM bq.round_schedule WHERE region_id = %s",
                   (region,)).fetchone()
    assert s == (0, True, True)
    schedule(api, admin, region, {"at": "09:00", "days": "working_days", "enabled": False})


def test_a_scheduled_round_runs_once_with_three_nodes_side_by_side(api, stack, db, admin,
                                                                   region):
    add_kindergarten(db, region, [("senior", "kk", 2)])
    for _ in range(3):
        p = Parent(api, stack)
        p.file(p.child(), region)
    schedule(api, admin, region, {"at": "09:00", "days": "working_days"})
    fake = Fake(lambda path, body: (404, {}))
    nodes = []
    try:
        for _ in range(3):
            nodes.append(Second(stack, fake.url + "/person", BQ_SMS_SENDER="0",
                                BQ_SWEEP_INTERVAL_MS="50"))
        make_due(db, region)
        stack_wait(lambda: runs(db, region), timeout=30)
        # Many more ticks of every worker of every node.
        time.sleep(2)
    finally:
        for n in nodes:
            n.close()
    (run,) = runs(db, region)
    assert run[:3] == ("done", 1, None)
    assert db.execute("SELECT count(*), sum(issued) FROM bq.allocation_round "
                      "WHERE region_id = %s", (region,)).fetchone() == (1, 2)
    assert db.execute("SELECT count(*) FROM bq.voucher WHERE region_id = %s",
                      (region,)).fetchone()[0] == 2
    schedule(api, admin, region, {"at": "09:00", "days": "working_days", "enabled": False})
