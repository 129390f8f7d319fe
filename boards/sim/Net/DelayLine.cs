// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Phone.Sim.Net
{
    /// <summary>
    /// Sends datagrams at a set time from a background thread. Datagrams due at
    /// the same time leave in the order they were queued.
    /// </summary>
    internal sealed class DelayLine : IDisposable
    {
        private readonly PriorityQueue<Item, (long Due, long Order)> _queue =
            new PriorityQueue<Item, (long Due, long Order)>();
        private readonly Thread _thread;
        private long _order;
        private bool _stopped;

        /// <summary>Starts the sending thread.</summary>
        public DelayLine(string name)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = name };
            _thread.Start();
        }

        /// <summary>Queues bytes to leave from socket to target after delayMs.</summary>
        public void Schedule(Socket socket, IPEndPoint target, byte[] bytes, double delayMs, Action sent)
        {
            long due = Stopwatch.GetTimestamp() + (long)(delayMs * Stopwatch.Frequency / 1000);
            lock (_queue)
            {
                _queue.Enqueue(new Item(socket, target, bytes, sent), (due, _order++));
                Monitor.Pulse(_queue);
            }
        }

        /// <summary>Stops the thread; queued datagrams are discarded.</summary>
        public void Dispose()
        {
            lock (_queue)
            {
                _stopped = true;
                Monitor.Pulse(_queue);
            }

            _thread.Join();
        }

        private void Run()
        {
            while (true)
            {
                Item item;
                lock (_queue)
                {
                    while (true)
                    {
                        if (_stopped)
                        {
                            return;
                        }

                        if (_queue.TryPeek(out item, out (long Due, long Order) key))
                        {
                            long ticks = key.Due - Stopwatch.GetTimestamp();
                            if (ticks <= 0)
                            {
                                _queue.Dequeue();
                                break;
                            }

                            // Round up: leaving a little late is fine, leaving early shortens the delay.
                            long wait = (ticks * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
                            Monitor.Wait(_queue, (int)Math.Min(wait, 1000));
                        }
                        else
                        {
                            Monitor.Wait(_queue);
                        }
                    }
                }

                try
                {
                    item.Socket.SendTo(item.Bytes, item.Target);
                    item.Sent?.Invoke();
                }
                catch (SocketException)
                {
                    // the target is gone: a lost datagram, as on a real network
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        }

        private readonly struct Item
        {
            public Item(Socket socket, IPEndPoint target, byte[] bytes, Action sent)
            {
                Socket = socket;
                Target = target;
                Bytes = bytes;
                Sent = sent;
            }

            public Socket Socket { get; }
            public IPEndPoint Target { get; }
            public byte[] Bytes { get; }
            public Action Sent { get; }
        }
    }
}
