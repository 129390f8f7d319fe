// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.Firmware.Media;
using Phone.Firmware.Wire;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    public class WireTests
    {
        [Fact]
        public void Handshake_header_round_trips_little_endian_ids()
        {
            var b = new byte[20];
            HandshakeDatagram.WriteHeader(b, MessageType.Call1, 0x11223344, 0xA0B0C0D0);
            Assert.Equal(new byte[] { WireFormat.Version, 4, 0x44, 0x33, 0x22, 0x11, 0xD0, 0xC0, 0xB0, 0xA0 }, b[..10]);
            Assert.Equal(0x11223344u, HandshakeDatagram.SenderId(b, 0));
            Assert.Equal(0xA0B0C0D0u, HandshakeDatagram.ReceiverId(b, 0));
        }

        [Theory]
        // Version 2: message 1 ends with the ML-KEM-768 public key (1,184), message 2 starts with
        // the ciphertext (1,088); PAIR_1/VERIFY_1/PAIR_2/VERIFY_2 are whole messages here, fragmented on
        // the wire (§2.1; each fragment of a first message padded and ending in mac1 || mac2). Messages 2
        // and 3 may end with the organisation section (protocol.md §18.3); CALL_1 is padded (§2).
        [InlineData(MessageType.Pair1, 74 + 1184, 74 + 1184)]
        [InlineData(MessageType.Pair2, 139 + 1088, 779 + 1088)]
        [InlineData(MessageType.Verify2, 139 + 1088, 779 + 1088)]
        [InlineData(MessageType.Pair3, 107, 747)]
        [InlineData(MessageType.Call1, 171, 171)] // 115 + padding + mac1 + mac2
        [InlineData(MessageType.Call2, 63, 63)]
        [InlineData(MessageType.Verify1, 79 + 1184, 79 + 1184)]
        [InlineData(MessageType.CallFallback, 11, 11)]
        public void Handshake_lengths_are_exact_per_type(byte type, int min, int max)
        {
            Assert.Equal(DropReason.Truncated, HandshakeDatagram.CheckLength(type, min - 1));
            Assert.Equal(DropReason.None, HandshakeDatagram.CheckLength(type, min));
            Assert.Equal(DropReason.None, HandshakeDatagram.CheckLength(type, max));
            Assert.Equal(DropReason.Oversized, HandshakeDatagram.CheckLength(type, max + 1));
        }

        [Fact]
        public void Control_bodies_have_fixed_argument_lengths()
        {
            var b = new byte[64];
            var args = new byte[32];
            args[0] = 9;
            int n = ControlMessage.Write(b, 3, ControlType.RekeyOffer, 0x01020304, args, 32);
            Assert.Equal(37, n);
            Assert.Equal(new byte[] { ControlType.RekeyOffer, 4, 3, 2, 1, 9 }, b[3..9]);
            Assert.True(ControlMessage.IsWellFormed(b, 3, 37));
            Assert.False(ControlMessage.IsWellFormed(b, 3, 36));
            Assert.False(ControlMessage.IsWellFormed(b, 3, 4));
            b[3] = 200;
            Assert.False(ControlMessage.IsWellFormed(b, 3, 37));
            Assert.Equal(4, ControlMessage.ArgsLength(ControlType.Ack));
            Assert.Equal(0, ControlMessage.ArgsLength(ControlType.Ready));
            Assert.Equal(1, ControlMessage.ArgsLength(ControlType.HangUp));
        }

        [Fact]
        public void Secure_and_error_headers()
        {
            var b = new byte[40];
            SecureHeader.Write(b, InnerKind.Media, 0xCAFEBABE);
            Assert.Equal(new byte[] { WireFormat.Version, 10, 0, 1, 0xBE, 0xBA, 0xFE, 0xCA }, b[..8]);
            Assert.Equal(0xCAFEBABEu, SecureHeader.ReceiverId(b, 0));
            Assert.Equal(28, SecureHeader.HeaderLength(InnerKind.Media));
            Assert.Equal(16, SecureHeader.HeaderLength(InnerKind.Control));
            Assert.Equal(-1, SecureHeader.HeaderLength(0));
            int n = ErrorDatagram.Write(b, ErrorCode.Busy, 7);
            Assert.Equal(new byte[] { WireFormat.Version, 255, 2, WireFormat.Version, 7, 0, 0, 0 }, b[..n]);
        }

        [Fact]
        public void Rtp_header_is_version_2_pcmu_big_endian()
        {
            var b = new byte[12];
            RtpHeader.Write(b, 0, true, 0x1234, 0xA1B2C3D4, 0x01020304);
            Assert.Equal(new byte[] { 0x80, 0x80, 0x12, 0x34, 0xA1, 0xB2, 0xC3, 0xD4, 1, 2, 3, 4 }, b);
            Assert.True(RtpHeader.IsValid(b, 0));
            Assert.Equal(0x1234, RtpHeader.Sequence(b, 0));
            Assert.Equal(0xA1B2C3D4u, RtpHeader.Timestamp(b, 0));
            Assert.Equal(0x01020304u, RtpHeader.Ssrc(b, 0));
            b[1] = 8;
            Assert.False(RtpHeader.IsValid(b, 0));
        }

        [Fact]
        public void Payload_reader_never_reads_past_its_end()
        {
            var b = new byte[] { 3, (byte)'B', (byte)'o', (byte)'b', 9 };
            var r = new PayloadReader(b, 0, 4);
            Assert.Equal("Bob", r.Name(32));
            Assert.True(r.AtEndOk);
            r = new PayloadReader(b, 0, 3);
            Assert.Null(r.Name(32));
            Assert.False(r.Ok);
            Assert.Null(r.Bytes(1));
            r = new PayloadReader(b, 0, 5);
            Assert.Null(r.Name(2));
            r = new PayloadReader(b, 4, 1);
            Assert.Equal(0u, r.U32());
            Assert.False(r.Ok);
        }

        [Fact]
        public void Drop_reasons_and_types_have_names()
        {
            for (int i = 0; i < DropReasonNames.Count; i++)
            {
                Assert.DoesNotContain("reason", DropReasonNames.Name((DropReason)i));
            }

            for (int t = 1; t <= 10; t++)
            {
                Assert.DoesNotContain("type", MessageType.Name(t));
            }
        }

        [Fact]
        public void Every_fragment_of_a_first_message_is_a_first_message_datagram()
        {
            // PAIR_1: 1,258 bytes whole = a full fragment (1,200 with the MAC room) and a short one padded to 171.
            Assert.Equal(WireFormat.MaxDatagram, FirstMessageLayout.FragmentLength(MessageType.Pair1, 0, 2));
            Assert.Equal(FirstMessageLayout.PaddedLength, FirstMessageLayout.FragmentLength(MessageType.Pair1, 1, 2));
            Assert.Equal(-1, FirstMessageLayout.FragmentLength(MessageType.Pair1, 0, 1)); // count must fit the size
            Assert.Equal(-1, FirstMessageLayout.FragmentLength(MessageType.Verify1, 2, 2));
            var whole = new byte[74 + 1184];
            HandshakeDatagram.WriteHeader(whole, MessageType.Pair1, 7, 0);
            var sent = Phone.Tests.Firmware.Support.Fragments.Split(whole);
            Assert.Equal(new[] { 1200, 171 }, sent.Select(d => d.Length));
            Assert.All(sent, d => Assert.True(FirstMessageLayout.IsFirst(d[1])));
            // mac1 stamped in the reserved 32 bytes at the end of each (mac2 zero without a cookie).
            Assert.All(sent, d => Assert.Contains(d[^32..^16], x => x != 0));
            Assert.All(sent, d => Assert.All(d[^16..], x => Assert.Equal(0, x)));
            Assert.Equal(whole, Phone.Tests.Firmware.Support.Fragments.Join(sent, MessageType.Pair1));
        }
    }
}
