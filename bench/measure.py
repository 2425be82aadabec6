#!/usr/bin/python3
"""The measurements of bench/run, against the stack it started: the
service, the static Kore reply beside it and the generated country in
its database.  Loads come from wrk (bench/wrk/replay.lua) with the tokens
its own login flood opened, ceilings from pgbench running the service's
SQL and from argon2id on the same cores.  Prints the table and writes it
(markdown) to --out.

    bench/measure.py SECONDS --service URL --static URL --out FILE
"""

import argparse
import base64
import concurrent.futures
import datetime
import glob
import json
import os
import pathlib
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse

import psycopg
import requests

import idle  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))
from places import queue_positions  # noqa: E402

import replay  # noqa: E402
from host import machine  # noqa: E402

DATA = pathlib.Path(os.environ["BQ_DATA_DIR"])
PORT = os.environ.get("BQ_DB_PORT", "5432")
PASSWORD = "Balabaqsha-demo-2026"
CLIENTS = 64
IDLE = 10000
TMP = pathlib.Path(tempfile.mkdtemp(prefix="bq-bench-"))


def db(user="bq"):
    return psycopg.connect(host=str(DATA / "run"), port=PORT,
                           dbname="balabaqsha", user=user, autocommit=True)


def phone(n):
    return f"+7701{n:07d}"


def bench_id(kind, n):
    return f"00000000-0000-4{kind:03x}-8000-{n:012x}"


