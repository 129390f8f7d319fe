// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Text;
using Phone.Crypto;
using Phone.Firmware.Calls;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// The transcript scenario: Alice pairs with Bob (both confirm), calls him (he answers),
    /// the call runs with media both ways through the symmetric ratchets until the first
    /// DH re-key has switched both directions, then Alice hangs up. Product settings, fixed
    /// seed, fixed latency, fixed clock steps: the same bytes on every run. Whatever the
    /// firmware sends is recorded, so a wire change only needs a regeneration.
    /// Must run inside <see cref="IsolatedRun"/>'s load context (the native test build).
    /// </summary>
    public sealed class TranscriptRun : IDisposable
    {
        /// <summary>The DRBG seed: these 32 ASCII bytes.</summary>
        public const string SeedText = "phone/v1/transcript-vectors/seed";
        public const long ClockStartMs = 1000;
        public const int LatencyMs = 10;
        private const long MaxCallMs = 150000;

        private readonly VectorBench _bench = new VectorBench(ClockStartMs, LatencyMs);
        private VectorPhone _alice;
        private VectorPhone _bob;

        /// <summary>The transcript JSON (tests/vectors/transcript.json).</summary>
        public static string Generate()
        {
            CryptoCore.SelfTest(); // the gate opens before vector mode: every run starts alike
            byte[] seed = Encoding.ASCII.GetBytes(SeedText);
            VectorHooks.Begin(seed);
            try
            {
                using var run = new TranscriptRun();
                return run.Execute(seed).ToJson();
            }
            finally
            {
                VectorHooks.End();
            }
        }

        public void Dispose()
        {
            _bench.Dispose();
        }

        private JsonNode Execute(byte[] seed)
        {
            _alice = _bench.Add("alice", 1);
            _bob = _bench.Add("bob", 2);
            List<TraceEntry> identities = _bench.Trace.FindAll(e => e.Label == "identity");
            if (identities.Count != 2)
            {
                throw new InvalidOperationException("expected two identity keys in the trace, found " + identities.Count);
            }

            var root = TranscriptHeader.Write(seed, _bench, identities);
            root.Add("pairing", Pairing(), "first contact: Noise XX with the nonce commitment and the code (§5)");
            root.Add("call", Call(), "a call over the pinned key: IKpsk2 (§7), media (§8), ratchets and a DH re-key (§9)");
            root.Add("hybrid_handshake", HybridSample.Write(_bench, _alice, _bob),
                "the core's hybrid XX with ML-KEM-768 (§5.1) between the same keys, message by message "
                + "(through the binding, not a phone's datagrams)");
            return root;
        }

        private JsonNode Pairing()
        {
            int log = _bench.Net.Log.Count, trace = _bench.Trace.Count;
            PairingMode.Enter(_bob.Core);
            if (!_alice.Core.Pair(_bob.Address))
            {
                throw new InvalidOperationException("alice could not start pairing");
            }

            _bench.RunUntil(() => _alice.Core.CurrentCode != null && _bob.Core.CurrentCode != null, 30000,
                "both codes shown (if bob must open pairing mode first: Scenario/PairingMode.cs)");
            string code = _alice.Core.CurrentCode, words = _alice.Core.CurrentCodeWords;
            if (code != _bob.Core.CurrentCode || words != _bob.Core.CurrentCodeWords)
            {
                throw new InvalidOperationException("the phones show different codes");
            }

            _alice.Core.ConfirmCode();
            _bob.Core.ConfirmCode();
            _bench.RunUntil(() => _alice.Core.IsIdle && _bob.Core.IsIdle, 30000, "pairing finished");
            _bench.Run(5000); // lingering acknowledgements
            return PairingSection.Write(Slice(log, trace, out var trail), trail, code, words, _alice.Name, _bob.Name);
        }

        private JsonNode Call()
        {
            int log = _bench.Net.Log.Count, trace = _bench.Trace.Count;
            int bobIndex = ContactIndex(_alice, _bob);
            if (!_alice.Core.Call(bobIndex, _bob.Address))
            {
                throw new InvalidOperationException("alice could not call bob");
            }

            _bench.RunUntil(() => _bob.Core.CallState == CallState.RingingIn, 10000, "bob rings");
            _bob.Core.Accept();
            _bench.RunUntil(() => _alice.Core.CallState == CallState.Connected
                && _bob.Core.CallState == CallState.Connected, 10000, "call connected");
            var progress = new RekeyProgress(_bench.Net.Log, log);
            _bench.RunUntil(progress.BothSendOnNextGeneration, MaxCallMs, "a DH re-key switching both directions");
            _bench.Run(1000);
            _alice.Core.HangUp();
            _bench.RunUntil(() => _alice.Core.IsIdle && _bob.Core.IsIdle, 30000, "call ended");
            _bench.Run(5000);
            var generations = new JsonNode()
                .Add("alice_newest", ContactRecordOf(_alice, _bob).Generation)
                .Add("alice_previous", ContactRecordOf(_alice, _bob).PreviousGeneration)
                .Add("bob_newest", ContactRecordOf(_bob, _alice).Generation)
                .Add("bob_previous", ContactRecordOf(_bob, _alice).PreviousGeneration);
            return CallSection.Write(Slice(log, trace, out var trail), trail, _alice.Name, _bob.Name, generations);
        }

        private List<SentDatagram> Slice(int log, int trace, out List<TraceEntry> trail)
        {
            trail = _bench.Trace.GetRange(trace, _bench.Trace.Count - trace);
            return _bench.Net.Log.GetRange(log, _bench.Net.Log.Count - log);
        }

        private static int ContactIndex(VectorPhone self, VectorPhone peer)
        {
            return ContactRecordOf(self, peer).Index;
        }

        private static ContactRecord ContactRecordOf(VectorPhone self, VectorPhone peer)
        {
            foreach (ContactRecord c in self.Core.Contacts())
            {
                if (c.PublicKey.AsSpan().SequenceEqual(peer.Core.IdentityKey))
                {
                    return c;
                }
            }

            throw new InvalidOperationException(self.Name + " has no contact " + peer.Name);
        }
    }
}
