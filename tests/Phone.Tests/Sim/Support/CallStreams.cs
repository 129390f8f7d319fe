// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Threading;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Xunit;

namespace Phone.Tests.Sim.Support
{
    /// <summary>Waiting for and checking the audio of a call between simulated phones.</summary>
    internal static class CallStreams
    {
        /// <summary>Polls this many times (100 ms apart) without a new frame before a missing frame counts as lost.</summary>
        private const int QuietPollsBeforeGivingUp = 10;

        /// <summary>
        /// Waits until both microphones ran dry and either every sent frame was played or
        /// nothing new arrived for a second (a lossy link), so a slow machine is not mistaken for loss.
        /// </summary>
        public static void WaitForAudio(SimPhone a, SimPhone b, RecordingSource aSent, RecordingSource bSent, int frames)
        {
            DateTime end = DateTime.UtcNow + TimeSpan.FromMilliseconds(frames * 20 + 10000);
            int expected = bSent == null ? frames : 2 * frames;
            int lastPlayed = -1, quietPolls = 0;
            while (DateTime.UtcNow < end)
            {
                Thread.Sleep(100);
                int played = b.Speaker.Frames().Count + (bSent == null ? 0 : a.Speaker.Frames().Count);
                bool sentAll = aSent.Digests().Count == frames && (bSent == null || bSent.Digests().Count == frames);
                quietPolls = played == lastPlayed ? quietPolls + 1 : 0;
                lastPlayed = played;
                if (sentAll && (played >= expected || quietPolls >= QuietPollsBeforeGivingUp))
                {
                    return;
                }
            }

            throw new TimeoutException("audio did not finish: " + aSent.Digests().Count + " frames sent");
        }

        /// <summary>The played frames' bytes equal the sent ones, in order.</summary>
        public static void AssertSameBytes(List<byte[]> sent, List<ReceivedFrame> played)
        {
            Assert.Equal(sent.Count, played.Count);
            for (int i = 0; i < sent.Count; i++)
            {
                Assert.Equal(sent[i], played[i].Bytes);
            }
        }
    }
}
