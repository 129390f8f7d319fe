#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test.sh: parallel
# Live interop: our native Noise core (tests/interop/driver.c, test build) against
# independent npm implementations (noise-handshake@4.2.0, noise-c.wasm@0.4.0), both
# roles, XX / IK / IKpsk2, random keys, then transport messages both ways.
# With noise-handshake also the phone's session layer as docs/protocol.md states it
# (tests/interop/phone_keys.js on Node's own crypto): root/resumption, sealed packets,
# ratchet, DH re-key, one counter per session, 2^64-1 refused.
# Then our ML-KEM-768 (PQClean through the core) against npm @noble/post-quantum@0.7.1: 1,000
# random key pairs and encapsulations each way, equal secrets, implicit rejection agreeing.
# Then the stateless cookie's keyed BLAKE2b (mac1, mac2, key derivation; protocol.md §11) through
# the production library against Python's hashlib (tests/interop/cookie_hashlib.py).
# And the transcript vectors (tests/vectors/transcript.json): every handshake message replayed
# by noise-handshake from the recorded keys (the hybrid sample with the ML-KEM step of §5.1
# mixed in), h, ck and the session keys, packets opened, ratchet
# and re-key derivations redone on Node's OpenSSL, code and words from @noble/hashes@2.4.0 and
# protocol.md Appendix A (tests/interop/transcript_vectors.js), with a must-fail control.
set -euo pipefail
build=build/interop
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j 2 --target noise_interop_driver mlkem_interop_driver phonecrypto
(cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
node tests/interop/run_all.js "$build/tests/native/interop/noise_interop_driver" 5
node tests/interop/mlkem_noble.js "$build/tests/native/interop/mlkem_interop_driver" 1000
python3 tests/interop/cookie_hashlib.py "$build/native/libphonecrypto.so" 1000
node tests/interop/transcript_vectors.js tests/vectors/transcript.json docs/protocol.md
