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
        public readonly Option<string> Name = new Option<string>("--name")
        {
            Description = "the phone's display name (sent to peers when pairing)", DefaultValueFactory = _ => "Phone"
        };

        public readonly Option<int> Port = new Option<int>("--port")
        {
            Description = "UDP port to listen on (0: any free port)", DefaultValueFactory = _ => 5060
        };

        public readonly Option<string> Host = new Option<string>("--host")
        {
            Description = "IPv4 address to listen on", DefaultValueFactory = _ => "127.0.0.1"
        };

        public readonly Option<string> Flash = new Option<string>("--flash")
        {
            Description = "directory of the phone's secure flash (created on first boot)"
        };

        // The firmware's own defaults, so the simulator never drifts from the product.
        private static readonly PhoneConfig Product = new PhoneConfig();

        public readonly Option<int> RekeyMs = new Option<int>("--rekey-ms")
        {
            Description = "DH re-key interval during calls in ms (default: the firmware's)",
            DefaultValueFactory = _ => Product.RekeyIntervalMs
        };

        public readonly Option<int> RatchetMs = new Option<int>("--ratchet-ms")
        {
            Description = "symmetric ratchet interval during calls in ms (default: the firmware's)",
            DefaultValueFactory = _ => Product.RatchetIntervalMs
        };

        public readonly Option<int> ForgetPreviousMs = new Option<int>("--forget-previous-ms")
        {
            Description = "keep the previous receiving key this long after a key switch, in ms (default: the firmware's)",
            DefaultValueFactory = _ => Product.ForgetPreviousMs
        };

        public readonly Option<bool> AutoAnswer = new Option<bool>("--auto-answer")
        {
            Description = "answer incoming calls without waiting for 'accept'"
        };

        public readonly Option<string> Png = new Option<string>("--png")
        {
            Description = "write the display to this PNG file whenever it changes"
        };

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
                Listen = new IPEndPoint(IPAddress.Parse(parse.GetValue(Host)), parse.GetValue(Port)),
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
