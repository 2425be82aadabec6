#!/usr/bin/python3
"""Load: 64 clients on the read routes and a stream of filings for a
minute, then a login flood beside the reads.

Against a running server (scripts/run) in demo mode, whose data folder
(BQ_DATA_DIR, default var) holds its sms.jsonl.  The reads come from wrk
(bench/wrk/replay.lua, a parent's token), the filings and the flood from
Python.  Prints throughput, p50 and p99 of the reads before and during
the login flood, the answers by status, the workers' resident memory
after warm-up and at the end, and exits 1 when a 5xx came back, the
workers' memory grew by more than 10% after warm-up, or the flood was not
answered with 429.

    bench/load.py [SECONDS]      (BQ_URL, default http://127.0.0.1:8888)
"""

import collections
import os
import pathlib
import subprocess
import sys
import threading
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))
from people import Parent  # noqa: E402

import replay  # noqa: E402

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
    psql("DELETE FROM bq.hash_attempt")
    almaty = psql("SELECT id FROM bq.region WHERE code = 'almaty'")
    parent = Parent(api, Stack)
    children = [parent.child(f"2{y}0{m}1{d}") for y in "123" for m in "1357" for d in "0128"]
    first = parent.file(children.pop(), almaty).json()["id"]

    stop = threading.Event()
    lock = threading.Lock()
    statuses = collections.Counter()

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

    paths = [f"/v1/applications/{first}", "/v1/kindergartens?limit=20",
             f"/v1/queue?region_id={almaty}&birth_year=2022", "/v1/regions",
             "/v1/stats/queue"]
    lines = [("GET", p, parent.token, None) for p in paths]

    def reads(seconds):
        """wrk: 64 connections on the read routes."""
        return replay.run(BASE, lines, seconds, conns=CLIENTS, name="reads")

    filing = threading.Thread(target=filer)
    filing.start()
    rss = [worker_rss()]
    warm = reads(20)
    rss.append(worker_rss())
    before = reads(max(SECONDS - 40, 10))
    rss.append(worker_rss())
    floods = [threading.Thread(target=flooder) for _ in range(4)]
    for t in floods:
        t.start()
    during = reads(20)
    rss.append(worker_rss())
    stop.set()
    for t in floods + [filing]:
        t.join()
    psql("DELETE FROM bq.hash_attempt")
    psql("UPDATE bq.account SET locked_until = NULL WHERE login = 'admin'")
    psql("DELETE FROM bq.login_failure")

    print(f"wrk, {CLIENTS} connections on the read routes: 20 s warm-up, "
          f"{max(SECONDS - 40, 10)} s, then 20 s beside 4 login flooders; "
          "a filing a second throughout")
    for name, r in (("warm-up", warm), ("steady", before), ("during the flood", during)):
        print(f"  reads {name:17} {r.get('rate', 0):8.0f} req/s  p50 {r.get('p50', 0):6.1f} ms"
              f"  p99 {r.get('p99', 0):6.1f} ms  2xx {r.get('ok', 0):.0f}"
              f"  4xx {r.get('4xx', 0):.0f}  5xx {r.get('5xx', 0):.0f}")
    for (kind, code), n in sorted(statuses.items(), key=str):
        print(f"  {kind:6} {code}: {n}")
    totals = [sum(x.values()) for x in rss]
    print("  workers' memory (kB) after warm-up, steady, flood: " +
          " -> ".join(str(t) for t in totals[1:]))
    fives = sum(r.get("5xx", 0) for r in (before, during)) + sum(
        n for (k, c), n in statuses.items() if isinstance(c, int) and c >= 500)
    grew = (totals[2] - totals[1]) / max(totals[1], 1)
    flood_grew = (totals[3] - totals[1]) / max(totals[1], 1)
    ok = fives == 0 and grew <= 0.10 and flood_grew <= 0.10 and \
        statuses[("login", 429)] > 0
    print(f"  5xx: {fives:.0f}; memory after warm-up {100 * grew:+.1f}% steady, "
          f"{100 * flood_grew:+.1f}% after the flood; "
          f"logins refused with 429: {statuses[('login', 429)]}")
    print("  PASS" if ok else "  FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
