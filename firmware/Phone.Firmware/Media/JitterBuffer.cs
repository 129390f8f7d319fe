// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;

namespace Phone.Firmware.Media
{
    /// <summary>
    /// The receive side's jitter buffer: verified frames are decoded straight
    /// into one of Slots fixed PCM slots (by RTP sequence) and played one per
    /// 20 ms tick in sequence order. Playout starts once Depth frames are
    /// buffered (or the first has waited Depth ticks); a frame missing at its turn is concealed by repeating the
    /// last frame played, attenuated (-3 dB per frame, silence after 100 ms),
    /// natively. Depth adapts: one frame deeper after each late frame (a filler
    /// frame is played to make room), one shallower after 5 s without one.
    /// A frame far ahead of playout (the loop stalled) pushes playout forward,
    /// skipping the oldest frames; 200 ms of concealment in a row is taken as
    /// the talker pausing (not counted as loss) and playout re-buffers.
    /// Memory is fixed at construction: (Slots + 2) frames of PCM.
    /// </summary>
    internal class JitterBuffer : IMediaReceiver
    {
        /// <summary>Frame slots (a power of two: the slot is the sequence's low bits).</summary>
        internal const int Slots = 8;

        /// <summary>Shallowest playout depth in frames.</summary>
        internal const int MinDepth = 2;

        /// <summary>Deepest playout depth: one slot stays free for the frame last played.</summary>
        internal const int MaxDepth = Slots - 2;

        private const int SequenceMask = 0xFFFF;
        private const int HeldSlot = Slots;          // concealment output
        private const int DiscardSlot = Slots + 1;   // late or far-early frames are decoded here
        private const int ShrinkAfterFrames = 250;   // 5 s without a late frame
        private const int PauseAfterConcealed = 10;  // 200 ms without a frame: the talker paused
        private const int SilentAfterConcealed = 5;  // attenuation reaches silence after 100 ms
        private const int ConcealGain = 181;         // 181/256: -3 dB per repeated frame
        private const int RestartAhead = 4 * Slots;  // further ahead than this: the stream restarted

        private readonly byte[] _pcm = new byte[(Slots + 2) * PcmLayout.FrameBytes];
        private readonly int[] _slotSequence = new int[Slots];
        private readonly PhoneCounters _counters;
        private bool _started;
        private bool _playing;
        private int _next;
        private int _lastPlayedSequence;
        private int _lastOffset = -1;
        private int _concealRun;
        private int _pendingConcealed;
        private int _fill;
        private int _calm;
        private int _gaps;
        private int _late;
        private int _skipped;
        private int _lostReported;
        private int _waited;

        internal JitterBuffer(PhoneCounters counters)
        {
            _counters = counters;
            Depth = MinDepth;
            Clear();
        }

        /// <summary>Current playout depth in frames.</summary>
        internal int Depth { get; private set; }

        /// <summary>Sequences that never reached the speaker and never arrived (late ones excluded).</summary>
        internal int Lost
        {
            get
            {
                int lost = _gaps - _late - _skipped;
                return lost < 0 ? 0 : lost;
            }
        }

        /// <inheritdoc />
        public byte[] Pcm
        {
            get { return _pcm; }
        }

        /// <inheritdoc />
        public int DecodeOffset(int sequence)
        {
            if (!_started || InWindow(sequence))
            {
                return SlotOf(sequence) * PcmLayout.FrameBytes;
            }

            return DiscardSlot * PcmLayout.FrameBytes;
        }

        /// <inheritdoc />
        public bool Decoded(int sequence, int samples)
        {
            if (samples != PcmLayout.FrameSamples)
            {
                return false;
            }

            if (!_started)
            {
                _started = true;
                _next = sequence;
                _lastPlayedSequence = (sequence - 1) & SequenceMask;
            }

            int ahead = Distance(sequence, _next);
            if (ahead < 0)
            {
                Late();
            }
            else if (ahead > RestartAhead)
            {
                Restart(sequence);
            }
            else if (ahead > MaxAhead)
            {
                Overrun(sequence);
            }
            else
            {
                _slotSequence[SlotOf(sequence)] = sequence;
            }

            ReportLost();
            return true;
        }

        /// <summary>One 20 ms tick: plays the next frame, a concealment, or nothing while buffering.</summary>
        internal void Play(IAudioSink speaker)
        {
            if (!_started || !Playable())
            {
                return;
            }

            if (_fill > 0)
            {
                _fill--;
                Conceal(speaker, (_next - 1) & SequenceMask);
                _pendingConcealed++;
                return;
            }

            int slot = SlotOf(_next);
            if (_slotSequence[slot] == _next)
            {
                PlayReal(speaker, slot);
            }
            else
            {
                Conceal(speaker, _next);
                _pendingConcealed++;
                if (_concealRun >= PauseAfterConcealed)
                {
                    Pause();
                    return;
                }

                ReportLost();
            }

            _next = (_next + 1) & SequenceMask;
        }

        private int MaxAhead
        {
            get { return Slots - 2; }
        }

        private bool InWindow(int sequence)
        {
            int ahead = Distance(sequence, _next);
            return ahead >= 0 && ahead <= MaxAhead;
        }

