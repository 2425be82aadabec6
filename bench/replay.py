"""wrk replaying a list of requests (bench/wrk/replay.lua), for the bench
scripts: start it, or run it to the end, and read its rate, p50 and p99
(ms) and the answers by class (ok, 4xx, 5xx)."""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

SCRIPT = pathlib.Path(__file__).resolve().parent / "wrk" / "replay.lua"
TMP = pathlib.Path(tempfile.mkdtemp(prefix="bq-wrk-"))


def start(base, lines, seconds, conns=64, tokens=None, name="load"):
    """wrk on LINES (method, path, token or None, body or None) for
    SECONDS; with TOKENS, the file the access tokens of its 200s go to."""
    reqs = TMP / f"{name}.tsv"
    with open(reqs, "w") as f:
        for m, p, t, b in lines:
            f.write(f"{m}\t{p}\t{t or '-'}\t{b or ''}\n")
    env = dict(os.environ, BQ_REQUESTS=str(reqs))
    if tokens:
        env["BQ_TOKENS"] = str(tokens)
    return subprocess.Popen(
        ["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", "--timeout", "30s",
         "-s", str(SCRIPT), base], env=env, stdout=subprocess.PIPE, text=True)


def result(proc):
    """What a started wrk measured, once it ends."""
    out = proc.communicate()[0]
    got = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", out)}
    rps = re.search(r"Requests/sec:\s*([0-9.]+)", out)
    got["rate"] = float(rps.group(1)) if rps else 0.0
    if got.get("5xx", 0) or not got.get("ok"):
        print(out, file=sys.stderr)
    return got


def run(base, lines, seconds, **kw):
    return result(start(base, lines, seconds, **kw))


def mean(results):
    """Runs of one load as one: rates, p50 and p99 averaged, answers summed."""
    out = {k: sum(r.get(k, 0) for r in results) / len(results) for k in ("rate", "p50", "p99")}
    for k in ("ok", "4xx", "5xx"):
        out[k] = sum(r.get(k, 0) for r in results)
    return out
