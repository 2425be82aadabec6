"""The integration suite's stack: a private PostgreSQL and the real server.

One stack for the session, in a scratch data folder under var/, on a free
port.  Every HTTP response goes through spec.check_response.
"""

import os
import pathlib
import shutil
import signal
import socket
import subprocess
import time

import psycopg
import pytest
import requests

import spec
from people import Parent, lift_limits
from places import add_city
from servers import wait_up

ROOT = spec.ROOT
# The SMS gateway's shared secret for its delivery receipts.
RECEIPT_TOKEN = "gateway-receipts-" + "r" * 24
SCRIPTS = ROOT / "scripts"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    def __init__(self):
        self.data = ROOT / "var" / f"test-{os.getpid()}"
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # The origin the browser test serves the reference web page from.
        self.web_port = _free_port()
        self.web_origin = f"http://127.0.0.1:{self.web_port}"
        self.log_path = self.data / "server.log"
        self.env = dict(os.environ, BQ_DATA_DIR=str(self.data),
                        BQ_HTTP_PORT=str(self.port), BQ_DB_FAST="1",
                        BQ_OCSP_PORT=str(_free_port()), BQ_TSA_PORT=str(_free_port()),
                        BQ_SIG_GOST="1", BQ_CRL_FILE=str(self.data / "crl.pem"),
                        BQ_MODE="demo", BQ_SWEEP_INTERVAL_MS="0",
                        BQ_CORS_ORIGINS="https://portal.example.kz," + self.web_origin,
                        BQ_SMS_RECEIPT_TOKEN=RECEIPT_TOKEN,
                        BQ_PORTAL_URL="https://portal.example.kz",
                        # The read pool on the primary itself: every
                        # statement's routing, the replica's samples and
                        # X-Commit-LSN run in every test, as in a cluster
                        # (tests/integration/test_cluster.py has the standby).
                        BQ_DB_READ_DSN=f"host={self.data / 'run'} port=5432 "
                                       "dbname=balabaqsha user=bq_api connect_timeout=2 "
                                       "application_name=bq-api-read "
                                       "options='-c statement_timeout=1300'",
                        BQ_READ_FROM_HEADER="1")
        self.server = None
        self.secrets = set()

    def script(self, *args, check=True, env=None):
        return subprocess.run([str(SCRIPTS / args[0]), *args[1:]],
                              env=env or self.env, check=check,
                              capture_output=True, text=True, timeout=120)

    def start(self):
        shutil.rmtree(self.data, ignore_errors=True)
        self.script("db", "start")
        self.script("migrate", "--seed")
        with self.db() as conn:
            lift_limits(conn)
        self.log = open(self.log_path, "wb")
        self.server = subprocess.Popen([str(SCRIPTS / "serve")], env=self.env,
                                       stdout=self.log,
                                       stderr=subprocess.STDOUT)
        wait_up(self.base, self.server, self.log_path)

    def stop(self):
        if self.server is not None and self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.server.kill()
        self.script("db", "stop", check=False)
        self.log.close()

    def db(self):
        return psycopg.connect(host=str(self.data / "run"), port=5432,
                               user="bq", dbname="balabaqsha",
                               autocommit=True)

    def server_log(self):
        return self.log_path.read_text(errors="replace")


class Api:
    """requests, with every answer checked against openapi.yaml."""

    def __init__(self, stack):
        self.stack = stack
        self.session = requests.Session()

    def request(self, method, path, check=True, **kw):
        kw.setdefault("timeout", 10)
        resp = self.session.request(method, self.stack.base + path, **kw)
        if check:
            spec.check_response(method, path, resp)
        return resp

    def patch(self, path, **kw):
        return self.request("PATCH", path, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def options(self, path, **kw):
        return self.request("OPTIONS", path, **kw)

    def wait_ready(self, seconds=15):
        """Until /ready says the database is back, at most SECONDS."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.get("/ready").status_code == 200:
                return
            time.sleep(0.1)
        raise AssertionError("not ready again")


@pytest.fixture(scope="session")
def stack():
    s = Stack()
    s.start()
    yield s
    s.stop()
    if os.environ.get("BQ_KEEP_TEST_DATA") != "1":
        shutil.rmtree(s.data, ignore_errors=True)


@pytest.fixture
def api(stack):
    return Api(stack)


@pytest.fixture
def db(stack):
    with stack.db() as conn:
        yield conn


@pytest.fixture
def scratch(stack, db):
    """scratch(name): a migrated database of its own, for a sender the
    stack's own must not race; dropped after the test."""
    made = []

    def make(name):
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {name}")
        run = stack.data / "run"
        stack.script("migrate", env=dict(
            stack.env, BQ_DB_ADMIN_DSN=f"host={run} port=5432 user=bq dbname={name}"))
        conn = psycopg.connect(host=str(run), port=5432, user="bq", dbname=name,
                               autocommit=True)
        made.append((name, conn))
        return conn
    yield make
    for name, conn in made:
        conn.close()
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def pytest_collection_modifyitems(items):
    """Tests marked `last` read what the whole run left behind."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)


def pytest_configure(config):
    config.addinivalue_line("markers", "last: run after every other test")


@pytest.fixture
def region(db):
    """A city of its own, so the test's queue partition starts empty."""
    return add_city(db)


@pytest.fixture
def almaty(db):
    return str(db.execute("SELECT id FROM bq.region WHERE code = 'almaty'").fetchone()[0])


@pytest.fixture
def parent(api, stack):
    return Parent(api, stack)
