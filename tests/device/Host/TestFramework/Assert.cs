// SPDX-License-Identifier: MIT
using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host stand-in for nanoFramework.TestFramework's Assert (source/TestFramework/Assert*.cs):
    /// the same names, overloads used by this suite and semantics (a failure throws
    /// AssertFailedException; ThrowsException wants the exact exception type, not a derived
    /// one; SkipTest throws SkipTestException). Kept inside the nano C# subset so the device
    /// tests also pass the nano compile check against it.
    /// </summary>
    public sealed class Assert
    {
        private Assert()
        {
        }

        /// <summary>Fails unless condition is true.</summary>
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        /// <summary>Fails unless condition is false.</summary>
        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails unless value is null.</summary>
        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", message);
            }
        }

        /// <summary>Fails if value is null.</summary>
        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Fails unless the integers are equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("Assert.AreEqual", "Expected:<" + expected.ToString() + ">. Actual:<" + actual.ToString() + ">. " + message);
            }
        }

        /// <summary>Fails unless the longs are equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("Assert.AreEqual", "Expected:<" + expected.ToString() + ">. Actual:<" + actual.ToString() + ">. " + message);
            }
        }

        /// <summary>Fails unless the bytes are equal.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            AreEqual((int)expected, (int)actual, message);
        }

        /// <summary>Fails unless the booleans are equal.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("Assert.AreEqual", "Expected:<" + expected.ToString() + ">. Actual:<" + actual.ToString() + ">. " + message);
            }
        }

        /// <summary>Fails unless the strings are equal (ordinal).</summary>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (!string.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        /// <summary>Fails unless the objects are Equal (or both null).</summary>
        public static void AreEqual(object expected, object actual, string message = "")
        {
            if (!object.Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        /// <summary>Fails if the integers are equal.</summary>
        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            if (notExpected == actual)
            {
                Fail("Assert.AreNotEqual", "Both are <" + actual.ToString() + ">. " + message);
            }
        }

        /// <summary>Fails if the strings are equal.</summary>
        public static void AreNotEqual(string notExpected, string actual, string message = "")
        {
            if (string.Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are <" + Show(actual) + ">. " + message);
            }
        }

        /// <summary>Fails unless value contains expected.</summary>
        public static void Contains(string expected, string value, string message = "")
        {
            if (expected == null || value == null || value.IndexOf(expected) < 0)
            {
                Fail("Assert.Contains", "'" + Show(expected) + "' not found in '" + Show(value) + "'. " + message);
            }
        }

        /// <summary>
        /// Fails unless action throws exactly the exception type (a derived type fails too,
        /// as in the real framework).
        /// </summary>
        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exception)
                {
                    return;
                }

                Fail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exception.Name
                                              + " was expected. " + message + " Exception Message: " + ex.Message);
            }

            Fail("Assert.ThrowsException", "No exception thrown. " + exception.Name + " exception was expected. " + message);
        }

        /// <summary>Skips the test (in [Setup]: the whole class).</summary>
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        private static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }

        private static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + message);
        }
    }
}
