# SPDX-License-Identifier: MIT
"""Network namespaces for the LAN test bed: one switch namespace running the
lossy hub, one namespace per node with an eth0 veth into the switch. Every
namespace, veth and process is created here and removed in close() (also on
errors and signals); nothing touches the machine's own interfaces."""
import os
import signal
import subprocess
import tempfile
import time

PREFIX = "e2elan"


def sh(*args, check=True, capture=False):
    r = subprocess.run(list(args), check=False, text=True,
                       stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.PIPE if capture else None)
    if check and r.returncode != 0:
        raise RuntimeError("command failed (%d): %s\n%s" % (r.returncode, " ".join(args), (r.stderr or "").strip()))
    return r.stdout if capture else r.returncode


def remove_stale():
    """Namespaces left by a killed earlier run (its pid is gone)."""
    out = sh("ip", "netns", "list", capture=True, check=False) or ""
    for line in out.splitlines():
        name = line.split()[0] if line.split() else ""
        parts = name.split("-")
        if len(parts) >= 3 and parts[0] == PREFIX and parts[1].isdigit() and not os.path.exists("/proc/" + parts[1]):
            kill_namespace_processes(name)
            sh("ip", "netns", "del", name, check=False)


def kill_namespace_processes(ns):
    pids = sh("ip", "netns", "pids", ns, capture=True, check=False) or ""
    for pid in pids.split():
        try:
            os.kill(int(pid), signal.SIGKILL)
        except (ProcessLookupError, ValueError):
            pass


class Bed:
    def __init__(self, loss, delay_ms, jitter_ms):
        self.tag = "%s-%d" % (PREFIX, os.getpid())
        self.switch = self.tag + "-sw"
        self.nodes = {}  # name -> (namespace, address)
        self.procs = []
        self.dir = tempfile.mkdtemp(prefix="e2e-lan-")
        os.chmod(self.dir, 0o755)  # avahi-daemon (user avahi) reaches the private D-Bus socket here
        self.loss, self.delay, self.jitter = loss, delay_ms, jitter_ms
        self.hub = None
        remove_stale()
        sh("ip", "netns", "add", self.switch)
        self.exec_in(self.switch, "ip", "link", "set", "lo", "up")

    def ns(self, node):
        return self.nodes[node][0]

    def address(self, node):
        return self.nodes[node][1]

    def exec_in(self, ns, *args, check=True, capture=False):
        return sh("ip", "netns", "exec", ns, *args, check=check, capture=capture)

    def add_node(self, node, address):
        ns = "%s-%s" % (self.tag, node)
        sh("ip", "netns", "add", ns)
        port = "p-" + node
        sh("ip", "link", "add", "name", port, "netns", self.switch, "type", "veth", "peer", "name", "eth0", "netns", ns)
        self.exec_in(ns, "ip", "link", "set", "lo", "up")
        self.exec_in(ns, "ip", "addr", "add", address + "/24", "dev", "eth0")
        self.exec_in(ns, "ip", "link", "set", "eth0", "up")
        # veth leaves UDP checksums to "hardware" that does not exist; the hub copies
        # frames as they are, so the sender must fill them in itself
        self.exec_in(ns, "ethtool", "-K", "eth0", "tx", "off", capture=True)
        self.exec_in(self.switch, "ip", "link", "set", port, "up", "promisc", "on")
        self.nodes[node] = (ns, address)

    def start_hub(self):
        ports = ["p-" + n for n in self.nodes]
        here = os.path.dirname(os.path.abspath(__file__))
        self.hub = self.spawn(self.switch, ["/usr/bin/python3", os.path.join(here, "lossy_hub.py"),
                                            "--loss", str(self.loss), "--delay", str(self.delay),
                                            "--jitter", str(self.jitter)] + ports, log="hub.log")

    def move(self, node, new_address):
        """The node's DHCP lease changed: the old address goes, a new one comes."""
        ns, old = self.nodes[node]
        self.exec_in(ns, "ip", "addr", "del", old + "/24", "dev", "eth0")
        self.exec_in(ns, "ip", "addr", "add", new_address + "/24", "dev", "eth0")
        self.nodes[node] = (ns, new_address)

    def spawn(self, ns, argv, log=None, stdin=None, stdout=None, env=None):
        out = stdout if stdout is not None else open(os.path.join(self.dir, log or "proc.log"), "w")
        p = subprocess.Popen(["ip", "netns", "exec", ns] + argv, stdin=stdin, stdout=out,
                             stderr=subprocess.STDOUT if stdout is None else open(os.path.join(self.dir, (log or "proc") + ".err"), "w"),
                             text=True, env=env, start_new_session=True)
        self.procs.append(p)
        return p

    def close(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 3
        for p in self.procs:
            try:
                p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for ns, _ in list(self.nodes.values()) + [(self.switch, None)]:
            kill_namespace_processes(ns)
            sh("ip", "netns", "del", ns, check=False)
