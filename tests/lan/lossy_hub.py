#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A Wi-Fi-like Ethernet hub in user space for the LAN test bed.

Runs inside the test bed's switch namespace with one AF_PACKET socket per port
(the switch-side ends of the phones' veth pairs). Every frame that arrives on a
port is copied to every other port, each copy lost with probability --loss and
delayed by --delay ms plus a uniform jitter in [-jitter, +jitter] ms (so copies
can overtake each other, as on a busy radio). Multicast, broadcast (ARP) and
unicast frames are treated alike. It does the work `tc netem` on a bridge would
do; this kernel has no sch_netem. Frames never leave the namespace: the ports
are the test bed's own veths. Stops on SIGTERM and prints what it forwarded.
"""
import argparse
import heapq
import random
import select
import signal
import socket
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loss", type=float, default=0.0, help="drop probability per copy (0..1)")
    ap.add_argument("--delay", type=float, default=0.0, help="one-way delay in ms")
    ap.add_argument("--jitter", type=float, default=0.0, help="uniform jitter in ms (+/-)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("ports", nargs="+")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    socks = {}
    for port in a.ports:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.bind((port, 0))
        s.setblocking(False)
        socks[s] = port
    pending = []  # (due, seq, socket, frame)
    seq = 0
    stats = {"in": 0, "out": 0, "lost": 0}
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.__setitem__(0, False))
    signal.signal(signal.SIGINT, lambda *_: running.__setitem__(0, False))
    print("hub: ports %s loss %.0f%% delay %.0f ms jitter %.0f ms" %
          (" ".join(a.ports), a.loss * 100, a.delay, a.jitter), flush=True)

    while running[0]:
        now = time.monotonic()
        timeout = 0.2 if not pending else max(0.0, pending[0][0] - now)
        try:
            readable, _, _ = select.select(list(socks), [], [], timeout)
        except InterruptedError:
            continue
        for s in readable:
            try:
                frame, addr = s.recvfrom(65535)
            except BlockingIOError:
                continue
            if addr[2] == PACKET_OUTGOING:
                continue  # our own transmission seen on the port
            stats["in"] += 1
            for other in socks:
                if other is s:
                    continue
                if rng.random() < a.loss:
                    stats["lost"] += 1
                    continue
                due = time.monotonic() + max(0.0, a.delay + rng.uniform(-a.jitter, a.jitter)) / 1000.0
                seq += 1
                heapq.heappush(pending, (due, seq, other, frame))
        now = time.monotonic()
        while pending and pending[0][0] <= now:
            _, _, s, frame = heapq.heappop(pending)
            try:
                s.send(frame)
                stats["out"] += 1
            except OSError:
                stats["lost"] += 1
    print("hub: frames in %d, copies out %d, copies lost %d" % (stats["in"], stats["out"], stats["lost"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
