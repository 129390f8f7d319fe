// SPDX-License-Identifier: MIT
using System.Collections.Generic;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// Compares the frames one phone sent with those the other played. The RTP
    /// sequence of the first played frame that matches a sent frame fixes the
    /// numbering; every played frame must then equal the sent frame of its number.
    /// </summary>
    internal sealed class FrameComparison
    {
        private FrameComparison()
        {
        }

        /// <summary>Frames the sender was given.</summary>
        public int Sent { get; private set; }

        /// <summary>Frames the receiver played.</summary>
        public int Played { get; private set; }

        /// <summary>Played frames equal, bit for bit, to the sent frame of the same number.</summary>
        public int BitExact { get; private set; }

        /// <summary>Played frames that differ from what was sent under their number.</summary>
        public int Mismatched { get; private set; }

        /// <summary>Sent frames never played.</summary>
        public int Missing { get; private set; }

        /// <summary>Frames played more than once.</summary>
        public int PlayedTwice { get; private set; }

        /// <summary>Played frames whose sequence went backwards (late, reordered).</summary>
        public int OutOfOrder { get; private set; }

        /// <summary>True when every sent frame was played once, bit-exact.</summary>
        public bool Perfect
        {
            get { return Sent > 0 && BitExact == Sent && Mismatched == 0 && Missing == 0 && PlayedTwice == 0; }
        }

        /// <summary>Compares sent digests (in order) with played frames (in arrival order).</summary>
        public static FrameComparison Compare(IReadOnlyList<ulong> sent, IReadOnlyList<ReceivedFrame> played)
        {
            var result = new FrameComparison { Sent = sent.Count, Played = played.Count };
            int offset = FindOffset(sent, played);
            var seen = new HashSet<int>();
            int lastIndex = int.MinValue;
            foreach (ReceivedFrame frame in played)
            {
                int index = offset == int.MinValue ? -1 : Unwrap(frame.Sequence - offset, lastIndex);
                if (index >= 0 && index < sent.Count && sent[index] == frame.Digest)
                {
                    if (!seen.Add(index))
                    {
                        result.PlayedTwice++;
                    }
                    else
                    {
                        result.BitExact++;
                    }
                }
                else
                {
                    result.Mismatched++;
                }

                if (index < lastIndex)
                {
                    result.OutOfOrder++;
                }

                lastIndex = System.Math.Max(lastIndex, index);
            }

            result.Missing = sent.Count - seen.Count;
            return result;
        }

        /// <summary>
        /// True when every sent frame reached the speaker once, bit-exact and in order, except the
        /// late ones: frames the receiver's jitter buffer counted as arriving after their turn
        /// (a loop or network stall longer than the buffer's depth). Nothing lost, nothing changed.
        /// </summary>
        public bool PerfectExceptLate(int late)
        {
            return Sent > 0 && Mismatched == 0 && PlayedTwice == 0 && OutOfOrder == 0 && BitExact + late == Sent;
        }

        /// <summary>One line for reports.</summary>
        public override string ToString()
        {
            return "sent " + Sent + ", played " + Played + ", bit-exact " + BitExact + ", mismatched " + Mismatched
                   + ", missing " + Missing + ", duplicated " + PlayedTwice + ", out of order " + OutOfOrder;
        }

        // RTP sequence minus frame index of the first played frame found among the sent ones.
        private static int FindOffset(IReadOnlyList<ulong> sent, IReadOnlyList<ReceivedFrame> played)
        {
            var firstIndex = new Dictionary<ulong, int>();
            for (int i = sent.Count - 1; i >= 0; i--)
            {
                firstIndex[sent[i]] = i;
            }

            foreach (ReceivedFrame frame in played)
            {
                if (firstIndex.TryGetValue(frame.Digest, out int i))
                {
                    return frame.Sequence - i;
                }
            }

            return int.MinValue;
        }

        // Sequence numbers are 16 bits: pick the index nearest the last one seen.
        private static int Unwrap(int raw, int near)
        {
            int index = ((raw % 65536) + 65536) % 65536;
            int reference = near == int.MinValue ? 0 : near;
            while (index < reference - 32768)
            {
                index += 65536;
            }

            return index;
        }
    }
}
