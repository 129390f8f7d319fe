// SPDX-License-Identifier: MIT
namespace Phone.Boards.Esp32
{
    /// <summary>Joins the network; true when connected with an address within the timeout.</summary>
    public delegate bool NetworkJoin(int timeoutMilliseconds);
}
