// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>Why an mDNS message was refused (counted in MdnsCounters; None: accepted).</summary>
    public enum MdnsDrop
    {
        /// <summary>Accepted.</summary>
        None = 0,
        /// <summary>Ends inside the header, a name, a record or its data.</summary>
        Truncated = 1,
        /// <summary>Larger than DnsLimits.MaxMessage.</summary>
        Oversize = 2,
        /// <summary>Opcode or response code not zero (RFC 6762 §18.3, §18.11).</summary>
        BadHeader = 3,
        /// <summary>More questions or records than the parser keeps.</summary>
        TooManyRecords = 4,
        /// <summary>A reserved label type (0x40/0x80).</summary>
        BadLabel = 5,
        /// <summary>A compression pointer that does not point strictly before the name part it ends.</summary>
        BadPointer = 6,
        /// <summary>More compression pointers than DnsLimits.MaxPointerJumps.</summary>
        PointerLoop = 7,
        /// <summary>A name longer than 255 bytes in wire form.</summary>
        NameTooLong = 8,
        /// <summary>Record data longer than DnsLimits.MaxRecordData.</summary>
        OversizedRecord = 9,
        /// <summary>Record data that does not fit its type (A not 4 bytes, SRV/PTR name overruns, TXT strings overrun).</summary>
        BadRecord = 10,
        /// <summary>A new phone while the table of phones found is full.</summary>
        TableFull = 11,
        /// <summary>The handler failed (a bug; the message changed nothing).</summary>
        Internal = 12
    }
}
