// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Runtime.CompilerServices;
using Phone.Crypto;
using Xunit;

namespace Phone.Tests.Binding
{
    /// <summary>
    /// A handle the code forgets to dispose must not lose its native slot for good (the device
    /// has four of each): after a collection the finalizer frees it. Each test fills the
    /// table with abandoned handles until it is full, collects, and needs every slot back.
    /// </summary>
    public sealed class AbandonedHandleTests : IDisposable
    {
        private const int Bound = 100; // far above any table: the loop must hit NoSlot
        private static readonly byte[] Prologue = { (byte)'g', (byte)'c' };
        private readonly string _root = Path.Combine(Path.GetTempPath(), "phone-gc-" + Guid.NewGuid().ToString("N"));
        private readonly KeyStore _store;

        public AbandonedHandleTests()
        {
            CryptoCore.SelfTest();
            Collect();
            _store = KeyStore.Open(NewDirectory());
        }

        public void Dispose()
        {
            _store.Dispose();
            Collect();
            Directory.Delete(_root, true);
        }

        [Fact]
        public void An_abandoned_handshake_gives_its_slot_back_after_a_collection()
        {
            AssertSlotsComeBack(() => AbandonHandshake());
        }

        [Fact]
        public void Abandoned_transport_keys_give_their_slot_back_after_a_collection()
        {
            AssertSlotsComeBack(() => AbandonTransportKeys());
        }

        [Fact]
        public void An_abandoned_key_store_gives_its_slot_back_after_a_collection()
        {
            AssertSlotsComeBack(() => AbandonStore());
        }

        private static void AssertSlotsComeBack(Action abandonOne)
        {
            int filled = FillUntilFull(abandonOne);
            Assert.True(filled > 0, "no free slot at the start");
            Collect();
            int refilled = FillUntilFull(abandonOne);
            Assert.Equal(filled, refilled);
            Collect();
        }

        private static int FillUntilFull(Action abandonOne)
        {
            for (int n = 0; n < Bound; n++)
            {
                try
                {
                    abandonOne();
                }
                catch (CryptoException e) when (e.Status == CryptoStatus.NoSlot)
                {
                    return n;
                }
            }

            throw new InvalidOperationException("the native table never filled up");
        }

        private static void Collect()
        {
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void AbandonHandshake()
        {
            _ = new Handshake(_store, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void AbandonTransportKeys()
        {
            // IK to our own key: two messages, then both sides split; the initiator's keys are
            // kept unreferenced, the responder's are disposed (so only sessions are abandoned).
            using var initiator = new Handshake(_store, NoisePattern.IK, NoisePattern.Initiator, Prologue,
                _store.IdentityPublicKey());
            using var responder = new Handshake(_store, NoisePattern.IK, NoisePattern.Responder, Prologue, null);
            Relay(initiator, responder);
            Relay(responder, initiator);
            _ = initiator.Split();
            responder.Split().Dispose();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void AbandonStore()
        {
            _ = KeyStore.Open(NewDirectory());
        }

        private static void Relay(Handshake from, Handshake to)
        {
            byte[] message = new byte[TransportKeys.MaxPacketLength];
            int length = from.WriteMessage(null, 0, message, 0);
            Assert.True(to.ReadMessage(message, 0, length, new byte[TransportKeys.MaxPacketLength]) >= 0);
        }

        private string NewDirectory()
        {
            string dir = Path.Combine(_root, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
