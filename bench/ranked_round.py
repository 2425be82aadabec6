#!/usr/bin/python3
"""How long does a ranked-choice round take for the country?

Against a running server (scripts/run) and its database: generates twenty
cities with the country's shares of N queued applications (bench/
country.sql's shares: the largest a tenth; tests/integration/sql/
big_region.sql and ranked_choices.sql: each application ranks one to
three of its city's sixty kindergartens, one in fifty filed with a twin),
every city on ranked rounds of three choices with sibling priority; then
runs the twenty rounds two at a time, as the department would, and
prints their time, their checks' and what they placed.  The ceiling is
the round's own allocation of the pool round (bq.round_allocate) over the
largest city's kept round, timed beside deferred acceptance
(bq.round_allocate_ranked) in one session: their ratio is what ranking
costs.

    bench/ranked_round.py [N]   (N: 1,000,000; BQ_URL, default http://127.0.0.1:8888)
"""

import concurrent.futures
import os
import sys
import time

from local import ROOT, call, psql

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
# bench/country.sql's shares of the country, in thousandths.
SHARES = [100, 90, 75, 32, 40, 45, 70, 36, 37, 52, 35, 55, 42, 42, 40, 27, 38, 90, 11, 43]
SQL = os.path.join(ROOT, "tests", "integration", "sql")


def city(i, n, owner):
    region = psql("-c", "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en, "
                  "ranked_choices, sibling_priority) VALUES ('city', 'ranked-' || "
                  "substr(md5(random()::text), 1, 8), 'Бенч', 'Бенч', 'Bench', 3, true) "
                  "RETURNING id")[0]
    # Each city its own IIN serials (a city takes 200 of them).
    psql("-1", "-v", f"region={region}", "-v", f"owner={owner}", "-v", f"n={n}",
         "-v", f"first={1000 + 200 * i}", "-v", "one=false",
         "-c", "ALTER TABLE bq.application DISABLE TRIGGER USER",
         "-f", os.path.join(SQL, "big_region.sql"),
         "-f", os.path.join(SQL, "ranked_choices.sql"),
         "-c", "ALTER TABLE bq.application ENABLE TRIGGER USER",
         "-c", f"SELECT bq.queue_count_rebuild('{region}')")
    return region


def main():
    owner = psql("-c", "SELECT id FROM bq.account WHERE login = 'admin'")[0]
    sizes = [N * s // 1000 for s in SHARES]
    t = time.perf_counter()
    regions = [city(i, n, owner) for i, n in enumerate(sizes)]
    psql("-c", "VACUUM (ANALYZE) bq.application")
    print(f"generated   {sum(sizes)} applications in {len(regions)} cities, "
          f"{time.perf_counter() - t:6.1f} s")

    token = call("POST", "/v1/auth/login", {"login": "admin",
                                             "password": "Balabaqsha-demo-2026"})[0]
    token = token["access_token"]

    def run(region):
        return call("POST", "/v1/admin/allocation-rounds", {"region_id": region}, token)

    t = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        done = list(pool.map(run, regions))
    took = time.perf_counter() - t
    rounds = [d for d, _ in done]
    checks = sum(d["checks_ms"] for d in rounds) / 1000
    published = sum(d["status"] == "published" for d in rounds)
    print(f"rounds      {took:6.1f} s   {len(rounds)} cities two at a time, "
          f"{sum(d['applications'] for d in rounds)} applications, "
          f"{sum(d['issued'] for d in rounds)} placed, {published} published")
    print(f"checks      {checks:6.1f} s   of the rounds' {sum(s for _, s in done):.1f} s, "
          f"stable in {sum(any(c['check'] == 'stable' and c['passed'] for c in d['checks']) for d in rounds)}")
    largest, secs = max(done, key=lambda x: x[0]["applications"])
    print(f"largest     {secs:6.1f} s   {largest['applications']} applications")

    # The ceiling: the pool round's allocation over the same kept round.
    out = psql("-c", "\\timing on",
               "-c", f"SELECT count(*) FROM bq.round_allocate('{largest['id']}')",
               "-c", f"SELECT count(*) FROM bq.round_allocate_ranked('{largest['id']}')")
    times = [float(x.split()[1]) / 1000 for x in out if x.startswith("Time:")]
    pool_s, ranked_s = times
    print(f"allocation  {ranked_s:6.1f} s   deferred acceptance, against {pool_s:.1f} s for the "
          f"pool round's over the same inputs: ratio {ranked_s / pool_s:.2f}")


if __name__ == "__main__":
    main()
