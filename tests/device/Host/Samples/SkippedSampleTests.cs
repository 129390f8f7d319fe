// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;

namespace Phone.DeviceTests.Host.Samples
{
    /// <summary>A class whose setup skips: its tests must not run (launcher semantics).</summary>
    [TestClass]
    public class SkippedSampleTests
    {
        /// <summary>Set if the test ran.</summary>
        public static bool Ran;

        /// <summary>Skips the class.</summary>
        [Setup]
        public void Setup()
        {
            Assert.SkipTest("no hardware");
        }

        /// <summary>Must not run.</summary>
        [TestMethod]
        public void NeverRuns()
        {
            Ran = true;
        }
    }
}
