// SPDX-License-Identifier: MIT
// test_g711.cpp - the native G.711 µ-law codec against the values published
// in ITU-T G.711 (1988) Table 2a, against an independent implementation
// (libsox, Debian's sox), and its ITU-T G.191 conventions for 16-bit input.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "test_util.hpp"

extern "C" {
#include "g711_mulaw.h"
}

namespace {

// G.711 Table 2a (µ-law, positive half) one row per segment, in the
// standard's normalised units (14-bit magnitudes, full scale 8159): the
// first decision value, the interval width and the first decoder output.
// Each segment has 16 intervals; the character signal of the n-th interval
// counted from zero (n = 16*segment + step) is 0xFF - n for positive input
// and 0x7F - n for negative input.
struct SegmentRow {
    int first_decision; // x_0 of the segment
    int width;          // x_{n+1} - x_n
    int first_output;   // y_0
};
const SegmentRow kTable2a[8] = {
    {0, 2, 0},        // segment 1: decision 1, 3, ... 31 (first interval 0..1), outputs 0..30
    {31, 4, 33},      // segment 2: 31 .. 95,     outputs 33 .. 93
    {95, 8, 99},      // segment 3: 95 .. 223,    outputs 99 .. 215
    {223, 16, 231},   // segment 4: 223 .. 479,   outputs 231 .. 463
    {479, 32, 495},   // segment 5: 479 .. 991,   outputs 495 .. 959
    {991, 64, 1023},  // segment 6: 991 .. 2015,  outputs 1023 .. 1983
    {2015, 128, 2079},// segment 7: 2015 .. 4063, outputs 2079 .. 3935
    {4063, 256, 4191},// segment 8: 4063 .. 8159, outputs 4191 .. 8031
};

// Interval [lo, hi] of 14-bit magnitude n (the first interval of segment 1 is 0..1).
void interval(int n, int &lo, int &hi, int &output)
{
    const SegmentRow &row = kTable2a[n / 16];
    int step = n % 16;
    lo = row.first_decision + row.width * step;
    hi = lo + row.width;
    if (n == 0) {
        lo = 0;
        hi = 1;
    } else if (n < 16) {
        lo = 2 * step - 1;
        hi = lo + 2;
    }
    output = row.first_output + row.width * step;
}

// 16-bit PCM is the 14-bit value times 4.
int16_t pcm(int value14) { return (int16_t)(value14 * 4); }

Bytes pcm16_le(const std::vector<int16_t> &samples)
{
    Bytes b;
    for (int16_t s : samples) {
        b.push_back((uint8_t)((uint16_t)s & 0xFF));
        b.push_back((uint8_t)((uint16_t)s >> 8));
    }
    return b;
}

int16_t le16(const uint8_t *p) { return (int16_t)(uint16_t)(p[0] | p[1] << 8); }

} // namespace

TEST(G711Table2a, PublishedEndPointsAndOutputs)
{
    // Spot values printed in the table: the ends of segment 8 and of segment 1.
    EXPECT_EQ(pci_mulaw_decode(0x80), pcm(8031));
    EXPECT_EQ(pci_mulaw_decode(0x8F), pcm(4191));
    EXPECT_EQ(pci_mulaw_decode(0xFF), 0);
    EXPECT_EQ(pci_mulaw_decode(0xF0), pcm(30));
    EXPECT_EQ(pci_mulaw_decode(0x00), pcm(-8031));
    EXPECT_EQ(pci_mulaw_decode(0x7F), 0); // negative zero decodes to 0
    EXPECT_EQ(pci_mulaw_encode(pcm(8159)), 0x80);
    EXPECT_EQ(pci_mulaw_encode(INT16_MAX), 0x80); // beyond full scale: clipped
    EXPECT_EQ(pci_mulaw_encode(INT16_MIN), 0x00);
}

// Every one of the 128 magnitude intervals: inputs strictly inside code to
// the table's character signal, the decoder gives the table's output, and an
// input on a decision value codes to one of its two neighbours.
TEST(G711Table2a, EveryIntervalBothSigns)
{
    for (int n = 0; n < 128; n++) {
        int lo, hi, output;
        interval(n, lo, hi, output);
        uint8_t positive = (uint8_t)(0xFF - n), negative = (uint8_t)(0x7F - n);
        ASSERT_EQ(pci_mulaw_decode(positive), pcm(output)) << "interval " << n;
        ASSERT_EQ(pci_mulaw_decode(negative), pcm(-output)) << "interval " << n;
        for (int x = lo + 1; x < hi; x++) {
            ASSERT_EQ(pci_mulaw_encode(pcm(x)), positive) << "x=" << x;
            ASSERT_EQ(pci_mulaw_encode(pcm(-x)), negative) << "x=-" << x;
        }
        uint8_t at_lo = pci_mulaw_encode(pcm(lo));
        EXPECT_TRUE(at_lo == positive || at_lo == positive + 1 || (n == 0 && at_lo == 0xFF))
            << "decision value " << lo;
        uint8_t at_neg = pci_mulaw_encode(pcm(-hi));
        EXPECT_TRUE(at_neg == negative || at_neg == negative - 1) << "decision value -" << hi;
    }
}

