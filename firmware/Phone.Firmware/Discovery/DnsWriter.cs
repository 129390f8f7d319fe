// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// Writes one DNS message into a buffer allocated once, compressing names
    /// against names already written (a bounded table of offsets). Writing past
    /// the buffer sets Overflowed and writes nothing more; the caller then does
    /// not send the message.
    /// </summary>
    public class DnsWriter
    {
        private const int MaxCompressionTargets = 32;

        private readonly byte[] _buffer;
        private readonly int[] _targets = new int[MaxCompressionTargets];
        private int _targetCount;
        private int _questions;
        private int _answers;
        private int _authority;
        private int _additional;

        /// <summary>A writer whose messages are at most capacity bytes.</summary>
        public DnsWriter(int capacity)
        {
            _buffer = new byte[capacity];
        }

        /// <summary>The message bytes (valid up to Length).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes written.</summary>
        public int Length { get; private set; }

        /// <summary>Something did not fit: the message is incomplete.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Records written so far (answers + authority + additional).</summary>
        public int RecordCount
        {
            get { return _answers + _authority + _additional; }
        }

        /// <summary>Starts a message with id and flags; sections are written in order.</summary>
        public void Begin(int id, int flags)
        {
            Length = 0;
            Overflowed = false;
            _targetCount = 0;
            _questions = 0;
            _answers = 0;
            _authority = 0;
            _additional = 0;
            U16(id);
            U16(flags);
            U16(0);
            U16(0);
            U16(0);
            U16(0);
        }

        /// <summary>Writes a question for name (uncompressed wire form).</summary>
        public void Question(byte[] name, DnsType type, bool unicast)
        {
            Name(name, 0);
            U16((int)type);
            U16(DnsLimits.ClassIn | (unicast ? DnsLimits.UnicastResponseBit : 0));
            _questions++;
            Counts();
        }

        /// <summary>Starts a record in section (0 answer, 1 authority, 2 additional); returns the mark for EndRecord.</summary>
        public int BeginRecord(int section, byte[] name, DnsType type, bool unique, int ttlSeconds)
        {
            Name(name, 0);
            U16((int)type);
            U16(DnsLimits.ClassIn | (unique ? DnsLimits.CacheFlushBit : 0));
            U16((ttlSeconds >> 16) & 0xFFFF);
            U16(ttlSeconds & 0xFFFF);
            U16(0); // data length, filled by EndRecord
            if (section == 0)
            {
                _answers++;
            }
            else if (section == 1)
            {
                _authority++;
            }
            else
            {
                _additional++;
            }

            Counts();
            return Length;
        }

        /// <summary>Fills in the data length of the record begun at mark.</summary>
        public void EndRecord(int mark)
        {
            if (Overflowed)
            {
                return;
            }

            int length = Length - mark;
            _buffer[mark - 2] = (byte)(length >> 8);
            _buffer[mark - 1] = (byte)length;
        }

        /// <summary>Writes name[offset..] compressed against the names written before.</summary>
        public void Name(byte[] name, int offset)
        {
            // Labels written now become compression targets only once the whole name
            // is written: a target must never be followed by bytes not yet written.
            int firstNew = _targetCount;
            int p = offset;
            while (name[p] != 0)
            {
                int earlier = FindWritten(name, p, firstNew);
                if (earlier >= 0)
                {
                    U16(0xC000 | earlier);
                    _targetCount = Overflowed ? firstNew : _targetCount;
                    return;
                }

                if (_targetCount < MaxCompressionTargets && Length <= DnsLimits.MaxPointerOffset)
                {
                    _targets[_targetCount++] = Length;
                }

                Bytes(name, p, 1 + name[p]);
                p += 1 + name[p];
            }

            Byte(0);
            _targetCount = Overflowed ? firstNew : _targetCount;
        }

        /// <summary>Appends count bytes.</summary>
        public void Bytes(byte[] source, int offset, int count)
        {
            if (!Room(count))
            {
                return;
            }

            System.Array.Copy(source, offset, _buffer, Length, count);
            Length += count;
        }

        /// <summary>Appends one byte.</summary>
        public void Byte(int value)
        {
            if (Room(1))
            {
                _buffer[Length++] = (byte)value;
            }
        }

        /// <summary>Appends a big-endian 16-bit value.</summary>
        public void U16(int value)
        {
            if (Room(2))
            {
                _buffer[Length++] = (byte)(value >> 8);
                _buffer[Length++] = (byte)value;
            }
        }

        private int FindWritten(byte[] name, int p, int complete)
        {
            for (int i = 0; i < complete; i++)
            {
                if (DnsName.Matches(_buffer, 0, _targets[i], name, p))
                {
                    return _targets[i];
                }
            }

            return -1;
        }

        private bool Room(int count)
        {
            if (Overflowed || Length + count > _buffer.Length)
            {
                Overflowed = true;
                return false;
            }

            return true;
        }

        private void Counts()
        {
            if (Overflowed)
            {
                return;
            }

            Put16(4, _questions);
            Put16(6, _answers);
            Put16(8, _authority);
            Put16(10, _additional);
        }

        private void Put16(int at, int value)
        {
            _buffer[at] = (byte)(value >> 8);
            _buffer[at + 1] = (byte)value;
        }
    }
}
