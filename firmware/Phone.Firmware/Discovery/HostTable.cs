// SPDX-License-Identifier: MIT
using Phone.Firmware.Timing;

namespace Phone.Firmware.Discovery
{
    /// <summary>The browser's host addresses (A records): a fixed number of slots, each expiring with its TTL.</summary>
    internal class HostTable
    {
        private const int GoodbyeDelayMs = 1000;

        private readonly byte[][] _name;
        private readonly byte[][] _ip;
        private readonly long[] _expiresAt;
        private readonly byte[] _scratch = new byte[DnsLimits.MaxName];

        internal HostTable(int capacity)
        {
            _name = new byte[capacity][];
            _ip = new byte[capacity][];
            _expiresAt = new long[capacity];
        }

        /// <summary>Earliest expiry (PhoneTimer.Never: empty).</summary>
        internal long NextExpiry
        {
            get
            {
                long next = PhoneTimer.Never;
                for (int h = 0; h < _name.Length; h++)
                {
                    if (_name[h] != null && _expiresAt[h] < next)
                    {
                        next = _expiresAt[h];
                    }
                }

                return next;
            }
        }

        /// <summary>The address of host (wire name), or null.</summary>
        internal byte[] Find(byte[] host)
        {
            for (int h = 0; h < _name.Length; h++)
            {
                if (_name[h] != null && DnsWire.Same(_name[h], host))
                {
                    return _ip[h];
                }
            }

            return null;
        }

        /// <summary>Takes A record i of m (a goodbye expires the address one second later). False: table full.</summary>
        internal bool Take(DnsMessage m, int i, long now)
        {
            int h = Slot(m, m.RecordName(i));
            if (m.Ttl(i) == 0)
            {
                if (h >= 0 && _expiresAt[h] > now + GoodbyeDelayMs)
                {
                    _expiresAt[h] = now + GoodbyeDelayMs;
                }

                return true;
            }

            if (h < 0)
            {
                h = Free();
                if (h < 0)
                {
                    return false;
                }

                int n = DnsName.CopyTo(m.Buffer, m.Start, m.RecordName(i), _scratch);
                _name[h] = new byte[n];
                System.Array.Copy(_scratch, _name[h], n);
                _ip[h] = new byte[4];
            }

            System.Array.Copy(m.Buffer, m.DataOffset(i), _ip[h], 0, 4);
            _expiresAt[h] = now + DnsWire.Milliseconds(m.Ttl(i));
            return true;
        }

        /// <summary>Forgets addresses whose TTL ran out.</summary>
        internal void Expire(long now)
        {
            for (int h = 0; h < _name.Length; h++)
            {
                if (_name[h] != null && now >= _expiresAt[h])
                {
                    _name[h] = null;
                    _ip[h] = null;
                }
            }
        }

        private int Slot(DnsMessage m, int name)
        {
            for (int h = 0; h < _name.Length; h++)
            {
                if (_name[h] != null && DnsName.Matches(m.Buffer, m.Start, name, _name[h], 0))
                {
                    return h;
                }
            }

            return -1;
        }

        private int Free()
        {
            for (int h = 0; h < _name.Length; h++)
            {
                if (_name[h] == null)
                {
                    return h;
                }
            }

            return -1;
        }
    }
}
