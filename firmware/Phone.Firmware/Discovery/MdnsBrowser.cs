// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Timing;

namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// Browses "_e2e-phone._udp.local": asks at start and then at doubling
    /// intervals, collects PTR, SRV, TXT and A records from every response into a
    /// bounded table (a new phone while it is full is dropped and counted), asks
    /// for what is missing, refreshes records at 80% of their TTL and forgets them
    /// when it runs out (goodbyes: one second later, RFC 6762 §10.1).
    /// </summary>
    internal class MdnsBrowser
    {
        private const int FirstQueryDelayMs = 20;
        private const int FirstQueryIntervalMs = 1000;
        private const int GoodbyeDelayMs = 1000;
        private const int AskIntervalMs = 1000;

        private readonly MdnsLink _link;
        private readonly FoundPhone[] _phones;
        private readonly byte[][] _hostName;
        private readonly byte[][] _hostIp;
        private readonly long[] _hostExpiresAt;
        private readonly byte[] _service = DnsSdNames.FromDotted(DnsSdNames.ServiceType);
        private readonly byte[] _scratch = new byte[DnsLimits.MaxName];
        private readonly int _maxIntervalMs;
        private long _nextQueryAt = PhoneTimer.Never;
        private int _intervalMs;

        internal MdnsBrowser(MdnsLink link, int capacity, int maxQueryIntervalMs)
        {
            _link = link;
            _phones = new FoundPhone[capacity];
            _hostName = new byte[capacity][];
            _hostIp = new byte[capacity][];
            _hostExpiresAt = new long[capacity];
            _maxIntervalMs = maxQueryIntervalMs;
        }

        /// <summary>Earliest time OnTick has work.</summary>
        internal long NextDeadline
        {
            get
            {
                long next = _nextQueryAt;
                for (int i = 0; i < _phones.Length; i++)
                {
                    FoundPhone p = _phones[i];
                    if (p != null)
                    {
                        next = Min(next, Min(p.ExpiresAt, Min(p.SrvExpiresAt, p.TxtExpiresAt)));
                        if (!Resolved(p) || p.RefreshAt != PhoneTimer.Never)
                        {
                            long ask = AskDueAt(p);
                            next = Min(next, Resolved(p) ? Max(ask, p.RefreshAt) : ask);
                        }
                    }

                    if (_hostName[i] != null)
                    {
                        next = Min(next, _hostExpiresAt[i]);
                    }
                }

                return next;
            }
        }

        /// <summary>Starts asking.</summary>
        internal void Start(long now)
        {
            _intervalMs = FirstQueryIntervalMs;
            _nextQueryAt = now + FirstQueryDelayMs;
        }

        /// <summary>Stops asking (the table stays readable).</summary>
        internal void Stop()
        {
            _nextQueryAt = PhoneTimer.Never;
        }

        /// <summary>Ask again soon (e.g. our own address changed: the network may be a new one).</summary>
        internal void Restart(long now)
        {
            Start(now);
        }

        /// <summary>Phones in the table (unresolved ones too), slot order.</summary>
        internal FoundPhone[] All()
        {
            int n = 0;
            for (int i = 0; i < _phones.Length; i++)
            {
                if (_phones[i] != null)
                {
                    n++;
                }
            }

            FoundPhone[] all = new FoundPhone[n];
            n = 0;
            for (int i = 0; i < _phones.Length; i++)
            {
                if (_phones[i] != null)
                {
                    all[n++] = _phones[i];
                }
            }

            return all;
        }

        /// <summary>Where phone says it is (SRV port and the A address of its host), or null if not resolved.</summary>
        internal NetAddress AddressOf(FoundPhone phone)
        {
            if (phone.Host == null || phone.Port == 0)
            {
                return null;
            }

            int h = FindHost(phone.Host);
            if (h < 0)
            {
                return null;
            }

            byte[] ip = _hostIp[h];
            return new NetAddress(ip[0], ip[1], ip[2], ip[3], phone.Port);
        }

        /// <summary>Expiry, refreshes, queries.</summary>
        internal void OnTick(long now)
        {
            Expire(now);
            if (now >= _nextQueryAt)
            {
                DnsWriter w = _link.Writer;
                w.Begin(0, 0);
                w.Question(_service, DnsType.Ptr, false);
                _link.SendToGroup();
                _nextQueryAt = now + _intervalMs;
                _intervalMs = _intervalMs * 2 > _maxIntervalMs ? _maxIntervalMs : _intervalMs * 2;
            }

            for (int i = 0; i < _phones.Length; i++)
            {
                FoundPhone p = _phones[i];
                if (p != null && now >= AskDueAt(p) && (!Resolved(p) || now >= p.RefreshAt))
                {
                    Ask(p, now);
                }
            }
        }

        /// <summary>Takes the records of a parsed response: PTRs first, then SRV/TXT, then addresses.</summary>
        internal void OnResponse(DnsMessage m, long now)
        {
            for (int i = 0; i < m.RecordCount; i++)
            {
                if (m.RecordType(i) == (int)DnsType.Ptr && m.RecordClass(i) == DnsLimits.ClassIn
                    && DnsName.Matches(m.Buffer, m.Start, m.RecordName(i), _service, 0))
                {
                    TakePtr(m, i, now);
                }
            }

            for (int i = 0; i < m.RecordCount; i++)
            {
                int type = m.RecordType(i);
                if (type != (int)DnsType.Srv && type != (int)DnsType.Txt)
                {
                    continue;
                }

                FoundPhone p = FindInstance(m, m.RecordName(i));
                if (p != null)
                {
                    if (type == (int)DnsType.Srv)
                    {
                        TakeSrv(p, m, i, now);
                    }
                    else
                    {
                        TakeTxt(p, m, i, now);
                    }
                }
            }

            for (int i = 0; i < m.RecordCount; i++)
            {
                if (m.RecordType(i) == (int)DnsType.A && Wanted(m, m.RecordName(i)))
                {
                    TakeA(m, i, now);
                }
            }
        }

        private void TakePtr(DnsMessage m, int i, long now)
        {
            int labelAt;
            int target = m.DataOffset(i);
            if (!DnsName.IsChildOf(m.Buffer, m.Start, target, _service, out labelAt))
            {
                return; // not an instance of our type: ignored
            }

            FoundPhone p = FindInstance(m, target);
            if (m.Ttl(i) == 0)
            {
                if (p != null)
                {
                    p.ExpiresAt = Min(p.ExpiresAt, now + GoodbyeDelayMs);
                }

                return;
            }

            if (p == null)
            {
                int slot = FreeSlot(now);
                if (slot < 0)
                {
                    _link.Counters.Drop(MdnsDrop.TableFull);
                    return;
                }

                int n = DnsName.CopyTo(m.Buffer, m.Start, target, _scratch);
                byte[] instance = new byte[n];
                System.Array.Copy(_scratch, instance, n);
                p = new FoundPhone(instance, DisplayText.Of(m.Buffer, labelAt + 1, m.Buffer[labelAt]));
                p.SrvExpiresAt = PhoneTimer.Never;
                p.TxtExpiresAt = PhoneTimer.Never;
                p.RefreshAt = PhoneTimer.Never;
                p.AskedAt = now - AskIntervalMs; // ask at once for what this response lacks
                _phones[slot] = p;
            }

            p.ExpiresAt = now + Seconds(m.Ttl(i));
            p.LastHeardAt = now;
        }

        private void TakeSrv(FoundPhone p, DnsMessage m, int i, long now)
        {
            if (m.Ttl(i) == 0)
            {
                p.SrvExpiresAt = Min(p.SrvExpiresAt, now + GoodbyeDelayMs);
                return;
            }

            int data = m.DataOffset(i);
            int port = DnsMessage.U16(m.Buffer, data + 4);
            if (port == 0)
            {
                return;
            }

            if (p.Host == null || !DnsName.Matches(m.Buffer, m.Start, data + 6, p.Host, 0))
            {
                int n = DnsName.CopyTo(m.Buffer, m.Start, data + 6, _scratch);
                byte[] host = new byte[n];
                System.Array.Copy(_scratch, host, n);
                p.Host = host;
            }

            p.Port = port;
            p.AskCount = 0;
            p.SrvExpiresAt = now + Seconds(m.Ttl(i));
            p.RefreshAt = now + Seconds(m.Ttl(i)) * 8 / 10;
            p.LastHeardAt = now;
        }

        private void TakeTxt(FoundPhone p, DnsMessage m, int i, long now)
        {
            if (m.Ttl(i) == 0)
            {
                p.TxtExpiresAt = Min(p.TxtExpiresAt, now + GoodbyeDelayMs);
                return;
            }

            if (!PhoneTxt.FingerprintIs(m.Buffer, m.DataOffset(i), m.DataLength(i), p.Fingerprint))
            {
                p.Fingerprint = PhoneTxt.Fingerprint(m.Buffer, m.DataOffset(i), m.DataLength(i)); // a refresh allocates nothing
            }

            p.Version = PhoneTxt.Version(m.Buffer, m.DataOffset(i), m.DataLength(i));
            p.TxtExpiresAt = now + Seconds(m.Ttl(i));
            p.LastHeardAt = now;
        }

        private void TakeA(DnsMessage m, int i, long now)
        {
            int h = -1;
            for (int k = 0; k < _hostName.Length; k++)
            {
                if (_hostName[k] != null && DnsName.Matches(m.Buffer, m.Start, m.RecordName(i), _hostName[k], 0))
                {
                    h = k;
                    break;
                }
            }

            if (m.Ttl(i) == 0)
            {
                if (h >= 0)
                {
                    _hostExpiresAt[h] = Min(_hostExpiresAt[h], now + GoodbyeDelayMs);
                }

                return;
            }

            if (h < 0)
            {
                for (int k = 0; k < _hostName.Length && h < 0; k++)
                {
                    if (_hostName[k] == null)
                    {
                        h = k;
                    }
                }

                if (h < 0)
                {
                    _link.Counters.Drop(MdnsDrop.TableFull);
                    return;
                }

                int n = DnsName.CopyTo(m.Buffer, m.Start, m.RecordName(i), _scratch);
                _hostName[h] = new byte[n];
                System.Array.Copy(_scratch, _hostName[h], n);
                _hostIp[h] = new byte[4];
            }

            System.Array.Copy(m.Buffer, m.DataOffset(i), _hostIp[h], 0, 4);
            _hostExpiresAt[h] = now + Seconds(m.Ttl(i));
        }

        // An A record is kept only for a host some phone in the table points at (bounds the host table).
        private bool Wanted(DnsMessage m, int name)
        {
            for (int i = 0; i < _phones.Length; i++)
            {
                if (_phones[i] != null && _phones[i].Host != null
                    && DnsName.Matches(m.Buffer, m.Start, name, _phones[i].Host, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private void Ask(FoundPhone p, long now)
        {
            DnsWriter w = _link.Writer;
            w.Begin(0, 0);
            w.Question(p.Instance, DnsType.Srv, false);
            w.Question(p.Instance, DnsType.Txt, false);
            if (p.Host != null)
            {
                w.Question(p.Host, DnsType.A, false);
            }

            _link.SendToGroup();
            p.AskedAt = now;
            p.AskCount++;
            if (now >= p.RefreshAt)
            {
                p.RefreshAt = p.SrvExpiresAt; // one refresh query; the answer sets the next one
            }
        }

        private void Expire(long now)
        {
            for (int i = 0; i < _phones.Length; i++)
            {
                FoundPhone p = _phones[i];
                if (p == null)
                {
                    continue;
                }

                if (now >= p.ExpiresAt)
                {
                    _phones[i] = null;
                    continue;
                }

                if (now >= p.SrvExpiresAt)
                {
                    p.Host = null;
                    p.Port = 0;
                    p.SrvExpiresAt = PhoneTimer.Never;
                    p.RefreshAt = PhoneTimer.Never;
                }

                if (now >= p.TxtExpiresAt)
                {
                    p.Fingerprint = null;
                    p.Version = -1;
                    p.TxtExpiresAt = PhoneTimer.Never;
                }
            }

            for (int h = 0; h < _hostName.Length; h++)
            {
                if (_hostName[h] != null && now >= _hostExpiresAt[h])
                {
                    _hostName[h] = null;
                    _hostIp[h] = null;
                }
            }
        }

        // Unanswered questions back off: 1 s, 2 s, 4 s ... 64 s.
        private static long AskDueAt(FoundPhone p)
        {
            return p.AskedAt + ((long)AskIntervalMs << (p.AskCount < 6 ? p.AskCount : 6));
        }

        private bool Resolved(FoundPhone p)
        {
            return p.Fingerprint != null && p.Host != null && FindHost(p.Host) >= 0;
        }

        private int FindHost(byte[] host)
        {
            for (int h = 0; h < _hostName.Length; h++)
            {
                if (_hostName[h] != null && SameWire(_hostName[h], host))
                {
                    return h;
                }
            }

            return -1;
        }

        private FoundPhone FindInstance(DnsMessage m, int name)
        {
            for (int i = 0; i < _phones.Length; i++)
            {
                if (_phones[i] != null && DnsName.Matches(m.Buffer, m.Start, name, _phones[i].Instance, 0))
                {
                    return _phones[i];
                }
            }

            return null;
        }

        private int FreeSlot(long now)
        {
            for (int i = 0; i < _phones.Length; i++)
            {
                if (_phones[i] == null || now >= _phones[i].ExpiresAt)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool SameWire(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                int x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i];
                int y = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i];
                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }

        // TTLs are capped at a day so the arithmetic stays far from overflow.
        private static long Seconds(int ttl)
        {
            return (ttl > 86400 ? 86400 : ttl) * 1000L;
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        private static long Max(long a, long b)
        {
            return a > b ? a : b;
        }
    }
}
