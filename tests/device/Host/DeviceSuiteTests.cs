// SPDX-License-Identifier: MIT
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// The device test suite (tests/device, namespace Phone.DeviceTests) run on the host: one
    /// xunit case per device test, failing when the device test fails. A skip counts as a
    /// failure here: nothing in the suite may skip itself on the host.
    /// </summary>
    public class DeviceSuiteTests
    {
        private static readonly ConcurrentDictionary<Type, List<DeviceSuiteRunner.Result>> Runs =
            new ConcurrentDictionary<Type, List<DeviceSuiteRunner.Result>>();

        /// <summary>Every test of every device test class, as (class, test name).</summary>
        public static IEnumerable<object[]> Cases()
        {
            foreach (var type in DeviceSuiteRunner.TestClasses(typeof(DeviceSuiteTests).Assembly, "Phone.DeviceTests"))
            {
                yield return new object[] { type.FullName, type.Name + "<setup,cleanup>" };
                foreach (var name in DeviceSuiteRunner.TestNames(type))
                {
                    yield return new object[] { type.FullName, name };
                }
            }
        }

        /// <summary>Runs the class once (like the device launcher) and checks this test's outcome.</summary>
        [Theory]
        [MemberData(nameof(Cases))]
        public void DeviceTestPasses(string className, string testName)
        {
            var type = typeof(DeviceSuiteTests).Assembly.GetType(className, true);
            var results = Runs.GetOrAdd(type, DeviceSuiteRunner.Run);
            if (testName.EndsWith("<setup,cleanup>", StringComparison.Ordinal))
            {
                foreach (var r in results.Where(r => r.Name.Contains('<')))
                {
                    RequirePassed(r);
                }

                return;
            }

            var result = results.FirstOrDefault(r => r.Name == testName);
            if (result == null)
            {
                // the setup skipped or failed before the test ran
                var setup = results.FirstOrDefault(r => r.Outcome != "Passed");
                throw new Xunit.Sdk.XunitException(testName + " did not run" + (setup == null ? string.Empty : ": " + setup.Name + " " + setup.Outcome + " " + setup.Message));
            }

            RequirePassed(result);
        }

        /// <summary>The suite is all there: every area the issue names has a test class.</summary>
        [Fact]
        public void SuiteCoversTheRequiredAreas()
        {
            var names = DeviceSuiteRunner.TestClasses(typeof(DeviceSuiteTests).Assembly, "Phone.DeviceTests").Select(t => t.Name).ToList();
            foreach (var required in new[] { "SelfTestTests", "HandshakeTests", "PacketProtectionTests", "ContactStorageTests", "CodeDerivationTests" })
            {
                Assert.Contains(required, names);
            }
        }

        /// <summary>Turns a device test result into an xunit outcome (throws unless it passed).</summary>
        internal static void RequirePassed(DeviceSuiteRunner.Result result)
        {
            if (result.Outcome != "Passed")
            {
                throw new Xunit.Sdk.XunitException(result.Name + " " + result.Outcome + ": " + result.Message);
            }
        }
    }
}
