#!/usr/bin/python3
"""Load: 64 clients on the read routes and a stream of filings for a
minute, then a login flood beside the reads.

Against a running server (scripts/run) in demo mode, whose data folder
(BQ_DATA_DIR, default var) holds its sms.jsonl.  Prints the answers by
status, the read latency (p50, p99) before and during the login flood,
the workers' resident memory at the start and the end, and exits 1 when
a 5xx came back, the workers' memory grew by more than 10%, or the flood
was not answered with 429.

    bench/load.py [SECONDS]      (BQ_URL, default http://127.0.0.1:8888)
"""

import collections
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))
from people import Parent  # noqa: E402

BASE = os.environ.get("BQ_URL", "http://127.0.0.1:8888")
SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
CLIENTS = 64


class Api:
    def __init__(self):
        self.session = requests.Session()

    def request(self, method, path, **kw):
        kw.setdefault("timeout", 10)
        return self.session.request(method, BASE + path, **kw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)


class Stack:
    data = pathlib.Path(os.environ.get("BQ_DATA_DIR", ROOT / "var"))
    secrets = set()


def worker_rss():
    """Resident kB of each Kore worker."""
    out = subprocess.run(["pgrep", "-f", r"kore \[wrk"], capture_output=True,
                         text=True).stdout.split()
    rss = {}
    for pid in out:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss[pid] = int(line.split()[1])
    return rss


def psql(sql):
    return subprocess.run([str(ROOT / "scripts" / "db"), "psql", "-qAt", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def main():
    api = Api()
    psql("UPDATE bq.setting SET value = 100000 WHERE name IN "
         "('otp_per_client_hour', 'registry_lookups_per_hour')")
    psql("UPDATE bq.setting SET value = 30 WHERE name = 'login_per_client_minute'")
    psql("DELETE FROM bq.login_attempt")
    almaty = psql("SELECT id FROM bq.region WHERE code = 'almaty'")
    parent = Parent(api, Stack)
    children = [parent.child(f"2{y}0{m}1{d}") for y in "123" for m in "1357" for d in "0128"]
    first = parent.file(children.pop(), almaty).json()["id"]

    stop = threading.Event()
    flood = threading.Event()
    lock = threading.Lock()
    statuses = collections.Counter()
    latency = {"before": [], "during": []}
    reads = [f"/v1/applications/{first}", "/v1/kindergartens?limit=20",
             f"/v1/queue?region_id={almaty}&birth_year=2022", "/v1/regions",
             "/v1/stats/queue"]

    def reader(n):
        s = Api()
        i = n
        while not stop.is_set():
            path = reads[i % len(reads)]
            i += 1
            t = time.monotonic()
            try:
                r = s.get(path, headers={"Authorization": "Bearer " + parent.token})
                code = r.status_code
            except requests.RequestException:
                code = "error"
            took = time.monotonic() - t
            with lock:
                statuses[("read", code)] += 1
                latency["during" if flood.is_set() else "before"].append(took)

    def filer():
        s = Api()
        while not stop.is_set() and children:
            child = children.pop()
            r = s.post("/v1/applications", json={
                "child_id": child, "queue_type": "general", "region_id": almaty,
                "languages": ["kk"], "consent": True},
                headers={"Authorization": "Bearer " + parent.token})
            with lock:
                statuses[("file", r.status_code)] += 1
            time.sleep(1.0)

    def flooder():
        s = Api()
        while not stop.is_set():
            r = s.post("/v1/auth/login", json={"login": "admin",
                                                "password": "Not-the-password-1"})
            with lock:
                statuses[("login", r.status_code)] += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(CLIENTS)]
    threads.append(threading.Thread(target=filer))
    for t in threads:
        t.start()
    time.sleep(5)
    rss_start = worker_rss()
    time.sleep(max(SECONDS - 20, 5))
    flood.set()
    floods = [threading.Thread(target=flooder) for _ in range(8)]
    for t in floods:
        t.start()
    time.sleep(15)
    rss_end = worker_rss()
    stop.set()
    for t in threads + floods:
        t.join()
    psql("DELETE FROM bq.login_attempt")
    psql("UPDATE bq.account SET locked_until = NULL WHERE login = 'admin'")
    psql("DELETE FROM bq.login_failure")

    def pct(xs, p):
        xs = sorted(xs)
        return 1000 * xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")

    print(f"{CLIENTS} readers and a filer for {SECONDS} s, then 8 login flooders for 15 s")
    for (kind, code), n in sorted(statuses.items(), key=lambda x: str(x)):
        print(f"  {kind:6} {code}: {n}")
    for phase, xs in latency.items():
        print(f"  reads {phase:6} the flood: p50 {pct(xs, 0.5):6.1f} ms  "
              f"p99 {pct(xs, 0.99):6.1f} ms  n={len(xs)}")
    total_start, total_end = sum(rss_start.values()), sum(rss_end.values())
    print(f"  workers' memory: {total_start} kB -> {total_end} kB "
          f"({100.0 * (total_end - total_start) / max(total_start, 1):+.1f}%)")
    bad = [k for k in statuses if isinstance(k[1], int) and k[1] >= 500 or k[1] == "error"]
    ok = (not bad and total_end <= total_start * 1.10
          and statuses[("login", 429)] > 0)
    print("  PASS" if ok else f"  FAIL {bad}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
