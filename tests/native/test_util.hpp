// SPDX-License-Identifier: MIT
// test_util.hpp - hex, vector files and the self-test gate for the native tests.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

extern "C" {
#include "phone_crypto_api.h"
}

using Bytes = std::vector<uint8_t>;

inline Bytes hex(const std::string &s)
{
    Bytes out;
    for (size_t i = 0; i + 1 < s.size(); i += 2)
        out.push_back(static_cast<uint8_t>(std::stoul(s.substr(i, 2), nullptr, 16)));
    return out;
}

// Public values only: tests never print secrets.
inline std::string to_hex(const uint8_t *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (size_t i = 0; i < n; i++) {
        s += digits[p[i] >> 4];
        s += digits[p[i] & 15];
    }
    return s;
}

inline std::string to_hex(const Bytes &b)
{
    return to_hex(b.data(), b.size());
}

inline nlohmann::json load_vectors(const std::string &relative)
{
    std::ifstream in(std::string(PC_VECTORS_DIR) + "/" + relative);
    if (!in)
        throw std::runtime_error("missing vector file " + relative);
    return nlohmann::json::parse(in);
}

// Every gated call needs a passed self-test; it is idempotent.
inline void require_selftest()
{
    ASSERT_EQ(pc_selftest(), PC_OK);
}
