#!/usr/bin/python3
"""How long does an allocation round take over a city's queue?

Against a running server (scripts/run) and its database: generates a new
city with N queued applications (tests/integration/sql/big_region.sql:
six birth years, 1 in 10 priority, 1 in 100 extraordinary, 2% special,
languages kk, ru or both, 60 kindergartens), then times the round, its
checks (bq.round_check, which the round ran before publishing), its
replay and its protocol through the API, and prints what the round kept.

    bench/allocation_round.py [N]   (BQ_URL, default http://127.0.0.1:8888)
"""

import json
import os
import subprocess
import sys
import time
import urllib.request

BASE = os.environ.get("BQ_URL", "http://127.0.0.1:8888")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


def psql(*args):
    out = subprocess.run([os.path.join(ROOT, "scripts", "db"), "psql", "-qAt",
                          "-v", "ON_ERROR_STOP=1", *args],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()


def call(method, path, body=None, token=None):
    req = urllib.request.Request(BASE + path, method=method,
                                 data=json.dumps(body).encode() if body else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        doc = json.loads(r.read())
    return doc, time.perf_counter() - t


def main():
    region = psql("-c", "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en) "
                  "VALUES ('city', 'bench-' || substr(md5(random()::text), 1, 8), "
                  "'Бенч', 'Бенч', 'Bench') RETURNING id")[0]
    owner = psql("-c", "SELECT id FROM bq.account WHERE login = 'admin'")[0]
    t = time.perf_counter()
    psql("-1", "-v", f"region={region}", "-v", f"owner={owner}", "-v", f"n={N}",
         "-v", "first=7200",
         "-c", "ALTER TABLE bq.application DISABLE TRIGGER USER",
         "-f", os.path.join(ROOT, "tests", "integration", "sql", "big_region.sql"),
         "-c", "ALTER TABLE bq.application ENABLE TRIGGER USER",
         "-c", f"SELECT bq.queue_count_rebuild('{region}')")
    psql("-c", "VACUUM (ANALYZE) bq.application")
    print(f"generated   {N} applications in {time.perf_counter() - t:6.1f} s")

    token = call("POST", "/v1/auth/login", {"login": "admin",
                                             "password": "Balabaqsha-demo-2026"})[0]
    token = token["access_token"]
    rnd, took = call("POST", "/v1/admin/allocation-rounds", {"region_id": region}, token)
    print(f"round       {took:6.1f} s   {rnd['applications']} applications, "
          f"{rnd['places']} places, {rnd['issued']} vouchers, {rnd['status']}")
    # The gate, as the round ran it before publishing (checks_ms).
    gate = rnd["checks_ms"] / 1000
    failed = [c["check"] for c in rnd["checks"] if not c["passed"]] or "none"
    print(f"checks      {gate:6.1f} s   {gate / took:.0%} of the round, failed: {failed}")
    rep, took = call("POST", f"/v1/admin/allocation-rounds/{rnd['id']}/replay", None, token)
    print(f"replay      {took:6.1f} s   matches: {rep['matches']}")
    proto, took = call("GET", f"/v1/admin/allocation-rounds/{rnd['id']}", None, token)
    print(f"protocol    {took:6.1f} s   {len(json.dumps(proto)) // 1024} KiB")
    kept = psql("-c", "SELECT pg_size_pretty(pg_total_relation_size('bq.round_input'))")
    print(f"kept inputs {kept[0]} (all rounds)")


if __name__ == "__main__":
    main()
