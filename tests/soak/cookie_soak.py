# SPDX-License-Identifier: MIT
"""Cookie soak (issue 9 item 6): two simulated phones as processes, UDP on loopback, while
tests/soak/flooder.c sends >= 10,000 spoofed PAIR_1 per second from >= 1,000 127.x.y.z sources
to Bob. Checks that a real pairing and a real call between Alice and Bob both complete inside
the flood, that Bob's memory stays bounded (RSS and managed heap sampled before, during and
after), and that no spoofed source got back more bytes than it sent. Prints the figures as JSON;
--update-doc writes them into docs/performance.md's cookie-soak section (one source per figure).

Usage: python3 cookie_soak.py --sim Phone.Sim.dll --flooder build/soak/flooder [--update-doc]
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

RATE, SOURCES, FLOOD_S = 12000, 1000, 20.0
MIN_RATE, MAX_RSS_GROWTH_MB, MAX_TREND_MB = 10000, 64, 16


class Phone:
    """One `Phone.Sim agent` process driven over its JSON-lines stdin/stdout."""

    def __init__(self, sim, name, flash, log):
        self.name, self.lines, self.events, self.next_id = name, queue.Queue(), [], 1
        argv = ["dotnet", sim, "agent", "--name", name, "--host", "127.0.0.1", "--port", "0",
                "--flash", flash, "--auto-answer"]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        ready = self.wait(lambda l: l.get("type") == "ready", 30, "ready")
        self.port = int(ready["fields"]["port"])

    def _read(self):
        for line in self.proc.stdout:
            try:
                self.lines.put(json.loads(line))
            except ValueError:
                pass
        self.lines.put(None)

    def wait(self, match, seconds, what):
        for line in self.events:
            if match(line):
                return line
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                continue
            if line is None:
                raise RuntimeError("%s exited (code %s)" % (self.name, self.proc.poll()))
            self.events.append(line)
            if match(line):
                return line
        raise TimeoutError("%s: no %s within %.0f s" % (self.name, what, seconds))

    def event(self, kind, seconds):
        return self.wait(lambda l: l.get("type") == "event" and l.get("name") == kind, seconds, kind)

    def must(self, text, seconds=15):
        i = self.next_id
        self.next_id += 1
        self.proc.stdin.write("%d %s\n" % (i, text))
        self.proc.stdin.flush()
        reply = self.wait(lambda l: l.get("type") == "reply" and l.get("id") == i, seconds, "reply to " + text)
        if not reply.get("ok"):
            raise RuntimeError("%s: '%s' failed: %s" % (self.name, text, reply.get("error")))
        return reply.get("fields") or {}

    def rss_mb(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            return int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1)) / 1024.0

    def quit(self):
        try:
            self.proc.stdin.write("0 quit\n")
            self.proc.stdin.flush()
            self.proc.wait(10)
        except Exception:
            self.proc.kill()


def wait_idle(phones, seconds):
    """Until every phone is idle: a finished pairing lingers for the peer's late messages (§10)."""
    deadline = time.monotonic() + seconds
    while not all(p.must("state").get("idle") in ("true", "True") for p in phones):
        if time.monotonic() > deadline:
            raise TimeoutError("phones not idle within %.0f s" % seconds)
        time.sleep(0.2)


def sampler(phone, samples, stop):
    t0 = time.monotonic()
    while not stop.is_set():
        samples.append((time.monotonic() - t0, phone.rss_mb()))
        stop.wait(0.25)


def soak(args, work):
    log = open(os.path.join(work, "phones.log"), "w")
    alice = Phone(args.sim, "Alice", os.path.join(work, "alice"), log)
    bob = Phone(args.sim, "Bob", os.path.join(work, "bob"), log)
    phones = [alice, bob]
    try:
        time.sleep(1.0)
        before = {"rssMb": bob.rss_mb(), "heapMb": int(bob.must("stats")["managedHeapBytes"]) / 2**20}
        samples, stop = [], threading.Event()
        threading.Thread(target=sampler, args=(bob, samples, stop), daemon=True).start()
        flood = subprocess.Popen([args.flooder, "127.0.0.1", str(bob.port), str(RATE), str(FLOOD_S), str(SOURCES)],
                                 stdout=subprocess.PIPE, text=True)
        t0 = time.monotonic()
        time.sleep(2.0)  # the flood is on and Bob under load before Alice starts
        bob.must("pair-mode")  # Bob's user lets one phone pair with his (protocol.md section 5.2)
        alice.must("pair 127.0.0.1:%d" % bob.port)
        codes = [p.event("CodeShown", 10)["fields"]["code"] for p in phones]
        if codes[0] != codes[1]:
            raise RuntimeError("codes differ: %s" % codes)
        alice.must("confirm")
        bob.must("confirm")
        for p in phones:
            p.event("Pinned", 10)
        paired_at = time.monotonic() - t0
        wait_idle(phones, 15)
        alice.must("call Bob")
        for p in phones:
            p.event("Connected", 10)
        called_at = time.monotonic() - t0
        alice.must("hangup")
        during = {"heapMb": int(bob.must("stats")["managedHeapBytes"]) / 2**20}
        out, _ = flood.communicate(timeout=FLOOD_S + 30)
        flooded = json.loads(out)
        stop.set()
        time.sleep(3.0)
        stats = bob.must("stats")
        after = {"rssMb": bob.rss_mb(), "heapMb": int(stats["managedHeapBytes"]) / 2**20}
        return {"flood": flooded, "pairedAtS": round(paired_at, 2), "calledAtS": round(called_at, 2),
                "floodS": FLOOD_S, "samples": samples, "before": before, "during": during, "after": after,
                "bobCookieReplies": int(stats["cookieRepliesSent"]), "bobDrops": stats["drops"]}
    finally:
        for p in phones:
            p.quit()
            with open(os.path.join(work, p.name + ".events.jsonl"), "w") as f:
                f.writelines(json.dumps(e) + "\n" for e in p.events)
        log.close()


