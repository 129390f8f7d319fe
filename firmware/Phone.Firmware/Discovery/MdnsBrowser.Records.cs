// SPDX-License-Identifier: MIT
using Phone.Firmware.Timing;

namespace Phone.Firmware.Discovery
{
    /// <summary>The browser taking the records of one parsed response.</summary>
    internal partial class MdnsBrowser
    {
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
                FoundPhone p = type == (int)DnsType.Srv || type == (int)DnsType.Txt ? FindInstance(m, m.RecordName(i)) : null;
                if (p != null && type == (int)DnsType.Srv)
                {
                    TakeSrv(p, m, i, now);
                }
                else if (p != null)
                {
                    TakeTxt(p, m, i, now);
                }
            }

            for (int i = 0; i < m.RecordCount; i++)
            {
                if (m.RecordType(i) == (int)DnsType.A && Wanted(m, m.RecordName(i)) && !_hosts.Take(m, i, now))
                {
                    _link.Counters.Drop(MdnsDrop.TableFull);
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

            p = p ?? Add(m, target, labelAt, now);
            if (p != null)
            {
                p.ExpiresAt = now + DnsWire.Milliseconds(m.Ttl(i));
                p.LastHeardAt = now;
            }
        }

        // A new instance in a free slot (counted and dropped when the table is full).
        private FoundPhone Add(DnsMessage m, int target, int labelAt, long now)
        {
            int slot = FreeSlot(now);
            if (slot < 0)
            {
                _link.Counters.Drop(MdnsDrop.TableFull);
                return null;
            }

            int n = DnsName.CopyTo(m.Buffer, m.Start, target, _scratch);
            byte[] instance = new byte[n];
            System.Array.Copy(_scratch, instance, n);
            FoundPhone p = new FoundPhone(instance, DisplayText.Of(m.Buffer, labelAt + 1, m.Buffer[labelAt]));
            p.SrvExpiresAt = PhoneTimer.Never;
            p.TxtExpiresAt = PhoneTimer.Never;
            p.RefreshAt = PhoneTimer.Never;
            p.AskedAt = now - AskIntervalMs; // ask at once for what this response lacks
            _phones[slot] = p;
            return p;
        }

        private void TakeSrv(FoundPhone p, DnsMessage m, int i, long now)
        {
            int data = m.DataOffset(i);
            int port = DnsMessage.U16(m.Buffer, data + 4);
            if (m.Ttl(i) == 0 || port == 0)
            {
                p.SrvExpiresAt = m.Ttl(i) == 0 ? Min(p.SrvExpiresAt, now + GoodbyeDelayMs) : p.SrvExpiresAt;
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
            p.SrvExpiresAt = now + DnsWire.Milliseconds(m.Ttl(i));
            p.RefreshAt = now + DnsWire.Milliseconds(m.Ttl(i)) * 8 / 10;
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
            p.TxtExpiresAt = now + DnsWire.Milliseconds(m.Ttl(i));
            p.LastHeardAt = now;
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
    }
}
