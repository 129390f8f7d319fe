// SPDX-License-Identifier: MIT
using System;
using Xunit;

namespace Phone.DeviceTests.Host
{
    /// <summary>
    /// A fact that needs a real MetadataProcessor run on disk (RealMdpOutputProbe): without the
    /// two environment variables it is reported as skipped, with the reason, instead of passing
    /// without having checked anything.
    /// </summary>
    public sealed class MdpSampleFactAttribute : FactAttribute
    {
        /// <summary>Directory with A.dll, mscorlib.dll and the MDP-generated A.h / A.cpp.</summary>
        public const string DirVariable = "PHONE_MDP_SAMPLE";

        /// <summary>The assembly's name (A).</summary>
        public const string AssemblyVariable = "PHONE_MDP_SAMPLE_ASSEMBLY";

        public MdpSampleFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DirVariable))
                || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AssemblyVariable)))
            {
                Skip = $"needs a real MetadataProcessor output: set {DirVariable} and {AssemblyVariable} (docs/device.md)";
            }
        }
    }
}