// G.191's conventions for 16-bit input: the two low bits are dropped
// (truncation), a negative sample's magnitude is its one's complement.
TEST(G711Conventions, SixteenBitInputTruncatesAndIsSymmetric)
{
    for (int x = INT16_MIN; x <= INT16_MAX; x++) {
        int truncated = x >= 0 ? (x & ~3) : -(((~x) >> 2) * 4) - 1;
        ASSERT_EQ(pci_mulaw_encode((int16_t)x), pci_mulaw_encode((int16_t)truncated)) << x;
        if (x > 0) {
            ASSERT_EQ(pci_mulaw_encode((int16_t)x) & 0x7F, pci_mulaw_encode((int16_t)(-x - 1)) & 0x7F)
                << x;
        }
    }
    for (int x = -4; x <= -1; x++)
        EXPECT_EQ(pci_mulaw_encode((int16_t)x), 0x7F); // -0
}

// ---- independent implementation: libsox (sox -D, no dither) ---------------

namespace {

Bytes run_sox(const Bytes &input, const char *in_type, const char *out_type)
{
    std::string dir = ::testing::TempDir();
    std::string in = dir + "g711_in.raw", out = dir + "g711_out.raw";
    std::ofstream(in, std::ios::binary).write((const char *)input.data(), (std::streamsize)input.size());
    std::string cmd = std::string(PC_SOX) + " -D -t raw -r 8000 -c 1 " + in_type + " " + in
                      + " -t raw " + out_type + " " + out + " 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream f(out, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

} // namespace

TEST(G711Sox, DecodesEveryCodeWordAlike)
{
    Bytes codes(256);
    for (int c = 0; c < 256; c++)
        codes[c] = (uint8_t)c;
    Bytes ref = run_sox(codes, "-e mu-law -b 8", "-e signed -b 16");
    ASSERT_EQ(ref.size(), 512u);
    for (int c = 0; c < 256; c++)
        EXPECT_EQ(pci_mulaw_decode((uint8_t)c), le16(&ref[2 * c])) << "code " << c;
}

// On 14-bit input (multiples of 4: no rounding question) sox's Sun-derived
// encoder agrees for zero and positives; for negatives it takes the two's
// complement magnitude, one step above G.191's one's complement: ours(4n)
// equals sox(4n + 4) for n <= -2, and -1 (14-bit) is -0 here.
TEST(G711Sox, EncodesEveryFourteenBitValueAlike)
{
    std::vector<int16_t> inputs;
    for (int n = -8192; n < 8192; n++)
        inputs.push_back(pcm(n));
    Bytes ref = run_sox(pcm16_le(inputs), "-e signed -b 16", "-e mu-law -b 8");
    ASSERT_EQ(ref.size(), inputs.size());
    auto sox = [&](int n) { return ref[(size_t)(n + 8192)]; };
    int compared = 0;
    for (int n = -8192; n < 8192; n++) {
        uint8_t ours = pci_mulaw_encode(pcm(n));
        if (n >= 0) {
            ASSERT_EQ(ours, sox(n)) << "n=" << n;
        } else if (n <= -2) {
            ASSERT_EQ(ours, sox(n + 1)) << "n=" << n;
        } else {
            ASSERT_EQ(ours, 0x7F);
        }
        compared++;
    }
    EXPECT_EQ(compared, 16384);
}

// ---- frames --------------------------------------------------------------

TEST(G711Frames, FrameFunctionsMatchTheSampleFunctions)
{
    std::vector<int16_t> samples;
    for (int i = 0; i < PC_MEDIA_FRAME_SAMPLES; i++)
        samples.push_back((int16_t)((i * 409) % 65536 - 32768));
    Bytes pcm16 = pcm16_le(samples);
    Bytes slots; // the same samples in 32-bit I2S slots, junk in the low bytes
    for (int16_t s : samples) {
        slots.push_back(0xA5);
        slots.push_back(0x5A);
        slots.push_back((uint8_t)((uint16_t)s & 0xFF));
        slots.push_back((uint8_t)((uint16_t)s >> 8));
    }
    Bytes codes(PC_MEDIA_FRAME_SAMPLES), codes32(PC_MEDIA_FRAME_SAMPLES);
    pci_mulaw_encode_frame(pcm16.data(), 2, codes.size(), codes.data());
    pci_mulaw_encode_frame(slots.data(), 4, codes32.size(), codes32.data());
    Bytes decoded(2 * PC_MEDIA_FRAME_SAMPLES);
    pci_mulaw_decode_frame(codes.data(), codes.size(), decoded.data());
    for (int i = 0; i < PC_MEDIA_FRAME_SAMPLES; i++) {
        ASSERT_EQ(codes[i], pci_mulaw_encode(samples[i]));
        ASSERT_EQ(codes32[i], codes[i]);
        ASSERT_EQ(le16(&decoded[2 * i]), pci_mulaw_decode(codes[i]));
    }
}
