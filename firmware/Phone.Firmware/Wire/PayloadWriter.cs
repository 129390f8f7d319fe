// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Builds a handshake payload in a caller-owned buffer.</summary>
    public class PayloadWriter
    {
        private readonly byte[] _buffer;

        /// <summary>Writes into buffer from offset 0.</summary>
        public PayloadWriter(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>Bytes written so far.</summary>
        public int Length { get; private set; }

        /// <summary>Appends bytes.</summary>
        public void Bytes(byte[] data)
        {
            System.Array.Copy(data, 0, _buffer, Length, data.Length);
            Length += data.Length;
        }

        /// <summary>Appends one byte.</summary>
        public void U8(int value)
        {
            _buffer[Length++] = (byte)value;
        }

        /// <summary>Appends a u32 LE.</summary>
        public void U32(uint value)
        {
            ByteIo.WriteU32Le(_buffer, Length, value);
            Length += 4;
        }

        /// <summary>Appends a length-prefixed UTF-8 name (already limited to PayloadLayout.MaxName bytes).</summary>
        public void Name(byte[] utf8)
        {
            U8(utf8.Length);
            Bytes(utf8);
        }
    }
}
