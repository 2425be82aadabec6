"""scripts/cluster for the tests: a primary and a standby, a PgBouncer in
front of each, two service nodes and HAProxy, in a folder of the run's own
on free ports; and requests from a client address of the test's choice
(every address of 127/8 is this machine), so per-client limits see the
clients the test means."""

import os
import shutil
import socket
import subprocess
import time

import psycopg
import requests
from requests.adapters import HTTPAdapter

from people import lift_limits
from spec import ROOT


def _free_block(n):
    """A port with the n - 1 after it free too."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base + n >= 65535:
            continue
        try:
            socks = []
            for p in range(base, base + n):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", p))
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
        return base
    raise RuntimeError("no free ports")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SourceAdapter(HTTPAdapter):
    """Connections from one local address."""

    def __init__(self, address, **kw):
        self.address = address
        super().__init__(**kw)

    def init_poolmanager(self, *args, **kw):
        kw["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kw)


def session_from(address):
    s = requests.Session()
    s.mount("http://", SourceAdapter(address))
    return s


class Cluster:
    """What conftest's Stack offers the helpers of people.py (base, data,
    secrets, db), for a whole cluster behind its HAProxy."""

    def __init__(self, data=None, port=None, **env):
        """A folder and ports of its own (a free block), unless given."""
        self.data = data or ROOT / "var" / f"test-cluster-{os.getpid()}"
        self.port = port or _free_block(4)
        self.base = f"http://127.0.0.1:{self.port}"
        self.nodes = [f"http://127.0.0.1:{self.port + n}" for n in (1, 2)]
        self.secrets = set()
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("BQ_DATA_DIR", "BQ_DB_PORT", "BQ_DB_FAST")}
        self.env.update(BQ_CLUSTER_DIR=str(self.data), BQ_CLUSTER_PORT=str(self.port),
                        BQ_OCSP_PORT=str(_free_port()), BQ_TSA_PORT=str(_free_port()),
                        BQ_MODE="demo", BQ_SWEEP_INTERVAL_MS="0", **env)

    def script(self, *args, check=True, timeout=180):
        r = subprocess.run([str(ROOT / "scripts" / "cluster"), *args], env=self.env,
                           capture_output=True, text=True, timeout=timeout)
        if check:
            assert r.returncode == 0, r.stderr[-4000:]
        return r

    def start(self):
        shutil.rmtree(self.data, ignore_errors=True)
        self.script("start")
        with self.db() as conn:
            lift_limits(conn)

    def stop(self):
        self.script("stop", check=False)
        if os.environ.get("BQ_KEEP_TEST_DATA") != "1":
            shutil.rmtree(self.data, ignore_errors=True)

    def connect(self, member):
        return psycopg.connect(host=str(self.data / member / "run"), port=5432,
                               user="bq", dbname="balabaqsha", autocommit=True,
                               connect_timeout=3)

    def primary(self):
        for member in ("db1", "db2"):
            try:
                with self.connect(member) as c:
                    if not c.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
                        return member
            except psycopg.OperationalError:
                continue
        raise AssertionError("no primary")

    def standby(self):
        return "db2" if self.primary() == "db1" else "db1"

    def db(self):
        return self.connect(self.primary())

    def wait_streaming(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with self.db() as c:
                    if c.execute("SELECT count(*) FROM pg_stat_replication "
                                 "WHERE state = 'streaming'").fetchone()[0]:
                        return
            except (psycopg.OperationalError, AssertionError):
                pass
            time.sleep(0.1)
        raise AssertionError("no standby streams")

    def wait_through(self, path="/ready", seconds=20):
        """Until HAProxy answers path with 200."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(self.base + path, timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError(f"{path} not answered through the edge")
