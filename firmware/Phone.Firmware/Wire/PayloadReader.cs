// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Bounds-checked cursor over a received payload; never throws on short input.</summary>
    public class PayloadReader
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _at;

        /// <summary>Reads buffer[offset..offset+count).</summary>
        public PayloadReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _at = offset;
            _end = offset + count;
            Ok = true;
        }

        /// <summary>False once a read ran past the end.</summary>
        public bool Ok { get; private set; }

        /// <summary>True when every byte was consumed and no read failed.</summary>
        public bool AtEndOk
        {
            get { return Ok && _at == _end; }
        }

        /// <summary>Copies the next count bytes into a new array (null if short).</summary>
        public byte[] Bytes(int count)
        {
            if (!Take(count))
            {
                return null;
            }

            byte[] result = new byte[count];
            System.Array.Copy(_buffer, _at - count, result, 0, count);
            return result;
        }

        /// <summary>Next byte, or 0 if short.</summary>
        public int U8()
        {
            return Take(1) ? _buffer[_at - 1] : 0;
        }

        /// <summary>Next u32 LE, or 0 if short.</summary>
        public uint U32()
        {
            return Take(4) ? ByteIo.ReadU32Le(_buffer, _at - 4) : 0;
        }

        /// <summary>A length-prefixed UTF-8 name of at most maxBytes (null if malformed).</summary>
        public string Name(int maxBytes)
        {
            int length = U8();
            if (!Ok || length > maxBytes)
            {
                Ok = false;
                return null;
            }

            if (!Take(length))
            {
                return null;
            }

            return Phone.Crypto.Utf8.GetString(_buffer, _at - length, length);
        }

        private bool Take(int count)
        {
            if (!Ok || count < 0 || _end - _at < count)
            {
                Ok = false;
                return false;
            }

            _at += count;
            return true;
        }
    }
}
