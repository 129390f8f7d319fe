// SPDX-License-Identifier: MIT
using System.Reflection;

[assembly: AssemblyTitle("Phone.Crypto")]
[assembly: AssemblyDescription("Binding to the phone's native security core")]
[assembly: AssemblyVersion("1.0.0.0")]

#if NANOFRAMEWORK
// Must match the nanoCLR image's native assembly version (native/nanoframework).
[assembly: AssemblyNativeVersion("1.0.0.6")]
#endif
