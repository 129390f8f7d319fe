// SPDX-License-Identifier: MIT
using System;
using System.Linq;
using Phone.Firmware.Pairing;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>
    /// docs/protocol.md §14's pairing-mode table is PairingMode.Table row for row; a PairingMode
    /// takes every documented step and ignores every other event (no state change); every state
    /// leads back to Off.
    /// </summary>
    public class PairingModeDocTests
    {
        private const string Table = "PairingMode.Table";

        [Fact]
        public void The_documented_table_is_the_code_table_row_for_row()
        {
            var documented = ProtocolDocTables.Rows(Table);
            var code = PairingMode.Table.Select(t => PairingModeNames.Name(t.From) + " | " + PairingModeNames.Name(t.On)
                                                     + " | " + PairingModeNames.Name(t.To)).ToList();
            Assert.Equal(documented.Count, documented.Distinct().Count());
            Assert.Equal(documented.OrderBy(r => r), code.OrderBy(r => r));
        }

        [Fact]
        public void A_mode_takes_every_documented_step_and_ignores_the_rest()
        {
            var rows = ProtocolDocTables.Rows(Table);
            foreach (PairingModeState from in Enum.GetValues<PairingModeState>())
            {
                foreach (PairingModeEvent on in Enum.GetValues<PairingModeEvent>())
                {
                    var mode = Reach(from);
                    string prefix = PairingModeNames.Name(from) + " | " + PairingModeNames.Name(on) + " | ";
                    string documented = rows.SingleOrDefault(r => r.StartsWith(prefix));
                    bool applied = mode.Apply(on);
                    Assert.Equal(documented != null, applied);
                    Assert.Equal(documented ?? prefix + PairingModeNames.Name(from),
                        prefix + PairingModeNames.Name(mode.State));
                }
            }
        }

        [Fact]
        public void Only_a_waiting_mode_within_its_time_admits_a_pair1()
        {
            var mode = new PairingMode();
            Assert.False(mode.Admits(0));
            Assert.False(mode.Open(0, 0));
            Assert.True(mode.Open(1000, 5000));
            Assert.True(mode.Admits(5999));
            Assert.Equal(1, mode.SecondsLeft(5000));
            Assert.False(mode.Admits(6000));
            mode.Engage(null);
            Assert.Equal(PairingModeState.Engaged, mode.State);
            Assert.False(mode.Admits(2000));
            Assert.False(mode.Open(2000, 5000)); // one outstanding pairing: Start does not apply while engaged
        }

        private static PairingMode Reach(PairingModeState state)
        {
            var mode = new PairingMode();
            if (state != PairingModeState.Off)
            {
                Assert.True(mode.Open(0, 1000));
            }

            if (state == PairingModeState.Engaged)
            {
                mode.Engage(null);
            }

            Assert.Equal(state, mode.State);
            return mode;
        }
    }
}
