# SPDX-License-Identifier: MIT
"""One simulated phone (`Phone.Sim agent`) in a namespace, driven over its JSON-lines protocol."""
import json
import queue
import subprocess
import threading
import time


class Agent:
    def __init__(self, bed, node, sim_dll, name, flash, extra=()):
        self.name = name
        self.lines = queue.Queue()
        self.events = []
        self.next_id = 1
        argv = ["dotnet", sim_dll, "agent", "--name", name, "--host", "0.0.0.0", "--port", "5060",
                "--flash", flash, "--lan", "eth0", "--auto-answer"] + list(extra)
        self.proc = bed.spawn(bed.ns(node), argv, log=node, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        threading.Thread(target=self._read, daemon=True).start()
        self.ready = self.wait(lambda l: l.get("type") == "ready", 30, "ready")

    def _read(self):
        for line in self.proc.stdout:
            try:
                self.lines.put(json.loads(line))
            except ValueError:
                pass
        self.lines.put(None)

    def _pump(self, timeout):
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is None:
            raise RuntimeError("%s exited (code %s)" % (self.name, self.proc.poll()))
        self.events.append(line)
        return line

    def wait(self, match, seconds, what, since=0):
        for line in self.events[since:]:
            if match(line):
                return line
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            line = self._pump(max(0.01, deadline - time.monotonic()))
            if line is not None and match(line):
                return line
        raise TimeoutError("%s: no %s within %.0f s" % (self.name, what, seconds))

    def wait_event(self, kind, seconds, since=0):
        return self.wait(lambda l: l.get("type") == "event" and l.get("name") == kind, seconds, kind, since)

    def mark(self):
        while self._pump(0) is not None:
            pass
        return len(self.events)

    def cmd(self, text, seconds=10):
        i = self.next_id
        self.next_id += 1
        self.proc.stdin.write("%d %s\n" % (i, text))
        self.proc.stdin.flush()
        reply = self.wait(lambda l: l.get("type") == "reply" and l.get("id") == i, seconds, "reply to " + text)
        return reply

    def must(self, text, seconds=10):
        reply = self.cmd(text, seconds)
        if not reply.get("ok"):
            raise RuntimeError("%s: '%s' failed: %s" % (self.name, text, reply.get("error")))
        return reply

    def phones(self):
        """{name: (fingerprint, address)} of the phones this one has found."""
        fields = self.must("phones").get("fields", {})
        found = {}
        for item in filter(None, (fields.get("phones") or "").split("|")):
            name, rest = item.split("=", 1)
            fp, address = rest.split("@", 1)
            found[name] = (fp, address)
        return found

    def wait_phones(self, want, seconds, what):
        """Polls `phones` until want(found) is true."""
        deadline = time.monotonic() + seconds
        found = {}
        while time.monotonic() < deadline:
            found = self.phones()
            if want(found):
                return found
            time.sleep(0.3)
        raise TimeoutError("%s: %s not seen within %.0f s (found %s)" % (self.name, what, seconds, found))
