// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Sim.Audio
{
    /// <summary>
    /// The phone's one microphone, whose signal the simulator can change between
    /// calls (a tone, a WAV file, silence). Every frame it hands over is recorded.
    /// </summary>
    internal sealed class MicrophoneSwitch : IAudioSource
    {
        private readonly bool _keepFrames;
        private volatile RecordingSource _current;

        /// <summary>Starts silent; keepFrames keeps the frame bytes too (tests).</summary>
        public MicrophoneSwitch(bool keepFrames)
        {
            _keepFrames = keepFrames;
        }

        /// <summary>The recording of the current signal, or null when silent.</summary>
        public RecordingSource Current => _current;

        /// <summary>Plays source from now on (null: silence); returns its recording.</summary>
        public RecordingSource Use(IAudioSource source)
        {
            RecordingSource recording = source == null ? null : new RecordingSource(source, _keepFrames);
            _current = recording;
            return recording;
        }

        /// <summary>Every source the simulator has gives 16-bit PCM.</summary>
        public int SampleBytes
        {
            get { return Phone.Crypto.PcmLayout.Pcm16; }
        }

        /// <summary>Called by the firmware every 20 ms during a call.</summary>
        public bool ReadFrame(byte[] pcm)
        {
            RecordingSource current = _current;
            return current != null && current.ReadFrame(pcm);
        }
    }
}
