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
    internal class MdnsResponder
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

                return;
            }

            if (State == ResponderState.Probing)
            {
                if (LostTieBreak(m))
                {
                    _probesSent = 0;
                    _nextStepAt = now + TieLostDelayMs;
                }

                return;
            }

            int wanted = Wanted(m);
            if (wanted == 0)
            {
                return;
            }

            if (from.Port != MdnsGroup.Port)
            {
                WriteResponse(m.Id, wanted, LegacyTtlSeconds, false); // legacy unicast querier (RFC 6762 §6.7)
                _link.SendTo(from);
                return;
            }

            _pending |= wanted;
            long due = (wanted & (AnswerPtr | AnswerEnumeration)) != 0
                ? now + SharedAnswerMinDelayMs + Next(SharedAnswerSpreadMs) // shared records: spread answers (§6)
                : now;
            if (due < _answerAt)
            {
                _answerAt = due;
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

        // A response holding our instance name with other data than ours (while probing: any other record).
        private bool ConflictIn(DnsMessage m)
        {
            for (int i = 0; i < m.RecordCount; i++)
            {
                if (m.Ttl(i) == 0 || !DnsName.Matches(m.Buffer, m.Start, m.RecordName(i), _instance, 0))
                {
                    continue;
                }

                int type = m.RecordType(i);
                if (type == (int)DnsType.Srv && !SameSrv(m, i) || type == (int)DnsType.Txt && !SameTxt(m, i))
                {
                    return true;
                }

                if (State == ResponderState.Probing && type != (int)DnsType.Srv && type != (int)DnsType.Txt)
                {
                    return true;
                }
            }

            return false;
        }

        // Simultaneous probe for our name (§8.2): compare the proposed SRV data; the greater wins.
        private bool LostTieBreak(DnsMessage m)
        {
            for (int i = m.AnswerCount; i < m.AnswerCount + m.AuthorityCount; i++)
            {
                if (m.RecordType(i) != (int)DnsType.Srv
                    || !DnsName.Matches(m.Buffer, m.Start, m.RecordName(i), _instance, 0))
                {
                    continue;
                }

                int theirs = SrvData(m, i);
                int ours = OurSrvData(_scratch.Length / 2);
                int order = Compare(_scratch, 0, theirs, _scratch, _scratch.Length / 2, ours);
                return order > 0;
            }

            return false;
        }

        private int Wanted(DnsMessage m)
        {
            int wanted = 0;
            for (int q = 0; q < m.QuestionCount; q++)
            {
                int type = m.QuestionType(q);
                int name = m.QuestionName(q);
                bool any = type == (int)DnsType.Any;
                if ((any || type == (int)DnsType.Ptr) && DnsName.Matches(m.Buffer, m.Start, name, _service, 0))
                {
                    wanted |= KnownPtr(m) ? 0 : AnswerPtr;
                }
                else if (DnsName.Matches(m.Buffer, m.Start, name, _instance, 0))
                {
                    wanted |= any ? AnswerSrv | AnswerTxt
                        : type == (int)DnsType.Srv ? AnswerSrv : type == (int)DnsType.Txt ? AnswerTxt : 0;
                }
                else if ((any || type == (int)DnsType.A) && DnsName.Matches(m.Buffer, m.Start, name, _host, 0))
                {
                    wanted |= AnswerA;
                }
                else if ((any || type == (int)DnsType.Ptr)
                         && DnsName.Matches(m.Buffer, m.Start, name, _enumeration, 0))
                {
                    wanted |= AnswerEnumeration;
                }
            }

            return wanted;
        }

        // Known-answer suppression (§7.1): the querier already holds our PTR with at least half its TTL.
        private bool KnownPtr(DnsMessage m)
        {
            for (int i = 0; i < m.AnswerCount; i++)
            {
                if (m.RecordType(i) == (int)DnsType.Ptr && m.Ttl(i) >= 4500 / 2
                    && DnsName.Matches(m.Buffer, m.Start, m.RecordName(i), _service, 0)
                    && DnsName.Matches(m.Buffer, m.Start, m.DataOffset(i), _instance, 0))
                {
                    return true;
                }
            }

            return false;
        }

        // answers: what was asked; the records a browser needs next go in the additional section (RFC 6763 §12).
        private void WriteResponse(int id, int answers, int ttlOverride, bool goodbye)
        {
            int additional = 0;
            if ((answers & AnswerPtr) != 0)
            {
                additional |= AnswerSrv | AnswerTxt | AnswerA;
            }

            if ((answers & AnswerSrv) != 0)
            {
                additional |= AnswerA;
            }

            additional &= ~answers;
            int ttlShort = goodbye ? 0 : ttlOverride >= 0 ? ttlOverride : 120;
            int ttlLong = goodbye ? 0 : ttlOverride >= 0 ? ttlOverride : 4500;
            bool unique = ttlOverride < 0 || goodbye; // legacy unicast answers carry no cache-flush bit
            DnsWriter w = _link.Writer;
            w.Begin(id, DnsLimits.ResponseFlags);
            WriteSet(0, answers, ttlShort, ttlLong, unique);
            WriteSet(2, additional, ttlShort, ttlLong, unique);
        }

        private void WriteSet(int section, int set, int ttlShort, int ttlLong, bool unique)
        {
            DnsWriter w = _link.Writer;
            if ((set & AnswerPtr) != 0)
            {
                int mark = w.BeginRecord(section, _service, DnsType.Ptr, false, ttlLong);
                w.Name(_instance, 0);
                w.EndRecord(mark);
            }

            if ((set & AnswerSrv) != 0)
            {
                WriteSrv(section, ttlShort, unique);
            }

            if ((set & AnswerTxt) != 0)
            {
                WriteTxt(section, ttlLong, unique);
            }

            if ((set & AnswerA) != 0)
            {
                int mark = w.BeginRecord(section, _host, DnsType.A, unique, ttlShort);
                w.Bytes(_ip, 0, 4);
                w.EndRecord(mark);
            }

            if ((set & AnswerEnumeration) != 0)
            {
                int mark = w.BeginRecord(section, _enumeration, DnsType.Ptr, false, ttlLong);
                w.Name(_service, 0);
                w.EndRecord(mark);
            }
        }

        private void WriteSrv(int section, int ttl, bool unique)
        {
            DnsWriter w = _link.Writer;
            int mark = w.BeginRecord(section, _instance, DnsType.Srv, unique, ttl);
            w.U16(0); // priority
            w.U16(0); // weight
            w.U16(_port);
            w.Name(_host, 0);
            w.EndRecord(mark);
        }

        private void WriteTxt(int section, int ttl, bool unique)
        {
            DnsWriter w = _link.Writer;
            int mark = w.BeginRecord(section, _instance, DnsType.Txt, unique, ttl);
            w.Bytes(_txt, 0, _txt.Length);
            w.EndRecord(mark);
        }

        private bool SameSrv(DnsMessage m, int i)
        {
            int theirs = SrvData(m, i);
            int ours = OurSrvData(_scratch.Length / 2);
            return Compare(_scratch, 0, theirs, _scratch, _scratch.Length / 2, ours) == 0;
        }

        private bool SameTxt(DnsMessage m, int i)
        {
            return Compare(m.Buffer, m.DataOffset(i), m.DataLength(i), _txt, 0, _txt.Length) == 0;
        }

        // Their SRV data, uncompressed, into _scratch[0..]; returns its length.
        private int SrvData(DnsMessage m, int i)
        {
            System.Array.Copy(m.Buffer, m.DataOffset(i), _scratch, 0, 6);
            int n = DnsName.CopyTo(m.Buffer, m.Start, m.DataOffset(i) + 6, _hostScratch);
            System.Array.Copy(_hostScratch, 0, _scratch, 6, n);
            return 6 + n;
        }

        private int OurSrvData(int at)
        {
            for (int i = 0; i < 4; i++)
            {
                _scratch[at + i] = 0;
            }

            _scratch[at + 4] = (byte)(_port >> 8);
            _scratch[at + 5] = (byte)_port;
            System.Array.Copy(_host, 0, _scratch, at + 6, _host.Length);
            return 6 + _host.Length;
        }

        // Byte order with ASCII letters folded (names compare without case); shorter first on a tie.
        private static int Compare(byte[] a, int aAt, int aLength, byte[] b, int bAt, int bLength)
        {
            int n = aLength < bLength ? aLength : bLength;
            for (int i = 0; i < n; i++)
            {
                int x = Fold(a[aAt + i]);
                int y = Fold(b[bAt + i]);
                if (x != y)
                {
                    return x < y ? -1 : 1;
                }
            }

            return aLength == bLength ? 0 : aLength < bLength ? -1 : 1;
        }

        private static int Fold(byte c)
        {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
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
