// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Caller: where storing the next resumption secret stands (callee first, caller second).</summary>
    internal enum ResumptionStep
    {
        /// <summary>Not an IKpsk2 call (XX fallback): nothing to store unless the code is confirmed.</summary>
        NotUsed = 0,
        /// <summary>Keys split; waiting for the callee's first sealed packet, which proves it stored its side.</summary>
        AwaitingProof = 1,
        /// <summary>The next generation is stored here too.</summary>
        Stored = 2
    }
}
