"""A deployment beyond one machine (scripts/cluster): reads where they
belong, read-your-writes and the standby's fallbacks, the edge's framing
rules and per-client caps, and faults under load (a node, the standby,
PgBouncer killed; the primary lost and the standby promoted, the old
primary rejoining by pg_rewind) after which every acknowledged filing is
present exactly once and positions are consistent."""

import json
import os
import re
import resource
import socket
import threading
import time

import psycopg
import pytest

from cluster import Cluster, session_from
from conftest import Api
from people import JSON, Parent, bearer, file_until_stored, make_iin, post
from places import add_city

# Long: scripts/test --long (and .ci/run) runs it, in both runs of the
# suite (its nodes run the sanitized build in the second).
pytestmark = pytest.mark.skipif(os.environ.get("BQ_LONG") != "1",
                                reason="a long test: scripts/test --long")

LAG_MS = 3000
EDGE_RATE = 400  # requests a client address may make in 10 s
EDGE_CONNS = 100
LSN = re.compile(r"^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")


@pytest.fixture(scope="module")
def cluster():
    c = Cluster(BQ_READ_LAG_MS=str(LAG_MS), BQ_CLUSTER_RATE=str(EDGE_RATE),
                BQ_CLUSTER_CONNS=str(EDGE_CONNS))
    c.start()
    yield c
    c.script("stop", check=False)
    # Under ASan and UBSan (the suite's second run) a report fails it.
    reports = sorted(c.data.glob("node*/sanitizer*"))
    text = "".join(r.read_text(errors="replace") for r in reports)
    c.stop()
    assert not reports, text[:4000]


def api_from(cluster, address):
    a = Api(cluster)
    a.session = session_from(address)
    return a


def read_from(r):
    return r.headers.get("X-Read-From")


