"""Idle keep-alive connections for bench/measure.py: N connections to the
service, each having asked GET /health once and then silent, the way a
city's phones keep a connection open between taps.  Opened a batch at a
time (the listen backlog is 1,024), counted again at the end by asking
each once more."""

import resource
import selectors
import socket
import time

REQUEST = b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n"


def _raise_files(n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = n + 1024
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(want, hard), max(want, hard)))


def _whole(data):
    """Whether data holds an answer's head and all of its body, so the
    next answer on the connection starts clean."""
    head, sep, body = bytes(data).partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return True


def _ask(socks, timeout=30):
    """Sends each a GET /health and reads its answer's status line: the
    sockets that answered 200."""
    sel = selectors.DefaultSelector()
    for s in socks:
        try:
            s.sendall(REQUEST)
            sel.register(s, selectors.EVENT_READ, bytearray())
        except OSError:
            pass
    ok, end = [], time.monotonic() + timeout
    while sel.get_map() and time.monotonic() < end:
        for key, _ in sel.select(1):
            try:
                data = key.fileobj.recv(4096)
            except OSError:
                data = b""
            if not data:
                sel.unregister(key.fileobj)
                continue
            key.data.extend(data)
            if _whole(key.data):
                sel.unregister(key.fileobj)
                if key.data.startswith(b"HTTP/1.1 200"):
                    ok.append(key.fileobj)
    sel.close()
    return ok


class Idle:
    def __init__(self, host, port, n, batch=500):
        _raise_files(n)
        self.socks = []
        t = time.monotonic()
        for start in range(0, n, batch):
            fresh = []
            for _ in range(min(batch, n - start)):
                s = socket.create_connection((host, port), timeout=30)
                s.setblocking(False)
                fresh.append(s)
            self.socks += _ask(fresh)
            for s in set(fresh) - set(self.socks):
                s.close()
        self.opened = len(self.socks)
        self.open_seconds = time.monotonic() - t

    def still_held(self, batch=500):
        """How many of them still answer, asked once more, a batch at a
        time: past http_request_limit requests at once a worker answers
        503 (Kore), which is not what is measured here."""
        return sum(len(_ask(self.socks[i:i + batch]))
                   for i in range(0, len(self.socks), batch))

    def close(self):
        for s in self.socks:
            s.close()
        self.socks = []
