// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Xunit;

namespace Phone.Tests.Binding
{
    /// <summary>
    /// The managed binding against the real native library: handshakes between two handles,
    /// the transport round trip, hostile input returned as a status, caller mistakes as exceptions.
    /// </summary>
    public sealed class BindingTests : IDisposable
    {
        private const int HeaderLength = TransportKeys.MinHeaderLength + 12; // + an RTP header
        private readonly string _root = Path.Combine(Path.GetTempPath(), "phone-binding-" + Guid.NewGuid().ToString("N"));
        private readonly KeyStore _alice;
        private readonly KeyStore _bob;

        public BindingTests()
        {
            CryptoCore.SelfTest();
            _alice = KeyStore.Open(NewDirectory("alice"));
            _bob = KeyStore.Open(NewDirectory("bob"));
        }

        public void Dispose()
        {
            _alice.Dispose();
            _bob.Dispose();
            Directory.Delete(_root, true);
        }

        [Fact]
        public void XX_between_two_handles_agrees_on_hash_and_static_keys()
        {
            using var initiator = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var responder = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, Prologue, null);

            Exchange(initiator, responder, "hello");
            Exchange(responder, initiator, "bob here");
            Exchange(initiator, responder, "alice here");

            Assert.Equal(Handshake.StepDone, initiator.Step);
            Assert.Equal(Handshake.StepDone, responder.Step);
            Assert.Equal(initiator.HandshakeHash(), responder.HandshakeHash());
            Assert.Equal(_bob.IdentityPublicKey(), initiator.RemoteStatic());
            Assert.Equal(_alice.IdentityPublicKey(), responder.RemoteStatic());

            using var a = initiator.Split();
            using var b = responder.Split();
            AssertRoundTrip(a, b, 0x11);
            AssertRoundTrip(b, a, 0x22);
        }

        [Fact]
        public void IK_completes_in_one_round_trip_to_a_known_static_key()
        {
            using var initiator = new Handshake(_alice, NoisePattern.IK, NoisePattern.Initiator, Prologue,
                _bob.IdentityPublicKey());
            using var responder = new Handshake(_bob, NoisePattern.IK, NoisePattern.Responder, Prologue, null);

            Exchange(initiator, responder, "call");
            Assert.Equal(_alice.IdentityPublicKey(), responder.RemoteStatic());
            Exchange(responder, initiator, "answer");

            Assert.Equal(Handshake.StepDone, initiator.Step);
            Assert.Equal(Handshake.StepDone, responder.Step);
            using var a = initiator.Split();
            using var b = responder.Split();
            AssertRoundTrip(a, b, 0x33);
            AssertRoundTrip(b, a, 0x44);
        }

        [Fact]
        public void IK_to_the_wrong_static_key_is_refused_and_the_responder_is_unchanged()
        {
            using var impostorTarget = new Handshake(_alice, NoisePattern.IK, NoisePattern.Initiator, Prologue,
                _alice.IdentityPublicKey());
            using var genuine = new Handshake(_alice, NoisePattern.IK, NoisePattern.Initiator, Prologue,
                _bob.IdentityPublicKey());
            using var responder = new Handshake(_bob, NoisePattern.IK, NoisePattern.Responder, Prologue, null);

            var wrong = new byte[1024];
            int wrongLength = impostorTarget.WriteMessage(null, 0, wrong, 0);
            var payload = new byte[1024];
            Assert.Equal(CryptoStatus.AuthFailed, responder.ReadMessage(wrong, 0, wrongLength, payload));
            Assert.Equal(Handshake.StepRead, responder.Step);

            Exchange(genuine, responder, "still works");
        }

        [Fact]
        public void Tampered_and_replayed_packets_are_returned_as_status_and_change_nothing()
        {
            var (a, b) = Connected();
            using (a)
            using (b)
            {
                var packet = new byte[TransportKeys.MaxPacketLength];
                int length = SealSample(a, packet, 0x55);
                var captured = (byte[])packet.Clone();

                for (int at = 0; at < length; at += 7)
                {
                    var tampered = (byte[])captured.Clone();
                    tampered[at] ^= 0x01;
                    var before = (byte[])tampered.Clone();
                    int r = b.Open(tampered, 0, HeaderLength, length);
                    Assert.True(r == CryptoStatus.AuthFailed || r == CryptoStatus.KeyPhase || r == CryptoStatus.Replay,
                        "byte " + at + " gave " + r);
                    Assert.Equal(before, tampered);
                }

                Assert.Equal(160, b.Open(packet, 0, HeaderLength, length));
                var replay = (byte[])captured.Clone();
                Assert.Equal(CryptoStatus.Replay, b.Open(replay, 0, HeaderLength, length));
                Assert.Equal(captured, replay);
                Assert.Equal(CryptoStatus.Malformed, b.Open(replay, 0, HeaderLength, HeaderLength + 15));
            }
        }

