// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// Every sending key of one session by (sender's role, key phase), from the native
    /// trace: Split()'s keys at phase 0x00, each ratchet's new key, each DH re-key's keys
    /// at (generation, epoch 0). Opens SECURE packets with .NET's ChaCha20-Poly1305
    /// (OpenSSL), independent of the core that sealed them. The scenario stays below 16
    /// epochs per generation, so a phase names one key.
    /// </summary>
    internal sealed class KeyRing
    {
        private readonly Dictionary<(int, int), byte[]> _keys = new Dictionary<(int, int), byte[]>();

        public KeyRing(IEnumerable<TraceEntry> trace)
        {
            foreach (TraceEntry e in trace)
            {
                switch (e.Label)
                {
                    case "k_i2r": AddFirst(TraceEntry.RoleInitiator, 0, e.Data); break;
                    case "k_r2i": AddFirst(TraceEntry.RoleResponder, 0, e.Data); break;
                    case "ratchet_send": AddFirst(e.Role, (int)e.Index, e.Data); break;
                    case "rekey_k_i2r": AddFirst(TraceEntry.RoleInitiator, (int)(e.Index << 4), e.Data); break;
                    case "rekey_k_r2i": AddFirst(TraceEntry.RoleResponder, (int)(e.Index << 4), e.Data); break;
                }
            }
        }

        /// <summary>The key sender (PC_ROLE_*) sealed phase with, or null.</summary>
        public byte[] Find(int senderRole, int phase)
        {
            return _keys.TryGetValue((senderRole, phase), out var k) ? k : null;
        }

        /// <summary>The body of a SECURE packet (header length by inner kind), or null if it does not open.</summary>
        public static byte[] Open(byte[] key, byte[] packet, int headerLength)
        {
            if (key == null || packet.Length < headerLength + 16)
            {
                return null;
            }

            var nonce = new byte[12];
            Array.Copy(packet, 8, nonce, 4, 8);
            int bodyLength = packet.Length - headerLength - 16;
            var body = new byte[bodyLength];
            try
            {
                using var aead = new ChaCha20Poly1305(key);
                aead.Decrypt(nonce, packet.AsSpan(headerLength, bodyLength),
                    packet.AsSpan(packet.Length - 16, 16), body, packet.AsSpan(0, headerLength));
                return body;
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
        }

        private void AddFirst(int role, int phase, byte[] key)
        {
            _keys.TryAdd((role, phase), key);
        }
    }
}
