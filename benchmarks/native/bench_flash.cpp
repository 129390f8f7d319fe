// SPDX-License-Identifier: MIT
// bench_flash.cpp - flash bytes written per call, counted at the storage
// backend (pci_storage_test_counters, host/storage_file.c), with 10, 100 and
// 1,000 contacts in the book, and the static RAM the book costs. A call's
// store steps are those of firmware/Phone.Firmware/Calls/ResumptionGenerations.cs,
// made on the key store directly:
//   caller: Remember with the unproven mark cleared (one write; measured
//           also for a contact left marked by a call it answered);
//   callee: Remember with the mark set (one write), and SetFlags(-unproven)
//           once the caller proved it holds the new generation.
// Prints "R|..." lines for benchmarks/native/flash-writes.sh and a table.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

extern "C" {
#include "keystore.h"
#include "keystore_state.h"
#include "phone_crypto_api.h"
#include "storage.h"
#include "store_record.h"
}

namespace fs = std::filesystem;

namespace {

const int kCallsPerRole = 50;

struct Bytes32 {
    uint8_t b[32];
};

Bytes32 random32(std::mt19937 &rng)
{
    Bytes32 k;
    for (uint8_t &x : k.b)
        x = (uint8_t)rng();
    return k;
}

struct Figure {
    double bytes = 0, writes = 0;
};

// One call's store steps for contact index as `role`; returns what reached flash.
Figure call(int32_t store, int index, const char *role, std::mt19937 &rng)
{
    pc_storage_counters n;
    uint8_t rec[PC_CONTACT_RECORD_LEN], key[32];
    pci_storage_test_counters(&n, 1);
    if (pci_keystore_contact_read(store, index, rec) != PC_CONTACT_RECORD_LEN)
        std::abort();
    std::memcpy(key, rec + PC_CONTACT_KEY_OFFSET, 32);
    int flags = rec[PC_CONTACT_FLAGS_OFFSET];
    uint32_t gen = rec[PC_CONTACT_GEN_OFFSET] | rec[PC_CONTACT_GEN_OFFSET + 1] << 8;
    Bytes32 resumption = random32(rng);
    int rc = 0;
    int proven = flags & ~PC_CONTACT_NEWEST_UNPROVEN;
    if (std::strcmp(role, "caller") == 0) {
        rc |= pci_keystore_remember(store, index, key, gen, resumption.b, proven);
    } else if (std::strcmp(role, "caller-after-answering") == 0) {
        rc |= pci_keystore_set_flags(store, index, flags | PC_CONTACT_NEWEST_UNPROVEN);
        pci_storage_test_counters(&n, 1); // that was the previous call's; count this one
        rc |= pci_keystore_remember(store, index, key, gen, resumption.b, proven);
    } else {
        rc |= pci_keystore_remember(store, index, key, gen, resumption.b,
                                    flags | PC_CONTACT_NEWEST_UNPROVEN);
        rc |= pci_keystore_set_flags(store, index, proven);
    }
    if (rc != 0)
        std::abort();
    pci_storage_test_counters(&n, 0);
    return {(double)n.bytes, (double)n.writes};
}

// Book names: surnames from a small list with a number, so first letters vary and the 8-byte
// prefixes the index keeps rarely tie; shared_prefix: every name starts "Contact " (8 bytes),
// the worst case, where each name-order comparison reads a record.
int name_of(std::mt19937 &rng, bool shared_prefix, char *out, size_t cap)
{
    static const char *const k_names[] = {"Adams", "Baker", "Clark", "Davis", "Evans", "Fisher",
                                          "Garcia", "Hughes", "Ito", "Jones", "King", "Lopez",
                                          "Miller", "Nguyen", "Owens", "Patel", "Quinn", "Reyes",
                                          "Smith", "Turner", "Usman", "Vance", "Walker", "Xu",
                                          "Young", "Zhang"};
    unsigned r = rng() % 10000;
    if (shared_prefix)
        return std::snprintf(out, cap, "Contact %04u", r);
    return std::snprintf(out, cap, "%s %c. %04u", k_names[rng() % 26], (char)('A' + rng() % 26), r);
}

void measure(int contacts, const fs::path &dir, bool shared_prefix)
{
    std::mt19937 rng((unsigned)contacts);
    fs::remove_all(dir);
    std::string loc = dir.string();
    int32_t store = pci_keystore_open(reinterpret_cast<const uint8_t *>(loc.data()), loc.size());
    if (store < 0)
        std::abort();
    for (int i = 0; i < contacts; i++) {
        Bytes32 pub = random32(rng), res = random32(rng);
        char name[32];
        int len = name_of(rng, shared_prefix, name, sizeof name);
        if (pci_keystore_pin(store, pub.b, reinterpret_cast<uint8_t *>(name), (size_t)len,
                             PC_CONTACT_VERIFIED, res.b) != i)
            std::abort();
    }
    for (const char *role : {"caller", "caller-after-answering", "callee"}) {
        if (shared_prefix)
            break; // the flash figures do not depend on names
        Figure sum;
        for (int c = 0; c < kCallsPerRole; c++) {
            Figure f = call(store, (int)(rng() % (unsigned)contacts), role, rng);
            sum.bytes += f.bytes;
            sum.writes += f.writes;
        }
        std::printf("R|flash_per_call|%s|%d|%.0f|%.2f\n", role, contacts, sum.bytes / kCallsPerRole,
                    sum.writes / kCallsPerRole);
    }
    pci_keystore_close(store);
    // Opening reads and decrypts every record to build the index: the best of 3.
    double best_ms = 1e9;
    for (int k = 0; k < 3; k++) {
        auto t0 = std::chrono::steady_clock::now();
        store = pci_keystore_open(reinterpret_cast<const uint8_t *>(loc.data()), loc.size());
        auto t1 = std::chrono::steady_clock::now();
        if (store < 0)
            std::abort();
        pci_keystore_close(store);
        best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::printf("R|open_ms|%s|%d|%.2f\n", shared_prefix ? "shared_prefix" : "names", contacts,
                best_ms);
    fs::remove_all(dir);
}

} // namespace

int main()
{
    if (pc_selftest() != PC_OK)
        return 2;
    fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path dir = base / ("pc-bench-flash-" + std::to_string(::getpid()));
    std::printf("R|record|contact|%d\nR|record|identity|%d\n", PC_RECORD_CONTACT_LEN,
                PC_RECORD_IDENTITY_LEN);
    std::printf("R|ram|book_index|%zu|%d\nR|ram|store_state|%zu|%d\n", sizeof(pc_book),
                PC_MAX_CONTACTS, sizeof(pc_store_state), PC_MAX_CONTACTS);
    for (bool shared_prefix : {false, true})
        for (int contacts : {10, 100, 1000})
            measure(contacts, dir, shared_prefix);
    std::printf("bench_flash: done (%d calls per role and book size)\n", kCallsPerRole);
    return 0;
}