        [Fact]
        public void Caller_mistakes_surface_as_exceptions()
        {
            Assert.Throws<ArgumentException>(() => new Handshake(_alice, 99, NoisePattern.Initiator, null, null));
            Assert.Throws<ArgumentException>(() =>
                new Handshake(_alice, NoisePattern.IK, NoisePattern.Initiator, null, null)); // IK needs rs

            var responder = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            var output = new byte[1024];
            Assert.Throws<InvalidOperationException>(() => responder.WriteMessage(null, 0, output, 0));
            Assert.Throws<ArgumentException>(() => responder.ReadMessage(output, 2000, 10, output));
            responder.Dispose();
            Assert.Throws<ObjectDisposedException>(() => responder.Step);

            using var initiator = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            Assert.Throws<ArgumentException>(() => initiator.WriteMessage(null, 0, new byte[8], 0)); // too small

            var (a, b) = Connected();
            b.Dispose();
            Assert.Throws<ObjectDisposedException>(() => b.Seal(new byte[64], 0, HeaderLength, 8));
            Assert.Throws<ArgumentException>(() => a.Seal(new byte[64], 0, 4, 8)); // header below 16 bytes
            a.Dispose();
        }

        [Fact]
        public void A_corrupt_store_is_reported_and_left_untouched()
        {
            string dir = NewDirectory("carol");
            KeyStore.Open(dir).Dispose();
            foreach (int record in new[] { 0, 1 })
            {
                string copy = Path.Combine(dir, "flash", record + ".rec"); // both identity copies damaged
                byte[] bytes = File.ReadAllBytes(copy);
                bytes[60] ^= 0xA5;
                File.WriteAllBytes(copy, bytes);
            }

            byte[] image = File.ReadAllBytes(Path.Combine(dir, "flash", "0.rec"));
            var error = Assert.Throws<CryptoException>(() => KeyStore.Open(dir));
            Assert.Equal(CryptoStatus.Corrupt, error.Status);
            Assert.Equal(image, File.ReadAllBytes(Path.Combine(dir, "flash", "0.rec")));
        }

        private string NewDirectory(string name)
        {
            return Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        }

        private static readonly byte[] Prologue = { (byte)'t', (byte)'e', (byte)'s', (byte)'t' };

        private static void Exchange(Handshake from, Handshake to, string text)
        {
            byte[] payload = System.Text.Encoding.UTF8.GetBytes(text);
            var message = new byte[1024];
            int length = from.WriteMessage(payload, payload.Length, message, 3); // at an offset
            var received = new byte[1024];
            int n = to.ReadMessage(message, 3, length, received);
            Assert.Equal(text, System.Text.Encoding.UTF8.GetString(received, 0, n));
        }

        private (TransportKeys, TransportKeys) Connected()
        {
            using var initiator = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            using var responder = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
            Exchange(initiator, responder, "1");
            Exchange(responder, initiator, "2");
            Exchange(initiator, responder, "3");
            return (initiator.Split(), responder.Split());
        }

        private static int SealSample(TransportKeys from, byte[] packet, byte fill)
        {
            Array.Clear(packet);
            packet[0] = 1;
            for (int i = 0; i < 160; i++)
            {
                packet[HeaderLength + i] = (byte)(fill + i);
            }

            return from.Seal(packet, 0, HeaderLength, 160);
        }

        private static void AssertRoundTrip(TransportKeys from, TransportKeys to, byte fill)
        {
            var packet = new byte[TransportKeys.MaxPacketLength];
            int length = SealSample(from, packet, fill);
            Assert.Equal(HeaderLength + 160 + CryptoCore.TagLength, length);
            int unchanged = 0; // the body is encrypted on the wire
            for (int i = 0; i < 160; i++)
            {
                unchanged += packet[HeaderLength + i] == (byte)(fill + i) ? 1 : 0;
            }

            Assert.True(unchanged < 10, unchanged + " of 160 body bytes went out in the clear");
            Assert.Equal(160, to.Open(packet, 0, HeaderLength, length));
            for (int i = 0; i < 160; i++)
            {
                Assert.Equal((byte)(fill + i), packet[HeaderLength + i]);
            }
        }
    }
}
