"""A TCP proxy for fault tests: pass through, drop, stall, or cut a connection after N bytes.

It sits between mailsum and a real server (Dovecot or aiosmtpd). The fault applies per
connection, decided when the connection is accepted, so a test can say "cut the first
connection after 3000 bytes, let the reconnect through".
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field

MODES = ("pass", "drop", "stall", "cut")


@dataclass
class Plan:
    mode: str = "pass"  # one of MODES
    cut_after: int = 0  # bytes, for "cut"
    direction: str = "down"  # "down": server->client bytes count; "up": client->server


@dataclass
class FaultProxy:
    """Loopback proxy to ``target_port``: ``plans`` one per connection, then ``default``."""

    target_port: int
    target_host: str = "127.0.0.1"
    default: Plan = field(default_factory=Plan)
    plans: list[Plan] = field(default_factory=list)
    port: int = 0
    connections: int = 0  # accepted so far
    faults: int = 0  # connections that met a fault
    bytes_down: int = 0  # server -> client, all connections
    bytes_up: int = 0  # client -> server
    _sock: socket.socket | None = None
    _open: list[socket.socket] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> FaultProxy:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.port = int(self._sock.getsockname()[1])
        threading.Thread(target=self._accept_loop, daemon=True).start()
        return self

    def set(self, mode: str, cut_after: int = 0, direction: str = "down") -> None:
        """Apply this fault to every later connection."""
        assert mode in MODES, mode
        self.default = Plan(mode, cut_after, direction)

    def then(self, *plans: Plan) -> None:
        """Apply these faults to the next connections, one each, then ``default`` again."""
        with self._lock:
            self.plans.extend(plans)

    def stop(self) -> None:
        self._stop.set()
        if self._sock is not None:
            self._sock.close()
        with self._lock:
            for s in self._open:
                with contextlib.suppress(OSError):
                    s.close()
            self._open.clear()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ internals

    def _accept_loop(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
                plan = self.plans.pop(0) if self.plans else self.default
                self._open.append(client)
                if plan.mode != "pass":
                    self.faults += 1
            threading.Thread(target=self._handle, args=(client, plan), daemon=True).start()

    def _handle(self, client: socket.socket, plan: Plan) -> None:
        if plan.mode == "drop":
            client.close()
            return
        if plan.mode == "stall":
            return  # keep it open, never answer; closed by stop()
        try:
            upstream = socket.create_connection((self.target_host, self.target_port), timeout=5)
        except OSError:
            client.close()
            return
        upstream.settimeout(None)
        with self._lock:
            self._open.append(upstream)
        limit = plan.cut_after if plan.mode == "cut" else None
        down_limit = limit if plan.direction == "down" else None
        up_limit = limit if plan.direction == "up" else None
        pair = (client, upstream)
        threading.Thread(target=self._pump, args=(upstream, client, down_limit, pair, "down"),
                         daemon=True).start()
        self._pump(client, upstream, up_limit, pair, "up")

    def _count(self, direction: str, n: int) -> None:
        with self._lock:
            if direction == "down":
                self.bytes_down += n
            else:
                self.bytes_up += n

    def _pump(self, src: socket.socket, dst: socket.socket, limit: int | None,
              pair: tuple[socket.socket, socket.socket], direction: str) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[:max(0, limit - sent)])
                    self._count(direction, max(0, limit - sent))
                    break
                dst.sendall(data)
                sent += len(data)
                self._count(direction, len(data))
        except OSError:
            pass
        for s in pair:  # one side ended or the cut came: end both, abruptly
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                s.close()
