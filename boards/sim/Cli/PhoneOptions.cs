// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.IO;
using System.Net;
using Phone.Firmware;
using Phone.Sim.Board;

namespace Phone.Sim.Cli
{
    /// <summary>The options every phone process takes (`phone` and the demo's `agent`).</summary>
    internal sealed class PhoneOptions
    {
        /// <summary>Shortest and longest interval options accepted, in ms (nonsense such as 0 is refused).</summary>
        public const int MinRekeyMs = 500, MinRatchetMs = 200, MinForgetPreviousMs = 100, MaxIntervalMs = 3600000;

        // The firmware's own defaults, so the simulator never drifts from the product.
        private static readonly PhoneConfig Product = new PhoneConfig();

        public readonly Option<string> Name =
            OptionValues.PhoneName("--name", "the phone's display name (sent to peers when pairing)", "Phone");

        public readonly Option<int> Port =
            OptionValues.WholeNumber("--port", "UDP port to listen on, 0: any free port", 0, 65535, 5060);

        public readonly Option<IPAddress> Host =
            OptionValues.ListenHost("--host", "IPv4 address to listen on (0.0.0.0: every interface)", IPAddress.Loopback);

        public readonly Option<string> Flash = new Option<string>("--flash")
        {
            Description = "directory of the phone's secure flash (created on first boot)"
        };

        public readonly Option<int> RekeyMs = OptionValues.WholeNumber("--rekey-ms",
            "DH re-key interval during calls in ms (default: the firmware's)", MinRekeyMs, MaxIntervalMs,
            Product.RekeyIntervalMs);

        public readonly Option<int> RatchetMs = OptionValues.WholeNumber("--ratchet-ms",
            "symmetric ratchet interval during calls in ms (default: the firmware's)", MinRatchetMs, MaxIntervalMs,
            Product.RatchetIntervalMs);

        public readonly Option<int> ForgetPreviousMs = OptionValues.WholeNumber("--forget-previous-ms",
            "keep the previous receiving key this long after a key switch, in ms (default: the firmware's)",
            MinForgetPreviousMs, 60000, Product.ForgetPreviousMs);

        public readonly Option<bool> AutoAnswer = new Option<bool>("--auto-answer")
        {
            Description = "answer incoming calls without waiting for 'accept'"
        };

        public readonly Option<string> Png =
            OptionValues.OutputFile("--png", "write the display to this PNG file whenever it changes");

        public readonly Option<bool> DeviceTiming = new Option<bool>("--device-timing")
        {
            Description = "each native call stalls the phone as long as it would on a 240 MHz ESP32 (lx106 benchmark estimate)"
        };

        public readonly Option<bool> FactoryReset = new Option<bool>("--factory-reset")
        {
            Description = "erase identity and contacts in the flash directory and start with a new identity "
                          + "(the way out of damaged flash or a lost device key)"
        };

        public readonly Option<string> OrgBundle = new Option<string>("--org-bundle")
        {
            Description = "organisation bundle (`org bundle`) applied at start, as a board applies the one in its image"
        };

        public readonly Option<string> Lan = new Option<string>("--lan")
        {
            Description = "network interface for discovery (DNS-SD over mDNS), e.g. eth0; multicast only there (default: none)"
        };

        public readonly Option<int> MdnsPort =
            OptionValues.WholeNumber("--mdns-port", "UDP port of the mDNS group", 1, 65535,
                Phone.Firmware.Discovery.MdnsGroup.Port);

        /// <summary>Adds the options to command.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Name);
            command.Options.Add(Port);
            command.Options.Add(Host);
            command.Options.Add(Flash);
            command.Options.Add(RekeyMs);
            command.Options.Add(RatchetMs);
            command.Options.Add(ForgetPreviousMs);
            command.Options.Add(AutoAnswer);
            command.Options.Add(Png);
            command.Options.Add(Lan);
            command.Options.Add(MdnsPort);
            command.Options.Add(FactoryReset);
            command.Options.Add(OrgBundle);
            command.Options.Add(DeviceTiming);
        }

        /// <summary>The phone these options describe (flash defaults to ./flash-NAME).</summary>
        public SimPhoneOptions Read(ParseResult parse)
        {
            string name = parse.GetValue(Name);
            string flash = parse.GetValue(Flash) ?? Path.Combine(".", "flash-" + name.ToLowerInvariant());
            int rekey = parse.GetValue(RekeyMs);
            int ratchet = parse.GetValue(RatchetMs);
            int forget = parse.GetValue(ForgetPreviousMs);
            bool autoAnswer = parse.GetValue(AutoAnswer);
            return new SimPhoneOptions
            {
                Name = name,
                FlashDir = flash,
                Listen = new IPEndPoint(parse.GetValue(Host), parse.GetValue(Port)),
                Lan = parse.GetValue(Lan),
                MdnsPort = parse.GetValue(MdnsPort),
                FactoryReset = parse.GetValue(FactoryReset),
                OrgBundle = parse.GetValue(OrgBundle),
                DeviceTiming = parse.GetValue(DeviceTiming),
                Configure = c =>
                {
                    c.RekeyIntervalMs = rekey;
                    c.RatchetIntervalMs = ratchet;
                    c.ForgetPreviousMs = forget;
                    c.AutoAnswer = autoAnswer;
                }
            };
        }
    }
}
