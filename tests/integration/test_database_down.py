"""A database that is stopped, restarted or hung: 503 problem+json within
2 seconds, never a hang or a dropped connection, and recovery by itself."""

import json
import os
import signal
import subprocess
import time

import pytest

from problems import assert_problem

FEEDBACK = json.dumps({"topic": "other", "message": "while the database is away",
                       "email": "ops@mail.kz"})
JSON = {"Content-Type": "application/json"}
# The 2 s the service promises; under the sanitizers (the module built
# with ASan, scripts/test --long's second run) its every step is slower,
# and the bound says only that the deadline, not a hang, answered.
WITHIN = 2.5 if os.environ.get("BQ_SANITIZE") == "1" else 2


def _timed(fn):
    t = time.monotonic()
    r = fn()
    return r, time.monotonic() - t


def _pg_pids(stack):
    master = int((stack.data / "pg" / "postmaster.pid").read_text().split()[0])
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True,
                              text=True).stdout.split()
    return [master, *map(int, children)]


@pytest.fixture
def clean(db):
    db.execute("DELETE FROM bq.feedback")


def test_stopped_database_gives_503_then_recovers(api, stack, clean):
    assert api.get("/ready").status_code == 200
    stack.script("db", "stop")
    try:
        for _ in range(3):
            r, took = _timed(lambda: api.get("/ready"))
            assert_problem(r, 503, "service_unavailable")
            assert r.headers["retry-after"] == "1"
            assert took < WITHIN
            r, took = _timed(lambda: api.post("/v1/feedback", data=FEEDBACK, headers=JSON))
            assert_problem(r, 503, "service_unavailable")
            assert took < WITHIN
        # Requests that need no database are unaffected.
        assert api.get("/health").status_code == 200
    finally:
        stack.script("db", "start")
    api.wait_ready(10)
    r = api.post("/v1/feedback", data=FEEDBACK, headers=JSON)
    assert r.status_code == 201


def test_restart_between_requests_costs_no_error(api, stack, clean):
    # Warm every pooled connection of every worker.
    for _ in range(20):
        assert api.get("/ready").status_code == 200
    stack.script("db", "stop")
    stack.script("db", "start")
    for _ in range(20):
        r = api.get("/ready")
        assert r.status_code == 200, r.text


def test_hung_database_gives_503_within_2s_then_recovers(api, stack, clean):
    assert api.get("/ready").status_code == 200
    pids = _pg_pids(stack)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        for _ in range(3):
            r, took = _timed(lambda: api.get("/ready"))
            assert_problem(r, 503, "service_unavailable")
            assert took < WITHIN, took
        # Wait past a probe's connect attempt: still answered in time.
        time.sleep(2.5)
        r, took = _timed(lambda: api.post("/v1/feedback", data=FEEDBACK, headers=JSON))
        assert_problem(r, 503, "service_unavailable")
        assert took < WITHIN, took
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
        # Back before the next test, whatever failed above.
        api.wait_ready(10)
    assert api.post("/v1/feedback", data=FEEDBACK, headers=JSON).status_code == 201


def test_metrics_count_the_failures(api):
    text = api.get("/metrics").text
    failures = sum(int(l.rsplit(" ", 1)[1]) for l in text.splitlines()
                   if l.startswith("bq_db_failures_total{"))
    timeouts = sum(int(l.rsplit(" ", 1)[1]) for l in text.splitlines()
                   if l.startswith("bq_db_timeouts_total{"))
    assert failures >= 1 and timeouts >= 1
