// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Media;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>
    /// The jitter buffer on its own, tick by tick: playout order and start depth, concealment by
    /// attenuated repetition (its samples), late/lost/concealed counting, deepening after a late
    /// frame, shrinking after a calm stretch, a talker's pause, and a stalled loop's overrun.
    /// </summary>
    public class JitterBufferTests
    {
        private const int Frame = PcmLayout.FrameSamples;

        public JitterBufferTests()
        {
            CryptoCore.SelfTest(); // concealment is a native call
        }

        private sealed class Speaker : IAudioSink
        {
            public List<(int Sequence, bool Concealed, short First)> Played { get; } = new List<(int, bool, short)>();

            public void PlayFrame(byte[] pcm, int offset, int samples, int rtpSequence, bool concealed)
            {
                Assert.Equal(Frame, samples);
                Played.Add((rtpSequence, concealed, BitConverter.ToInt16(pcm, offset)));
            }
        }

        // A frame whose samples all equal 1000 + its sequence, "decoded" where the buffer says.
        private static void Arrive(JitterBuffer buffer, int sequence)
        {
            int offset = buffer.DecodeOffset(sequence);
            for (int i = 0; i < Frame; i++)
            {
                BitConverter.TryWriteBytes(buffer.Pcm.AsSpan(offset + 2 * i), (short)(1000 + sequence));
            }

            Assert.True(buffer.Decoded(sequence, Frame));
        }

        [Fact]
        public void Plays_in_sequence_order_once_the_start_depth_is_buffered()
        {
            var counters = new PhoneCounters();
            var buffer = new JitterBuffer(counters);
            var speaker = new Speaker();
            Arrive(buffer, 100);
            buffer.Play(speaker);
            Assert.Empty(speaker.Played); // one frame < depth 2: still buffering
            Arrive(buffer, 102);
            Arrive(buffer, 101);           // reordered on the way
            for (int i = 0; i < 3; i++)
            {
                buffer.Play(speaker);
            }

            Assert.Equal(new[] { 100, 101, 102 }, speaker.Played.ConvertAll(p => p.Sequence));
            Assert.All(speaker.Played, p => Assert.False(p.Concealed));
            Assert.Equal(1101, speaker.Played[1].First);
            Assert.Equal(3, counters.FramesPlayed);
            Assert.False(buffer.Decoded(103, Frame - 1)); // a short frame is malformed
        }

        [Fact]
        public void A_talk_spurt_shorter_than_the_depth_is_played_once_it_has_waited_the_depth()
        {
            // The last frame before a hang-up, or a spurt after the talker paused, may never be
            // followed by enough frames to reach the start depth: it must not wait forever.
            var counters = new PhoneCounters();
            var buffer = new JitterBuffer(counters);
            var speaker = new Speaker();
            Arrive(buffer, 500);
            for (int tick = 0; tick < buffer.Depth; tick++)
            {
                buffer.Play(speaker);
            }

            Assert.Equal(new[] { 500 }, speaker.Played.ConvertAll(p => p.Sequence));
            Assert.False(speaker.Played[0].Concealed);
            Assert.Equal(1, counters.FramesPlayed);
        }

        [Fact]
        public void A_missing_frame_is_concealed_quieter_and_counted_lost_or_late()
        {
            var counters = new PhoneCounters();
            var buffer = new JitterBuffer(counters);
            var speaker = new Speaker();
            Arrive(buffer, 10);
            Arrive(buffer, 11);
            Arrive(buffer, 13);
            Arrive(buffer, 15);
            for (int i = 0; i < 4; i++)
            {
                buffer.Play(speaker); // 10, 11, (12 concealed), 13
            }

            Assert.Equal((12, true, (short)(1011 * 181 / 256)), speaker.Played[2]);
            Assert.Equal(1, counters.FramesLost);
            Assert.Equal(1, counters.FramesConcealed);

            Arrive(buffer, 12); // after its turn: late, and no longer lost
            Assert.Equal(1, counters.FramesLate);
            Assert.Equal(0, counters.FramesLost);
            Assert.Equal(3, buffer.Depth);

            buffer.Play(speaker); // a filler deepens the buffer: 14 is not due yet
            Assert.True(speaker.Played[4].Concealed);
            buffer.Play(speaker); // 14 missing: concealed from the filler, quieter again
            Assert.Equal((short)(1013 * 181 / 256 * 181 / 256), speaker.Played[5].First);
            buffer.Play(speaker); // 15
            Assert.Equal((15, false, (short)1015), speaker.Played[6]);
            Assert.Equal(1, counters.FramesLost);
            Assert.Equal(3, counters.FramesConcealed);
        }

        [Fact]
        public void A_pause_of_the_talker_is_not_loss_and_playout_rebuffers()
        {
            var counters = new PhoneCounters();
            var buffer = new JitterBuffer(counters);
            var speaker = new Speaker();
            Arrive(buffer, 1);
            Arrive(buffer, 2);
            for (int i = 0; i < 14; i++)
            {
                buffer.Play(speaker);
            }

            Assert.Equal(12, speaker.Played.Count); // 2 frames, 10 concealments, then silence
            Assert.Equal(0, speaker.Played[11].First);  // attenuated to silence after 100 ms
            Assert.Equal(0, counters.FramesLost);
            Assert.Equal(0, counters.FramesConcealed);

            Arrive(buffer, 3); // the talker resumes where the sequence left off
            Arrive(buffer, 4);
            buffer.Play(speaker);
            Assert.Equal((3, false, (short)1003), speaker.Played[12]);
            Assert.Equal(0, counters.FramesLate + counters.FramesLost);
        }

        [Fact]
        public void Depth_shrinks_after_five_calm_seconds_and_a_stall_pushes_playout_forward()
        {
            var counters = new PhoneCounters();
            var buffer = new JitterBuffer(counters);
            var speaker = new Speaker();
            Arrive(buffer, 0);
            Arrive(buffer, 1);
            buffer.Play(speaker);
            Arrive(buffer, 2);   // one tick late
            Arrive(buffer, 3);
            Assert.Equal(0, counters.FramesLate);
            int sequence = 4;
            buffer.Play(speaker);
            buffer.Play(speaker);
            Arrive(buffer, 0);   // long after its turn
            Assert.Equal(3, buffer.Depth);
            for (int tick = 0; tick < 300; tick++)
            {
                Arrive(buffer, sequence++);
                buffer.Play(speaker);
            }

            Assert.Equal(JitterBuffer.MinDepth, buffer.Depth);
            Assert.Equal(1, counters.FramesLate);
            Assert.Equal(0, counters.FramesLost);

            // The loop stalls: frames pile up beyond the buffer; the oldest are skipped as late.
            for (int k = 0; k < JitterBuffer.Slots + 3; k++)
            {
                Arrive(buffer, sequence++);
            }

            Assert.True(counters.FramesLate > 1);
            int before = speaker.Played.Count;
            buffer.Play(speaker);
            Assert.False(speaker.Played[before].Concealed);
            Assert.True(speaker.Played[before].Sequence > sequence - JitterBuffer.Slots);
        }
    }
}
