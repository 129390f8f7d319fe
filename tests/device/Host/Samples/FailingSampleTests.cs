// SPDX-License-Identifier: MIT
using System;
using nanoFramework.TestFramework;

namespace Phone.DeviceTests.Host.Samples
{
    /// <summary>
    /// A deliberately failing test class: proves the adapter reports failures (used only by
    /// AdapterTests; outside the device suite's namespace so the suite never runs it).
    /// </summary>
    [TestClass]
    public class FailingSampleTests
    {
        /// <summary>Counts cleanup runs.</summary>
        public static int CleanupRuns;

        /// <summary>Passes.</summary>
        [TestMethod]
        public void Passes()
        {
            Assert.AreEqual(2, 1 + 1);
        }

        /// <summary>Fails an assertion.</summary>
        [TestMethod]
        public void FailsAssertion()
        {
            Assert.AreEqual(3, 1 + 1, "arithmetic");
        }

        /// <summary>Expects ArgumentException but a derived type is thrown: fails (exact type).</summary>
        [TestMethod]
        public void DerivedExceptionTypeFails()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException("x"));
        }

        /// <summary>Expects an exception that never comes.</summary>
        [TestMethod]
        public void MissingExceptionFails()
        {
            Assert.ThrowsException(typeof(InvalidOperationException), () => { });
        }

        /// <summary>Throws an unexpected exception.</summary>
        [TestMethod]
        public void UnexpectedExceptionFails()
        {
            throw new InvalidOperationException("boom");
        }

        /// <summary>Row 0 passes, row 1 fails.</summary>
        [DataRow(1, 1)]
        [DataRow(1, 2)]
        public void RowsCompare(int a, int b)
        {
            Assert.AreEqual(a, b);
        }

        /// <summary>Runs last.</summary>
        [Cleanup]
        public void Cleanup()
        {
            CleanupRuns++;
        }
    }
}
