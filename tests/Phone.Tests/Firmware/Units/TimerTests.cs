// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware.Board;
using Phone.Firmware.Timing;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    public class TimerTests
    {
        private sealed class Recorder : ITimerHandler
        {
            public List<(int, long)> Fired { get; } = new List<(int, long)>();
            public System.Action<PhoneTimer, long> Then { get; set; }

            public void OnTimer(PhoneTimer timer, long now)
            {
                Fired.Add((timer.Id, now));
                Then?.Invoke(timer, now);
            }
        }

        [Fact]
        public void Fires_due_timers_in_deadline_order_once()
        {
            var q = new TimerQueue();
            var r = new Recorder();
            var a = q.Create(r, 1);
            var b = q.Create(r, 2);
            var c = q.Create(r, 3);
            a.ArmAt(300);
            b.ArmAt(100);
            c.ArmAt(200);
            Assert.Equal(100, q.NextDeadline);
            Assert.Equal(0, q.RunDue(99));
            Assert.Equal(2, q.RunDue(250));
            Assert.Equal(new[] { (2, 250L), (3, 250L) }, r.Fired);
            Assert.False(b.Armed);
            Assert.Equal(300, q.NextDeadline);
            Assert.Equal(1, q.RunDue(1000));
            Assert.Equal(0, q.RunDue(2000));
            Assert.Equal(PhoneTimer.Never, q.NextDeadline);
        }

        [Fact]
        public void Handlers_may_rearm_release_and_create_during_a_run()
        {
            var q = new TimerQueue();
            var r = new Recorder();
            var periodic = q.Create(r, 1);
            var doomed = q.Create(r, 2);
            PhoneTimer created = null;
            r.Then = (t, now) =>
            {
                if (t.Id == 1 && t.Deadline == PhoneTimer.Never && now < 1000)
                {
                    t.ArmAt(t == periodic ? now + 20 : now);
                }

                if (t.Id == 1 && created == null)
                {
                    q.Release(doomed);
                    created = q.Create(r, 9);
                    created.ArmAt(0);
                }
            };
            periodic.ArmAt(0);
            doomed.ArmAt(0);
            q.RunDue(0);
            Assert.Contains((9, 0L), r.Fired);
            Assert.DoesNotContain(r.Fired, f => f.Item1 == 2);
            Assert.Equal(20, q.NextDeadline);
            Assert.Equal(2, q.Count);
            q.RunDue(100);
            Assert.Equal(120, periodic.Deadline);
        }

        [Fact]
        public void Backoff_doubles_up_to_the_cap()
        {
            var b = new Backoff(300, 2400, 10000);
            Assert.Equal(new[] { 300, 600, 1200, 2400, 2400 }, new[] { b.Gap(1), b.Gap(2), b.Gap(3), b.Gap(4), b.Gap(5) });
        }

        [Fact]
        public void Retransmitter_resends_on_schedule_and_gives_up()
        {
            var q = new TimerQueue();
            var sent = new List<long>();
            long now = 0;
            var transport = new Sink(() => sent.Add(now));
            Retransmitter rt = null;
            var results = new List<RetransmitOutcome>();
            var handler = new Recorder();
            var timer = q.Create(handler, 1);
            handler.Then = (t, at) => results.Add(rt.OnTimer(transport, at));
            rt = new Retransmitter(new Backoff(100, 400, 1000), timer);
            rt.Start(transport, new NetAddress(1, 2, 3, 4, 5), new byte[] { 1, 2 }, 2, now);
            for (now = 0; now <= 2000; now += 10)
            {
                q.RunDue(now);
            }

            Assert.Equal(new long[] { 0, 100, 300, 700 }, sent);
            Assert.Equal(new[] { RetransmitOutcome.Resent, RetransmitOutcome.Resent, RetransmitOutcome.Resent, RetransmitOutcome.GaveUp }, results);
            Assert.False(rt.Active);
        }

        [Fact]
        public void Token_bucket_and_source_limiter_bound_work()
        {
            var bucket = new TokenBucket(10, 5, 0);
            int taken = 0;
            for (int i = 0; i < 20; i++)
            {
                if (bucket.TryTake(0)) taken++;
            }

            Assert.Equal(5, taken);
            Assert.True(bucket.TryTake(100));
            Assert.False(bucket.TryTake(100));

            var limiter = new SourceRateLimiter(2, 1, 2, 100, 100, 0);
            var a = new NetAddress(1, 1, 1, 1, 1);
            var b = new NetAddress(2, 2, 2, 2, 2);
            Assert.True(limiter.Allow(a, 0));
            Assert.True(limiter.Allow(a, 0));
            Assert.False(limiter.Allow(a, 0));
            Assert.True(limiter.Allow(b, 0));
            Assert.True(limiter.Allow(a, 1000));
        }

        private sealed class Sink : IDatagramTransport
        {
            private readonly System.Action _onSend;

            public Sink(System.Action onSend)
            {
                _onSend = onSend;
            }

            public void Send(NetAddress to, byte[] buffer, int offset, int count) => _onSend();
        }
    }
}
