// SPDX-License-Identifier: MIT
using System.Text.Json;
using Phone.Vectors;
using Xunit;

namespace Phone.Tests.Vectors
{
    /// <summary>
    /// The transcript vectors can never drift from the code: the fixed-seed scenario runs
    /// through the firmware again (two PhoneCores, the native test build's seeded random
    /// source) and must give the committed JSON byte for byte. After a wire change:
    /// bash scripts/regen-vectors.sh.
    /// </summary>
    public class TranscriptReplayTests
    {
        private const string Regenerate = " (a wire change? regenerate: bash scripts/regen-vectors.sh)";

        [Fact]
        public void The_firmware_reproduces_the_committed_transcript_byte_for_byte()
        {
            string difference = TranscriptDiff.FirstDifference(Transcript.Committed, Transcript.Generated);
            Assert.True(difference == null, difference + Regenerate);
            Assert.True(Transcript.Committed == Transcript.Generated, "same JSON values, different text" + Regenerate);
        }

        [Fact]
        public void Two_runs_in_one_process_give_the_same_bytes()
        {
            Assert.Equal(Transcript.Generated, IsolatedRun.Generate());
        }

        [Fact]
        public void A_flipped_byte_in_a_datagram_is_reported_as_the_first_differing_datagram()
        {
            string committed = Transcript.Committed;
            JsonElement call2 = Transcript.Root().GetProperty("call").GetProperty("datagrams")[1];
            Assert.Equal("CALL_2", call2.Text("type"));
            string bytes = call2.Text("bytes");
            string flipped = bytes.Substring(0, 40) + (bytes[40] == '0' ? '1' : '0') + bytes.Substring(41);
            Assert.Equal(1, Occurrences(committed, bytes));
            string tampered = committed.Replace(bytes, flipped);

            string difference = TranscriptDiff.FirstDifference(tampered, Transcript.Generated);

            Assert.NotNull(difference);
            Assert.StartsWith("first differing datagram: call.datagrams[1] (CALL_2 bob -> alice); at call.datagrams[1].bytes",
                difference);
        }

        [Fact]
        public void A_dropped_datagram_is_reported()
        {
            var tampered = System.Text.Json.Nodes.JsonNode.Parse(Transcript.Committed);
            var datagrams = tampered["pairing"]["datagrams"].AsArray();
            datagrams.RemoveAt(datagrams.Count - 1);

            string difference = TranscriptDiff.FirstDifference(tampered.ToJsonString(), Transcript.Generated);

            Assert.NotNull(difference);
            Assert.StartsWith("at pairing.datagrams: expected " + datagrams.Count + " entries, got "
                + (datagrams.Count + 1) + " entries", difference);
        }

        private static int Occurrences(string text, string part)
        {
            int n = 0;
            for (int at = text.IndexOf(part); at >= 0; at = text.IndexOf(part, at + 1))
            {
                n++;
            }

            return n;
        }
    }
}
