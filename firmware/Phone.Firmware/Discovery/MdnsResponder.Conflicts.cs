// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Discovery
{
    /// <summary>The responder deciding conflicts (RFC 6762 §8.2, §9): our records against what others say.</summary>
    internal partial class MdnsResponder
    {
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
    }
}
