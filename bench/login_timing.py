#!/usr/bin/python3
"""Do the answers that must not tell cost the same either way?

Against a running server (scripts/run), alternating so that load on the
machine hits both sides alike, prints medians and 90th percentiles of:

- N wrong-password logins for the demo account `verifier` and N for names
  that do not exist (each failed login counts towards a lock, so the known
  account is unlocked between rounds of 9);
- N code requests (POST /v1/auth/otp) for persons of the demo registry's
  file to a phone bound to them and N to a stranger's phone, and N wrong
  codes at register/verify for each: the stranger gets no code, and
  neither answer may tell by its time.  The persons are written to
  $BQ_DATA_DIR/registry.json (moved aside and put back).

The per-address caps on logins and codes are lifted for the run and
restored after it.

    bench/login_timing.py [N]      (BQ_URL, default http://127.0.0.1:8888)
"""

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

BASE = os.environ.get("BQ_URL", "http://127.0.0.1:8888")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("BQ_DATA_DIR", os.path.join(ROOT, "var"))


def timed(path, body, expect):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    t = time.perf_counter()
    try:
        code = urllib.request.urlopen(req).status
    except urllib.error.HTTPError as e:
        code = e.code
    assert code in expect, (path, code)
    return time.perf_counter() - t


def attempt(name):
    return timed("/v1/auth/login", {"login": name, "password": "Not-the-password-1"},
                 (401, 423))


def psql(sql):
    subprocess.run([os.path.join(ROOT, "scripts", "db"), "psql", "-qc", sql],
                   check=True, capture_output=True)


def unlock():
    psql("DELETE FROM bq.login_failure; UPDATE bq.account SET locked_until = NULL")


def iin(i):
    """A valid IIN of someone born 1980-01-01, serial i."""
    w1, w2 = range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    while True:
        d = "8001013" + "%04d" % (i % 10000)
        c = sum(int(x) * y for x, y in zip(d, w1)) % 11
        if c == 10:
            c = sum(int(x) * y for x, y in zip(d, w2)) % 11
        if c != 10:
            return d + str(c)
        i += 5000


def report(rows):
    for name, xs in rows:
        xs = sorted(xs)
        print(f"{name:28} median {statistics.median(xs) * 1000:6.1f} ms   "
              f"p90 {xs[int(len(xs) * 0.9)] * 1000:6.1f} ms   n={len(xs)}")


def phones(n):
    """Codes to a bound and to a stranger's phone, and wrong codes for each."""
    stamp = int(time.time()) % 10**5
    people = [{"iin": iin(i), "surname": "Бенч", "first_name": "Тест",
               "phones": ["+7705%07d" % (stamp * 10 + i)]} for i in range(n)]
    path = os.path.join(DATA, "registry.json")
    kept = path + ".kept"
    if os.path.exists(path):
        os.replace(path, kept)
    with open(path, "w") as f:
        json.dump(people, f)
    time.sleep(1.1)
    bound, stranger, bound_v, stranger_v = [], [], [], []
    others = ["+7706%07d" % (stamp * 10 + i) for i in range(n)]
    try:
        for p, other in zip(people, others):
            for phone, out in ((p["phones"][0], bound), (other, stranger)):
                out.append(timed("/v1/auth/otp", {"phone": phone, "iin": p["iin"],
                                                  "purpose": "register",
                                                  "policy_accepted": True}, (202,)))
        # The SMS sender works after each bound code (a file line, two
        # statements): let it finish, so that the verify rounds measure
        # the answer, not the sender beside it.
        time.sleep(2)
        for p, other in zip(people, others):
            for phone, out in ((p["phones"][0], bound_v), (other, stranger_v)):
                out.append(timed("/v1/auth/register/verify",
                                 {"phone": phone, "iin": p["iin"], "code": "000000"}, (422,)))
    finally:
        os.remove(path)
        if os.path.exists(kept):
            os.replace(kept, path)
    report([("code, bound phone", bound), ("code, stranger's phone", stranger),
            ("verify, bound phone", bound_v), ("verify, stranger's phone", stranger_v)])


# The per-address caps, lifted for the run (every request comes from here).
CAPS = ("login_per_client_minute", "login_per_name_minute", "otp_per_client_hour")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 90
    psql("CREATE TABLE IF NOT EXISTS public.bench_caps AS SELECT * FROM bq.setting "
         f"WHERE name IN {CAPS}; UPDATE bq.setting SET value = 100000 "
         f"WHERE name IN {CAPS}")
    try:
        known, unknown = [], []
        for i in range(n):
            if i % 9 == 0:
                unlock()
            known.append(attempt("verifier"))
            unknown.append(attempt(f"nobody{i}"))
        unlock()
        report([("wrong password", known), ("unknown login", unknown)])
        phones(n)
    finally:
        psql("UPDATE bq.setting s SET value = c.value FROM public.bench_caps c "
             "WHERE s.name = c.name; DROP TABLE public.bench_caps")


if __name__ == "__main__":
    main()
