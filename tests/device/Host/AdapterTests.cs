// SPDX-License-Identifier: MIT
using System.Linq;
using Phone.DeviceTests.Host.Samples;
using Xunit;

namespace Phone.DeviceTests.Host
{
    /// <summary>The host adapter itself: failures are failures, skips stop a class, shape rules hold.</summary>
    public class AdapterTests
    {
        [Fact]
        public void FailingSampleReportsEachFailure()
        {
            int cleanupsBefore = FailingSampleTests.CleanupRuns;
            var results = DeviceSuiteRunner.Run(typeof(FailingSampleTests)).ToDictionary(r => r.Name);
            Assert.Equal("Passed", results["FailingSampleTests.Passes"].Outcome);
            Assert.Equal("Failed", results["FailingSampleTests.FailsAssertion"].Outcome);
            Assert.Contains("AssertFailedException", results["FailingSampleTests.FailsAssertion"].Message);
            Assert.Equal("Failed", results["FailingSampleTests.DerivedExceptionTypeFails"].Outcome);
            Assert.Equal("Failed", results["FailingSampleTests.MissingExceptionFails"].Outcome);
            Assert.Equal("Failed", results["FailingSampleTests.UnexpectedExceptionFails"].Outcome);
            Assert.Equal("Passed", results["FailingSampleTests.RowsCompare#0"].Outcome);
            Assert.Equal("Failed", results["FailingSampleTests.RowsCompare#1"].Outcome);
            Assert.Equal(cleanupsBefore + 1, FailingSampleTests.CleanupRuns);
        }

        [Fact]
        public void FailedDeviceTestFailsTheXunitCase()
        {
            var failed = DeviceSuiteRunner.Run(typeof(FailingSampleTests)).First(r => r.Name == "FailingSampleTests.FailsAssertion");
            Assert.Throws<Xunit.Sdk.XunitException>(() => DeviceSuiteTests.RequirePassed(failed));
            var passed = DeviceSuiteRunner.Run(typeof(FailingSampleTests)).First(r => r.Name == "FailingSampleTests.Passes");
            DeviceSuiteTests.RequirePassed(passed);
        }

        [Fact]
        public void SkippingSetupSkipsTheClass()
        {
            var results = DeviceSuiteRunner.Run(typeof(SkippedSampleTests));
            Assert.Single(results);
            Assert.Equal("Skipped", results[0].Outcome);
            Assert.False(SkippedSampleTests.Ran);
            Assert.Throws<Xunit.Sdk.XunitException>(() => DeviceSuiteTests.RequirePassed(results[0]));
        }

        [Fact]
        public void InstanceStateIsRejected()
        {
            var results = DeviceSuiteRunner.Run(typeof(InstanceStateSampleTests));
            Assert.Single(results);
            Assert.Equal("Failed", results[0].Outcome);
            Assert.Contains("instance fields", results[0].Message);
        }

        [Fact]
        public void SamplesAreOutsideTheSuite()
        {
            var suite = DeviceSuiteRunner.TestClasses(typeof(AdapterTests).Assembly, "Phone.DeviceTests").ToList();
            Assert.DoesNotContain(typeof(FailingSampleTests), suite);
            Assert.NotEmpty(suite);
        }
    }
}
