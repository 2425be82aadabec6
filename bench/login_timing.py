#!/usr/bin/python3
"""Does a login that names no account take as long as a wrong password?

Against a running server (scripts/run), times N wrong-password logins for
the demo account `verifier` and N for names that do not exist, alternating
so that load on the machine hits both alike, and prints the medians and
90th percentiles.  Each failed login counts towards a lock, so the known
account is unlocked (by the reset below) between rounds of 9.

    bench/login_timing.py [N]      (BQ_URL, default http://127.0.0.1:8888)
"""

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

URL = os.environ.get("BQ_URL", "http://127.0.0.1:8888") + "/v1/auth/login"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def attempt(name):
    body = json.dumps({"login": name, "password": "Not-the-password-1"}).encode()
    req = urllib.request.Request(URL, data=body,
                                 headers={"Content-Type": "application/json"})
    t = time.perf_counter()
    try:
        urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        assert e.code in (401, 423), e.code
    return time.perf_counter() - t


def unlock():
    subprocess.run([os.path.join(ROOT, "scripts", "db"), "psql", "-qc",
                    "DELETE FROM bq.login_failure; "
                    "UPDATE bq.account SET locked_until = NULL"],
                   check=True, capture_output=True)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 90
    known, unknown = [], []
    for i in range(n):
        if i % 9 == 0:
            unlock()
        known.append(attempt("verifier"))
        unknown.append(attempt(f"nobody{i}"))
    unlock()
    for name, xs in (("wrong password", known), ("unknown login", unknown)):
        xs = sorted(xs)
        print(f"{name:15} median {statistics.median(xs) * 1000:6.1f} ms   "
              f"p90 {xs[int(len(xs) * 0.9)] * 1000:6.1f} ms   n={len(xs)}")


if __name__ == "__main__":
    main()
