// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Phone.Sim.Audio;
using Xunit;

namespace Phone.Tests.Binding
{
    /// <summary>
    /// The one-call-per-frame media entry points through the managed binding:
    /// the native codec against the managed G.711 reference for every 16-bit
    /// sample, hostile frames returned as a status with no PCM written, caller
    /// mistakes as exceptions, and the concealment scaling.
    /// </summary>
    public sealed class MediaBindingTests : IDisposable
    {
        private const int HeaderLength = TransportKeys.MinHeaderLength + 12;
        private const int Frame = PcmLayout.FrameSamples;
        private readonly string _root = Path.Combine(Path.GetTempPath(), "phone-media-" + Guid.NewGuid().ToString("N"));
        private readonly KeyStore _alice;
        private readonly KeyStore _bob;
        private readonly TransportKeys _a;
        private readonly TransportKeys _b;

        public MediaBindingTests()
        {
            CryptoCore.SelfTest();
            _alice = KeyStore.Open(Directory.CreateDirectory(Path.Combine(_root, "a")).FullName);
            _bob = KeyStore.Open(Directory.CreateDirectory(Path.Combine(_root, "b")).FullName);
            byte[] prologue = { 1 };
            using var i = new Handshake(_alice, NoisePattern.XX, NoisePattern.Initiator, prologue, null);
            using var r = new Handshake(_bob, NoisePattern.XX, NoisePattern.Responder, prologue, null);
            var message = new byte[1024];
            var payload = new byte[1024];
            r.ReadMessage(message, 0, i.WriteMessage(null, 0, message, 0), payload);
            i.ReadMessage(message, 0, r.WriteMessage(null, 0, message, 0), payload);
            r.ReadMessage(message, 0, i.WriteMessage(null, 0, message, 0), payload);
            _a = i.Split();
            _b = r.Split();
        }

        public void Dispose()
        {
            _a.Dispose();
            _b.Dispose();
            _alice.Dispose();
            _bob.Dispose();
            Directory.Delete(_root, true);
        }

        [Fact]
        public void Every_16_bit_sample_encodes_and_decodes_as_the_reference_codec()
        {
            var packet = new byte[TransportKeys.MaxPacketLength];
            var pcm = new byte[2 * Frame];
            var played = new byte[2 * Frame + 10];
            var samples = new short[Frame];
            for (int first = short.MinValue; first <= short.MaxValue; first += Frame)
            {
                for (int i = 0; i < Frame; i++)
                {
                    samples[i] = (short)Math.Min(first + i, short.MaxValue);
                }

                Buffer.BlockCopy(samples, 0, pcm, 0, pcm.Length);
                int length = _a.SealMedia(pcm, 0, PcmLayout.Pcm16, Frame, packet, 0, HeaderLength);
                Assert.Equal(HeaderLength + Frame + CryptoCore.TagLength, length);

                // the wire carries exactly the reference's µ-law bytes...
                var copy = (byte[])packet.Clone();
                var check = new byte[2 * Frame];
                Assert.Equal(Frame, _b.OpenMedia(packet, 0, HeaderLength, length, played, 10, Frame));
                Array.Copy(played, 10, check, 0, check.Length);
                Assert.Equal(MuLaw.RoundTripPcm(samples), check);
                // ...which a plain Open shows (a fresh packet: the first one is now accepted)
                length = _a.SealMedia(pcm, 0, PcmLayout.Pcm16, Frame, copy, 0, HeaderLength);
                Assert.Equal(Frame, _b.Open(copy, 0, HeaderLength, length));
                for (int i = 0; i < Frame; i++)
                {
                    Assert.Equal(MuLaw.Encode(samples[i]), copy[HeaderLength + i]);
                }
            }
        }

        [Fact]
        public void Hostile_frames_are_a_status_and_write_no_pcm()
        {
            var pcm = new byte[2 * Frame];
            var packet = new byte[TransportKeys.MaxPacketLength];
            int length = _a.SealMedia(pcm, 0, PcmLayout.Pcm16, Frame, packet, 0, HeaderLength);
            var played = new byte[2 * Frame];
            Array.Fill(played, (byte)0xEE);

            var forged = (byte[])packet.Clone();
            forged[HeaderLength + 5] ^= 1;
            Assert.Equal(CryptoStatus.AuthFailed, _b.OpenMedia(forged, 0, HeaderLength, length, played, 0, Frame));
            Assert.Equal(CryptoStatus.Malformed, _b.OpenMedia(packet, 0, HeaderLength, length, played, 0, Frame - 1));
            Assert.All(played, b => Assert.Equal(0xEE, b));
            Assert.Equal(Frame, _b.OpenMedia(packet, 0, HeaderLength, length, played, 0, Frame));
            Assert.Equal(CryptoStatus.Replay, _b.OpenMedia(packet, 0, HeaderLength, length, played, 0, Frame));
        }

        [Fact]
        public void Caller_mistakes_throw()
        {
            var pcm = new byte[2 * Frame];
            var packet = new byte[TransportKeys.MaxPacketLength];
            Assert.Throws<ArgumentException>(() => _a.SealMedia(pcm, 0, 3, Frame, packet, 0, HeaderLength));
            Assert.Throws<ArgumentException>(() => _a.SealMedia(pcm, 0, PcmLayout.I2s32, Frame, packet, 0, HeaderLength));
            Assert.Throws<ArgumentException>(() => _a.SealMedia(pcm, 0, PcmLayout.Pcm16, Frame, new byte[100], 0, HeaderLength));
            Assert.Throws<ArgumentException>(() => _b.OpenMedia(packet, 0, HeaderLength, 200, pcm, 2, Frame));
            Assert.Throws<ArgumentException>(() => Concealment.Attenuate(pcm, 0, 2, Frame - 1, 128));
        }

        [Fact]
        public void Concealment_scales_a_frame_into_another_slot()
        {
            var pcm = new byte[4 * Frame];
            var samples = new short[Frame];
            for (int i = 0; i < Frame; i++)
            {
                samples[i] = (short)(i * 200 - 16000);
            }

            Buffer.BlockCopy(samples, 0, pcm, 0, 2 * Frame);
            Concealment.Attenuate(pcm, 0, 2 * Frame, Frame, 128);
            for (int i = 0; i < Frame; i++)
            {
                Assert.Equal(samples[i] * 128 / 256, BitConverter.ToInt16(pcm, 2 * Frame + 2 * i));
            }
        }
    }
}
