// SPDX-License-Identifier: MIT
using System;

namespace Phone.Sim.Board
{
    /// <summary>Why a phone could not be switched on, in one line for its user (nothing was changed).</summary>
    internal sealed class StartFailure : Exception
    {
        /// <summary>A failure described by message.</summary>
        public StartFailure(string message)
            : base(message)
        {
        }
    }
}
