// SPDX-License-Identifier: MIT
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Phone.Firmware.Board;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The phone's one thread, like the device's main loop: it waits for a
    /// datagram until the firmware's next deadline, hands datagrams to the core,
    /// ticks it when a deadline passes, and runs user actions posted from other
    /// threads. The firmware is therefore only ever entered from this thread.
    /// </summary>
    internal sealed class BoardLoop : IDisposable
    {
        // Upper bound of one wait, so Stop is noticed even without traffic.
        private const int MaxWaitMs = 200;

        private readonly UdpTransport _transport;
        private readonly IClock _clock;
        private readonly Phone.Sim.Timing.DeviceStall _stall;
        private readonly ConcurrentQueue<Action> _actions = new ConcurrentQueue<Action>();
        private readonly Socket _wakeSocket;
        private readonly NetAddress _wakeAddress;
        private readonly IPEndPoint _selfEndPoint;
        private readonly byte[] _nothing = new byte[0];
        private readonly System.Collections.Generic.List<Socket> _readable = new System.Collections.Generic.List<Socket>(2);
        private ILoopTarget _target;
        private MulticastTransport _discovery;
        private Action<NetAddress, byte[], int, int> _onDiscovery;
        private Thread _thread;
        private volatile bool _running;

        /// <summary>A loop over transport's socket, timed by clock; stall (or null) charges each step's native calls.</summary>
        public BoardLoop(UdpTransport transport, IClock clock, Phone.Sim.Timing.DeviceStall stall = null)
        {
            _stall = stall;
            _transport = transport;
            _clock = clock;
            // Posting an action sends an empty datagram from this socket to the phone's own
            // port, which ends the wait at once; the loop recognises and swallows it.
            _wakeSocket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _wakeSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _wakeAddress = Phone.Sim.Net.Endpoints.ToNetAddress((IPEndPoint)_wakeSocket.LocalEndPoint);
            _selfEndPoint = new IPEndPoint(IPAddress.Loopback, transport.LocalEndPoint.Port);
        }

        /// <summary>Exceptions the core threw while handling a datagram or a tick (each one a bug).</summary>
        public int Faults { get; private set; }

        /// <summary>The last such exception, for reports.</summary>
        public Exception LastFault { get; private set; }

        /// <summary>Called (on the loop thread) when the core throws.</summary>
        public event Action<Exception> Faulted;

        /// <summary>Also waits on the mDNS socket, handing its datagrams to handler (call before Start).</summary>
        public void AttachDiscovery(MulticastTransport transport, Action<NetAddress, byte[], int, int> handler)
        {
            _discovery = transport;
            _onDiscovery = handler;
        }

        /// <summary>Starts the loop thread driving target.</summary>
        public void Start(ILoopTarget target, string name)
        {
            _target = target;
            _running = true;
            _thread = new Thread(Run) { IsBackground = true, Name = name };
            _thread.Start();
        }

        /// <summary>True when called from the loop thread itself (e.g. in an event handler).</summary>
        public bool IsLoopThread => Thread.CurrentThread == _thread;

        /// <summary>Runs action on the loop thread soon; does not wait.</summary>
        public void Post(Action action)
        {
            _actions.Enqueue(action);
            _wakeSocket.SendTo(_nothing, _selfEndPoint);
        }

        /// <summary>Runs func on the loop thread and returns its result (or rethrows its exception).</summary>
        public Task<T> InvokeAsync<T>(Func<T> func)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() =>
            {
                try
                {
                    done.SetResult(func());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
            return done.Task;
        }

        /// <summary>Runs action on the loop thread and waits for it.</summary>
        public void Invoke(Action action)
        {
            InvokeAsync(() =>
            {
                action();
                return 0;
            }).GetAwaiter().GetResult();
        }

        /// <summary>Stops the loop and waits for its thread.</summary>
        public void Stop()
        {
            if (!_running)
            {
                return;
            }

            _running = false;
            _wakeSocket.SendTo(_nothing, _selfEndPoint);
            if (Thread.CurrentThread != _thread)
            {
                _thread?.Join();
            }
        }

        /// <summary>Stops the loop and closes its wake socket.</summary>
        public void Dispose()
        {
            Stop();
            _wakeSocket.Dispose();
        }

        private void Run()
        {
            while (_running)
            {
                RunPostedActions();
                int wait = WaitMilliseconds();
                if (_discovery != null)
                {
                    WaitForEither(wait);
                    wait = 0;
                    int m = _discovery.Receive(out NetAddress mdnsFrom);
                    if (m >= 0)
                    {
                        Guard(() => _onDiscovery(mdnsFrom, _discovery.Buffer, 0, m));
                    }
                }

                int n = _transport.Receive(wait, out NetAddress from);
                if (n >= 0 && !from.SameAs(_wakeAddress))
                {
                    Guard(() => _target.OnDatagram(from, _transport.Buffer, 0, n));
                }

                if (_clock.NowMilliseconds >= _target.NextDeadline)
                {
                    Guard(_target.OnTick);
                }
            }

            RunPostedActions();
        }

        // Sleeps until the phone's socket or the mDNS socket has a datagram, or timeoutMs passes.
        private void WaitForEither(int timeoutMs)
        {
            _readable.Clear();
            _readable.Add(_transport.Socket);
            _readable.Add(_discovery.Socket);
            try
            {
                Socket.Select(_readable, null, null, Math.Max(0, timeoutMs) * 1000);
            }
            catch (SocketException)
            {
                // a receive error is reported again by the receive itself
            }
        }

        private int WaitMilliseconds()
        {
            if (!_actions.IsEmpty)
            {
                return 0;
            }

            long wait = _target.NextDeadline - _clock.NowMilliseconds;
            return (int)Math.Clamp(wait, 0, MaxWaitMs);
        }

        private void RunPostedActions()
        {
            while (_actions.TryDequeue(out Action action))
            {
                Guard(action);
            }
        }

        private void Guard(Action step)
        {
            try
            {
                if (_stall != null)
                {
                    _stall.Turn(step);
                }
                else
                {
                    step();
                }
            }
            catch (Exception e)
            {
                Faults++;
                LastFault = e;
                Faulted?.Invoke(e);
            }
        }
    }
}
