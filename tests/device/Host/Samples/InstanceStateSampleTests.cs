// SPDX-License-Identifier: MIT
using nanoFramework.TestFramework;

namespace Phone.DeviceTests.Host.Samples
{
    /// <summary>Keeps state in an instance field, which the device launcher (null target) cannot honour.</summary>
    [TestClass]
    public class InstanceStateSampleTests
    {
        private int _count;

        /// <summary>Uses the instance field.</summary>
        [TestMethod]
        public void UsesInstanceState()
        {
            _count++;
            Assert.AreEqual(1, _count);
        }
    }
}
