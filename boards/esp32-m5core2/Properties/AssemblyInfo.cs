// SPDX-License-Identifier: MIT
using System.Reflection;

[assembly: AssemblyTitle("Phone.M5Core2")]
[assembly: AssemblyDescription("Phone application for one ESP32 board")]
[assembly: AssemblyVersion("1.0.0.0")]
