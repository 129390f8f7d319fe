// SPDX-License-Identifier: MIT
using System;
using System.Text;

namespace Phone.Vectors.Native
{
    /// <summary>One secret the core drew or derived in vector mode (native/src/test_vectors.h).</summary>
    internal sealed class TraceEntry
    {
        public const int RoleInitiator = 1;
        public const int RoleResponder = 2;

        public string Label { get; private set; }

        /// <summary>PC_ROLE_* of the handshake or session (1 initiator, 2 responder), 0 for none.</summary>
        public int Role { get; private set; }

        /// <summary>The label's own number: message, key phase, generation or pattern; 0 for none.</summary>
        public uint Index { get; private set; }

        /// <summary>The bytes (at most the native entry's capacity).</summary>
        public byte[] Data { get; private set; }

        /// <summary>The length the core traced (more than Data.Length when cut).</summary>
        public int Length { get; private set; }

        public bool Is(string label, int role)
        {
            return Label == label && Role == role;
        }

        /// <summary>[role][index u32 LE][length u32 LE][label length][label][data].</summary>
        public static TraceEntry Parse(byte[] b, int n)
        {
            int labelLength = b[9];
            var e = new TraceEntry
            {
                Role = b[0],
                Index = BitConverter.ToUInt32(b, 1),
                Length = (int)BitConverter.ToUInt32(b, 5),
                Label = Encoding.ASCII.GetString(b, 10, labelLength),
            };
            e.Data = new byte[n - 10 - labelLength];
            Array.Copy(b, 10 + labelLength, e.Data, 0, e.Data.Length);
            return e;
        }
    }
}
