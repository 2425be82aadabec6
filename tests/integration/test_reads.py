"""Where a read is answered, on the suite's own stack: its read pool is the
primary itself (conftest), so every statement's choice, the replica
probe's samples and X-Commit-LSN run in every test.  The standby proper is
tests/integration/test_cluster.py's."""

import re
import time

from people import Parent, bearer, make_iin, post
from problems import assert_problem

LSN = re.compile(r"^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")


def test_a_write_says_its_position_and_a_read_after_it_may_take_the_read_pool(api, stack):
    parent = Parent(api, stack)
    r = post(api, "/v1/children", {"iin": make_iin("220315", "5"), "sex": "female"},
             token=parent.token)
    assert r.status_code == 201, r.text
    child, lsn = r.json()["id"], r.headers["X-Commit-LSN"]
    assert LSN.match(lsn), lsn
    # Without the position, an account's own objects: the primary.
    r = api.get("/v1/children", headers=bearer(parent.token))
    assert r.headers["X-Read-From"] == "primary"
    assert "X-Commit-LSN" not in r.headers
    # With it, the read pool once its probe has seen it there (a sample
    # every 100 ms or so); the write is in every answer, wherever from.
    deadline = time.monotonic() + 5
    while True:
        r = api.get("/v1/children", headers={**bearer(parent.token), "X-Read-After": lsn})
        assert child in [c["id"] for c in r.json()["items"]]
        if r.headers["X-Read-From"] == "standby":
            break
        assert time.monotonic() < deadline, "never on the read pool"
        time.sleep(0.05)
    # A position nobody has reached yet: the primary.
    r = api.get("/v1/children", headers={**bearer(parent.token),
                                          "X-Read-After": "FFFFFFFF/FFFFFFFF"})
    assert r.headers["X-Read-From"] == "primary"
    assert child in [c["id"] for c in r.json()["items"]]
    # The catalogue may be a moment stale: the read pool.
    assert api.get("/v1/regions").headers["X-Read-From"] == "standby"


def test_a_position_that_is_none_is_refused_naming_the_header(api, stack):
    parent = Parent(api, stack)
    for bad in ("1/2/3", "0/", "/0", "G/0", "123456789/0", "0x1/0"):
        r = api.get("/v1/children", headers={**bearer(parent.token), "X-Read-After": bad})
        assert_problem(r, 422, "validation_failed", ["X-Read-After"])
    # A write takes no position: it goes to the primary whatever it says.
    r = post(api, "/v1/children", {"iin": make_iin("220315", "5"), "sex": "male"},
             token=parent.token, headers={"X-Read-After": "not/one"})
    assert r.status_code == 201, r.text


def test_the_metrics_say_what_the_read_pool_answered(api, stack):
    api.get("/v1/regions")
    text = api.get("/metrics").text
    up = [line for line in text.splitlines() if line.startswith("bq_standby_up{")]
    assert any(line.endswith(" 1") for line in up), up
    reads = sum(int(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                if line.startswith("bq_standby_reads_total{"))
    assert reads >= 1
