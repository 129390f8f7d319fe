// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Fuzz.Datagram
{
    /// <summary>
    /// The seed corpus: a genuine PAIR_1 from a real phone (so the fuzzer starts
    /// past the length and version checks, into the handshake path), an ERROR
    /// datagram, SECURE datagrams of both inner kinds, and first messages of each
    /// handshake type at their minimum length.
    /// </summary>
    public sealed class Seeds : IDatagramTransport, IClock, IDisplay
    {
        private readonly List<byte[]> _sent = new List<byte[]>();

        long IClock.NowMilliseconds => 1_000;

        void IDatagramTransport.Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            _sent.Add(buffer.AsSpan(offset, count).ToArray());
        }

        void IDisplay.Show(Screen screen)
        {
        }

        public static int Write(string directory)
        {
            Directory.CreateDirectory(directory);
            string flash = Path.Combine(Path.GetTempPath(), "phone-fuzz-seeds-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(flash);
            try
            {
                var seeds = new Seeds();
                CryptoCore.SelfTest();
                using (var store = KeyStore.Open(flash))
                {
                    var phone = new PhoneCore(new PhoneConfig { Name = "seed" }, store, seeds, seeds, seeds, null, null);
                    phone.Start();
                    phone.Pair(new NetAddress(10, 0, 0, 1, 5002));
                    phone.Dispose();
                }

                Save(directory, "pair1-genuine", seeds._sent[0]);
                var error = new byte[WireFormat.ErrorLength];
                ErrorDatagram.Write(error, ErrorCode.Busy, 0x01020304);
                Save(directory, "error-busy", error);
                Save(directory, "secure-control", Secure(InnerKind.Control, 48));
                Save(directory, "secure-media", Secure(InnerKind.Media, 200));
                foreach (byte type in new[] { MessageType.Call1, MessageType.Verify1, MessageType.Pair3,
                                              MessageType.CallFallback })
                {
                    var first = new byte[WireFormat.HandshakeBodyOffset + 140];
                    HandshakeDatagram.WriteHeader(first, type, 0x11223344, 0);
                    Save(directory, "first-" + MessageType.Name(type).ToLowerInvariant(), first);
                }

                return 0;
            }
            finally
            {
                Directory.Delete(flash, true);
            }
        }

        private static byte[] Secure(byte innerKind, int length)
        {
            var packet = new byte[length];
            SecureHeader.Write(packet, innerKind, 0x55667788);
            return packet;
        }

        private static void Save(string directory, string name, byte[] bytes)
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }
    }
}
