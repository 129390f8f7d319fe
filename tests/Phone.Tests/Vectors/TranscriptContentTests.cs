// SPDX-License-Identifier: MIT
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Phone.Crypto;
using Phone.Firmware.Pairing;
using Xunit;

namespace Phone.Tests.Vectors
{
    /// <summary>
    /// What the committed transcript says can be checked without the firmware, from
    /// docs/protocol.md alone: the code and words from h2 and the nonces (§5), the
    /// commitment, every listed SECURE packet opened by .NET's ChaCha20-Poly1305 (OpenSSL)
    /// under the key the transcript names (§6), each ratchet key as REKEY of the one
    /// before (§9.2), the re-key's keys on the first packets of generation 1 (§9.3), one
    /// counter per direction (§6.2), the RTP header (§8), the PSK chain (§7.6).
    /// BLAKE2b-256 comes from the product core (libphonecrypto), not the test build.
    /// </summary>
    public class TranscriptContentTests
    {
        private static readonly JsonElement Root = Transcript.Root();
        private static readonly JsonElement Pairing = Root.GetProperty("pairing");
        private static readonly JsonElement Call = Root.GetProperty("call");

        [Fact]
        public void The_code_and_words_follow_from_h2_and_both_nonces()
        {
            byte[] digest = Blake2b256("phone/v1/sas", Pairing.Hex("h_after_message_2"),
                Pairing.Hex("initiator_nonce"), Pairing.Hex("responder_nonce"));
            int code = (int)(BinaryPrimitives.ReadUInt64LittleEndian(digest) % 1000000);

            Assert.Equal(code.ToString("D6").Insert(3, " "), Pairing.Text("code"));
            string words = PgpWords.Even[code >> 16 & 0xFF] + " " + PgpWords.Odd[code >> 8 & 0xFF] + " "
                + PgpWords.Even[code & 0xFF];
            Assert.Equal(words, Pairing.Text("words"), ignoreCase: true);
            Assert.Equal(Pairing.Hex("h_after_message_2"), Messages(Pairing)[1].Hex("h"));
        }

        [Fact]
        public void The_commitment_opens_to_the_initiator_nonce_and_travels_in_pair_1()
        {
            byte[] commitment = Pairing.Hex("commitment");
            Assert.Equal(Blake2b256("phone/v1/commit", Pairing.Hex("initiator_nonce")), commitment);
            Assert.Equal(commitment, Messages(Pairing)[0].Hex("payload"));
            Assert.Contains(Datagrams(Pairing), d => d.Text("from") == Pairing.GetProperty("handshake").Text("initiator")
                && d.Text("bytes").Contains(Convert.ToHexStringLower(commitment)));
        }

        [Fact]
        public void Every_listed_secure_packet_opens_under_its_key_and_a_flipped_tag_does_not()
        {
            int opened = 0;
            foreach (JsonElement d in Datagrams(Pairing).Concat(Datagrams(Call)).Where(IsSecure))
            {
                byte[] packet = d.Hex("bytes");
                Assert.Equal(d.Hex("plaintext"), SecureOpen(d.Hex("key"), packet));
                packet[packet.Length - 1] ^= 1;
                Assert.Null(SecureOpen(d.Hex("key"), packet));
                opened++;
            }

            Assert.True(opened >= 20, "only " + opened + " SECURE packets listed");
        }

        [Fact]
        public void Each_ratchet_key_is_rekey_of_the_senders_key_before()
        {
            JsonElement hs = Call.GetProperty("handshake");
            var current = new Dictionary<string, byte[]>
            {
                [hs.Text("initiator")] = hs.Hex("k_i2r"),
                [hs.Text("responder")] = hs.Hex("k_r2i"),
            };
            var ratchets = Call.GetProperty("ratchets").EnumerateArray().ToList();
            Assert.True(ratchets.Count >= 2, "the call has " + ratchets.Count + " ratchets");
            foreach (JsonElement r in ratchets)
            {
                string sender = r.Text("sender");
                Assert.True(r.GetProperty("phase").GetInt32() >> 4 == 0, "a ratchet after the re-key: extend this test");
                Assert.Equal(Rekey(current[sender]), r.Hex("key"));
                current[sender] = r.Hex("key");
            }
        }

        [Fact]
        public void The_first_packets_of_generation_1_are_sealed_under_the_rekeys_keys()
        {
            JsonElement rekey = Call.GetProperty("rekeys")[0];
            Assert.Equal(1, rekey.GetProperty("generation").GetInt32());
            string offerer = rekey.Text("offerer");
            var firsts = Datagrams(Call).Where(d => IsSecure(d) && d.GetProperty("phase").GetInt32() == 0x10).ToList();
            Assert.Contains(firsts, d => d.Text("from") == offerer);
            Assert.Contains(firsts, d => d.Text("from") != offerer);
            foreach (JsonElement d in firsts)
            {
                Assert.Equal(rekey.Hex(d.Text("from") == offerer ? "k_i2r" : "k_r2i"), d.Hex("key"));
            }
        }

