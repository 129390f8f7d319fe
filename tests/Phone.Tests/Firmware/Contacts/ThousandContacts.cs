// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Phone.Crypto;

namespace Phone.Tests.Firmware.Contacts
{
    /// <summary>
    /// A key store holding 1,000 pinned contacts, each paired for real (an XX handshake with a peer
    /// whose identity a factory reset renews each time), built once for the tests that share it.
    /// Names start with every letter, in both cases, so the list's order and jumps are exercised.
    /// </summary>
    public sealed class ThousandContacts : IDisposable
    {
        public const int Count = 1000;

        private static readonly byte[] Prologue = Encoding.ASCII.GetBytes("book");

        public ThousandContacts()
        {
            CryptoCore.SelfTest();
            string root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
            Root = Path.Combine(root, "phone-book-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
            PhoneDirectory = Path.Combine(Root, "phone");
            string peerDirectory = Path.Combine(Root, "peer");
            Keys = new byte[Count][];
            Names = new string[Count];
            using (KeyStore phone = KeyStore.Open(PhoneDirectory))
            {
                KeyStore peer = KeyStore.Open(peerDirectory);
                for (int i = 0; i < Count; i++)
                {
                    peer = i == 0 ? peer : KeyStore.FactoryReset(peer, peerDirectory);
                    Names[i] = NameOf(i);
                    Keys[i] = peer.IdentityPublicKey();
                    using TransportKeys keys = Pair(phone, peer);
                    if (phone.Pin(keys, Names[i], i % 3 == 0 ? ContactRecord.FlagVerified : 0) != i)
                    {
                        throw new InvalidOperationException("pin " + i + " did not take index " + i);
                    }
                }

                peer.Dispose();
            }
        }

        public string Root { get; }

        /// <summary>The phone's store directory (open it with KeyStore.Open or a TestPhone).</summary>
        public string PhoneDirectory { get; }

        /// <summary>Contact i's static key and name (contact i has index i).</summary>
        public byte[][] Keys { get; }

        public string[] Names { get; }

        /// <summary>Indices in the order the list must show them: ASCII letters case-blind, then by index.</summary>
        public int[] NameOrder()
        {
            return Enumerable.Range(0, Count)
                .OrderBy(i => Folded(Names[i]), Comparer<byte[]>.Create(CompareBytes))
                .ThenBy(i => i)
                .ToArray();
        }

        public static byte[] Folded(string name)
        {
            return Encoding.UTF8.GetBytes(name).Select(b => b >= 'a' && b <= 'z' ? (byte)(b - 32) : b).ToArray();
        }

        public void Dispose()
        {
            Directory.Delete(Root, true);
        }

        // "<Letter><index>" with a shared 9-letter stem for some, so 8-byte prefixes tie.
        private static string NameOf(int i)
        {
            char letter = (char)('A' + ((i * 7) % 26));
            string first = i % 5 == 0 ? char.ToLowerInvariant(letter).ToString() : letter.ToString();
            return i % 4 == 0 ? first + "lexandria " + (999 - i).ToString("D3") : first + "name " + i.ToString("D4");
        }

        private static int CompareBytes(byte[] a, byte[] b)
        {
            for (int k = 0; k < a.Length && k < b.Length; k++)
            {
                if (a[k] != b[k])
                {
                    return a[k] - b[k];
                }
            }

            return a.Length - b.Length;
        }

        private static TransportKeys Pair(KeyStore phone, KeyStore peer)
        {
            using var initiator = new Handshake(phone, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var responder = new Handshake(peer, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            var message = new byte[1024];
            var payload = new byte[1024];
            for (int step = 0; step < 3; step++)
            {
                Handshake from = step == 1 ? responder : initiator;
                Handshake to = step == 1 ? initiator : responder;
                int length = from.WriteMessage(payload, 0, message, 0);
                to.ReadMessage(message, 0, length, payload);
            }

            responder.Split().Dispose();
            return initiator.Split();
        }
    }
}
