// SPDX-License-Identifier: MIT
// test_media.cpp - pc_media_seal / pc_media_open / pc_media_conceal: one
// call per frame each way, interoperable with pc_session_seal/open plus the
// codec, and every refused call leaves the session and the buffers alone.
#include <cstring>

#include "session_fixture.hpp"

extern "C" {
#include "g711_mulaw.h"
}

namespace {

constexpr int32_t kFrame = PC_MEDIA_FRAME_SAMPLES;
constexpr int32_t kPacket = kHdr + kFrame + PC_TAG_LEN;

class Media : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        pair = random_session_pair();
    }
    void TearDown() override { free_pair(pair); }

    Bytes header_template() const
    {
        Bytes b(kPacket + 8, 0);
        b[0] = 1;
        for (int i = 16; i < kHdr; i++)
            b[(size_t)i] = (uint8_t)(0x30 + i);
        return b;
    }

    SessionPair pair;
};

Bytes tone(int32_t samples, int amplitude = 12000)
{
    Bytes pcm((size_t)samples * 2);
    for (int32_t i = 0; i < samples; i++) {
        int16_t s = (int16_t)((i * 997 % 2001 - 1000) * amplitude / 1000);
        pcm[2 * (size_t)i] = (uint8_t)((uint16_t)s & 0xFF);
        pcm[2 * (size_t)i + 1] = (uint8_t)((uint16_t)s >> 8);
    }
    return pcm;
}

int16_t le16(const uint8_t *p) { return (int16_t)(uint16_t)(p[0] | p[1] << 8); }

} // namespace

TEST_F(Media, SealedFrameOpensWithTheSessionCallsAndDecodesAlike)
{
    Bytes pcm = tone(kFrame);
    Bytes pkt = header_template();
    ASSERT_EQ(pc_media_seal(pair.initiator, pcm.data(), (int32_t)pcm.size(), 0, PC_SAMPLE_PCM16,
                            kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr),
              kPacket);
    // The plain session call opens it to the µ-law of the input.
    Bytes copy = pkt;
    ASSERT_EQ(pc_session_open(pair.responder, copy.data(), (int32_t)copy.size(), 0, kHdr, kPacket), kFrame);
    for (int32_t i = 0; i < kFrame; i++)
        ASSERT_EQ(copy[(size_t)(kHdr + i)], pci_mulaw_encode(le16(&pcm[2 * (size_t)i])));
    for (int i = 16; i < kHdr; i++)
        EXPECT_EQ(copy[(size_t)i], 0x30 + i); // the caller's header is authenticated, not touched

    // The next frame opens and decodes in one call, at an offset in the PCM buffer.
    Bytes pkt2 = header_template();
    ASSERT_EQ(pc_media_seal(pair.initiator, pcm.data(), (int32_t)pcm.size(), 0, PC_SAMPLE_PCM16,
                            kFrame, pkt2.data(), (int32_t)pkt2.size(), 0, kHdr),
              kPacket);
    Bytes out(2 * kFrame + 6, 0xEE);
    ASSERT_EQ(pc_media_open(pair.responder, pkt2.data(), (int32_t)pkt2.size(), 0, kHdr, kPacket,
                            out.data(), (int32_t)out.size(), 6, kFrame),
              kFrame);
    for (int i = 0; i < 6; i++)
        EXPECT_EQ(out[(size_t)i], 0xEE);
    for (int32_t i = 0; i < kFrame; i++)
        ASSERT_EQ(le16(&out[6 + 2 * (size_t)i]), pci_mulaw_decode(pci_mulaw_encode(le16(&pcm[2 * (size_t)i]))));
}

TEST_F(Media, SessionSealedPacketOpensThroughMediaOpen)
{
    Packet p = seal_packet(pair.initiator, kFrame);
    Bytes out(2 * kFrame);
    ASSERT_EQ(pc_media_open(pair.responder, p.bytes.data(), (int32_t)p.bytes.size(), 0, kHdr,
                            (int32_t)p.bytes.size(), out.data(), (int32_t)out.size(), 0, kFrame),
              kFrame);
    for (int32_t i = 0; i < kFrame; i++)
        ASSERT_EQ(le16(&out[2 * (size_t)i]), pci_mulaw_decode(p.body[(size_t)i]));
}

