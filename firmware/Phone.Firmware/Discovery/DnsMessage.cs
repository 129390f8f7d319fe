// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// One received DNS message, parsed in place: questions and records are
    /// offsets into the caller's buffer, held in arrays allocated once. Parse
    /// checks everything (header, every name, every record's bounds and its data
    /// for the types DNS-SD uses) before it reports success, so a refused message
    /// leaves no partial result anyone acts on. Valid until the next Parse or
    /// until the buffer changes.
    /// </summary>
    public class DnsMessage
    {
        private readonly int[] _qName = new int[DnsLimits.MaxQuestions];
        private readonly int[] _qType = new int[DnsLimits.MaxQuestions];
        private readonly int[] _qClass = new int[DnsLimits.MaxQuestions];
        private readonly int[] _rName = new int[DnsLimits.MaxRecords];
        private readonly int[] _rType = new int[DnsLimits.MaxRecords];
        private readonly int[] _rClass = new int[DnsLimits.MaxRecords];
        private readonly int[] _rTtl = new int[DnsLimits.MaxRecords];
        private readonly int[] _rData = new int[DnsLimits.MaxRecords];
        private readonly int[] _rDataLength = new int[DnsLimits.MaxRecords];

        /// <summary>The message bytes (the caller's buffer).</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>Offset of the header in Buffer (compression pointers count from here).</summary>
        public int Start { get; private set; }

        /// <summary>End of the message in Buffer.</summary>
        public int End { get; private set; }

        /// <summary>Message id (0 in mDNS multicast; echoed in legacy unicast answers).</summary>
        public int Id { get; private set; }

        /// <summary>Flags word.</summary>
        public int Flags { get; private set; }

        /// <summary>A response (QR set), not a query.</summary>
        public bool IsResponse
        {
            get { return (Flags & 0x8000) != 0; }
        }

        /// <summary>Questions kept.</summary>
        public int QuestionCount { get; private set; }

        /// <summary>Answer records (the first records).</summary>
        public int AnswerCount { get; private set; }

        /// <summary>Authority records (after the answers; probes carry their proposed records here).</summary>
        public int AuthorityCount { get; private set; }

        /// <summary>All records: answers, authority, additional.</summary>
        public int RecordCount { get; private set; }

        /// <summary>Offset of question i's name.</summary>
        public int QuestionName(int i) { return _qName[i]; }

        /// <summary>Type of question i.</summary>
        public int QuestionType(int i) { return _qType[i]; }

        /// <summary>Class of question i without the unicast-response bit.</summary>
        public int QuestionClass(int i) { return _qClass[i] & ~DnsLimits.UnicastResponseBit; }

        /// <summary>Question i asks for a unicast answer (QU bit).</summary>
        public bool WantsUnicast(int i) { return (_qClass[i] & DnsLimits.UnicastResponseBit) != 0; }

        /// <summary>Offset of record i's name.</summary>
        public int RecordName(int i) { return _rName[i]; }

        /// <summary>Type of record i.</summary>
        public int RecordType(int i) { return _rType[i]; }

        /// <summary>Class of record i without the cache-flush bit.</summary>
        public int RecordClass(int i) { return _rClass[i] & ~DnsLimits.CacheFlushBit; }

        /// <summary>Record i replaces cached records of its name and type (cache-flush bit).</summary>
        public bool IsUnique(int i) { return (_rClass[i] & DnsLimits.CacheFlushBit) != 0; }

        /// <summary>Time to live of record i in seconds (0: goodbye).</summary>
        public int Ttl(int i) { return _rTtl[i]; }

        /// <summary>Offset of record i's data.</summary>
        public int DataOffset(int i) { return _rData[i]; }

        /// <summary>Length of record i's data.</summary>
        public int DataLength(int i) { return _rDataLength[i]; }

        /// <summary>
        /// Parses buffer[offset..offset+count). None on success; otherwise the
        /// reason, and the message holds nothing (counts are zero).
        /// </summary>
        public MdnsDrop Parse(byte[] buffer, int offset, int count)
        {
            Clear();
            MdnsDrop verdict = ParseInto(buffer, offset, count);
            if (verdict != MdnsDrop.None)
            {
                Clear();
            }

            return verdict;
        }

        private MdnsDrop ParseInto(byte[] buffer, int offset, int count)
        {
            MdnsDrop header = CheckHeader(buffer, offset, count);
            if (header != MdnsDrop.None)
            {
                return header;
            }

            int start = offset;
            int end = offset + count;
            int questions = U16(buffer, start + 4);
            int records = U16(buffer, start + 6) + U16(buffer, start + 8) + U16(buffer, start + 10);
            int p = start + DnsLimits.HeaderLength;
            for (int i = 0; i < questions; i++)
            {
                MdnsDrop question = ParseQuestion(buffer, start, end, i, ref p);
                if (question != MdnsDrop.None)
                {
                    return question;
                }
            }

            for (int i = 0; i < records; i++)
            {
                MdnsDrop record = ParseRecord(buffer, start, end, i, ref p);
                if (record != MdnsDrop.None)
                {
                    return record;
                }
            }

            Keep(buffer, start, end);
            return MdnsDrop.None;
        }

        // Every part checked: the message becomes readable.
        private void Keep(byte[] buffer, int start, int end)
        {
            Buffer = buffer;
            Start = start;
            End = end;
            Id = U16(buffer, start);
            Flags = U16(buffer, start + 2);
            QuestionCount = U16(buffer, start + 4);
            AnswerCount = U16(buffer, start + 6);
            AuthorityCount = U16(buffer, start + 8);
            RecordCount = AnswerCount + AuthorityCount + U16(buffer, start + 10);
        }

        private static MdnsDrop CheckHeader(byte[] buffer, int start, int count)
        {
            if (count > DnsLimits.MaxMessage)
            {
                return MdnsDrop.Oversize;
            }

            if (count < DnsLimits.HeaderLength)
            {
                return MdnsDrop.Truncated;
            }

            int flags = U16(buffer, start + 2);
            if ((flags & 0x7800) != 0 || (flags & 0x000F) != 0)
            {
                return MdnsDrop.BadHeader; // opcode or rcode not zero: ignored (RFC 6762 §18.3, §18.11)
            }

            int records = U16(buffer, start + 6) + U16(buffer, start + 8) + U16(buffer, start + 10);
            return U16(buffer, start + 4) > DnsLimits.MaxQuestions || records > DnsLimits.MaxRecords
                ? MdnsDrop.TooManyRecords : MdnsDrop.None;
        }

        private MdnsDrop ParseQuestion(byte[] buffer, int start, int end, int i, ref int p)
        {
            int next;
            MdnsDrop name = DnsName.Check(buffer, start, end, p, out next);
            if (name != MdnsDrop.None)
            {
                return name;
            }

            if (next + 4 > end)
            {
                return MdnsDrop.Truncated;
            }

            _qName[i] = p;
            _qType[i] = U16(buffer, next);
            _qClass[i] = U16(buffer, next + 2);
            p = next + 4;
            return MdnsDrop.None;
        }

        private MdnsDrop ParseRecord(byte[] buffer, int start, int end, int i, ref int p)
        {
            int next;
            MdnsDrop name = DnsName.Check(buffer, start, end, p, out next);
            if (name != MdnsDrop.None)
            {
                return name;
            }

            if (next + 10 > end)
            {
                return MdnsDrop.Truncated;
            }

            int type = U16(buffer, next);
            int length = U16(buffer, next + 8);
            int data = next + 10;
            MdnsDrop content = length > DnsLimits.MaxRecordData ? MdnsDrop.OversizedRecord
                : data + length > end ? MdnsDrop.Truncated : CheckData(buffer, start, type, data, length);
            if (content != MdnsDrop.None)
            {
                return content;
            }

            uint ttl = (uint)((U16(buffer, next + 4) << 16) | U16(buffer, next + 6));
            _rName[i] = p;
            _rType[i] = type;
            _rClass[i] = U16(buffer, next + 2);
            _rTtl[i] = ttl > 0x7FFFFFFF ? 0 : (int)ttl; // a set top bit means 0 (RFC 2181 §8)
            _rData[i] = data;
            _rDataLength[i] = length;
            p = data + length;
            return MdnsDrop.None;
        }

        // The data of the types DNS-SD reads must be well formed; other types are only bounded.
        private static MdnsDrop CheckData(byte[] buffer, int start, int type, int data, int length)
        {
            int end = data + length;
            int next;
            MdnsDrop name;
            switch (type)
            {
                case (int)DnsType.A:
                    return length == 4 ? MdnsDrop.None : MdnsDrop.BadRecord;
                case (int)DnsType.Ptr:
                    name = DnsName.Check(buffer, start, end, data, out next);
                    return name != MdnsDrop.None ? name : next == end ? MdnsDrop.None : MdnsDrop.BadRecord;
                case (int)DnsType.Srv:
                    if (length < 7)
                    {
                        return MdnsDrop.BadRecord;
                    }

                    name = DnsName.Check(buffer, start, end, data + 6, out next);
                    return name != MdnsDrop.None ? name : next == end ? MdnsDrop.None : MdnsDrop.BadRecord;
                case (int)DnsType.Txt:
                    int p = data;
                    while (p < end)
                    {
                        p += 1 + buffer[p];
                    }

                    return p == end ? MdnsDrop.None : MdnsDrop.BadRecord;
                default:
                    return MdnsDrop.None;
            }
        }

        private void Clear()
        {
            QuestionCount = 0;
            AnswerCount = 0;
            AuthorityCount = 0;
            RecordCount = 0;
            Buffer = null;
        }

        internal static int U16(byte[] b, int at)
        {
            return (b[at] << 8) | b[at + 1];
        }
    }
}
