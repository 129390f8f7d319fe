// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Wire constants and the bounds the mDNS parser enforces.</summary>
    public static class DnsLimits
    {
        /// <summary>Fixed DNS header: id, flags and four counts.</summary>
        public const int HeaderLength = 12;

        /// <summary>Largest mDNS message accepted and written (RFC 6762 §17 allows 9000; one Ethernet frame is plenty here).</summary>
        public const int MaxMessage = 1500;

        /// <summary>Longest name in wire form, terminating zero included (RFC 1035 §2.3.4).</summary>
        public const int MaxName = 255;

        /// <summary>Longest label (RFC 1035).</summary>
        public const int MaxLabel = 63;

        /// <summary>Compression pointers followed in one name; the backwards rule already forbids loops.</summary>
        public const int MaxPointerJumps = 32;

        /// <summary>Questions kept from one message; more drops it.</summary>
        public const int MaxQuestions = 16;

        /// <summary>Answer, authority and additional records kept from one message; more drops it.</summary>
        public const int MaxRecords = 32;

        /// <summary>Largest record data accepted (a bigger record drops the message).</summary>
        public const int MaxRecordData = 512;

        /// <summary>Class IN.</summary>
        public const int ClassIn = 1;

        /// <summary>Top bit of a record's class: cache-flush (unique record, RFC 6762 §10.2).</summary>
        public const int CacheFlushBit = 0x8000;

        /// <summary>Top bit of a question's class: unicast response wanted (RFC 6762 §5.4).</summary>
        public const int UnicastResponseBit = 0x8000;

        /// <summary>Flags of an authoritative response (QR and AA).</summary>
        public const int ResponseFlags = 0x8400;

        /// <summary>Compression pointer marker (top two bits of a length byte).</summary>
        public const int PointerMask = 0xC0;

        /// <summary>Largest offset a compression pointer can hold.</summary>
        public const int MaxPointerOffset = 0x3FFF;
    }
}
