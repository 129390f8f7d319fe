// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;

namespace Phone.Sim.Timing
{
    /// <summary>
    /// One phone's device-timing mode. Each loop turn (a datagram or due timers) runs through Turn:
    /// each native call it makes stalls the loop for its estimated ESP32 duration as the call starts
    /// (advance: sleep in real time, or move a manual clock), so what the firmware does after the
    /// call happens as late as on the device. The I2S model:
    /// the DMA rings keep capturing and playing while the loop stalls, so audio is lost only when
    /// the stall since the loop last serviced the audio (pc_media_seal, once a frame) exceeds the
    /// ring less the frame in progress. Those frames are counted here, apart from the network's
    /// late/lost frames, which are the jitter buffer's.
    /// </summary>
    public sealed class DeviceStall
    {
        private const string AudioService = "pc_media_seal";
        private const string CallEnd = "pc_session_free";

        private readonly DeviceTimingTable _table;
        private readonly Action<long> _advance;
        private readonly Dictionary<string, EntryTotals> _totals = new Dictionary<string, EntryTotals>(StringComparer.Ordinal);
        private double _carryMs;
        private double _sinceAudioMs;
        private bool _audioRunning;

        /// <summary>Charges with table; advance(ms) makes the loop's stall happen.</summary>
        public DeviceStall(DeviceTimingTable table, Action<long> advance, int dmaBudgetMs = -1)
        {
            _table = table;
            _advance = advance;
            AudioBudgetMs = dmaBudgetMs >= 0 ? dmaBudgetMs : Math.Min(table.MicDmaMs, table.SpeakerDmaMs) - table.FrameMs;
            NativeCallHook.Install();
        }

        /// <summary>Longest stall between two audio services that loses nothing.</summary>
        public int AudioBudgetMs { get; }

        /// <summary>Frames the DMA rings overran or underran because this phone stalled.</summary>
        public int FramesLostToStalls { get; private set; }

        /// <summary>Longest stall seen between two audio services (ms).</summary>
        public double WorstStallMs { get; private set; }

        /// <summary>Total estimated device time spent in native calls (ms).</summary>
        public double NativeMs { get; private set; }

        /// <summary>Entry points called that the table does not know (should stay empty).</summary>
        public SortedSet<string> Unknown { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>Calls and device time per entry point.</summary>
        public IReadOnlyDictionary<string, EntryTotals> Totals => _totals;

        /// <summary>Runs one loop turn with its native calls charged and stalled for.</summary>
        public void Turn(Action step)
        {
            DeviceStall previous = NativeCallHook.Enter(this);
            try
            {
                step();
            }
            finally
            {
                NativeCallHook.Enter(previous);
            }
        }

        /// <summary>One native entry point started (called by NativeCallHook).</summary>
        internal void Charge(string entryPoint)
        {
            if (entryPoint == AudioService)
            {
                ServiceAudio();
            }
            else if (entryPoint == CallEnd)
            {
                _audioRunning = false; // the I2S streams stop with the call
            }

            if (!_table.TryDuration(entryPoint, out double ms))
            {
                Unknown.Add(entryPoint);
                return;
            }

            if (!_totals.TryGetValue(entryPoint, out var totals))
            {
                totals = new EntryTotals();
                _totals[entryPoint] = totals;
            }

            totals.Calls++;
            totals.Ms += ms;
            NativeMs += ms;
            _sinceAudioMs += ms;
            Stall(ms);
        }

        private void ServiceAudio()
        {
            if (!_audioRunning)
            {
                // First frame of a call: the rings start empty, whatever ran before (handshake) is not audio time.
                _audioRunning = true;
                _sinceAudioMs = 0;
                return;
            }

            WorstStallMs = Math.Max(WorstStallMs, _sinceAudioMs);
            if (_sinceAudioMs > AudioBudgetMs)
            {
                FramesLostToStalls += (int)Math.Ceiling((_sinceAudioMs - AudioBudgetMs) / _table.FrameMs);
            }

            _sinceAudioMs = 0;
        }

        private void Stall(double ms)
        {
            double total = ms + _carryMs;
            long whole = (long)Math.Floor(total);
            _carryMs = total - whole;
            if (whole > 0)
            {
                _advance(whole);
            }
        }
    }
}
