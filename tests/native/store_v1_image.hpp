// SPDX-License-Identifier: MIT
// store_v1_image.hpp - the previous release's flash image (format "PHST" 1),
// written here from the format's spec alone (the layout comment that
// native/src/store_image.h carried in that release), with libsodium called
// directly: nothing of the key store's own code is used, so the migration
// is tested against the format, not against itself. Deterministic (fixed
// nonces), so the committed fixtures under tests/native/fixtures/ can be
// checked to be exactly what the spec gives.
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace v1 {

const size_t kCopyLen = 4096;
const size_t kHeaderLen = 40;
const size_t kPayloadLen = kCopyLen - kHeaderLen - 16; // 4040
const size_t kContactLen = 138;
const int kContacts = 16;

struct Contact {
    uint8_t flags = 0; // 0: a free slot
    std::string name;
    std::array<uint8_t, 32> pub{};
    uint32_t generation = 0;
    std::array<uint8_t, 32> secret{};
    uint32_t prev_generation = 0;
    std::array<uint8_t, 32> prev_secret{};
};

struct Store {
    std::array<uint8_t, 32> identity{};
    Contact contacts[kContacts];
};

inline void le16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

inline void le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

// payload: [0] version 1 [1] 0 [2..4) count LE [4..36) identity secret, then
// per contact (138 bytes): flags, name length, name[32], static key[32],
// newest generation LE32, its secret[32], previous generation LE32, its
// secret[32]; zero padding to the end.
inline std::vector<uint8_t> payload(const Store &s)
{
    std::vector<uint8_t> p(kPayloadLen, 0);
    p[0] = 1;
    le16(&p[2], kContacts);
    std::copy(s.identity.begin(), s.identity.end(), p.begin() + 4);
    for (int i = 0; i < kContacts; i++) {
        const Contact &c = s.contacts[i];
        uint8_t *q = &p[36 + (size_t)i * kContactLen];
        q[0] = c.flags;
        q[1] = (uint8_t)c.name.size();
        std::copy(c.name.begin(), c.name.end(), q + 2);
        std::copy(c.pub.begin(), c.pub.end(), q + 34);
        le32(q + 66, c.generation);
        std::copy(c.secret.begin(), c.secret.end(), q + 70);
        le32(q + 102, c.prev_generation);
        std::copy(c.prev_secret.begin(), c.prev_secret.end(), q + 106);
    }
    return p;
}

// header (associated data): magic "PHST", version 1 LE16, header length 40
// LE16, sequence LE32, payload length 4040 LE32, XChaCha20-Poly1305 nonce[24];
// then the encrypted payload and the 16-byte tag.
inline std::vector<uint8_t> copy(const Store &s, uint32_t sequence, const uint8_t key[32],
                                 uint8_t nonce_seed)
{
    std::vector<uint8_t> out(kCopyLen, 0);
    out[0] = 'P';
    out[1] = 'H';
    out[2] = 'S';
    out[3] = 'T';
    le16(&out[4], 1);
    le16(&out[6], kHeaderLen);
    le32(&out[8], sequence);
    le32(&out[12], kPayloadLen);
    for (int i = 0; i < 24; i++)
        out[16 + i] = (uint8_t)(nonce_seed + i * 7);
    std::vector<uint8_t> p = payload(s);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(&out[kHeaderLen], &clen, p.data(), p.size(),
                                               out.data(), kHeaderLen, nullptr, &out[16], key);
    return out;
}

// flash.img: copy 0 at offset 0, copy 1 at offset 4096.
inline std::vector<uint8_t> image(const std::vector<uint8_t> &copy0, const std::vector<uint8_t> &copy1)
{
    std::vector<uint8_t> img(copy0);
    img.insert(img.end(), copy1.begin(), copy1.end());
    return img;
}

} // namespace v1
