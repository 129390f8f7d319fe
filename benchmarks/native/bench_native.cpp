// SPDX-License-Identifier: MIT
// bench_native.cpp - the native core's costs, each set against the primitive
// work it cannot avoid, measured in the same run:
//   handshake (both sides, in-process, through the pc_hs_* API and the key
//   stores) / its own X25519 operations   (goal <= 1.15)
//   pc_session_seal + pc_session_open of a 172-byte RTP packet / raw libsodium
//   ChaCha20-Poly1305 IETF encrypt + decrypt of the same bytes
// The ratios are printed after the usual table by RatioReporter.
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include <benchmark/benchmark.h>
#include <sodium.h>

#include "bench_fixtures.hpp"

extern "C" {
#include "backend.h"
#include "hkdf.h"
#include "phone_crypto_api.h"
#include "precompute.h"
}

namespace {

// ---- X25519 ---------------------------------------------------------------------

void BM_X25519_DH(benchmark::State &state)
{
    uint8_t secret[32], peer[32], out[32];
    randombytes_buf(secret, sizeof secret);
    pci_be_x25519_public(peer, secret);
    randombytes_buf(secret, sizeof secret);
    for (auto _ : state) {
        benchmark::DoNotOptimize(pci_be_x25519(out, secret, peer));
        benchmark::ClobberMemory();
    }
}

void BM_X25519_Keygen(benchmark::State &state)
{
    uint8_t secret[32], pub[32];
    randombytes_buf(secret, sizeof secret);
    for (auto _ : state) {
        pci_be_x25519_public(pub, secret);
        benchmark::ClobberMemory();
    }
}

// ---- the symmetric work around the DHs ------------------------------------------------

// Noise HKDF with two and three outputs (MixKey / MixKeyAndHash and Split).
void BM_Hkdf(benchmark::State &state)
{
    uint8_t ck[64] = {1}, ikm[32] = {2}, o1[64], o2[64], o3[64];
    bool three = state.range(0) == 3;
    for (auto _ : state) {
        pci_hkdf(ck, ikm, sizeof ikm, o1, o2, three ? o3 : nullptr);
        benchmark::ClobberMemory();
    }
}

// ---- handshakes -------------------------------------------------------------------

void relay(int32_t from, int32_t to)
{
    static uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    static const uint8_t hello[16] = {1};
    int32_t n = pc_hs_write(from, hello, sizeof hello, msg, sizeof msg, 0);
    if (n < 0 || pc_hs_read(to, msg, n, 0, n, payload, sizeof payload) != (int32_t)sizeof hello)
        std::abort();
}

// One complete handshake, both sides: new, every message, split, session free.
void one_handshake(int pattern)
{
    const BenchStores &s = bench_stores();
    bool ik = pattern != PC_PATTERN_XX;
    int32_t i = pc_hs_new(s.a, pattern, PC_ROLE_INITIATOR, nullptr, 0, ik ? s.b_pub : nullptr,
                          ik ? 32 : 0);
    int32_t r = pc_hs_new(s.b, pattern, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    bool psk = pattern == PC_PATTERN_IKPSK2;
    if (psk && pc_hs_use_resumption(i, s.a, s.a_contact, 1) != PC_OK)
        std::abort();
    relay(i, r);
    if (psk && pc_hs_use_resumption(r, s.b, s.b_contact, 1) != PC_OK) // after reading msg 1
        std::abort();
    relay(r, i);
    if (pattern == PC_PATTERN_XX)
        relay(i, r);
    int32_t si = pc_hs_split(i), sr = pc_hs_split(r);
    if (si < 0 || sr < 0)
        std::abort();
    pc_session_free(si);
    pc_session_free(sr);
}

// with_pool: ephemeral keys pre-generated outside the timed region (idle time).
void BM_Handshake(benchmark::State &state, int pattern, bool with_pool)
{
    bench_stores();
    pci_precomp_set_limit(0); // today's path: every DH on the handshake (bench_precompute.cpp compares)
    bench_drain_pool();
    for (auto _ : state) {
        if (with_pool) {
            state.PauseTiming();
            pc_pool_refill();
            state.ResumeTiming();
        }
        one_handshake(pattern);
    }
    bench_drain_pool();
}

// ---- packet path ------------------------------------------------------------------

constexpr int kRtpHeader = 12, kRtpPayload = 160;           // 172-byte RTP packet (20 ms G.711)
constexpr int kHdr = PC_PKT_MIN_HDR_LEN + kRtpHeader;       // session header + RTP header
constexpr int kSealed = kHdr + kRtpPayload + PC_TAG_LEN;

void BM_Packet_Session(benchmark::State &state)
{
    int32_t tx, rx;
    bench_session_pair(&tx, &rx);
    uint8_t buf[kSealed];
    randombytes_buf(buf, sizeof buf);
    for (auto _ : state) {
        int32_t len = pc_session_seal(tx, buf, sizeof buf, 0, kHdr, kRtpPayload);
        if (pc_session_open(rx, buf, sizeof buf, 0, kHdr, len) != kRtpPayload)
            std::abort();
    }
    pc_session_free(tx);
    pc_session_free(rx);
}

// The same bytes through libsodium directly: header as AD, explicit nonce.
void BM_Packet_RawAead(benchmark::State &state)
{
    uint8_t key[32], nonce[12] = {0}, buf[kSealed], out[kSealed];
    randombytes_buf(key, sizeof key);
    randombytes_buf(buf, sizeof buf);
    uint64_t counter = 0;
    for (auto _ : state) {
        counter++;
        std::memcpy(nonce + 4, &counter, 8);
        unsigned long long clen = 0, mlen = 0;
        crypto_aead_chacha20poly1305_ietf_encrypt(buf + kHdr, &clen, buf + kHdr, kRtpPayload,
                                                  buf, kHdr, nullptr, nonce, key);
        if (crypto_aead_chacha20poly1305_ietf_decrypt(out, &mlen, nullptr, buf + kHdr, clen, buf,
                                                      kHdr, nonce, key) != 0)
            std::abort();
    }
}

// ---- ratios -----------------------------------------------------------------------

// The usual console table, then each ratio from the CPU times it collected
// (CPU, not wall time: other jobs on a shared 2-core machine inflate wall time
// unevenly between benchmarks).
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            if (run.error_occurred)
                continue;
            // One run: its time. Repetitions: their median wins.
            if (run.run_type == Run::RT_Iteration && !medians_.count(run.run_name.function_name))
                times_[run.run_name.function_name] = to_us(run);
            if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
                times_[run.run_name.function_name] = to_us(run);
                medians_[run.run_name.function_name] = true;
            }
        }
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        double dh = times_["BM_X25519_DH"], kg = times_["BM_X25519_Keygen"];
        std::printf("\nCPU time. X25519: DH %.1f us, key generation (fixed base) %.1f us\n", dh, kg);
        std::printf("%-32s %10s %10s %8s\n", "handshake (both sides)", "time us", "X25519 us",
                    "ratio");
        // XX: 2 keygen + 6 DH (3 per side); IK/IKpsk2: 2 keygen + 8 DH (4 per side).
        handshake_row("XX, keys generated inline", "BM_Handshake/XX/no_pool", 2 * kg + 6 * dh);
        handshake_row("XX, keys from the pool", "BM_Handshake/XX/pool", 6 * dh);
        handshake_row("IK, keys generated inline", "BM_Handshake/IK/no_pool", 2 * kg + 8 * dh);
        handshake_row("IK, keys from the pool", "BM_Handshake/IK/pool", 8 * dh);
        handshake_row("IKpsk2, keys generated inline", "BM_Handshake/IKpsk2/no_pool",
                      2 * kg + 8 * dh);
        handshake_row("IKpsk2, keys from the pool", "BM_Handshake/IKpsk2/pool", 8 * dh);
        double cold = times_["BM_DialToRing/cold"], pre = times_["BM_DialToRing/precomputed"];
        if (cold > 0 && pre > 0)
            std::printf("dial-to-ring compute (IKpsk2, both phones, X25519 8 -> 4): cold %.1f us, "
                        "precomputed %.1f us: ratio %.3f\n", cold, pre, pre / cold);
        double pkt = times_["BM_Packet_Session"], raw = times_["BM_Packet_RawAead"];
        if (pkt > 0 && raw > 0)
            std::printf("packet seal+open (172-byte RTP): %.3f us vs raw AEAD %.3f us: "
                        "ratio %.2f\n", pkt, raw, pkt / raw);
    }

