// SPDX-License-Identifier: MIT
using System;
using Phone.Firmware.Board;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>A deployment resource in memory that counts the chunks read (a board's resource reads cost an interop call each).</summary>
    public sealed class MemoryResource : IDeploymentResource
    {
        private readonly byte[] _bytes;

        public MemoryResource(byte[] bytes)
        {
            _bytes = bytes;
        }

        public int Reads { get; private set; }

        public int Read(int offset, byte[] buffer, int count)
        {
            Reads++;
            if (offset < 0 || offset >= _bytes.Length)
            {
                return 0;
            }

            int n = Math.Min(count, _bytes.Length - offset);
            Array.Copy(_bytes, offset, buffer, 0, n);
            return n;
        }
    }
}