def figures(r):
    rss = [s for t, s in r["samples"]]
    third = max(1, len(rss) // 3)
    f = r["flood"]
    return {
        "spoofed first messages": f["sent"], "flood rate per s": round(f["rate"]), "spoofed sources": f["sources"],
        "flood seconds": round(f["seconds"], 1), "pairing complete at s": r["pairedAtS"],
        "call connected at s": r["calledAtS"], "COOKIE_REPLY sent by Bob": r["bobCookieReplies"],
        "replies other than COOKIE_REPLY": f["otherReplies"],
        "bytes back / bytes sent, all spoofed sources": f["ratio"],
        "bytes back / bytes sent, worst single source": f["worstSourceRatio"],
        "Bob RSS MB before / max during / after": "%.1f / %.1f / %.1f" % (r["before"]["rssMb"], max(rss),
                                                                        r["after"]["rssMb"]),
        "Bob RSS MB, mean of first / last third of the flood": "%.1f / %.1f" % (
            sum(rss[:third]) / third, sum(rss[-third:]) / third),
        "Bob managed heap MB before / during / after": "%.1f / %.1f / %.1f" % (
            r["before"]["heapMb"], r["during"]["heapMb"], r["after"]["heapMb"]),
    }


def check(r):
    f, rss = r["flood"], [s for t, s in r["samples"]]
    third = max(1, len(rss) // 3)
    problems = []
    if f["rate"] < MIN_RATE:
        problems.append("flood rate %.0f/s < %d/s" % (f["rate"], MIN_RATE))
    if f["sources"] < 1000:
        problems.append("fewer than 1,000 sources")
    if f["worstSourceRatio"] > 1.0:
        problems.append("a spoofed source got back %.3f x what it sent" % f["worstSourceRatio"])
    if max(r["pairedAtS"], r["calledAtS"]) >= f["seconds"]:
        problems.append("pairing/call finished after the flood ended")
    if r["bobCookieReplies"] < f["sent"] // 2:
        problems.append("Bob was not under load (only %d cookie replies)" % r["bobCookieReplies"])
    if max(rss) - r["before"]["rssMb"] > MAX_RSS_GROWTH_MB:
        problems.append("RSS grew %.1f MB during the flood" % (max(rss) - r["before"]["rssMb"]))
    if sum(rss[-third:]) / third - sum(rss[:third]) / third > MAX_TREND_MB:
        problems.append("RSS kept growing during the flood")
    return problems


def update_doc(path, fig):
    text = open(path, encoding="utf-8").read()
    rows = "\n".join("| %s | %s |" % (k, v) for k, v in fig.items())
    section = ("<!-- cookie-soak:begin (generated by tests/soak/cookie_soak.py --update-doc) -->\n"
               "| figure | value |\n|---|---:|\n" + rows + "\n<!-- cookie-soak:end -->")
    new = re.sub(r"<!-- cookie-soak:begin.*?<!-- cookie-soak:end -->", lambda m: section, text, flags=re.S)
    if new == text and section not in text:
        sys.exit("cookie_soak.py: no cookie-soak markers in " + path)
    open(path, "w", encoding="utf-8").write(new)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sim", required=True)
    ap.add_argument("--flooder", required=True)
    ap.add_argument("--update-doc", action="store_true", help="write the figures into docs/performance.md")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="cookie-soak-")
    try:
        r = soak(args, work)
    except Exception as e:
        print("cookie soak FAILED: %s (logs in %s)" % (e, work))
        return 1
    fig = figures(r)
    print(json.dumps(fig, indent=1))
    problems = check(r)
    if problems:
        print("cookie soak FAILED: " + "; ".join(problems) + " (logs in %s)" % work)
        return 1
    if args.update_doc:
        update_doc(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "performance.md"), fig)
    shutil.rmtree(work, ignore_errors=True)
    print("cookie soak passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