private:
    static double to_us(const Run &run)
    {
        return run.GetAdjustedCPUTime() * 1e6 / benchmark::GetTimeUnitMultiplier(run.time_unit);
    }

    void handshake_row(const char *label, const char *name, double x25519_us)
    {
        auto it = times_.find(name);
        if (it == times_.end() || x25519_us <= 0)
            return;
        double ratio = it->second / x25519_us;
        std::printf("%-32s %10.1f %10.1f %8.3f%s\n", label, it->second, x25519_us, ratio,
                    ratio <= 1.15 ? "" : "  (above the 1.15 goal)");
    }

    std::map<std::string, double> times_;
    std::map<std::string, bool> medians_;
};

} // namespace

BENCHMARK(BM_X25519_DH)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_X25519_Keygen)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Hkdf)->Arg(2)->Arg(3)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Handshake, XX/no_pool, PC_PATTERN_XX, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Handshake, XX/pool, PC_PATTERN_XX, true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Handshake, IK/no_pool, PC_PATTERN_IK, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Handshake, IK/pool, PC_PATTERN_IK, true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Handshake, IKpsk2/no_pool, PC_PATTERN_IKPSK2, false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Handshake, IKpsk2/pool, PC_PATTERN_IKPSK2, true)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Packet_Session)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Packet_RawAead)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    bench_cleanup();
    return 0;
}
