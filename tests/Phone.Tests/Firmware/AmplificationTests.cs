// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Linq;
using Phone.Firmware.Wire;
using Phone.Tests.Firmware.Support;
using Xunit;

namespace Phone.Tests.Firmware
{
    /// <summary>
    /// issue 9 item 5: copies of an admitted first message (PAIR_1, CALL_1) get the cached reply
    /// only on the retransmission schedule (a bounded count), and every copy is counted.
    /// </summary>
    public class AmplificationTests
    {
        private const int Copies = 1000;

        [Theory]
        [InlineData(MessageType.Pair1, MessageType.Pair2)]
        [InlineData(MessageType.Call1, MessageType.Call2)]
        public void Thousand_copies_of_a_first_message_get_a_bounded_number_of_replies(byte first, byte reply)
        {
            using var rig = new Rig();
            var alice = rig.Add("Alice", 1, c => c.AcceptPairing = true);
            var bob = rig.Add("Bob", 2, c => c.AcceptPairing = true);
            int bobIndex = 0;
            if (first == MessageType.Call1)
            {
                bobIndex = rig.Pair(alice, bob).Item1;
            }

            // PAIR_1 travels as two fragments (§2.1): the attacker replays the whole message.
            var captured = new List<byte[]>();
            int needed = FragmentFormat.IsFragmented(first) ? 2 : 1;
            rig.Net.Interceptor = d =>
            {
                if (d.Type == first && captured.Count < needed)
                {
                    captured.Add((byte[])d.Bytes.Clone());
                    return true;
                }

                // Only the attacker's copies (the captured arrays themselves) get through from Alice's address.
                return captured.Any(c => ReferenceEquals(d.Bytes, c))
                       || (!d.From.SameAs(alice.Address) && !d.To.SameAs(alice.Address));
            };
            bool IsReply(Datagram d) => d.Type == reply
                && (!FragmentFormat.IsFragmented(reply) || d.Bytes[FragmentFormat.IndexOffset] == 0);
            int repliesBefore = rig.Net.Log.Count(IsReply);
            if (first == MessageType.Pair1)
            {
                bob.Core.StartPairingMode();
            }

            Assert.True(first == MessageType.Pair1 ? alice.Core.Pair(bob.Address)
                : alice.Core.Call(bobIndex, bob.Address));
            rig.Settle();
            Assert.Equal(needed, captured.Count);
            long answeredBefore = bob.Core.Counters.DuplicatesAnswered;
            long ignoredBefore = bob.Core.Counters.DuplicatesIgnored;
            long limitedBefore = bob.Core.Counters.Drops(DropReason.RateLimited);
            for (int i = 0; i < Copies; i++)
            {
                foreach (byte[] c in captured)
                {
                    rig.Net.Inject(alice.Address, bob.Address, c);
                }

                rig.Run(2, 1);
            }

            int replies = rig.Net.Log.Count(IsReply) - repliesBefore;
            long answered = bob.Core.Counters.DuplicatesAnswered - answeredBefore;
            long ignored = bob.Core.Counters.DuplicatesIgnored - ignoredBefore;
            long limited = bob.Core.Counters.Drops(DropReason.RateLimited) - limitedBefore;
            // The schedule: 100, 200, 400, 800, 800 ms ... within the 3 s handshake timeout.
            Assert.InRange(replies, 1, 7);
            Assert.Equal(replies - 1, answered);
            Assert.Equal(Copies, answered + ignored + limited);
        }
    }
}
