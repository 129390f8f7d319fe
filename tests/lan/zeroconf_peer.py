#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""An independent mDNS stack (python3-zeroconf) on the test bed: publishes one
_e2e-phone._udp service and resolves every phone it finds, printing one JSON
line per resolved instance; exits once every --expect name is resolved (or after --seconds)."""
import argparse
import json
import socket
import sys
import time

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, Zeroconf

SERVICE = "_e2e-phone._udp.local."


class Listener:
    def __init__(self):
        self.resolved = {}

    def add_service(self, zc, type_, name):
        self.resolve(zc, type_, name)

    def update_service(self, zc, type_, name):
        self.resolve(zc, type_, name)

    def remove_service(self, zc, type_, name):
        pass

    def resolve(self, zc, type_, name):
        info = zc.get_service_info(type_, name, timeout=3000)
        if info is None:
            return
        props = {k.decode(): (v.decode() if v is not None else None) for k, v in info.properties.items()}
        entry = {"name": name[: -len(SERVICE) - 1], "addresses": info.parsed_addresses(), "port": info.port,
                 "properties": props}
        if self.resolved.get(name) != entry:
            self.resolved[name] = entry
            print(json.dumps(entry), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ip", required=True)
    ap.add_argument("--name", default="Zeroconf Desk")
    ap.add_argument("--port", type=int, default=5998)
    ap.add_argument("--fp", required=True)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--expect", default="", help="comma-separated instance names to wait for")
    a = ap.parse_args()
    zc = Zeroconf(interfaces=[a.ip], ip_version=IPVersion.V4Only)
    info = ServiceInfo(SERVICE, a.name + "." + SERVICE, addresses=[socket.inet_aton(a.ip)], port=a.port,
                       properties={"v": "1", "fp": a.fp}, server="zeroconf-bed.local.")
    zc.register_service(info)
    listener = Listener()
    ServiceBrowser(zc, SERVICE, listener)
    expect = set(filter(None, a.expect.split(",")))
    deadline = time.monotonic() + a.seconds
    while time.monotonic() < deadline:
        names = {e["name"] for e in list(listener.resolved.values())}
        if expect and expect <= names:
            time.sleep(1)  # let the other publishers resolve this service too
            break
        time.sleep(0.2)
    zc.unregister_service(info)
    zc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
