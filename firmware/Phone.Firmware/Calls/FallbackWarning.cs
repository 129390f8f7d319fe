// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Caller: why the warning after an XX fallback is shown (docs/protocol.md §7.4).</summary>
    internal enum FallbackWarning
    {
        /// <summary>No fallback warning.</summary>
        None = 0,
        /// <summary>The peer's static key is not the pinned one: KEY CHANGED.</summary>
        KeyChanged = 1,
        /// <summary>Pinned key, but CALL_2 did not decrypt: possible attack.</summary>
        AnswerUndecryptable = 2,
        /// <summary>Pinned key, but the resumption chain is lost (the fallback reason says why).</summary>
        ContinuityLost = 3
    }
}