        [Fact]
        public void Each_direction_counts_its_packets_with_one_counter_from_0()
        {
            foreach (JsonElement section in new[] { Pairing, Call })
            {
                foreach (var direction in Datagrams(section).Where(IsSecure).GroupBy(d => d.Text("from")))
                {
                    long[] counters = direction.Select(d => d.GetProperty("counter").GetInt64()).ToArray();
                    Assert.Equal(0, counters[0]);
                    for (int i = 1; i < counters.Length; i++)
                    {
                        Assert.True(counters[i] > counters[i - 1], direction.Key + ": counter " + counters[i]
                            + " after " + counters[i - 1]);
                    }
                }
            }
        }

        [Fact]
        public void Media_packets_carry_rtp_pcmu_and_the_first_of_each_side_is_marked()
        {
            var media = Datagrams(Call).Where(d => d.Text("type") == "SECURE/MEDIA").ToList();
            foreach (JsonElement d in media)
            {
                byte[] b = d.Hex("bytes");
                Assert.Equal(0x80, b[16]);
                Assert.Equal(0, b[17] & 0x7F);
                Assert.Equal(160, d.Hex("plaintext").Length);
            }

            foreach (var side in media.GroupBy(d => d.Text("from")))
            {
                Assert.Equal(0x80, side.First().Hex("bytes")[17] & 0x80);
            }
        }

        [Fact]
        public void The_call_uses_the_pairings_resumption_as_psk_generation_1_and_both_store_generation_2()
        {
            Assert.Equal(Pairing.GetProperty("handshake").Hex("resumption"), Call.Hex("psk"));
            Assert.Equal(1, Call.GetProperty("psk_generation").GetInt32());
            JsonElement stored = Call.GetProperty("stored_generations");
            Assert.Equal(2, stored.GetProperty("alice_newest").GetInt32());
            Assert.Equal(1, stored.GetProperty("alice_previous").GetInt32());
            Assert.Equal(2, stored.GetProperty("bob_newest").GetInt32());
            Assert.Equal(1, stored.GetProperty("bob_previous").GetInt32());
            uint callId = (uint)Call.GetProperty("call_id").GetInt64();
            Assert.NotEqual(0u, callId);
            Assert.Equal(callId, BinaryPrimitives.ReadUInt32LittleEndian(Messages(Call)[1].Hex("payload")));
        }

        [Fact]
        public void The_hybrid_sample_mixes_an_ml_kem_768_step_into_its_xx()
        {
            JsonElement hybrid = Root.GetProperty("hybrid_handshake");
            Assert.True(hybrid.GetProperty("hybrid_ml_kem").GetBoolean());
            Assert.Equal(CryptoCore.KemPublicKeyLength, hybrid.Hex("kem_public").Length);
            Assert.Equal(CryptoCore.KemCiphertextLength, hybrid.Hex("kem_ciphertext").Length);
            Assert.Equal(32, hybrid.Hex("kem_secret").Length);
            Assert.Equal(3, hybrid.GetProperty("noise_messages").GetArrayLength());
            Assert.False(Pairing.GetProperty("handshake").GetProperty("hybrid_ml_kem").GetBoolean()
                && Pairing.GetProperty("handshake").GetProperty("kem_secret").ValueKind == JsonValueKind.Null);
        }

        private static List<JsonElement> Datagrams(JsonElement section) =>
            section.GetProperty("datagrams").EnumerateArray().ToList();

        private static List<JsonElement> Messages(JsonElement section) =>
            section.GetProperty("handshake").GetProperty("messages").EnumerateArray().ToList();

        private static bool IsSecure(JsonElement d) => d.Text("type").StartsWith("SECURE/");

        private static byte[] Blake2b256(string label, params byte[][] parts)
        {
            byte[] input = Encoding.ASCII.GetBytes(label).Concat(parts.SelectMany(p => p)).ToArray();
            var digest = new byte[32];
            CryptoCore.SelfTest(); // opens the product core's gate (idempotent)
            CryptoCore.Hash(input, digest);
            return digest;
        }

        /// <summary>§6: ENCRYPT(key, counter, AD = header, body) with the 12-byte nonce 0^4 || LE64(counter).</summary>
        private static byte[] SecureOpen(byte[] key, byte[] packet)
        {
            int header = packet[3] == 1 ? 28 : 16;
            var nonce = new byte[12];
            Array.Copy(packet, 8, nonce, 4, 8);
            var body = new byte[packet.Length - header - 16];
            try
            {
                using var aead = new ChaCha20Poly1305(key);
                aead.Decrypt(nonce, packet.AsSpan(header, body.Length), packet.AsSpan(packet.Length - 16), body,
                    packet.AsSpan(0, header));
                return body;
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
        }

        /// <summary>§1.1: REKEY(k) = ENCRYPT(k, 2^64-1, "", 32 zero bytes)[0..32).</summary>
        private static byte[] Rekey(byte[] key)
        {
            byte[] nonce = { 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
            var next = new byte[32];
            using var aead = new ChaCha20Poly1305(key);
            aead.Encrypt(nonce, new byte[32], next, new byte[16]);
            return next;
        }
    }
}