TEST_F(Media, I2sSlotsEncodeTheirTopSixteenBits)
{
    Bytes pcm = tone(kFrame), slots;
    for (int32_t i = 0; i < kFrame; i++) {
        slots.insert(slots.end(), {0x12, 0x34, pcm[2 * (size_t)i], pcm[2 * (size_t)i + 1]});
    }
    Bytes a = header_template(), b = header_template();
    ASSERT_EQ(pc_media_seal(pair.initiator, slots.data(), (int32_t)slots.size(), 0, PC_SAMPLE_I2S32,
                            kFrame, a.data(), (int32_t)a.size(), 0, kHdr), kPacket);
    ASSERT_EQ(pc_media_seal(pair.responder, pcm.data(), (int32_t)pcm.size(), 0, PC_SAMPLE_PCM16,
                            kFrame, b.data(), (int32_t)b.size(), 0, kHdr), kPacket);
    Bytes out_a(2 * kFrame), out_b(2 * kFrame);
    ASSERT_EQ(pc_media_open(pair.responder, a.data(), kPacket, 0, kHdr, kPacket, out_a.data(), 2 * kFrame, 0, kFrame), kFrame);
    ASSERT_EQ(pc_media_open(pair.initiator, b.data(), kPacket, 0, kHdr, kPacket, out_b.data(), 2 * kFrame, 0, kFrame), kFrame);
    EXPECT_EQ(out_a, out_b);
}

TEST_F(Media, TamperedReplayedOrOversizedFramesWriteNoPcm)
{
    Bytes pcm = tone(kFrame);
    Bytes pkt = header_template();
    ASSERT_EQ(pc_media_seal(pair.initiator, pcm.data(), (int32_t)pcm.size(), 0, PC_SAMPLE_PCM16,
                            kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr), kPacket);
    Bytes out(2 * kFrame, 0xEE);
    const Bytes untouched = out;

    Bytes bad = pkt;
    bad[kHdr + 3] ^= 1;
    EXPECT_EQ(pc_media_open(pair.responder, bad.data(), kPacket, 0, kHdr, kPacket, out.data(), 2 * kFrame, 0, kFrame), PC_E_AUTH);
    EXPECT_EQ(out, untouched);
    // Too long for the PCM region the caller offers: hostile, refused before any work.
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 0, kHdr, kPacket, out.data(), 2 * kFrame, 0, kFrame - 1), PC_E_MALFORMED);
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 0, kHdr, kHdr + PC_TAG_LEN - 1, out.data(), 2 * kFrame, 0, kFrame), PC_E_MALFORMED);
    EXPECT_EQ(out, untouched);

    Bytes first = pkt;
    ASSERT_EQ(pc_media_open(pair.responder, first.data(), kPacket, 0, kHdr, kPacket, out.data(), 2 * kFrame, 0, kFrame), kFrame);
    Bytes decoded = out;
    std::fill(out.begin(), out.end(), 0xEE);
    Bytes replay = pkt;
    EXPECT_EQ(pc_media_open(pair.responder, replay.data(), kPacket, 0, kHdr, kPacket, out.data(), 2 * kFrame, 0, kFrame), PC_E_REPLAY);
    EXPECT_EQ(out, untouched);
    EXPECT_NE(decoded, untouched);
    EXPECT_TRUE(opens(pair.responder, seal_packet(pair.initiator))); // the session still works
}

