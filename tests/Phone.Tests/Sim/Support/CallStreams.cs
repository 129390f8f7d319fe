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
        /// <summary>Waits until both microphones ran dry and the speakers stopped receiving.</summary>
        public static void WaitForAudio(SimPhone a, SimPhone b, RecordingSource aSent, RecordingSource bSent, int frames)
        {
            DateTime end = DateTime.UtcNow + TimeSpan.FromMilliseconds(frames * 20 + 10000);
            int lastPlayed = -1;
            while (DateTime.UtcNow < end)
            {
                Thread.Sleep(100);
                int played = a.Speaker.Frames().Count + b.Speaker.Frames().Count;
                bool sentAll = aSent.Digests().Count == frames && (bSent == null || bSent.Digests().Count == frames);
                if (sentAll && played == lastPlayed)
                {
                    return; // everything sent, nothing more arriving
                }

                lastPlayed = played;
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