def until(what, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = what()
        if got:
            return got
        time.sleep(0.05)
    raise AssertionError("not within %s s" % seconds)


def test_reads_go_where_they_belong(cluster):
    api = api_from(cluster, "127.0.0.11")
    parent = Parent(api, cluster)
    r = api.get("/v1/regions")
    assert r.status_code == 200 and read_from(r) == "standby"
    r = post(api, "/v1/children", {"iin": make_iin("220315", "5"), "sex": "male"},
             token=parent.token)
    assert r.status_code == 201, r.text
    child, lsn = r.json()["id"], r.headers["X-Commit-LSN"]
    assert LSN.match(lsn), lsn
    # An account's own objects without a position: the primary, which has
    # every write.
    r = api.get("/v1/children", headers=bearer(parent.token))
    assert read_from(r) == "primary"
    assert child in [c["id"] for c in r.json()["items"]]
    # With the position its write returned: the standby, once it has it.
    def on_standby():
        r = api.get("/v1/children", headers={**bearer(parent.token), "X-Read-After": lsn})
        assert child in [c["id"] for c in r.json()["items"]]
        return read_from(r) == "standby"
    until(on_standby, 5)
    # A position that is none: refused, naming the header.
    r = api.get("/v1/children", headers={**bearer(parent.token), "X-Read-After": "1/2/3"})
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["X-Read-After"]


def test_read_your_writes_while_the_standby_stands_still(cluster):
    api = api_from(cluster, "127.0.0.12")
    parent = Parent(api, cluster)
    until(lambda: read_from(api.get("/v1/regions")) == "standby", 10)
    with cluster.connect(cluster.standby()) as standby:
        standby.execute("SELECT pg_wal_replay_pause()")
        try:
            r = post(api, "/v1/children", {"iin": make_iin("220315", "5"), "sex": "male"},
                     token=parent.token)
            written = time.monotonic()
            assert r.status_code == 201, r.text
            child, lsn = r.json()["id"], r.headers["X-Commit-LSN"]
            # The standby has not replayed it: the read goes to the
            # primary, and sees the write.
            r = api.get("/v1/children",
                        headers={**bearer(parent.token), "X-Read-After": lsn})
            assert read_from(r) == "primary"
            assert child in [c["id"] for c in r.json()["items"]]
            # The catalogue may be a moment stale: still the standby...
            assert read_from(api.get("/v1/regions")) == "standby"
            # ...until it is further behind than the bound.
            until(lambda: read_from(api.get("/v1/regions")) == "primary", LAG_MS / 1000 + 5)
            assert time.monotonic() - written >= LAG_MS / 1000 - 0.5
        finally:
            standby.execute("SELECT pg_wal_replay_resume()")
    until(lambda: read_from(api.get("/v1/regions")) == "standby", 10)


def test_reads_fall_back_when_the_standby_is_down(cluster):
    api = api_from(cluster, "127.0.0.13")
    until(lambda: read_from(api.get("/v1/regions")) == "standby", 10)
    standby = cluster.standby()
    cluster.script("kill", standby)
    try:
        # Not one read lost: one in flight on the standby is asked again
        # of the primary.
        for _ in range(30):
            r = api.get("/v1/kindergartens")
            assert r.status_code == 200, r.text
            time.sleep(0.05)
        assert read_from(r) == "primary"
    finally:
        cluster.script("revive", standby)
    cluster.wait_streaming()
    until(lambda: read_from(api.get("/v1/regions")) == "standby", 10)


def raw(data, address="127.0.0.14", port=None, wait=2.0):
    """Sends bytes as they are; all the edge answers until it closes."""
    s = socket.socket()
    s.bind((address, 0))
    s.settimeout(wait)
    s.connect(("127.0.0.1", port))
    s.sendall(data)
    out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
    except socket.timeout:
        pass
    s.close()
    return out.decode("utf-8", "replace")


def statuses(text):
    return [int(m) for m in re.findall(r"HTTP/1\.1 (\d{3}) ", text)]


FEEDBACK = b'{"topic":"question","message":"Hello","email":"edge@example.kz"}'


def feedback_request(extra, body=FEEDBACK, length=None):
    n = len(body) if length is None else length
    return (b"POST /v1/feedback HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\n"
            + extra + b"Content-Length: %d\r\n\r\n" % n + body)


def test_the_edge_refuses_ambiguous_framing(cluster):
    port = cluster.port
    # Two lengths that differ: refused before a node sees it.
    assert statuses(raw(feedback_request(b"Content-Length: 3\r\n"), port=port)) == [400]
    # Two that agree are one length to the node, and the connection stays
    # in step: the next request is read as a request.
    out = raw(feedback_request(b"Content-Length: %d\r\n" % len(FEEDBACK))
              + b"GET /health HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n", port=port)
    assert statuses(out) == [201, 200], out
    # The node alone refuses them too (the first would win in Kore).
    node = int(cluster.nodes[0].rsplit(":", 1)[1])
    assert statuses(raw(feedback_request(b"Content-Length: %d\r\n" % len(FEEDBACK)),
                        port=node)) == [400]
    # A coding other than exactly chunked.
    for te in (b"xchunked", b"chunked, identity", b"identity"):
        out = raw(b"POST /v1/feedback HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json"
                  b"\r\nTransfer-Encoding: " + te + b"\r\n\r\n0\r\n\r\n", port=port)
        assert statuses(out) == [400], (te, out)
    out = raw(b"POST /v1/feedback HTTP/1.1\r\nHost: edge\r\nTransfer-Encoding: chunked\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", port=port)
    assert statuses(out) == [400], out
    # Bytes past the body are no request: answered 400, the connection
    # closed, nothing smuggled through.
    out = raw(feedback_request(b"", body=FEEDBACK + b"GET /v1/me HT\r\n\r\n",
                               length=len(FEEDBACK)), port=port)
    assert statuses(out) == [201, 400], out


def test_one_client_cannot_hold_every_connection(cluster):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    held = []
    try:
        for _ in range(2100):
            s = socket.socket()
            s.bind(("127.0.0.15", 0))
            s.setblocking(False)
            try:
                s.connect(("127.0.0.1", cluster.port))
            except BlockingIOError:
                pass
            held.append(s)
        time.sleep(1.0)
        # Everyone else is answered at once.
        other = api_from(cluster, "127.0.0.16")
        for _ in range(5):
            assert other.get("/health", timeout=2).status_code == 200
        # The edge keeps EDGE_CONNS of the one client's and closes the rest.
        open_ = 0
        for s in held:
            try:
                open_ += s.recv(1) != b""
            except BlockingIOError:
                open_ += 1
            except OSError:
                pass
        assert open_ <= EDGE_CONNS, open_
        assert open_ >= EDGE_CONNS // 2, open_
    finally:
        for s in held:
            s.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_the_edge_caps_each_clients_rate(cluster):
    flood = session_from("127.0.0.17")
    codes = [flood.get(cluster.base + "/health", timeout=5).status_code
             for _ in range(EDGE_RATE + 50)]
    assert codes.count(429) >= 40, codes.count(429)
    r = flood.get(cluster.base + "/health", timeout=5)
    assert r.status_code == 429
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert r.json()["code"] == "rate_limited" and r.headers["Retry-After"] == "10"
    # Another client is not held back by it.
    assert session_from("127.0.0.18").get(cluster.base + "/health").status_code == 200


def test_per_client_limits_see_the_real_client(cluster):
    with cluster.db() as db:
        db.execute("UPDATE bq.setting SET value = 2 WHERE name = 'feedback_per_client_hour'")
        try:
            def three(session, base, headers=None):
                return [session.post(base + "/v1/feedback", data=FEEDBACK,
                                     headers={**JSON, **(headers or {})}).status_code
                        for _ in range(3)]
            # Through the edge each client address is its own.
            assert three(session_from("127.0.0.21"), cluster.base) == [201, 201, 429]
            one = session_from("127.0.0.22")
            assert one.post(cluster.base + "/v1/feedback", data=FEEDBACK,
                            headers=JSON).status_code == 201
            # Straight to a node, X-Forwarded-For is not believed: a
            # client that claims to be .22 is counted as itself.
            assert three(session_from("127.0.0.23"), cluster.nodes[0],
                         {"X-Forwarded-For": "127.0.0.22"}) == [201, 201, 429]
        finally:
            db.execute("UPDATE bq.setting SET value = 5 "
                       "WHERE name = 'feedback_per_client_hour'")


class Load:
    """Filers, each a parent of its own from an address of its own, and
    readers of the public catalogue and of their own applications; every
    answer recorded with when it was asked and how long it took."""

    FILERS = 4
    CHILDREN = 60

    def __init__(self, cluster, region):
        self.cluster, self.region = cluster, region
        self.stop = threading.Event()
        self.hurry = threading.Event()
        self.lock = threading.Lock()
        self.answers = []  # (started, took, status, kind)
        self.acknowledged = []
        self.parents = []
        for i in range(self.FILERS):
            api = api_from(cluster, f"127.0.1.{i + 1}")
            p = Parent(api, cluster)
            p.children = [p.child() for _ in range(self.CHILDREN)]
            self.parents.append(p)

    def record(self, started, status, kind):
        with self.lock:
            self.answers.append((started, time.monotonic() - started, status, kind))

    def filer(self, i, p):
        api = api_from(self.cluster, f"127.0.1.{i + 1}")
        for child in p.children:
            app = file_until_stored(api, p.token, child, self.region, self.stop,
                                    lambda started, status: self.record(started, status, "file"),
                                    timeout=10, pause=0.1)
            if app is None:
                return
            with self.lock:
                self.acknowledged.append(app)
            if not self.hurry.is_set():
                time.sleep(0.25)

    def reader(self, address, path, token=None):
        api = api_from(self.cluster, address)
        kind = "own" if token else "public"
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                r = api.get(path, headers=bearer(token) if token else {}, timeout=10)
                status = r.status_code
            except Exception:
                status = "error"
            self.record(started, status, kind)
            time.sleep(0.05)

    def start(self):
        self.threads = [threading.Thread(target=self.filer, args=(i, p))
                        for i, p in enumerate(self.parents)]
        self.threads += [
            threading.Thread(target=self.reader, args=("127.0.1.20", "/v1/kindergartens")),
            threading.Thread(target=self.reader,
                             args=("127.0.1.21", "/v1/applications", self.parents[0].token)),
        ]
        for t in self.threads:
            t.start()

    def finish(self, seconds=90):
        self.hurry.set()
        deadline = time.monotonic() + seconds
        total = self.FILERS * self.CHILDREN
        while time.monotonic() < deadline and len(self.acknowledged) < total:
            time.sleep(0.1)
        self.stop.set()
        for t in self.threads:
            t.join(timeout=15)

    def between(self, start, end, kind=None):
        return [a for a in self.answers if start <= a[0] < end and
                (kind is None or a[3] == kind)]


def test_faults_under_load(cluster):
    with cluster.db() as db:
        region = add_city(db)
    load = Load(cluster, region)
    load.start()
    try:
        time.sleep(2)
        # A node killed: HAProxy routes around it; only what was in flight
        # on it may fail, and the filers' keys make their retries safe.
        t0 = time.monotonic()
        cluster.script("kill", "node1")
        time.sleep(3)
        t1 = time.monotonic()
        cluster.script("revive", "node1")
        after_node = [a for a in load.between(t0 + 1.5, t1) if a[2] != 200 and a[2] != 201]
        assert not after_node, after_node[:5]

        # The standby killed: reads fall back to the primary.
        standby = cluster.standby()
        t0 = time.monotonic()
        cluster.script("kill", standby)
        time.sleep(3)
        t1 = time.monotonic()
        public = load.between(t0, t1, "public")
        assert public and all(a[2] == 200 for a in public), [a for a in public if a[2] != 200]
        cluster.script("revive", standby)
        cluster.wait_streaming()

        # The primary's PgBouncer killed: 503 within 2 s, then back by
        # itself when PgBouncer is.
        bouncer = "pb" + cluster.primary()[-1]
        t0 = time.monotonic()
        cluster.script("kill", bouncer)
        time.sleep(3)
        t1 = time.monotonic()
        cluster.script("revive", bouncer)
        during = load.between(t0 + 0.5, t1 - 0.5, "file")
        assert during and {a[2] for a in during} <= {503}, {a[2] for a in during}
        assert max(a[1] for a in during) < 2.0, max(a[1] for a in during)

        # The primary lost: the standby promoted, writes resume once the
        # old primary has rejoined as its standby (pg_rewind).
        time.sleep(2)
        old = cluster.primary()
        cluster.script("kill", old)
        cluster.script("failover")
        cluster.script("rejoin")
        cluster.wait_through()
        assert cluster.primary() != old
    finally:
        load.finish()

    acked = load.acknowledged
    assert len(acked) == Load.FILERS * Load.CHILDREN, len(acked)
    assert len(set(acked)) == len(acked)
    assert not [a for a in load.answers if isinstance(a[2], int) and a[2] >= 500
                and a[2] != 503], "a 5xx other than 503"
    with cluster.db() as db:
        rows = db.execute("SELECT id, child_id FROM bq.application WHERE queue_region = %s",
                          (region,)).fetchall()
        # Exactly once: nothing acknowledged lost in the failover, nothing
        # doubled by the retries.
        assert sorted(str(i) for i, _ in rows) == sorted(acked)
        assert len({c for _, c in rows}) == len(rows)
        positions = sorted(p for (p,) in db.execute(
            "SELECT bq.position(a) FROM bq.application a WHERE a.queue_region = %s",
            (region,)))
        assert positions == list(range(1, len(acked) + 1))
        lsn = db.execute("SELECT pg_current_wal_lsn()::text").fetchone()[0]
    # The old primary, now the standby, has every one of them too.
    with cluster.connect(cluster.standby()) as standby:
        until(lambda: standby.execute(
            "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,)).fetchone()[0], 30)
        copies = standby.execute("SELECT count(*) FROM bq.application WHERE queue_region = %s",
                                 (region,)).fetchone()[0]
        assert copies == len(acked)
    errors = sum(1 for a in load.answers if a[2] == "error")
    print(f"\nfaults under load: {len(load.answers)} answers, "
          f"{sum(1 for a in load.answers if a[2] == 503)} of them 503, {errors} cut, "
          f"{len(acked)} filings acknowledged, each stored once on both")
