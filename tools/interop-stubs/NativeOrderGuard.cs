// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Phone.DeviceTests.Host.Checks
{
    /// <summary>
    /// Guards the blind spot of the MDP's native checksum. nanoCLR dispatches an InternalCall
    /// by the method's index in method_lookup, which has one entry per method of every type
    /// in MDP order. The checksum (NativeMethodsCrc) does not see every entry: its running
    /// value reads 0 until the first native method has been counted, so every method ordered
    /// before it is forgotten; and it skips the types it keeps out of the stubs (interfaces,
    /// delegates). A method in either blind spot that precedes a native method can be added
    /// or removed, moving that native to another index, with the checksum unchanged: a
    /// nanoCLR image built from the old stubs would pass the boot-time checksum check and
    /// call the wrong C function.
    ///
    /// The rule: every method_lookup entry before the last native entry must be one the
    /// checksum counts, i.e. come after the first native entry and belong to a type in the
    /// stubs. For Phone.Crypto that means Phone.Crypto.Abi.NativeCrypto is the first type
    /// with methods (docs/device.md, "When the binding changes").
    /// </summary>
    public static class NativeOrderGuard
    {
        /// <summary>Returns one message per type with methods in a blind spot (empty when none).</summary>
        /// <param name="lookup">A method_lookup table as <see cref="MdpModel.LookupFor"/> builds it.</param>
        public static List<string> Check(IReadOnlyList<MdpModel.LookupEntry> lookup)
        {
            var errors = new List<string>();
            var natives = lookup.Where(e => e.IsNative).ToList();
            if (natives.Count == 0)
            {
                errors.Add("method_lookup has no native method");
                return errors;
            }

            var first = natives[0];
            var last = natives[natives.Count - 1];
            var blind = lookup.Where(e => e.Index < last.Index && !e.IsNative
                                          && (e.Index < first.Index || !MdpModel.IncludeInStub(e.Type)));
            foreach (var group in blind.GroupBy(e => e.Type.FullName))
            {
                var entries = group.ToList();
                var where = $"{group.Key} ({entries.Count} method(s) at method_lookup[{Range(entries)}])";
                errors.Add(entries[0].Index < first.Index
                    ? $"{where} precedes the first native method {first.Type.FullName}::{first.Method.Name} "
                      + "(method_lookup[" + first.Index.ToString(CultureInfo.InvariantCulture) + "]): the native checksum "
                      + "does not count these entries, so adding or removing such a method moves every native method "
                      + "without changing the checksum"
                    : $"{where} lies between native methods but is not in the stubs (interface or delegate): the "
                      + "native checksum skips these entries, so adding or removing such a method moves the native "
                      + "methods after it without changing the checksum");
            }

            return errors;
        }

        private static string Range(List<MdpModel.LookupEntry> entries)
        {
            int a = entries[0].Index;
            int b = entries[entries.Count - 1].Index;
            return a == b ? a.ToString(CultureInfo.InvariantCulture)
                : a.ToString(CultureInfo.InvariantCulture) + ".." + b.ToString(CultureInfo.InvariantCulture);
        }
    }
}
