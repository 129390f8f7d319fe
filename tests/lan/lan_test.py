#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The LAN scenario (CI stage 55-lan): simulated phones in network namespaces on a
lossy hub, checked against two independent mDNS stacks from Debian.

  1. Alice, Bob and Carol (Phone.Sim agents, --lan eth0) each find the other two,
     a service published with avahi-publish and one published by python3-zeroconf.
  2. avahi-daemon + `avahi-browse -r _e2e-phone._udp` resolve all three phones
     (name, address, port, fingerprint); python3-zeroconf resolves them too.
  3. Alice pairs with Bob picked from her list (no address typed); both confirm.
  4. Bob's address changes; Alice calls "Bob" by contact and the call connects at
     the new address with no user action; audio flows both ways; hang up.
All through 10% loss and 30 ms +/- 30 ms delay on every frame. Exits non-zero
with the reason on the first failed check.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agent import Agent  # noqa: E402
from testbed import Bed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
AVAHI_FP = "a1a2a3a4a5a6a7a8"
ZEROCONF_FP = "b1b2b3b4b5b6b7b8"
T0 = time.monotonic()


def step(text):
    print("[%5.1f s] %s" % (time.monotonic() - T0, text), flush=True)


def start_avahi(bed, node):
    """A private D-Bus and avahi-daemon inside node's namespace (its /run/avahi-daemon is a private tmpfs)."""
    d = bed.dir
    with open(os.path.join(d, "dbus.conf"), "w") as f:
        f.write("""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=%s/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*"/><allow receive_sender="*"/></policy>
<includedir>/usr/share/dbus-1/system.d</includedir></busconfig>
""" % d)
    with open(os.path.join(d, "avahi.conf"), "w") as f:
        f.write("[server]\nhost-name=avahi-bed\ndomain-name=local\nuse-ipv4=yes\nuse-ipv6=no\n"
                "allow-interfaces=eth0\nenable-dbus=yes\n[wide-area]\nenable-wide-area=no\n"
                "[publish]\npublish-hinfo=no\npublish-workstation=no\n")
    env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS="unix:path=%s/bus" % d)
    bed.spawn(bed.ns(node), ["dbus-daemon", "--nofork", "--config-file=" + os.path.join(d, "dbus.conf")], log="dbus")
    for _ in range(50):
        if os.path.exists(os.path.join(d, "bus")):
            break
        time.sleep(0.1)
    bed.spawn(bed.ns(node), ["sh", "-c", "mkdir -p /run/avahi-daemon && mount -t tmpfs tmpfs /run/avahi-daemon && "
                             "exec avahi-daemon --no-chroot --no-rlimits -f " + os.path.join(d, "avahi.conf")],
              log="avahi-daemon", env=env)
    return env


