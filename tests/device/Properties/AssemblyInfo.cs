// SPDX-License-Identifier: MIT
using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Phone device test suite (nanoFramework.TestFramework)")]
[assembly: AssemblyVersion("1.0.0.0")]
