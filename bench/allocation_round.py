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
import sys
import time

from local import ROOT, call, psql

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


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