def avahi_browse(bed, node, env):
    """{instance: (address, port, txt)} from `avahi-browse -r -p -t _e2e-phone._udp` (resolved lines only)."""
    out = subprocess.run(["ip", "netns", "exec", bed.ns(node), "avahi-browse", "-r", "-p", "-t", "_e2e-phone._udp"],
                         env=env, capture_output=True, text=True, timeout=20).stdout
    found = {}
    for line in out.splitlines():
        f = line.split(";")
        if f[0] == "=" and len(f) >= 10 and f[2] == "IPv4":
            found[f[3].replace("\\032", " ")] = (f[7], int(f[8]), f[9])
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True, help="Phone.Sim.dll")
    ap.add_argument("--png-dir", help="write PNGs of Alice's display here (pairing list, call after the move)")
    ap.add_argument("--logs", help="copy the test bed's logs here")
    ap.add_argument("--loss", type=float, default=0.10)
    ap.add_argument("--delay", type=float, default=30)
    ap.add_argument("--jitter", type=float, default=30)
    a = ap.parse_args()
    # a timeout or Ctrl-C still runs the clean-up below
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("LAN scenario FAILED: stopped by SIGTERM"))

    bed = Bed(a.loss, a.delay, a.jitter)
    phones = {}
    try:
        for i, node in enumerate(["alice", "bob", "carol"]):
            bed.add_node(node, "10.77.0.%d" % (i + 1))
        bed.add_node("avahi", "10.77.0.10")
        bed.add_node("zc", "10.77.0.11")
        bed.start_hub()
        step("namespaces up: alice 10.77.0.1, bob 10.77.0.2, carol 10.77.0.3, avahi 10.77.0.10, zeroconf 10.77.0.11; "
             "hub: %.0f%% loss, %.0f ms +/- %.0f ms" % (a.loss * 100, a.delay, a.jitter))
        env = start_avahi(bed, "avahi")
        for node, name in (("alice", "Alice"), ("bob", "Bob"), ("carol", "Carol")):
            phones[name] = Agent(bed, node, a.sim, name, os.path.join(bed.dir, "flash-" + node))
        fps = {n: p.ready["fields"]["fingerprint"] for n, p in phones.items()}
        step("phones started: " + ", ".join("%s %s" % kv for kv in fps.items()))
        bed.spawn(bed.ns("avahi"), ["avahi-publish", "-s", "Avahi Desk", "_e2e-phone._udp", "5999", "v=1",
                                    "fp=" + AVAHI_FP], log="avahi-publish", env=env)
        zc_out = open(os.path.join(bed.dir, "zeroconf.jsonl"), "w")
        zc = bed.spawn(bed.ns("zc"), ["/usr/bin/python3", os.path.join(HERE, "zeroconf_peer.py"), "--ip", "10.77.0.11",
                                      "--fp", ZEROCONF_FP, "--seconds", "20",
                                      "--expect", "Alice,Bob,Carol"], stdout=zc_out, log="zeroconf")

        # 1. every phone finds the other phones and both independent publishers
        addr = {"Alice": "10.77.0.1:5060", "Bob": "10.77.0.2:5060", "Carol": "10.77.0.3:5060"}
        for name, phone in phones.items():
            want = {n: (fps[n], addr[n]) for n in phones if n != name}
            want["Avahi Desk"] = (AVAHI_FP, "10.77.0.10:5999")
            want["Zeroconf Desk"] = (ZEROCONF_FP, "10.77.0.11:5998")
            phone.wait_phones(lambda f: all(f.get(k) == v for k, v in want.items()), 20, "its list " + str(want))
        step("each phone lists the other two, 'Avahi Desk' (avahi-publish) and 'Zeroconf Desk' (python3-zeroconf)")

        # 2. Avahi and zeroconf resolve the phones
        deadline = time.monotonic() + 20
        while True:
            seen = avahi_browse(bed, "avahi", env)
            ok = all(n in seen and seen[n][0] == addr[n].split(":")[0] and seen[n][1] == 5060
                     and ('"fp=%s"' % fps[n]) in seen[n][2] and '"v=2"' in seen[n][2] for n in phones)
            if ok:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("avahi-browse did not resolve the phones: %s" % seen)
            time.sleep(1)
        step("avahi-browse -r resolves " + "; ".join("%s %s:%d %s" % (n, *seen[n]) for n in sorted(phones)))
        zc.wait(30)
        zc_out.close()
        zc_seen = {}
        for line in open(os.path.join(bed.dir, "zeroconf.jsonl")):
            e = json.loads(line)
            zc_seen[e["name"]] = e
        for n in phones:
            e = zc_seen.get(n)
            if not e or e["addresses"] != [addr[n].split(":")[0]] or e["port"] != 5060 or e["properties"].get("fp") != fps[n]:
                raise RuntimeError("python3-zeroconf did not resolve %s: %s" % (n, zc_seen))
        step("python3-zeroconf resolves Alice, Bob and Carol with address, port and fingerprint")

        # 3. pair from the list
        alice, bob = phones["Alice"], phones["Bob"]
        if a.png_dir:
            alice.must("phones")
            alice.must("png " + os.path.join(os.path.abspath(a.png_dir), "sim-lan-pairing-list.png"))
        bob.must("pair-mode")  # Bob's user lets one phone pair with his (protocol.md section 5.2)
        ma, mb = alice.mark(), bob.mark()
        alice.must("pair Bob")
        alice.wait_event("CodeShown", 20, ma)
        bob.wait_event("CodeShown", 20, mb)
        alice.must("confirm")
        bob.must("confirm")
        alice.wait_event("Pinned", 20, ma)
        bob.wait_event("Pinned", 20, mb)
        step("Bob in pairing mode; Alice paired with 'Bob' picked from her list (no address typed); both confirmed the code, both pinned")
        deadline = time.monotonic() + 10
        while not (alice.cmd("state")["fields"]["idle"] == "true" and bob.cmd("state")["fields"]["idle"] == "true"):
            if time.monotonic() > deadline:
                raise RuntimeError("pairing did not end")
            time.sleep(0.2)

        # 4. Bob moves; Alice calls him by contact
        bed.move("bob", "10.77.0.22")
        step("Bob's address changed: 10.77.0.2 -> 10.77.0.22")
        alice.wait_phones(lambda f: f.get("Bob", (None, None))[1] == "10.77.0.22:5060", 15, "Bob at 10.77.0.22")
        step("Alice's list shows Bob at 10.77.0.22:5060")
        alice.must("audio tone 2")
        bob.must("audio tone 2")
        ma, mb = alice.mark(), bob.mark()
        reply = alice.must("call Bob")
        if reply["fields"].get("address") != "10.77.0.22:5060":
            raise RuntimeError("Alice called Bob at %s" % reply["fields"])
        alice.wait_event("Connected", 20, ma)
        bob.wait_event("Connected", 20, mb)
        step("Alice called contact 'Bob' (no address given): connected at 10.77.0.22:5060")
        if a.png_dir:
            alice.must("png " + os.path.join(os.path.abspath(a.png_dir), "sim-lan-call-after-move.png"))
        time.sleep(3)
        played_a = len([x for x in alice.must("frames")["fields"]["played"].split(",") if x])
        played_b = len([x for x in bob.must("frames")["fields"]["played"].split(",") if x])
        alice.must("hangup")
        bob.wait_event("HungUp", 20, mb)
        if played_a == 0 or played_b == 0:
            raise RuntimeError("no audio: Alice played %d frames, Bob %d" % (played_a, played_b))
        step("audio both ways through the loss (Alice played %d frames, Bob %d of 100 sent); hung up" % (played_a, played_b))
        for p in phones.values():
            p.cmd("quit")
        step("LAN scenario passed")
        return 0
    except Exception as e:  # a failed check: say which, keep the logs
        print("LAN scenario FAILED: %s" % e, flush=True)
        return 1
    finally:
        bed.close()
        if a.logs:
            shutil.rmtree(a.logs, ignore_errors=True)
            shutil.copytree(bed.dir, a.logs, dirs_exist_ok=True)
        shutil.rmtree(bed.dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
