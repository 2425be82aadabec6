#!/usr/bin/env python3
"""The cluster's throughput (bench/README.md, "A cluster"): on a
scripts/cluster of its own (var/bench-cluster, ports 8870 to 8872), the
same read mix by wrk against one node straight, one node through HAProxy
(the other node disabled on HAProxy's admin socket), and both nodes
through HAProxy; each twice, in turn, in one run.  The mix is what a
publication day reads: the catalogue, a kindergarten's card and the
public queue (served by the standby) and each parent's applications (the
primary).  Every ratio is against the first: the proxies' own cost, and
what a second node gives on the same two cores.

Usage: bench/cluster.py [SECONDS]   (10 a run)
"""

import pathlib
import socket
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "integration"))
import replay  # noqa: E402
from cluster import Cluster  # noqa: E402
from conftest import Api  # noqa: E402
from people import Parent  # noqa: E402
from host import machine  # noqa: E402

PARENTS = 20


def admin(cluster, command):
    """A command to HAProxy's admin socket."""
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(str(cluster.data / "haproxy" / "admin.sock"))
        s.sendall(command.encode() + b"\n")
        return s.recv(65536).decode()


def mix(cluster):
    api = Api(cluster)
    kgs = api.get("/v1/kindergartens?limit=50").json()["items"]
    region = api.get("/v1/regions").json()["items"][0]["id"]
    lines = []
    for i in range(PARENTS):
        p = Parent(api, cluster)
        lines.append(("GET", "/v1/applications", p.token, None))
        lines.append(("GET", f"/v1/kindergartens/{kgs[i % len(kgs)]['id']}", None, None))
        lines.append(("GET", "/v1/kindergartens?limit=20", None, None))
        lines.append(("GET", f"/v1/queue?region_id={region}&queue_type=general"
                      f"&birth_year={2021 + i % 4}&limit=20", None, None))
    return lines


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    c = Cluster(data=ROOT / "var" / "bench-cluster", port=8870,
                BQ_CLUSTER_RATE="100000000", BQ_CLUSTER_CONNS="100000",
                BQ_READ_FROM_HEADER="0")
    c.start()
    try:
        lines = mix(c)
        configs = [("one node, straight", c.nodes[0], "enable"),
                   ("one node through HAProxy", c.base, "disable"),
                   ("two nodes through HAProxy", c.base, "enable")]
        got = {name: [] for name, _, _ in configs}
        for _ in range(2):
            for name, base, node2 in configs:
                admin(c, f"{node2} server nodes/node2")
                time.sleep(1.5)
                got[name].append(replay.run(base, lines, seconds, conns=64))
        first = replay.mean(got[configs[0][0]])
        print(f"`bench/cluster.py {seconds}` on {time.strftime('%Y-%m-%d')}: {machine()}; "
              f"wrk -t2 -c64, {len(lines)} requests in turn, each config twice\n")
        print("| config | requests/s | ratio | p50 ms | p99 ms | 4xx | 5xx |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, _, _ in configs:
            m = replay.mean(got[name])
            print(f"| {name} | {m['rate']:,.0f} | {m['rate'] / first['rate']:.2f} | "
                  f"{m['p50']:.2f} | {m['p99']:.2f} | {int(m['4xx'])} | {int(m['5xx'])} |")
    finally:
        c.stop()


if __name__ == "__main__":
    main()
