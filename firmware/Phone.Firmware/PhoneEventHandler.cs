// SPDX-License-Identifier: MIT
namespace Phone.Firmware
{
    /// <summary>Receives PhoneCore events (non-generic: nanoFramework has no EventHandler&lt;T&gt;).</summary>
    public delegate void PhoneEventHandler(object sender, PhoneEvent e);
}