        private bool Playable()
        {
            if (_playing)
            {
                return true;
            }

            // Start at Depth frames, or once the first has waited Depth ticks: a spurt
            // shorter than the depth (the last frames before a pause) still plays.
            int buffered = Buffered();
            if (buffered > 0)
            {
                _waited++;
            }

            if (buffered < Depth && _waited < Depth)
            {
                return false;
            }

            _playing = true;
            return true;
        }

        // Frames held from the next one to play up to the newest.
        private int Buffered()
        {
            int newest = -1;
            for (int i = 0; i < Slots; i++)
            {
                if (_slotSequence[i] >= 0)
                {
                    int ahead = Distance(_slotSequence[i], _next);
                    if (ahead > newest)
                    {
                        newest = ahead;
                    }
                }
            }

            return newest + 1;
        }

        private void PlayReal(IAudioSink speaker, int slot)
        {
            _slotSequence[slot] = -1;
            _lastOffset = slot * PcmLayout.FrameBytes;
            if (speaker != null)
            {
                speaker.PlayFrame(_pcm, _lastOffset, PcmLayout.FrameSamples, _next, false);
            }

            _gaps += Distance(_next, _lastPlayedSequence) - 1;
            _lastPlayedSequence = _next;
            _counters.FramesConcealed += _pendingConcealed;
            _pendingConcealed = 0;
            _concealRun = 0;
            _counters.FramesPlayed++;
            Adapt();
            ReportLost();
        }

        private void ReportLost()
        {
            int lost = Lost;
            _counters.FramesLost += lost - _lostReported;
            _lostReported = lost;
        }

        // Attenuated repetition of the last frame played, written natively into the held slot.
        private void Conceal(IAudioSink speaker, int sequence)
        {
            int held = HeldSlot * PcmLayout.FrameBytes;
            int gain = _concealRun >= SilentAfterConcealed || _lastOffset < 0 ? 0 : ConcealGain;
            Concealment.Attenuate(_pcm, _lastOffset < 0 ? held : _lastOffset, held, PcmLayout.FrameSamples, gain);
            _lastOffset = held;
            _concealRun++;
            if (speaker != null)
            {
                speaker.PlayFrame(_pcm, held, PcmLayout.FrameSamples, sequence, true);
            }
        }

        // One frame shallower after a calm stretch: skip the oldest buffered frame.
        private void Adapt()
        {
            _calm++;
            if (_calm < ShrinkAfterFrames || Depth <= MinDepth)
            {
                return;
            }

            _calm = 0;
            Depth--;
            int slot = SlotOf(_next + 1);
            if (Buffered() > Depth && _slotSequence[slot] == ((_next + 1) & SequenceMask))
            {
                _slotSequence[slot] = -1;
                _next = (_next + 1) & SequenceMask;
                _skipped++;
            }
        }

        // A frame arrived after its turn: counted, and the buffer deepens by one (a filler makes room).
        private void Late()
        {
            _late++;
            _counters.FramesLate++;
            _calm = 0;
            if (Depth < MaxDepth)
            {
                Depth++;
                _fill++;
            }
        }

        // A frame beyond the window (the loop stalled): playout moves forward; the
        // oldest frames, now too late to play, count as late.
        private void Overrun(int sequence)
        {
            while (Distance(sequence, _next) > MaxAhead)
            {
                int slot = SlotOf(_next);
                if (_slotSequence[slot] == _next)
                {
                    _slotSequence[slot] = -1;
                    _late++;
                    _counters.FramesLate++;
                }

                _next = (_next + 1) & SequenceMask;
            }

            KeepDiscarded(sequence);
        }

        // Far ahead (the peer restarted its stream): start over from this frame.
        private void Restart(int sequence)
        {
            Clear();
            _next = sequence;
            _lastPlayedSequence = (sequence - 1) & SequenceMask;
            KeepDiscarded(sequence);
        }

        // The frame was decoded into the discard slot; it now belongs in its own.
        private void KeepDiscarded(int sequence)
        {
            int slot = SlotOf(sequence);
            System.Array.Copy(_pcm, DiscardSlot * PcmLayout.FrameBytes, _pcm, slot * PcmLayout.FrameBytes,
                PcmLayout.FrameBytes);
            _slotSequence[slot] = sequence;
        }

        // The talker stopped: the trailing concealments were no losses; re-buffer from the next frame.
        private void Pause()
        {
            _started = false;
            _lastOffset = -1;
            Clear();
        }

        private void Clear()
        {
            for (int i = 0; i < Slots; i++)
            {
                _slotSequence[i] = -1;
            }

            _playing = false;
            _waited = 0;
            _pendingConcealed = 0;
            _fill = 0;
            _concealRun = 0;
        }

        private static int SlotOf(int sequence)
        {
            return sequence & (Slots - 1);
        }

        // Signed distance a - b of two 16-bit sequence numbers.
        private static int Distance(int a, int b)
        {
            int d = (a - b) & SequenceMask;
            return d >= 0x8000 ? d - 0x10000 : d;
        }
    }
}
