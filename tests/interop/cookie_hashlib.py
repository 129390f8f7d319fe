# SPDX-License-Identifier: MIT
"""The stateless cookie's keyed BLAKE2b (docs/protocol.md §11) checked against an independent
implementation: Python's hashlib.blake2b (CPython's own BLAKE2 code, not libsodium).

Loads the production library (libphonecrypto.so, ctypes) and, for random keys, datagrams and
source addresses:
  - mac1 and mac2 written by pc_cookie_stamp equal hashlib's BLAKE2b(key=..., digest_size=16);
  - a first message stamped by hashlib passes pc_cookie_check (mac1), and with the cookie from a
    real pc_cookie_reply/pc_cookie_open round trip, mac2 too; one flipped bit fails it;
  - the derivation mac1_key = BLAKE2b-256("phone/v2/mac1" || K) through pc_hash equals hashlib's.
Usage: python3 cookie_hashlib.py <path to libphonecrypto.so> <rounds>
"""
import ctypes
import hashlib
import os
import sys

MAC, MACS, KEY, SEALED = 16, 32, 32, 56
MAC1_OK, MAC2_OK = 1, 2


def buf(data):
    return (ctypes.c_uint8 * len(data)).from_buffer_copy(bytes(data))


def mac16(key, data):
    return hashlib.blake2b(bytes(data), key=bytes(key), digest_size=MAC).digest()


def main():
    lib = ctypes.CDLL(sys.argv[1])
    rounds = int(sys.argv[2])
    if lib.pc_selftest() != 0:
        sys.exit("pc_selftest failed")
    failures = 0

    def expect(cond, what):
        nonlocal failures
        if not cond:
            failures += 1
            print("FAIL:", what)

    for label in (b"phone/v2/mac1", b"phone/v2/cookie"):
        for k in (b"", os.urandom(32)):
            out = buf(bytes(32))
            lib.pc_hash(buf(label + k), len(label + k), out, 32)
            expect(bytes(out) == hashlib.blake2b(label + k, digest_size=32).digest(), "key derivation " + label.decode())

    for r in range(rounds):
        mac1_key, cookie_key = os.urandom(KEY), os.urandom(KEY)
        n = 171 + r % 40
        body = os.urandom(n - MACS)
        source = os.urandom(6)
        epoch = 10 + r // 100

        # Native stamp without a cookie against hashlib.
        d = buf(body + bytes(MACS))
        expect(lib.pc_cookie_stamp(buf(mac1_key), KEY, None, 0, d, n, 0, n) == n, "stamp")
        expect(bytes(d)[n - MACS:n - MAC] == mac16(mac1_key, body), "mac1 (stamp) round %d" % r)
        expect(bytes(d)[n - MAC:] == bytes(MAC), "mac2 zero without a cookie")

        # hashlib stamp, native check.
        mine = body + mac16(mac1_key, body) + bytes(MAC)
        flags = lib.pc_cookie_check(buf(mac1_key), KEY, buf(source), 6, epoch, buf(mine), n, 0, n)
        expect(flags == MAC1_OK, "check of hashlib's mac1: flags %d" % flags)

        # A real cookie: reply and open through the core, then mac2 by hashlib and by the core.
        reply, cookie = buf(bytes(SEALED)), buf(bytes(MAC))
        expect(lib.pc_cookie_reply(buf(cookie_key), KEY, buf(source), 6, epoch, buf(mine), n, 0, n,
                                   reply, SEALED, 0) == SEALED, "reply")
        expect(lib.pc_cookie_open(buf(cookie_key), KEY, buf(mine[n - MACS:n - MAC]), MAC, reply, SEALED, 0,
                                  cookie, MAC) == MAC, "open")
        with_mac2 = mine[:n - MAC] + mac16(bytes(cookie), mine[:n - MAC])
        flags = lib.pc_cookie_check(buf(mac1_key), KEY, buf(source), 6, epoch, buf(with_mac2), n, 0, n)
        expect(flags == MAC1_OK | MAC2_OK, "check of hashlib's mac2: flags %d" % flags)
        d = buf(mine)
        lib.pc_cookie_stamp(buf(mac1_key), KEY, cookie, MAC, d, n, 0, n)
        expect(bytes(d) == with_mac2, "native mac2 equals hashlib's")
        flipped = bytearray(with_mac2)
        flipped[r % (n - MAC)] ^= 1 << (r % 8)
        flags = lib.pc_cookie_check(buf(mac1_key), KEY, buf(source), 6, epoch, buf(flipped), n, 0, n)
        expect(not flags & MAC2_OK, "a flipped bit fails mac2")

    print("cookie BLAKE2b vs hashlib: %d rounds, %d failures" % (rounds, failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
