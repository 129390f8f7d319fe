// SPDX-License-Identifier: MIT
using Phone.Firmware;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// Found by the managed fuzz campaign (tests/fuzz/managed): a first message whose
    /// ephemeral key is a low-order point (here all zero) made the responder's reply
    /// fail inside the native DH. That surfaced as an internal failure with an Error
    /// event, and the half-made exchange kept its native handshake slot, so a few such
    /// datagrams filled the table and the phone could no longer pair or take calls.
    /// </summary>
    public class LowOrderKeyTests
    {
        private static byte[] FirstMessage(byte type, uint senderId, int noiseLength)
        {
            var datagram = new byte[WireFormat.HandshakeBodyOffset + noiseLength];
            HandshakeDatagram.WriteHeader(datagram, type, senderId, 0);
            return FirstMessages.Seal(datagram); // the Noise message is all zero: e = 0, a low-order point
        }

        [Theory]
        [InlineData(MessageType.Pair1)]
        [InlineData(MessageType.Verify1)]
        public void A_low_order_ephemeral_is_dropped_as_a_bad_key_and_leaks_nothing(byte type)
        {
            int noiseLength = 32 + PayloadLayout.CommitLength
                              + (type == MessageType.Verify1 ? PayloadLayout.CallInfoLength : 0);
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1);
            var bob = rig.Add("Bob", 2);
            var c = bob.Core.Counters;
            Assert.True(bob.Core.StartPairingMode()); // PAIR_1 is read only in pairing mode
            for (int i = 0; i < 40; i++)
            {
                rig.Clock.Advance(2000); // stay within the per-source rate limit
                var datagram = FirstMessage(type, (uint)(0x1000 + i), noiseLength);
                if (type == MessageType.Verify1)
                {
                    // A call id of its own (0 is malformed; a repeated one is a second VERIFY of that call).
                    datagram[WireFormat.HandshakeBodyOffset + 32 + PayloadLayout.CommitLength] = (byte)(i + 1);
                    FirstMessages.Restamp(datagram);
                }

                bob.Core.OnDatagram(FakeNetwork.Address(7), datagram, 0, datagram.Length);
            }

            Assert.True(bob.Core.IsIdle);
            Assert.True(type != MessageType.Pair1 || bob.Core.PairingModeState == PairingModeState.Waiting,
                "a PAIR_1 that failed before its answer must not use up the pairing mode");
            // The table is not full: a genuine pairing still completes.
            rig.Pair(alice, bob); // throws if it does not complete
            Assert.Single(bob.Contacts);

            Assert.Equal(0, c.Drops(DropReason.Internal));
            Assert.Equal(40, c.Drops(DropReason.BadKey));
            Assert.False(bob.Saw(PhoneEventKind.Error));
        }
    }
}