def claims(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def pgbench(script, seconds, clients=CLIENTS, name="sql", transactions=None):
    """The same SQL straight to PostgreSQL as the service's role: the
    rate, and p50 and p99 in ms from the per-transaction log; for
    SECONDS, or TRANSACTIONS a client when the script uses rows up."""
    f = TMP / f"{name}.pgbench"
    f.write_text(script)
    logs = TMP / f"log-{name}"
    for old in glob.glob(f"{logs}*"):
        os.unlink(old)
    out = subprocess.run(
        ["pgbench", "-n", "-M", "prepared", "-h", str(DATA / "run"), "-p", PORT,
         "-U", "bq_api", "-c", str(clients), "-j", str(min(clients, 2)),
         *(["-t", str(transactions)] if transactions else ["-T", str(seconds)]),
         "-l", "--log-prefix", str(logs), "-f", str(f),
         "balabaqsha"], capture_output=True, text=True, cwd=TMP)
    if out.returncode != 0:
        raise SystemExit(f"pgbench failed: {out.stderr}")
    lat = []
    for path in glob.glob(f"{logs}*"):
        with open(path) as fh:
            lat += [int(line.split()[2]) / 1000.0 for line in fh]
    lat.sort()
    tps = re.search(r"tps = ([0-9.]+)", out.stdout)
    return {"rate": float(tps.group(1)) if tps else 0.0,
            "p50": lat[len(lat) // 2] if lat else 0.0,
            "p99": lat[int(len(lat) * 0.99)] if lat else 0.0,
            "mean": sum(lat) / len(lat) if lat else 0.0}


def worker_rss():
    """Resident kB of each of the service's Kore workers (the children of
    the parent in its pidfile)."""
    parent = (DATA / "kore.pid").read_text().split()[0]
    kids = pathlib.Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    rss = {}
    for pid in kids:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss[pid] = int(line.split()[1])
    return rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seconds", type=int)
    ap.add_argument("--service", required=True)
    ap.add_argument("--static", required=True)
    ap.add_argument("--generated", type=int, default=0)
    ap.add_argument("--peer", help="the Fastify peer (bench/peer), measured beside the service")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    secs = a.seconds
    rows = []

    def row(what, r, ceiling=None, ceiling_name="", note=""):
        ratio = f"{100 * r['rate'] / ceiling['rate']:.0f}%" if ceiling else ""
        rows.append((what, f"{r['rate']:.0f}", f"{r.get('p50', 0):.1f}",
                     f"{r.get('p99', 0):.1f}", f"{r.get('5xx', 0):.0f}" if "5xx" in r else "",
                     f"{ceiling_name} {ceiling['rate']:.0f}/s" if ceiling else "",
                     ratio, note))
        print("  ".join(str(x) for x in rows[-1]), flush=True)

    conn = db()
    country = conn.execute("SELECT seed, applications, accounts, kindergartens "
                           "FROM (SELECT seed, applications, parents + staff AS accounts, "
                           "kindergartens FROM bench.country) c").fetchone()
    totals = conn.execute(
        "SELECT (SELECT count(*) FROM bq.application), (SELECT count(*) FROM bq.account), "
        "(SELECT count(*) FROM bq.kindergarten)").fetchone()
    conn.execute("GRANT USAGE ON SCHEMA bench TO bq_api")
    print(f"country of seed {country[0]}: {totals[0]} applications, {totals[1]} accounts, "
          f"{totals[2]} kindergartens", flush=True)

    # argon2id alone on every core: what logins can be at most.
    out = subprocess.run([str(ROOT / "build" / "argon2_rate"), "5"],
                         capture_output=True, text=True, check=True).stdout
    argon = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", out)}
    argon2 = {"rate": argon["per_second"]}

    # The framework's ceiling: GET /health against a static Kore reply.
    health = [("GET", "/health", None, None)]
    # In turn, twice each: a run of wrk alone varies by a tenth here.
    runs = {"static": [], "health": []}
    for turn in range(2):
        for who, base in (("static", a.static), ("health", a.service)):
            runs[who].append(replay.run(base, health, max(secs // 2, 5), name=f"{who}-{turn}"))
    static, service = replay.mean(runs["static"]), replay.mean(runs["health"])
    row("GET /health", service, static, "static Kore", "each measured twice, in turn")

    # Logins: 64 connections on parents 1 to 256; the tokens are kept.
    tokens_file = TMP / "tokens"
    logins = [("POST", "/v1/auth/login", None,
               json.dumps({"login": phone(n), "password": PASSWORD}))
              for n in range(1, 257)]
    login = replay.run(a.service, logins, secs, tokens=tokens_file, name="login")
    row("POST /v1/auth/login", dict(login, rate=login.get("ok", 0) / secs), argon2,
        "argon2id", f"argon2id {argon['ms_per_hash']:.0f} ms a hash; "
        f"{login.get('4xx', 0):.0f} turned away (429)")
    tokens = {}
    for t in tokens_file.read_text().split():
        tokens[claims(t)["sub"]] = t
    # The owners of the children to file (parents 1 to 200, country.sql)
    # must all hold a token.
    owners = [bench_id(1, n) for n in range(1, 201)]
    s = requests.Session()
    for n, owner in enumerate(owners, 1):
        if owner not in tokens:
            r = s.post(a.service + "/v1/auth/login",
                       json={"login": phone(n), "password": PASSWORD}, timeout=30)
            r.raise_for_status()
            tokens[owner] = r.json()["access_token"]

    # The reads: each logged-in parent's applications, by wrk with its
    # token and by pgbench with its session.
    conn.execute("DROP TABLE IF EXISTS bench.pick, bench.search")
    conn.execute("CREATE TABLE bench.pick (i serial PRIMARY KEY, account uuid, "
                 "sid uuid, app uuid, token text)")
    with conn.cursor() as cur:
        for sub, t in tokens.items():
            cur.execute("INSERT INTO bench.pick (account, sid, app, token) "
                        "SELECT %s, %s, a.id, %s FROM bq.application a "
                        "JOIN bq.child c ON c.id = a.child_id WHERE c.owner_id = %s",
                        (sub, claims(t)["sid"], t, sub))
    picks = conn.execute("SELECT app, token FROM bench.pick ORDER BY i").fetchall()
    conn.execute("GRANT SELECT ON bench.pick TO bq_api")
    positions = [("GET", f"/v1/applications/{app}", t, None) for app, t in picks]
    read = replay.run(a.service, positions, secs, name="position")
    card_sql = (f"\\set i random(1, {len(picks)})\n"
                "SELECT bq.application_get(account, sid, app, 'kk') "
                "FROM bench.pick WHERE i = :i;\n")
    sql_read = pgbench(card_sql, secs, name="position")
    row("GET /v1/applications/{id}", read, sql_read, "pgbench",
        f"{len(picks)} applications of {len(tokens)} parents; p99 "
        f"{read['p99'] / max(sql_read['p99'], 0.001):.2f}x pgbench's ({sql_read['p99']:.1f} ms)")
    one = pgbench(card_sql, 5, clients=1, name="position1")
    biggest = conn.execute(
        "SELECT count(*) FROM bq.application WHERE status = 'queued' "
        "GROUP BY queue_region, queue_type, queue_correction, birth_year "
        "ORDER BY 1 DESC LIMIT 1").fetchone()[0]
    rows.append(("position read, database time (pgbench, 1 client)", "",
                 f"{one['p50']:.2f}", f"{one['p99']:.2f}", "", "", "",
                 f"mean {one['mean']:.2f} ms; largest partition {biggest} queued"))
    print("  ".join(rows[-1]), flush=True)

    # The catalogue search: a name in each region.
    words = ["балдырған", "күншуақ", "ертегі", "звёздочка", "сад", "kindergarten no. 1"]
    regions = [r[0] for r in conn.execute(
        "SELECT id FROM bq.region WHERE parent_id IS NULL ORDER BY sort, code")]
    conn.execute("CREATE TABLE bench.search (i serial PRIMARY KEY, region uuid, q text)")
    for reg in regions:
        for w in words:
            conn.execute("INSERT INTO bench.search (region, q) VALUES (%s, %s)", (reg, w))
    conn.execute("GRANT SELECT ON bench.search TO bq_api")
    searches = [("GET", f"/v1/kindergartens?region_id={reg}&q={urllib.parse.quote(q)}"
                 "&limit=20", None, None)
                for reg, q in conn.execute("SELECT region, q FROM bench.search ORDER BY i")]
    search = replay.run(a.service, searches, secs, name="search")
    sql_search = pgbench(f"\\set i random(1, {len(searches)})\n"
                         "SELECT bq.kindergartens(region, NULL, NULL, NULL, NULL, q, "
                         "NULL, NULL, NULL, 20, 'kk') FROM bench.search WHERE i = :i;\n",
                         secs, name="search")
    row("GET /v1/kindergartens?q=", search, sql_search, "pgbench",
        f"{len(searches)} searches, 20 a page")

    # The peer a team would pick instead (bench/peer: Fastify, @fastify/jwt,
    # pg, one process a core), on the same routes, SQL and tokens: each
    # measured twice, the service and the peer in turn, half the time each.
    if a.peer:
        mes = [("GET", "/v1/me", t, None) for t in tokens.values()]
        for what, lines in [("GET /health", health), ("GET /v1/me", mes),
                            ("GET /v1/applications/{id}", positions)]:
            runs = {"service": [], "peer": []}
            for turn in range(2):
                for who, base in (("service", a.service), ("peer", a.peer)):
                    runs[who].append(replay.run(base, lines, max(secs // 2, 5),
                                                name=f"{who}-{turn}"))
            ours, theirs = (replay.mean(runs[w]) for w in ("service", "peer"))
            row(f"{what}: the service vs the Fastify peer", ours, theirs, "peer",
                f"p99 peer {theirs['p99']:.1f} ms; 5xx peer {theirs.get('5xx', 0):.0f}")

    # Reads during a login flood against reads alone, in turn, twice each
    # (the machine drifts by more than the flood takes between loads
    # minutes apart).  Logins turned away (429) are answers, not logins:
    # the rate counted is of those that signed in.
    half = max(secs // 2, 5)
    runs = {"alone": [], "during": [], "flood": []}
    for turn in range(2):
        runs["alone"].append(replay.run(a.service, positions, half, name=f"alone-{turn}"))
        reads = replay.start(a.service, positions, half, name=f"position-flood-{turn}")
        flood = replay.start(a.service, logins, half, name=f"login-flood-{turn}")
        runs["during"].append(replay.result(reads))
        runs["flood"].append(replay.result(flood))
    alone, during, flooding = (replay.mean(runs[k]) for k in ("alone", "during", "flood"))
    row("GET /v1/applications/{id} during a login flood", during, alone, "alone",
        f"each measured twice, in turn; p99 alone {alone['p99']:.1f} ms")
    turned = flooding.get("4xx", 0)
    signed_in = dict(flooding, rate=flooding.get("ok", 0) / (2 * half))
    row("POST /v1/auth/login, the flood", signed_in, argon2, "argon2id",
        f"{turned:.0f} turned away (429, Retry-After)")

    # Filings: the children without an application, by their parents:
    # every other one by the service (wrk), the rest by pgbench calling
    # bq.application_file with the same arguments, one child a call.
    rnd = random.Random(country[0])
    children = conn.execute(
        "SELECT c.id, c.owner_id FROM bq.child c WHERE c.id::text LIKE "
        "'00000000-0000-4002-%%' AND NOT EXISTS (SELECT 1 FROM bq.application a "
        "WHERE a.child_id = c.id) AND c.owner_id = ANY(%s) ORDER BY c.id",
        (owners,)).fetchall()

    def body(cid):
        return json.dumps({"child_id": str(cid), "queue_type": "general",
                           "region_id": str(rnd.choice(regions)),
                           "languages": [rnd.choice(["kk", "ru"])], "consent": True})
    filings = [("POST", "/v1/applications", tokens[str(owner)], body(cid))
               for cid, owner in children[0::2]]
    conn.execute("DROP TABLE IF EXISTS bench.filing")
    conn.execute("DROP SEQUENCE IF EXISTS bench.filing_next")
    conn.execute("CREATE TABLE bench.filing (i serial PRIMARY KEY, account uuid, "
                 "sid uuid, body jsonb)")
    conn.execute("CREATE SEQUENCE bench.filing_next")
    with conn.cursor() as cur:
        for cid, owner in children[1::2]:
            cur.execute("INSERT INTO bench.filing (account, sid, body) VALUES (%s, %s, %s)",
                        (owner, claims(tokens[str(owner)])["sid"], body(cid)))
    conn.execute("GRANT SELECT ON bench.filing TO bq_api")
    conn.execute("GRANT USAGE, UPDATE ON bench.filing_next TO bq_api")
    before = conn.execute("SELECT count(*) FROM bq.application").fetchone()[0]
    filed = replay.run(a.service, filings, min(secs, 10), name="filing")
    filed["rate"] = filed.get("ok", 0) / min(secs, 10)
    after = conn.execute("SELECT count(*) FROM bq.application").fetchone()[0]
    sql_filed = pgbench(
        "WITH n AS (SELECT nextval('bench.filing_next') AS i)\n"
        "SELECT bq.application_file(f.account, f.sid, f.body, NULL, NULL, 'kk') "
        "FROM bench.filing f JOIN n ON f.i = n.i;\n",
        0, name="filing", transactions=len(children[1::2]) // CLIENTS)
    by_sql = conn.execute("SELECT count(*) FROM bq.application").fetchone()[0] - after
    sample = conn.execute(
        "SELECT a.id, a.queue_region, a.queue_type, a.queue_correction, a.birth_year, "
        "c.owner_id FROM bq.application a JOIN bq.child c ON c.id = a.child_id "
        "WHERE a.child_id::text LIKE '00000000-0000-4002-%%' AND a.status = 'queued' "
        "AND c.owner_id = ANY(%s) AND a.filed_at > now() - interval '1 hour' "
        "ORDER BY md5(a.id::text) LIMIT 40", (owners,)
    ).fetchall()
    right = 0
    for app, reg, qt, corr, year, owner in sample:
        part = conn.execute(
            "SELECT rank, filed_at, seq, id::text FROM bq.application WHERE status = 'queued' "
            "AND queue_region = %s AND queue_type = %s AND queue_correction = %s "
            "AND birth_year = %s", (reg, qt, corr, year)).fetchall()
        want = queue_positions(part)[str(app)]
        got = s.get(f"{a.service}/v1/applications/{app}", timeout=30,
                    headers={"Authorization": "Bearer " + tokens[str(owner)]}).json()
        right += got.get("queue_position") == want
    row("POST /v1/applications", filed, sql_filed, "pgbench",
        f"{after - before} filed by the service, {by_sql} by pgbench; p99 pgbench "
        f"{sql_filed['p99']:.1f} ms; positions right afterwards: {right} of {len(sample)} "
        "checked against an independent ordering")

    # Idle keep-alive connections: 10,000 held while 64 others ask
    # /health, the workers' memory before and with them.
    url = urllib.parse.urlparse(a.service)
    rss_before = worker_rss()
    held = idle.Idle(url.hostname, url.port, IDLE)
    rss_with = worker_rss()
    # Kore waits http_header_timeout (10 s) for a kept-alive connection's
    # next request: wrk runs 6 s of that, then each is asked again.
    beside = replay.run(a.service, health, 6, name="health-idle")
    still = held.still_held()
    held.close()
    row(f"GET /health beside {IDLE} idle keep-alive connections", beside, service, "alone",
        f"{held.opened} opened in {held.open_seconds:.1f} s, {still} still answering after; "
        f"workers' memory {sum(rss_before.values()) // 1024} MiB without, "
        f"{sum(rss_with.values()) // 1024} MiB with them; p99 alone {service['p99']:.1f} ms")

    # An allocation round in every region of the country, two at a time.
    admin = s.post(a.service + "/v1/auth/login",
                   json={"login": "admin", "password": PASSWORD}, timeout=30).json()
    queued = conn.execute("SELECT count(*) FROM bq.application "
                          "WHERE status = 'queued'").fetchone()[0]

    def round_in(reg):
        r = requests.post(a.service + "/v1/admin/allocation-rounds",
                          json={"region_id": str(reg)}, timeout=600,
                          headers={"Authorization": "Bearer " + admin["access_token"]})
        r.raise_for_status()
        return r.json()

    t = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        done = list(pool.map(round_in, regions))
    took = time.perf_counter() - t
    issued = sum(d["issued"] for d in done)
    # Each round checked itself before publishing (bq.round_check): the
    # replay from its kept inputs and seed by the independent allocation,
    # and the checks of pools, order and skips.
    published = sum(d["status"] == "published" for d in done)
    passed = sum(all(c["passed"] for c in d["checks"]) for d in done)
    checks_s = sum(d.get("checks_ms") or 0 for d in done) / 1000
    rows.append((f"allocation rounds, all {len(regions)} regions, two at a time",
                 f"{took:.1f} s", "", "", "", "", "",
                 f"{queued} queued, {sum(d['places'] for d in done)} places, "
                 f"{issued} vouchers; {published} of {len(done)} published, every check "
                 f"(replay included) passed in {passed}, checks {checks_s:.1f} s of the "
                 f"rounds' time; slowest region {max(d['applications'] for d in done)} "
                 "applications"))
    print("  ".join(rows[-1]), flush=True)

    head = ("| measure | rate (/s) | p50 (ms) | p99 (ms) | 5xx | ceiling | ratio | note |\n"
            "|---|---:|---:|---:|---:|---|---:|---|\n")
    table = head + "".join("| " + " | ".join(r) + " |\n" for r in rows)
    text = (f"`bench/run {secs}` on {datetime.date.today()}: {machine()}; wrk, "
            f"PostgreSQL and Kore on the same cores; {CLIENTS} connections.\n"
            f"Country of seed {country[0]}: {totals[0]} applications, {totals[1]} "
            f"accounts, {totals[2]} kindergartens"
            + (f", generated in {a.generated} s" if a.generated else "") + ".\n\n"
            + table)
    pathlib.Path(a.out).write_text(text)
    print("\n" + text)


if __name__ == "__main__":
    main()