TEST_F(Media, CallerMistakesAreArgumentErrorsAndChangeNothing)
{
    Bytes pcm = tone(kFrame);
    Bytes pkt = header_template();
    const Bytes before = pkt;
    auto seal = [&](const uint8_t *p, int32_t plen, int32_t poff, int32_t width, int32_t n,
                    uint8_t *b, int32_t blen, int32_t off, int32_t hdr) {
        return pc_media_seal(pair.initiator, p, plen, poff, width, n, b, blen, off, hdr);
    };
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 0, 3, kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr), PC_E_ARG);
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 2, 2, kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr), PC_E_ARG);
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 0, 4, kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr), PC_E_ARG);
    EXPECT_EQ(seal(nullptr, 320, 0, 2, kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr), PC_E_ARG);
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 0, 2, -1, pkt.data(), (int32_t)pkt.size(), 0, kHdr), PC_E_ARG);
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 0, 2, kFrame, pkt.data(), (int32_t)pkt.size(), 0, 15), PC_E_ARG);
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 0, 2, kFrame, pkt.data(), kPacket - 1, 0, kHdr), PC_E_SPACE);
    EXPECT_EQ(seal(pcm.data(), (int32_t)pcm.size(), 0, 2, kFrame, pkt.data(), (int32_t)pkt.size(), 9, kHdr), PC_E_SPACE);
    // PCM and packet in one array may not overlap.
    Bytes shared(2 * kFrame + kPacket);
    EXPECT_EQ(seal(shared.data(), (int32_t)shared.size(), 0, 2, kFrame, shared.data(), (int32_t)shared.size(), 100, kHdr), PC_E_ARG);
    EXPECT_EQ(pc_media_seal(12345, pcm.data(), 320, 0, 2, kFrame, pkt.data(), (int32_t)pkt.size(), 0, kHdr), PC_E_HANDLE);
    EXPECT_EQ(pkt, before);
    // No counter was used by the refused calls: the next packet is counter 0.
    Packet p = seal_packet(pair.initiator);
    EXPECT_EQ(counter_of(p), 0u);
    EXPECT_TRUE(opens(pair.responder, p));

    Bytes out(2 * kFrame);
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 0, kHdr, kPacket, nullptr, 2 * kFrame, 0, kFrame), PC_E_ARG);
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 0, kHdr, kPacket, out.data(), 2 * kFrame, 2 * kFrame + 1, kFrame), PC_E_ARG);
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 0, 15, kPacket, out.data(), 2 * kFrame, 0, kFrame), PC_E_ARG);
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 1, kHdr, kPacket, out.data(), 2 * kFrame, 0, kFrame), PC_E_ARG);
    EXPECT_EQ(pc_media_open(pair.responder, pkt.data(), kPacket, 0, kHdr, kPacket, out.data(), 2 * kFrame - 2, 0, kFrame), PC_E_ARG);
}

TEST(MediaConceal, ScalesAFrameInPlaceOrIntoAnotherSlot)
{
    require_selftest();
    Bytes pcm = tone(kFrame, 30000);
    pcm.resize(4 * kFrame, 0);
    ASSERT_EQ(pc_media_conceal(pcm.data(), (int32_t)pcm.size(), 0, 2 * kFrame, kFrame, 128), kFrame);
    for (int32_t i = 0; i < kFrame; i++)
        ASSERT_EQ(le16(&pcm[(size_t)(2 * kFrame + 2 * i)]), le16(&pcm[2 * (size_t)i]) * 128 / 256);
    Bytes copy = pcm;
    ASSERT_EQ(pc_media_conceal(pcm.data(), (int32_t)pcm.size(), 0, 0, kFrame, PC_GAIN_UNITY), kFrame);
    EXPECT_EQ(pcm, copy);
    ASSERT_EQ(pc_media_conceal(pcm.data(), (int32_t)pcm.size(), 0, 0, kFrame, 0), kFrame);
    for (int32_t i = 0; i < 2 * kFrame; i++)
        ASSERT_EQ(pcm[(size_t)i], 0);
    copy = pcm;
    EXPECT_EQ(pc_media_conceal(pcm.data(), (int32_t)pcm.size(), 0, 2, kFrame, 128), PC_E_ARG); // overlap
    EXPECT_EQ(pc_media_conceal(pcm.data(), (int32_t)pcm.size(), 0, 2 * kFrame, kFrame, 257), PC_E_ARG);
    EXPECT_EQ(pc_media_conceal(pcm.data(), (int32_t)pcm.size(), 3 * kFrame + 2, 0, kFrame, 128), PC_E_ARG);
    EXPECT_EQ(pc_media_conceal(nullptr, 0, 0, 0, 0, 128), 0);
    EXPECT_EQ(pcm, copy);
}
