// SPDX-License-Identifier: MIT
using System;

namespace Phone.Fuzz.Datagram
{
    /// <summary>One fuzz target: runs one input and throws BrokenPromise when the firmware misbehaved.</summary>
    public interface IFuzzTarget : IDisposable
    {
        /// <summary>Name used in logs and corpus folders (managed_datagram, managed_mdns).</summary>
        string Name { get; }

        /// <summary>Runs one input on fresh firmware state.</summary>
        void Run(byte[] input);
    }
}
