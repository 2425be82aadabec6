"""What the round benchmarks share: psql on the running database
(scripts/db) and a JSON call to the running server (BQ_URL)."""

import json
import os
import subprocess
import time
import urllib.request

BASE = os.environ.get("BQ_URL", "http://127.0.0.1:8888")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def psql(*args):
    out = subprocess.run([os.path.join(ROOT, "scripts", "db"), "psql", "-qAt",
                          "-v", "ON_ERROR_STOP=1", *args],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()


def call(method, path, body=None, token=None):
    """The answer's document and the seconds it took."""
    req = urllib.request.Request(BASE + path, method=method,
                                 data=json.dumps(body).encode() if body else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=900) as r:
        doc = json.loads(r.read())
    return doc, time.perf_counter() - t
