// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Text;
using Phone.Firmware.Discovery;

namespace Phone.Tests.Firmware.Discovery.Support
{
    /// <summary>mDNS messages for tests: well-formed ones through DnsWriter, broken ones byte by byte.</summary>
    public static class Packets
    {
        public static readonly byte[] Service = DnsSdNames.FromDotted(DnsSdNames.ServiceType);

        /// <summary>
        /// A response announcing instance name with fingerprint fp at ip:port (host
        /// "host"), every record with ttl (0: goodbye). compress=false writes every
        /// name in full (another encoder's style).
        /// </summary>
        public static byte[] Announce(string name, string fp, byte[] ip, int port, int ttl = 120, string host = null,
            bool compress = true)
        {
            byte[] instance = DnsSdNames.Child(Encoding.UTF8.GetBytes(name), Service);
            byte[] hostName = DnsSdNames.FromDotted((host ?? "host-" + fp) + ".local");
            var w = new DnsWriter(1500);
            w.Begin(0, DnsLimits.ResponseFlags);
            int m = w.BeginRecord(0, Service, DnsType.Ptr, false, ttl);
            Name(w, instance, compress);
            w.EndRecord(m);
            m = w.BeginRecord(0, instance, DnsType.Srv, true, ttl);
            w.U16(0);
            w.U16(0);
            w.U16(port);
            Name(w, hostName, compress);
            w.EndRecord(m);
            m = w.BeginRecord(0, instance, DnsType.Txt, true, ttl);
            byte[] txt = PhoneTxt.Build(1, fp);
            w.Bytes(txt, 0, txt.Length);
            w.EndRecord(m);
            m = w.BeginRecord(0, hostName, DnsType.A, true, ttl);
            w.Bytes(ip, 0, 4);
            w.EndRecord(m);
            return Take(w);
        }

        /// <summary>A PTR query for the phones' service type.</summary>
        public static byte[] BrowseQuery()
        {
            var w = new DnsWriter(512);
            w.Begin(0, 0);
            w.Question(Service, DnsType.Ptr, false);
            return Take(w);
        }

        /// <summary>A message from raw header fields and body bytes.</summary>
        public static byte[] Raw(int flags, int qd, int an, int ns, int ar, params byte[] body)
        {
            var b = new List<byte> { 0, 0, (byte)(flags >> 8), (byte)flags, 0, (byte)qd, 0, (byte)an, 0, (byte)ns, 0, (byte)ar };
            b.AddRange(body);
            return b.ToArray();
        }

        /// <summary>Parses bytes and returns the records' types and names as text (for comparisons).</summary>
        public static List<string> Describe(byte[] bytes)
        {
            var m = new DnsMessage();
            MdnsDrop verdict = m.Parse(bytes, 0, bytes.Length);
            var lines = new List<string> { verdict.ToString() };
            var name = new byte[DnsLimits.MaxName];
            for (int i = 0; i < m.RecordCount; i++)
            {
                int n = DnsName.CopyTo(m.Buffer, m.Start, m.RecordName(i), name);
                lines.Add((DnsType)m.RecordType(i) + " " + Dotted(name, n) + " ttl " + m.Ttl(i));
            }

            return lines;
        }

        public static string Dotted(byte[] wire, int length)
        {
            var text = new StringBuilder();
            for (int p = 0; wire[p] != 0 && p < length; p += 1 + wire[p])
            {
                text.Append(Encoding.UTF8.GetString(wire, p + 1, wire[p])).Append('.');
            }

            return text.ToString();
        }

        private static void Name(DnsWriter w, byte[] name, bool compress)
        {
            if (compress)
            {
                w.Name(name, 0);
            }
            else
            {
                w.Bytes(name, 0, name.Length);
            }
        }

        private static byte[] Take(DnsWriter w)
        {
            if (w.Overflowed)
            {
                throw new InvalidOperationException("test packet too large");
            }

            byte[] bytes = new byte[w.Length];
            Array.Copy(w.Buffer, bytes, w.Length);
            return bytes;
        }
    }
}
