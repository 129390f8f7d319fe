// SPDX-License-Identifier: MIT
using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>Host stand-in for nanoFramework.TestFramework's CollectionAssert (element-wise Equals).</summary>
    public sealed class CollectionAssert
    {
        private CollectionAssert()
        {
        }

        /// <summary>Fails unless both collections have the same elements in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (!Same(expected, actual))
            {
                throw new AssertFailedException("CollectionAssert.AreEqual failed. " + message);
            }
        }

        /// <summary>Fails if both collections have the same elements in the same order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Same(notExpected, actual))
            {
                throw new AssertFailedException("CollectionAssert.AreNotEqual failed. " + message);
            }
        }

        private static bool Same(ICollection a, ICollection b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            if (a.Count != b.Count)
            {
                return false;
            }

            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!object.Equals(ea.Current, eb.Current))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
