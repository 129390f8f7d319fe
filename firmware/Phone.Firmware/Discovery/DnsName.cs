// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Discovery
{
    /// <summary>
    /// Domain names inside a DNS message, read in place (no copies). Check
    /// validates a possibly compressed name; the other helpers walk only names
    /// Check accepted. A compression pointer must point strictly before the start
    /// of the name part that contains it, so every jump moves backwards past
    /// everything already read: a loop cannot be written, and the jump count is a
    /// second bound.
    /// </summary>
    public static class DnsName
    {
        /// <summary>
        /// Validates the name at pos in message[start..end); next is the offset just
        /// after the name's own bytes (where the record continues).
        /// </summary>
        public static MdnsDrop Check(byte[] message, int start, int end, int pos, out int next)
        {
            next = -1;
            int limit = pos; // a pointer must land before this
            int length = 1; // the root's zero byte
            int jumps = 0;
            int p = pos;
            while (true)
            {
                if (p >= end)
                {
                    return MdnsDrop.Truncated;
                }

                int label = message[p];
                if (label == 0)
                {
                    next = next < 0 ? p + 1 : next;
                    return MdnsDrop.None;
                }

                MdnsDrop verdict = (label & DnsLimits.PointerMask) == DnsLimits.PointerMask
                    ? Jump(message, start, end, ref p, ref limit, ref jumps, ref next)
                    : Label(end, label, ref p, ref length);
                if (verdict != MdnsDrop.None)
                {
                    return verdict;
                }
            }
        }

        // Steps over the label of length label at p: a plain label, inside the message and the name limit.
        private static MdnsDrop Label(int end, int label, ref int p, ref int length)
        {
            length += label + 1;
            if ((label & DnsLimits.PointerMask) != 0)
            {
                return MdnsDrop.BadLabel;
            }

            if (length > DnsLimits.MaxName)
            {
                return MdnsDrop.NameTooLong;
            }

            if (p + 1 + label > end)
            {
                return MdnsDrop.Truncated;
            }

            p += 1 + label;
            return MdnsDrop.None;
        }

        // Follows the pointer at p: strictly before the current name part, inside the message, few enough.
        private static MdnsDrop Jump(byte[] message, int start, int end, ref int p, ref int limit, ref int jumps,
            ref int next)
        {
            if (p + 1 >= end)
            {
                return MdnsDrop.Truncated;
            }

            next = next < 0 ? p + 2 : next;
            int target = start + (((message[p] & 0x3F) << 8) | message[p + 1]);
            if (target >= limit || target < start + DnsLimits.HeaderLength)
            {
                return MdnsDrop.BadPointer;
            }

            if (++jumps > DnsLimits.MaxPointerJumps)
            {
                return MdnsDrop.PointerLoop;
            }

            limit = target;
            p = target;
            return MdnsDrop.None;
        }

        /// <summary>
        /// True when the checked name at pos equals the uncompressed wire name
        /// wire[wireOffset..] (ASCII letters compared without case, RFC 6762 §16).
        /// </summary>
        public static bool Matches(byte[] message, int start, int pos, byte[] wire, int wireOffset)
        {
            int p = Resolve(message, start, pos);
            int w = wireOffset;
            while (true)
            {
                int label = message[p];
                if (w >= wire.Length || label != wire[w])
                {
                    return false;
                }

                if (label == 0)
                {
                    return true;
                }

                for (int i = 1; i <= label; i++)
                {
                    if (Fold(message[p + i]) != Fold(wire[w + i]))
                    {
                        return false;
                    }
                }

                p = Resolve(message, start, p + 1 + label);
                w += 1 + label;
            }
        }

        /// <summary>True when the checked names at posA and posB of the same message are equal.</summary>
        public static bool Same(byte[] message, int start, int posA, int posB)
        {
            int a = Resolve(message, start, posA);
            int b = Resolve(message, start, posB);
            while (true)
            {
                int label = message[a];
                if (label != message[b])
                {
                    return false;
                }

                if (label == 0)
                {
                    return true;
                }

                for (int i = 1; i <= label; i++)
                {
                    if (Fold(message[a + i]) != Fold(message[b + i]))
                    {
                        return false;
                    }
                }

                a = Resolve(message, start, a + 1 + label);
                b = Resolve(message, start, b + 1 + label);
            }
        }

        /// <summary>
        /// True when the checked name at pos is one label followed by the wire name
        /// suffix (an instance of a service type); labelAt is that first label.
        /// </summary>
        public static bool IsChildOf(byte[] message, int start, int pos, byte[] suffix, out int labelAt)
        {
            labelAt = Resolve(message, start, pos);
            int label = message[labelAt];
            return label != 0 && Matches(message, start, labelAt + 1 + label, suffix, 0);
        }

        /// <summary>Copies the checked name at pos, uncompressed, into dest; returns its length.</summary>
        public static int CopyTo(byte[] message, int start, int pos, byte[] dest)
        {
            int p = Resolve(message, start, pos);
            int n = 0;
            while (true)
            {
                int label = message[p];
                System.Array.Copy(message, p, dest, n, label + 1);
                n += label + 1;
                if (label == 0)
                {
                    return n;
                }

                p = Resolve(message, start, p + 1 + label);
            }
        }

        /// <summary>Length of an uncompressed wire name at offset (terminating zero included).</summary>
        public static int WireLength(byte[] wire, int offset)
        {
            int p = offset;
            while (wire[p] != 0)
            {
                p += 1 + wire[p];
            }

            return p + 1 - offset;
        }

        // Follows pointers at p (already checked: finite and in bounds).
        private static int Resolve(byte[] message, int start, int p)
        {
            for (int jumps = 0; (message[p] & DnsLimits.PointerMask) == DnsLimits.PointerMask; jumps++)
            {
                if (jumps > DnsLimits.MaxPointerJumps)
                {
                    throw new System.InvalidOperationException("name was not checked");
                }

                p = start + (((message[p] & 0x3F) << 8) | message[p + 1]);
            }

            return p;
        }

        private static int Fold(byte b)
        {
            return b >= (byte)'A' && b <= (byte)'Z' ? b + 32 : b;
        }
    }
}
