// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Wire;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>The reliable-control outbox: fixed entries, fresh sequence numbers, one timer at the earliest due entry.</summary>
    public class ControlOutboxTests
    {
        private sealed class Ignore : ITimerHandler
        {
            public void OnTimer(PhoneTimer timer, long now)
            {
            }
        }

        private readonly PhoneTimer _timer = new TimerQueue().Create(new Ignore(), 1);

        [Fact]
        public void Entries_get_increasing_sequence_numbers_and_copies_of_their_arguments()
        {
            var outbox = new ControlOutbox(_timer);
            byte[] args = { 7, 8, 9 };
            OutboxEntry first = outbox.Add(ControlType.Confirm, args, 3, 100, 10000);
            args[0] = 0;
            OutboxEntry second = outbox.Add(ControlType.HangUp, args, 1, 50, 10000);

            Assert.Equal(1u, first.Seq);
            Assert.Equal(2u, second.Seq);
            Assert.Equal(new byte[] { 7, 8, 9 }, first.Args[..first.ArgsLength]);
            Assert.True(outbox.Pending(ControlType.Confirm));
            Assert.True(outbox.Pending(ControlType.HangUp));
            Assert.False(outbox.Pending(ControlType.Answer));
            Assert.Equal(50, _timer.Deadline);
        }

        [Fact]
        public void Acknowledging_frees_the_entry_and_moves_the_timer_to_the_next_due_one()
        {
            var outbox = new ControlOutbox(_timer);
            OutboxEntry early = outbox.Add(ControlType.Ready, null, 0, 50, 10000);
            outbox.Add(ControlType.Answer, null, 0, 300, 10000);

            Assert.True(outbox.Acknowledge(early.Seq, out byte type));
            Assert.Equal(ControlType.Ready, type);
            Assert.False(outbox.Pending(ControlType.Ready));
            Assert.Equal(300, _timer.Deadline);
            Assert.False(outbox.Acknowledge(early.Seq, out _));
            Assert.False(outbox.Acknowledge(0, out _));
        }

        [Fact]
        public void A_full_outbox_refuses_and_a_cleared_one_disarms_its_timer()
        {
            var outbox = new ControlOutbox(_timer);
            int added = 0;
            while (outbox.Add(ControlType.KeepAlive, null, 0, 100 + added, 10000) != null)
            {
                added++;
            }

            Assert.Equal(outbox.Count, added);
            outbox.Clear();
            Assert.False(_timer.Armed);
            Assert.False(outbox.Pending(ControlType.KeepAlive));
            Assert.NotNull(outbox.Add(ControlType.KeepAlive, null, 0, 100, 10000));
        }

        [Fact]
        public void An_entry_is_due_at_its_next_resend_or_its_give_up_whichever_is_first()
        {
            var outbox = new ControlOutbox(_timer);
            Assert.Equal(400, outbox.Add(ControlType.Reject, null, 0, 900, 400).Due);
            Assert.Equal(200, outbox.Add(ControlType.Reject, null, 0, 200, 400).Due);
        }
    }
}
