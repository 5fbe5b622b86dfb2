#!/usr/bin/env python3
"""Slow clients for bench/run.sh's `slow` section: connections that send a request's headers or
body a few bytes at a time, or stop halfway, and open again whenever the server closes them.

  slow_clients.py HOST PORT --body N --headers M [--seconds S] [--token T] [--path P]

--body N: N connections each send complete headers for a POST create with Content-Length 1000,
then one byte of the body every 2 s (a stalled upload). --headers M: M connections each send the
request line and then one header byte every 2 s (slowloris). Runs S seconds (default: until
killed with SIGTERM or SIGINT), then prints how many connections each kind opened and how many the server closed or
answered (an answer to a slow body is the server's 408 once its body deadline passed).
Standard library only.
"""
import argparse
import selectors
import signal
import socket
import sys
import time

TRICKLE_SECONDS = 2.0


class Slow:
    def __init__(self, kind, host, port, first, trickle):
        self.kind, self.host, self.port, self.first, self.trickle = kind, host, port, first, trickle
        self.sock = None
        self.sent = 0
        self.next_at = 0.0

    def open(self, selector):
        self.sock = socket.create_connection((self.host, self.port))
        self.sock.setblocking(False)
        self.sock.sendall(self.first)
        self.sent = 0
        self.next_at = time.monotonic() + TRICKLE_SECONDS
        selector.register(self.sock, selectors.EVENT_READ, self)

    def close(self, selector):
        try:
            selector.unregister(self.sock)
        except (KeyError, ValueError):
            pass
        self.sock.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--body", type=int, default=0)
    parser.add_argument("--headers", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--token", default="demo-token")
    parser.add_argument("--path", default="/v1/pipelines/duplicatesAllowed001/opportunities")
    args = parser.parse_args()
    # Stopped by its caller with SIGTERM (a background job ignores SIGINT): print the summary all the same.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))

    body_first = (f"POST {args.path} HTTP/1.1\r\nHost: {args.host}\r\nAuthorization: Bearer {args.token}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"title\":\"").encode()
    header_first = f"GET {args.path} HTTP/1.1\r\nHost: {args.host}\r\nX-Slow: ".encode()
    clients = ([Slow("body", args.host, args.port, body_first, b"a") for _ in range(args.body)]
               + [Slow("headers", args.host, args.port, header_first, b"b") for _ in range(args.headers)])
    opened = {"body": 0, "headers": 0}
    ended = {"body": 0, "headers": 0}
    answered = {"body": 0, "headers": 0}
    selector = selectors.DefaultSelector()
    for client in clients:
        client.open(selector)
        opened[client.kind] += 1
    print(f"slow clients connected: {args.body} slow bodies, {args.headers} slow headers", flush=True)
    stop_at = time.monotonic() + args.seconds if args.seconds > 0 else float("inf")
    try:
        while time.monotonic() < stop_at:
            for key, _ in selector.select(timeout=0.2):
                client = key.data
                try:
                    data = client.sock.recv(65536)
                except OSError:
                    data = b""
                if data.startswith(b"HTTP/"):
                    answered[client.kind] += 1
                ended[client.kind] += 1
                client.close(selector)
                client.open(selector)
                opened[client.kind] += 1
            now = time.monotonic()
            for client in clients:
                if now >= client.next_at:
                    try:
                        client.sock.send(client.trickle)
                    except OSError:
                        pass
                    client.next_at = now + TRICKLE_SECONDS
    except KeyboardInterrupt:
        pass
    finally:
        print(f"slow clients: opened {opened}, closed by the server {ended}, of which answered {answered}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
