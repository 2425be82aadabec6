"""A second server beside the suite's, in production mode, on the suite's
database, with its own settings (an HTTP registry, limits)."""

import os
import shutil
import signal
import socket
import subprocess
import time

import requests

from spec import ROOT


def sender_pid(stack):
    """The pid of the stack's own bq-sms (scripts/serve started it)."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[0]
            env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
        except OSError:
            continue
        if cmd.endswith(b"/bq-sms") and f"BQ_DATA_DIR={stack.data}".encode() in env:
            return int(pid)
    raise AssertionError("no bq-sms for this stack")


def sender_metrics(stack, db, folder):
    """The metrics file bq-sms writes, from one pass of it on the suite's
    database."""
    prom = folder / "bq-sms.prom"
    env = dict(stack.env, BQ_SMS_METRICS_FILE=str(prom),
               BQ_SMS_DSN=f"host={stack.data / 'run'} port=5432 user=bq_sms "
                          f"dbname={db.info.dbname}")
    r = subprocess.run([str(ROOT / "build" / "bq-sms"), "--once"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return prom.read_text()


def wait_up(base, proc, log_path, seconds=15):
    """Until base answers /health; the server's log if it dies or never
    does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            pass
        assert proc.poll() is None, log_path.read_text()
        time.sleep(0.1)
    raise RuntimeError("server did not start: " + log_path.read_text())


class Second:
    def __init__(self, stack, registry_url, **env):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = stack.data.parent / f"{stack.data.name}-second-{self.port}"
        shutil.rmtree(self.data, ignore_errors=True)
        self.data.mkdir()
        run = stack.data / "run"
        env = dict(os.environ, BQ_DATA_DIR=str(self.data), BQ_HTTP_PORT=str(self.port),
                   BQ_MODE="production", BQ_REGISTRY_URL=registry_url,
                   BQ_SECRET_FILE=str(stack.data / "secret.key"),
                   BQ_CA_FILE=str(stack.data / "ca.pem"),
                   BQ_SMS_FILE=str(stack.data / "sms.jsonl"),
                   BQ_DB_DSN=f"host={run} port=5432 dbname=balabaqsha user=bq_api "
                             "connect_timeout=2",
                   BQ_SMS_DSN=f"host={run} port=5432 dbname=balabaqsha user=bq_sms",
                   **env)
        self.log = open(self.data / "server.log", "wb")
        self.proc = subprocess.Popen([str(ROOT / "scripts" / "serve")], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_up(self.base, self.proc, self.data / "server.log")

    def close(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=15)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)
