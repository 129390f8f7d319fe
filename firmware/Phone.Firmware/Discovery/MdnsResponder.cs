// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Timing;

namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// Advertises one phone as "&lt;display name&gt;._e2e-phone._udp.local"
    /// (RFC 6762, RFC 6763): probes the instance name, renames it "Name (2)",
    /// "Name (3)"... on conflict (§9; simultaneous probes are tie-broken, §8.2),
    /// announces three times, answers queries, announces again when its address
    /// changes, and says goodbye (TTL 0) when stopped. The host name carries the
    /// key fingerprint, so it cannot collide with another phone's.
    /// </summary>
    internal partial class MdnsResponder
    {
        private const int ProbeIntervalMs = 250;
        private const int ProbeCount = 3;
        private const int AnnounceCount = 3;
        private const int AnnounceIntervalMs = 1000;
        private const int TieLostDelayMs = 1000;
        private const int ConflictBurst = 15;
        private const int ConflictBurstWindowMs = 10000;
        private const int ConflictPauseMs = 5000;
        private const int SharedAnswerMinDelayMs = 20;
        private const int SharedAnswerSpreadMs = 100;
        private const int LegacyTtlSeconds = 10;

        private const int AnswerPtr = 1;
        private const int AnswerSrv = 2;
        private const int AnswerTxt = 4;
        private const int AnswerA = 8;
        private const int AnswerEnumeration = 16;

        private readonly MdnsLink _link;
        private readonly string _displayName;
        private readonly byte[] _service = DnsSdNames.FromDotted(DnsSdNames.ServiceType);
        private readonly byte[] _enumeration = DnsSdNames.FromDotted(DnsSdNames.ServiceEnumeration);
        private readonly byte[] _host;
        private readonly byte[] _txt;
        private readonly byte[] _ip = new byte[4];
        private readonly byte[] _scratch = new byte[2 * (DnsLimits.MaxName + 6)]; // theirs, then ours
        private readonly byte[] _hostScratch = new byte[DnsLimits.MaxName];
        private byte[] _instance;
        private int _port;
        private int _attempt = 1;
        private int _probesSent;
        private int _announcesLeft;
        private long _nextStepAt = PhoneTimer.Never;
        private long _answerAt = PhoneTimer.Never;
        private int _pending;
        private long _burstStart;
        private int _burstConflicts;
        private uint _random;

        internal MdnsResponder(MdnsLink link, string displayName, string fingerprint, int version)
        {
            _link = link;
            _displayName = displayName;
            _host = DnsSdNames.HostName(fingerprint);
            _txt = PhoneTxt.Build(version, fingerprint);
            _random = 0x9E3779B9;
            for (int i = 0; i < fingerprint.Length; i++)
            {
                _random = (_random ^ fingerprint[i]) * 16777619;
            }

            NameInstance();
        }

        internal ResponderState State { get; private set; }

        /// <summary>The instance label in use (after any renames), UTF-8.</summary>
        internal byte[] InstanceLabel { get; private set; }

        /// <summary>Earliest time OnTick has work.</summary>
        internal long NextDeadline
        {
            get { return _nextStepAt < _answerAt ? _nextStepAt : _answerAt; }
        }

        /// <summary>Starts probing for the name with this address (IP and the phone's UDP port).</summary>
        internal void Start(NetAddress self, long now)
        {
            Take(self);
            State = ResponderState.Probing;
            _probesSent = 0;
            _nextStepAt = now + Next(ProbeIntervalMs); // a random start spreads phones powered on together
        }

        /// <summary>The phone's address changed: announce the new records (cache-flush replaces the old ones).</summary>
        internal void SetAddress(NetAddress self, long now)
        {
            Take(self);
            if (State == ResponderState.Announcing || State == ResponderState.Running)
            {
                State = ResponderState.Announcing;
                _announcesLeft = AnnounceCount;
                _nextStepAt = now;
            }
        }

        /// <summary>Sends goodbyes (every record with TTL 0) if the name was announced, and stops.</summary>
        internal void Stop()
        {
            if (State == ResponderState.Announcing || State == ResponderState.Running)
            {
                WriteResponse(0, AnswerPtr | AnswerSrv | AnswerTxt | AnswerA, 0, true);
                _link.SendToGroup();
            }

            State = ResponderState.Stopped;
            _nextStepAt = PhoneTimer.Never;
            _answerAt = PhoneTimer.Never;
            _pending = 0;
        }

        /// <summary>Runs due probes, announcements and delayed answers.</summary>
        internal void OnTick(long now)
        {
            if (now >= _answerAt)
            {
                _answerAt = PhoneTimer.Never;
                WriteResponse(0, _pending, -1, false);
                _pending = 0;
                _link.SendToGroup();
            }

            if (now < _nextStepAt)
            {
                return;
            }

            if (State == ResponderState.Probing)
            {
                Probe(now);
            }
            else if (State == ResponderState.Announcing)
            {
                WriteResponse(0, AnswerPtr | AnswerSrv | AnswerTxt | AnswerA, -1, false);
                _link.SendToGroup();
                _announcesLeft--;
                State = _announcesLeft > 0 ? ResponderState.Announcing : ResponderState.Running;
                _nextStepAt = _announcesLeft > 0 ? now + AnnounceIntervalMs : PhoneTimer.Never;
            }
        }

        /// <summary>A parsed message from from: answers queries, detects conflicts.</summary>
        internal void OnMessage(DnsMessage m, NetAddress from, long now)
        {
            if (State == ResponderState.Stopped)
            {
                return;
            }

            if (m.IsResponse)
            {
                if (ConflictIn(m))
                {
                    Conflict(now);
                }
            }
            else if (State == ResponderState.Probing)
            {
                if (LostTieBreak(m))
                {
                    _probesSent = 0;
                    _nextStepAt = now + TieLostDelayMs;
                }
            }
            else
            {
                OnQuery(m, from, now);
            }
        }

        private void OnQuery(DnsMessage m, NetAddress from, long now)
        {
            int wanted = Wanted(m);
            if (wanted != 0 && from.Port != MdnsGroup.Port)
            {
                WriteResponse(m.Id, wanted, LegacyTtlSeconds, false); // legacy unicast querier (RFC 6762 §6.7)
                _link.SendTo(from);
            }
            else if (wanted != 0)
            {
                _pending |= wanted;
                long due = (wanted & (AnswerPtr | AnswerEnumeration)) != 0
                    ? now + SharedAnswerMinDelayMs + Next(SharedAnswerSpreadMs) // shared records: spread answers (§6)
                    : now;
                _answerAt = due < _answerAt ? due : _answerAt;
            }
        }

        private void Probe(long now)
        {
            if (_probesSent == ProbeCount)
            {
                State = ResponderState.Announcing;
                _announcesLeft = AnnounceCount;
                _nextStepAt = now;
                OnTick(now);
                return;
            }

            DnsWriter w = _link.Writer;
            w.Begin(0, 0);
            w.Question(_instance, DnsType.Any, _probesSent == 0);
            WriteSrv(1, 120, false);
            WriteTxt(1, 4500, false);
            _link.SendToGroup();
            _probesSent++;
            _nextStepAt = now + ProbeIntervalMs;
        }

        private void Conflict(long now)
        {
            _link.Counters.Conflicts++;
            if (now - _burstStart > ConflictBurstWindowMs)
            {
                _burstStart = now;
                _burstConflicts = 0;
            }

            _burstConflicts++;
            if (State == ResponderState.Probing)
            {
                _attempt++;
                NameInstance();
            }

            // Announced names go back to probing (§9): the probe then meets the other owner and renames.
            State = ResponderState.Probing;
            _probesSent = 0;
            _pending = 0;
            _answerAt = PhoneTimer.Never;
            _nextStepAt = now + (_burstConflicts >= ConflictBurst ? ConflictPauseMs : 0);
        }

        private void Take(NetAddress self)
        {
            for (int i = 0; i < 4; i++)
            {
                _ip[i] = self.Octet(i);
            }

            _port = self.Port;
        }

        private void NameInstance()
        {
            InstanceLabel = DnsSdNames.InstanceLabel(_displayName, _attempt);
            _instance = DnsSdNames.Child(InstanceLabel, _service);
        }

        // xorshift32: spreads timing only (nothing secret or security relevant depends on it).
        private int Next(int range)
        {
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            return (int)(_random % (uint)range);
        }
    }
}
