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
    /// when it runs out (goodbyes: one second later, RFC 6762 §10.1). Taking the
    /// records of a response: MdnsBrowser.Records.cs.
    /// </summary>
    internal partial class MdnsBrowser
    {
        private const int FirstQueryDelayMs = 20;
        private const int FirstQueryIntervalMs = 1000;
        private const int GoodbyeDelayMs = 1000;
        private const int AskIntervalMs = 1000;
        private const int MaxAskShift = 6;

        private readonly MdnsLink _link;
        private readonly FoundPhone[] _phones;
        private readonly HostTable _hosts;
        private readonly byte[] _service = DnsSdNames.FromDotted(DnsSdNames.ServiceType);
        private readonly byte[] _scratch = new byte[DnsLimits.MaxName];
        private readonly int _maxIntervalMs;
        private long _nextQueryAt = PhoneTimer.Never;
        private int _intervalMs;

        internal MdnsBrowser(MdnsLink link, int capacity, int maxQueryIntervalMs)
        {
            _link = link;
            _phones = new FoundPhone[capacity];
            _hosts = new HostTable(capacity);
            _maxIntervalMs = maxQueryIntervalMs;
        }

        /// <summary>Earliest time OnTick has work.</summary>
        internal long NextDeadline
        {
            get
            {
                long next = Min(_nextQueryAt, _hosts.NextExpiry);
                for (int i = 0; i < _phones.Length; i++)
                {
                    FoundPhone p = _phones[i];
                    if (p != null)
                    {
                        next = Min(next, Min(p.ExpiresAt, Min(p.SrvExpiresAt, p.TxtExpiresAt)));
                        next = Min(next, Resolved(p) ? Max(AskDueAt(p), p.RefreshAt) : AskDueAt(p));
                    }
                }

                return next;
            }
        }

        /// <summary>Starts asking (again: after an address change the network may be a new one).</summary>
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

        /// <summary>Phones in the table (unresolved ones too), slot order.</summary>
        internal FoundPhone[] All()
        {
            int n = 0;
            for (int i = 0; i < _phones.Length; i++)
            {
                n += _phones[i] == null ? 0 : 1;
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
            byte[] ip = phone.Host == null || phone.Port == 0 ? null : _hosts.Find(phone.Host);
            return ip == null ? null : new NetAddress(ip[0], ip[1], ip[2], ip[3], phone.Port);
        }

        /// <summary>Expiry, refreshes, queries.</summary>
        internal void OnTick(long now)
        {
            Expire(now);
            _hosts.Expire(now);
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
                if (p != null && now >= p.ExpiresAt)
                {
                    _phones[i] = null;
                }
                else if (p != null)
                {
                    ExpireRecords(p, now);
                }
            }
        }

        private static void ExpireRecords(FoundPhone p, long now)
        {
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

        // Unanswered questions back off: 1 s, 2 s, 4 s ... 64 s.
        private static long AskDueAt(FoundPhone p)
        {
            return p.AskedAt + ((long)AskIntervalMs << (p.AskCount < MaxAskShift ? p.AskCount : MaxAskShift));
        }

        private bool Resolved(FoundPhone p)
        {
            return p.Fingerprint != null && p.Host != null && _hosts.Find(p.Host) != null;
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
