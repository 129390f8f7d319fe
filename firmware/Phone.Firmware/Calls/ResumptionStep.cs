// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Where storing the next resumption secret stands (callee first, caller second). Caller:
    /// AwaitingProof until the callee's first sealed packet, then stored. Callee: stored at READY
    /// with FlagNewestUnproven, AwaitingProof until the caller verified a sealed packet of ours.
    /// </summary>
    internal enum ResumptionStep
    {
        /// <summary>Not an IKpsk2 call (XX fallback): nothing to store unless the code is confirmed.</summary>
        NotUsed = 0,
        /// <summary>Waiting for the peer's proof (caller: the callee's first sealed packet; callee: an ACK or media).</summary>
        AwaitingProof = 1,
        /// <summary>Both sides hold the next generation, and this side knows it.</summary>
        Stored = 2
    }
}
