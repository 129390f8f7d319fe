// SPDX-License-Identifier: MIT
// test_store.cpp - the key store through the public pc_store_* and
// pc_contact_* calls: first boot, reopen, contacts and their resumption
// generations, damaged and missing files, factory reset, misuse.
// Crash injection and bit flips are in test_store_crash.cpp.
#include "store_fixture.hpp"

#include <unordered_map>

extern "C" {
#include "book_index.h"
}

namespace {

class Store : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        store = open_store(dir.path());
        ASSERT_GE(store, 0);
    }
    void TearDown() override { pc_store_close(store); }

    void reopen()
    {
        ASSERT_EQ(pc_store_close(store), PC_OK);
        store = open_store(dir.path());
        ASSERT_GE(store, 0);
    }

    // Pins a fresh random peer; returns its index, the peer key in *peer.
    int32_t pin_new(Bytes *peer = nullptr, const std::string &name = "alice",
                    int32_t flags = PC_CONTACT_VERIFIED)
    {
        Bytes key = random_bytes(32);
        int32_t s = session_with_peer(key);
        int32_t idx = pc_contact_pin(store, s, reinterpret_cast<const uint8_t *>(name.data()),
                                     (int32_t)name.size(), flags);
        pc_session_free(s);
        if (peer != nullptr)
            *peer = key;
        return idx;
    }

    Bytes record(int32_t index)
    {
        Bytes rec(PC_CONTACT_RECORD_LEN, 0);
        EXPECT_EQ(pc_contact_read(store, index, rec.data(), (int32_t)rec.size()),
                  PC_CONTACT_RECORD_LEN);
        return rec;
    }

    Bytes secret(int32_t index, uint32_t generation)
    {
        Bytes psk(32, 0);
        EXPECT_EQ(pci_keystore_resumption(store, index, generation, psk.data()), PC_OK);
        return psk;
    }

    TempDir dir;
    int32_t store = -1;
};

Bytes resumption_of(int32_t session)
{
    pc_transport_peer peer;
    EXPECT_EQ(pci_transport_peer_view(session, &peer), PC_OK);
    return Bytes(peer.resumption, peer.resumption + 32);
}

} // namespace

// ---- first boot and reopen ---------------------------------------------------------

TEST_F(Store, FirstBootCreatesIdentityAndBothSlots)
{
    EXPECT_EQ(pc_store_status(store), PC_STORE_CREATED);
    Bytes pub = identity_of(store);
    EXPECT_NE(pub, Bytes(32, 0));
    EXPECT_EQ(fs::file_size(dir.key()), 32u);
    Flash flash = read_flash(dir);
    ASSERT_EQ(flash.size(), 2u); // the two identity copies, no contact record
    for (const std::string &copy : {kIdentityA, kIdentityB}) {
        ASSERT_EQ(flash[copy].size(), 96u); // 48 header + 32 secret + 16 tag
        EXPECT_EQ(Bytes(flash[copy].begin(), flash[copy].begin() + 4), Bytes({'P', 'H', 'R', 'C'}));
    }
}

TEST_F(Store, ReopenGivesTheSameIdentityAndContacts)
{
    Bytes pub = identity_of(store);
    ASSERT_EQ(pin_new(), 0);
    StoreSnapshot before = snapshot(store);
    reopen();
    EXPECT_EQ(pc_store_status(store), 0);
    EXPECT_EQ(identity_of(store), pub);
    EXPECT_EQ(snapshot(store), before);
}

TEST_F(Store, TwoStoresHaveDifferentIdentities)
{
    TempDir other;
    int32_t h = open_store(other.path());
    ASSERT_GE(h, 0);
    EXPECT_NE(identity_of(h), identity_of(store));
    pc_store_close(h);
}

TEST_F(Store, SecretsNeverInTheFlashImageInClear)
{
    Bytes peer;
    int32_t s = session_with_peer(random_bytes(32));
    Bytes res = resumption_of(s);
    ASSERT_GE(pc_contact_pin(store, s, nullptr, 0, 0), 0);
    pc_session_free(s);
    for (const auto &kv : read_flash(dir)) {
        auto found = std::search(kv.second.begin(), kv.second.end(), res.begin(), res.end());
        EXPECT_EQ(found, kv.second.end()) << kv.first;
    }
}

TEST_F(Store, LocatorOpenTwiceRefused)
{
    EXPECT_EQ(open_store(dir.path()), PC_E_STATE);
    EXPECT_EQ(reset_store(-1, dir.path()), PC_E_STATE);
    EXPECT_EQ(pc_store_status(store), PC_STORE_CREATED); // untouched
}

TEST_F(Store, LocatorMistakes)
{
    EXPECT_EQ(pc_store_open(nullptr, 4), PC_E_ARG);
    EXPECT_EQ(pc_store_open(reinterpret_cast<const uint8_t *>("x"), 0), PC_E_ARG);
    std::string longer(200, 'a');
    EXPECT_EQ(open_store(longer), PC_E_ARG);
    const uint8_t with_nul[] = {'/', 't', 0, 'p'};
    EXPECT_EQ(pc_store_open(with_nul, 4), PC_E_ARG);
}

TEST_F(Store, TableFullThenNoSlotAndNothingCreated)
{
    std::vector<std::unique_ptr<TempDir>> dirs;
    std::vector<int32_t> handles;
    int32_t rc = 0;
    while (rc >= 0) {
        dirs.push_back(std::make_unique<TempDir>());
        rc = open_store(dirs.back()->path());
        if (rc >= 0)
            handles.push_back(rc);
    }
    EXPECT_EQ(rc, PC_E_NO_SLOT);
    EXPECT_FALSE(fs::exists(dirs.back()->flash()));
    EXPECT_EQ(reset_store(-1, dirs.back()->path()), PC_E_NO_SLOT);
    EXPECT_FALSE(fs::exists(dirs.back()->flash()));
    for (int32_t h : handles)
        EXPECT_EQ(pc_store_close(h), PC_OK);
}

TEST_F(Store, HandleMistakes)
{
    uint8_t pub[32];
    EXPECT_EQ(pc_store_status(-1), PC_E_HANDLE);
    EXPECT_EQ(pc_store_identity(store + 1, pub, 32), PC_E_HANDLE);
    EXPECT_EQ(pc_store_identity(store, pub, 31), PC_E_SPACE);
    EXPECT_EQ(pc_store_identity(store, nullptr, 32), PC_E_ARG);
    EXPECT_EQ(pc_contact_find(-5, pub, 32), PC_E_HANDLE);
    EXPECT_EQ(pc_store_factory_reset(-2, nullptr, 0), PC_E_HANDLE);
    int32_t old = store;
    reopen();
    EXPECT_EQ(pc_store_status(old), PC_E_HANDLE); // stale after close
    EXPECT_EQ(pc_store_close(old), PC_E_HANDLE);
}

// ---- damaged or missing files ---------------------------------------------------------

TEST_F(Store, MissingDeviceKeyIsNotFoundAndNotRecreated)
{
    pc_store_close(store);
    store = -1;
    Flash flash = read_flash(dir);
    fs::remove(dir.key());
    EXPECT_EQ(open_store(dir.path()), PC_E_NOT_FOUND);
    EXPECT_FALSE(fs::exists(dir.key()));
    EXPECT_EQ(read_flash(dir), flash);
}

TEST_F(Store, WrongSizeOrWrongDeviceKeyIsCorrupt)
{
    pc_store_close(store);
    store = -1;
    Flash flash = read_flash(dir);
    Bytes key = read_file(dir.key());
    for (size_t n : {0, 31, 33}) {
        Bytes bad(n, 0x42);
        write_file(dir.key(), bad);
        EXPECT_EQ(open_store(dir.path()), PC_E_CORRUPT) << n;
        EXPECT_EQ(read_file(dir.key()), bad);
    }
    Bytes other = key;
    other[7] ^= 1;
    write_file(dir.key(), other);
    EXPECT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    EXPECT_EQ(read_flash(dir), flash);
    write_file(dir.key(), key);
    store = open_store(dir.path());
    EXPECT_GE(store, 0);
}

TEST_F(Store, FactoryResetRepairsABadDeviceKey)
{
    Bytes pub = identity_of(store);
    pc_store_close(store);
    write_file(dir.key(), Bytes(5, 1));
    ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    store = reset_store(-1, dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(pc_store_status(store), PC_STORE_CREATED);
    EXPECT_NE(identity_of(store), pub);
    EXPECT_EQ(fs::file_size(dir.key()), 32u);
    reopen();
    EXPECT_EQ(pc_store_status(store), 0);
}

TEST_F(Store, OneZeroedSlotBesideADamagedOneIsRefused)
{
    // Zero bytes are not "never written" (no image file is): no new identity.
    pc_store_close(store);
    store = -1;
    Flash flash = read_flash(dir);
    std::fill(flash[kIdentityB].begin(), flash[kIdentityB].end(), 0); // copy B zeroed
    flash[kIdentityA][60] ^= 0x10;                                       // copy A damaged
    write_flash(dir, flash);
    EXPECT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    EXPECT_EQ(read_flash(dir), flash);
}

TEST_F(Store, OneIntactCopyBesideAZeroedOneIsRecoveredAndRepairedByTheOpen)
{
    Bytes pub = identity_of(store);
    pc_store_close(store);
    Flash flash = read_flash(dir);
    std::fill(flash[kIdentityB].begin(), flash[kIdentityB].end(), 0);
    write_flash(dir, flash);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(pc_store_status(store), PC_STORE_RECOVERED);
    EXPECT_EQ(identity_of(store), pub);
    EXPECT_NE(read_flash(dir)[kIdentityB], flash[kIdentityB]); // copy B rewritten from A
    reopen();
    EXPECT_EQ(pc_store_status(store), 0);
    pc_store_close(store);
    // Both copies are there again: damage copy A, copy B holds the identity.
    flash = read_flash(dir);
    flash[kIdentityA][10] ^= 1;
    write_flash(dir, flash);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(pc_store_status(store), PC_STORE_RECOVERED);
    EXPECT_EQ(identity_of(store), pub);
}

TEST_F(Store, ShortIdentityCopyIsDamagedNotBlank)
{
    ASSERT_EQ(pin_new(), 0);
    ASSERT_EQ(pin_new(), 1);
    StoreSnapshot with_contacts = snapshot(store);
    pc_store_close(store);
    Flash flash = read_flash(dir);
    flash[kIdentityB].resize(50); // copy B cut short
    write_flash(dir, flash);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(pc_store_status(store), PC_STORE_RECOVERED);
    EXPECT_EQ(snapshot(store), with_contacts);
}

TEST_F(Store, RollbackOfTheWholeImageIsNotDetected)
{
    // Documented limitation (docs/native-api.md): all records rolled back
    // together are an older, authentic state, and the host cannot tell.
    Flash old_flash = read_flash(dir);
    StoreSnapshot old_state = snapshot(store);
    ASSERT_EQ(pin_new(), 0);
    pc_store_close(store);
    write_flash(dir, old_flash);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(pc_store_status(store), 0);
    EXPECT_EQ(snapshot(store), old_state);
}

// ---- factory reset ---------------------------------------------------------------------

TEST_F(Store, FactoryResetWithHandleErasesAndRenewsTheDeviceKey)
{
    Bytes pub = identity_of(store);
    ASSERT_EQ(pin_new(), 0);
    Flash old_flash = read_flash(dir);
    Bytes old_key = read_file(dir.key());
    int32_t old = store;
    store = reset_store(old, dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(pc_store_status(old), PC_E_HANDLE);
    EXPECT_EQ(pc_store_status(store), PC_STORE_CREATED);
    EXPECT_NE(identity_of(store), pub);
    EXPECT_EQ(snapshot(store).contacts(), 0);
    EXPECT_NE(read_file(dir.key()), old_key);
    // A copy of the flash from before the reset no longer opens.
    pc_store_close(store);
    write_flash(dir, old_flash);
    EXPECT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    store = reset_store(-1, dir.path());
    EXPECT_GE(store, 0);
}

TEST_F(Store, FactoryResetWithEmptyLocatorUsesTheStoresOwn)
{
    int32_t h = pc_store_factory_reset(store, nullptr, 0);
    ASSERT_GE(h, 0);
    store = h;
    reopen();
    EXPECT_EQ(pc_store_status(store), 0);
}

TEST_F(Store, FactoryResetWithAnotherLocatorRefused)
{
    TempDir other;
    Bytes pub = identity_of(store);
    EXPECT_EQ(reset_store(store, other.path()), PC_E_ARG);
    EXPECT_EQ(identity_of(store), pub);
    EXPECT_FALSE(fs::exists(other.flash()));
    EXPECT_EQ(reset_store(-1, ""), PC_E_ARG);
}

// ---- contacts ---------------------------------------------------------------------------

TEST_F(Store, PinFindReadForget)
{
    EXPECT_EQ(pc_contact_capacity(), 1000); // pc_limits.h default, the host keeps it
    Bytes alice, bob;
    ASSERT_EQ(pin_new(&alice, "alice"), 0);
    ASSERT_EQ(pin_new(&bob, "bob", 0), 1);
    EXPECT_EQ(pc_contact_find(store, alice.data(), 32), 0);
    EXPECT_EQ(pc_contact_find(store, bob.data(), 32), 1);
    Bytes stranger = random_bytes(32);
    EXPECT_EQ(pc_contact_find(store, stranger.data(), 32), PC_E_NOT_FOUND);

    Bytes rec = record(0);
    EXPECT_EQ(rec[PC_CONTACT_FLAGS_OFFSET], PC_CONTACT_USED | PC_CONTACT_VERIFIED);
    EXPECT_EQ(rec[PC_CONTACT_NAME_LEN_OFFSET], 5);
    EXPECT_EQ(std::string(rec.begin() + PC_CONTACT_NAME_OFFSET,
                          rec.begin() + PC_CONTACT_NAME_OFFSET + 5), "alice");
    EXPECT_EQ(rec[PC_CONTACT_NAME_OFFSET + 5], 0); // zero padded
    EXPECT_EQ(Bytes(rec.begin() + PC_CONTACT_KEY_OFFSET, rec.begin() + PC_CONTACT_KEY_OFFSET + 32),
              alice);
    EXPECT_EQ(le32_at(rec, PC_CONTACT_GEN_OFFSET), 1u);
    EXPECT_EQ(le32_at(rec, PC_CONTACT_PREV_GEN_OFFSET), 0u);
    EXPECT_EQ(record(1)[PC_CONTACT_FLAGS_OFFSET], PC_CONTACT_USED);

    ASSERT_EQ(pc_contact_forget(store, 0), PC_OK);
    uint8_t buf[PC_CONTACT_RECORD_LEN];
    EXPECT_EQ(pc_contact_read(store, 0, buf, sizeof buf), PC_E_NOT_FOUND);
    EXPECT_EQ(pc_contact_find(store, alice.data(), 32), PC_E_NOT_FOUND);
    EXPECT_EQ(pc_contact_forget(store, 0), PC_E_NOT_FOUND);
    Bytes psk(32);
    EXPECT_EQ(pci_keystore_resumption(store, 0, 1, psk.data()), PC_E_NOT_FOUND);
    reopen();
    EXPECT_EQ(pc_contact_find(store, alice.data(), 32), PC_E_NOT_FOUND);
    EXPECT_EQ(pc_contact_find(store, bob.data(), 32), 1);
    EXPECT_EQ(pin_new(), 0); // the freed slot is reused
}

// Two keys whose 32-bit index fingerprints collide (found by birthday search under this boot's
// fingerprint key, about 80,000 draws): both are found, each under its own index, forgetting one
// leaves the other, and after a reopen (a new fingerprint key) the index still tells them apart.
TEST_F(Store, KeysWithTheSameFingerprintAreToldApart)
{
    Bytes first, second;
    std::unordered_map<uint32_t, Bytes> seen;
    for (int draw = 0; draw < 2000000 && first.empty(); draw++) {
        Bytes key = random_bytes(32);
        auto [it, inserted] = seen.emplace(pci_book_fingerprint(key.data()), key);
        if (!inserted && it->second != key) {
            first = it->second;
            second = key;
        }
    }
    ASSERT_FALSE(first.empty()) << "no fingerprint collision in 2,000,000 draws";
    ASSERT_EQ(pci_book_fingerprint(first.data()), pci_book_fingerprint(second.data()));

    auto pin_key = [this](const Bytes &key, const std::string &name) {
        int32_t s = session_with_peer(key);
        int32_t idx = pc_contact_pin(store, s, reinterpret_cast<const uint8_t *>(name.data()),
                                     (int32_t)name.size(), 0);
        pc_session_free(s);
        return idx;
    };
    ASSERT_EQ(pin_new(), 0); // a neighbour in the sorted index
    int32_t a = pin_key(first, "first");
    int32_t b = pin_key(second, "second");
    ASSERT_EQ(a, 1);
    ASSERT_EQ(b, 2);
    EXPECT_EQ(pc_contact_find(store, first.data(), 32), a);
    EXPECT_EQ(pc_contact_find(store, second.data(), 32), b);

    ASSERT_EQ(pc_contact_forget(store, a), PC_OK);
    EXPECT_EQ(pc_contact_find(store, first.data(), 32), PC_E_NOT_FOUND);
    EXPECT_EQ(pc_contact_find(store, second.data(), 32), b);
    ASSERT_EQ(pin_key(first, "first"), a);
    reopen();
    EXPECT_EQ(pc_contact_find(store, first.data(), 32), a);
    EXPECT_EQ(pc_contact_find(store, second.data(), 32), b);
}

TEST_F(Store, PinSameKeyReplacesTheRecord)
{
    Bytes alice;
    ASSERT_EQ(pin_new(&alice, "alice"), 0);
    int32_t s = session_with_peer(alice);
    Bytes res = resumption_of(s);
    ASSERT_EQ(pc_contact_pin(store, s, reinterpret_cast<const uint8_t *>("al"), 2, 0), 0);
    pc_session_free(s);
    Bytes rec = record(0);
    EXPECT_EQ(rec[PC_CONTACT_FLAGS_OFFSET], PC_CONTACT_USED);
    EXPECT_EQ(rec[PC_CONTACT_NAME_LEN_OFFSET], 2);
    EXPECT_EQ(rec[PC_CONTACT_NAME_OFFSET + 2], 0); // old name fully replaced
    EXPECT_EQ(secret(0, 1), res);
    EXPECT_EQ(snapshot(store).contacts(), 1);
}

TEST_F(Store, PinTakesTheSessionsPeerAndResumption)
{
    Bytes peer = random_bytes(32);
    int32_t s = session_with_peer(peer, 0);
    Bytes res = resumption_of(s);
    int32_t idx = pc_contact_pin(store, s, nullptr, 0, PC_CONTACT_USED);
    ASSERT_EQ(idx, 0);
    Bytes rec = record(0);
    EXPECT_EQ(Bytes(rec.begin() + PC_CONTACT_KEY_OFFSET, rec.begin() + PC_CONTACT_KEY_OFFSET + 32),
              peer);
    EXPECT_EQ(secret(0, 1), res);
    Bytes psk(32);
    EXPECT_EQ(pci_keystore_resumption(store, 0, 2, psk.data()), PC_E_NO_PSK);
    EXPECT_EQ(pci_keystore_resumption(store, 0, 0, psk.data()), PC_E_NO_PSK);
    pc_session_free(s);
}

TEST_F(Store, PinMistakesChangeNothing)
{
    Bytes peer = random_bytes(32);
    int32_t s = session_with_peer(peer);
    StoreSnapshot before = snapshot(store);
    Flash flash = read_flash(dir);
    std::string long_name(PC_MAX_NAME_LEN + 1, 'x');
    auto name = reinterpret_cast<const uint8_t *>(long_name.data());
    EXPECT_EQ(pc_contact_pin(store, s, name, PC_MAX_NAME_LEN + 1, 0), PC_E_ARG);
    EXPECT_EQ(pc_contact_pin(store, s, nullptr, 3, 0), PC_E_ARG);
    EXPECT_EQ(pc_contact_pin(store, s, name, -1, 0), PC_E_ARG);
    EXPECT_EQ(pc_contact_pin(store, s, name, 3, 0x08), PC_E_ARG); // unknown flag
    EXPECT_EQ(pc_contact_pin(store, -1, name, 3, 0), PC_E_HANDLE);
    EXPECT_EQ(pc_contact_pin(-1, s, name, 3, 0), PC_E_HANDLE);
    SplitPair no_static = make_splits(random_bytes(32), random_bytes(32));
    no_static.initiator.has_remote_static = 0;
    int32_t anon = pci_transport_create(&no_static.initiator);
    EXPECT_EQ(pc_contact_pin(store, anon, name, 3, 0), PC_E_STATE);
    EXPECT_EQ(snapshot(store), before);
    EXPECT_EQ(read_flash(dir), flash);
    EXPECT_EQ(pc_contact_pin(store, s, name, PC_MAX_NAME_LEN, 0), 0); // longest name fits
    pc_session_free(anon);
    pc_session_free(s);
}

TEST_F(Store, CapacityFull)
{
    for (int i = 0; i < pc_contact_capacity(); i++)
        ASSERT_EQ(pin_new(), i);
    StoreSnapshot full = snapshot(store);
    EXPECT_EQ(pin_new(), PC_E_NO_SLOT);
    EXPECT_EQ(snapshot(store), full);
    reopen();
    EXPECT_EQ(snapshot(store), full);
    ASSERT_EQ(pc_contact_forget(store, 5), PC_OK);
    EXPECT_EQ(pin_new(), 5);
}

TEST_F(Store, ReadAndIndexMistakes)
{
    uint8_t rec[PC_CONTACT_RECORD_LEN] = {7};
    EXPECT_EQ(pc_contact_read(store, 0, rec, sizeof rec), PC_E_NOT_FOUND);
    EXPECT_EQ(pc_contact_read(store, -1, rec, sizeof rec), PC_E_ARG);
    EXPECT_EQ(pc_contact_read(store, pc_contact_capacity(), rec, sizeof rec), PC_E_ARG);
    ASSERT_EQ(pin_new(), 0);
    EXPECT_EQ(pc_contact_read(store, 0, rec, PC_CONTACT_RECORD_LEN - 1), PC_E_SPACE);
    EXPECT_EQ(pc_contact_read(store, 0, nullptr, PC_CONTACT_RECORD_LEN), PC_E_ARG);
    EXPECT_EQ(rec[0], 7); // untouched by the refused reads
    EXPECT_EQ(pc_contact_find(store, rec, 31), PC_E_ARG);
    EXPECT_EQ(pc_contact_find(store, nullptr, 32), PC_E_ARG);
    EXPECT_EQ(pc_contact_forget(store, pc_contact_capacity()), PC_E_ARG);
    EXPECT_EQ(pc_contact_set_flags(store, -1, 0), PC_E_ARG);
    EXPECT_EQ(pc_contact_set_flags(store, 3, 0), PC_E_NOT_FOUND);
}

TEST_F(Store, SetFlags)
{
    ASSERT_EQ(pin_new(nullptr, "carol", PC_CONTACT_VERIFIED), 0);
    ASSERT_EQ(pc_contact_set_flags(store, 0, 0), PC_OK); // key changed: unverified
    EXPECT_EQ(record(0)[PC_CONTACT_FLAGS_OFFSET], PC_CONTACT_USED);
    EXPECT_EQ(pc_contact_set_flags(store, 0, 0x80), PC_E_ARG);
    ASSERT_EQ(pc_contact_set_flags(store, 0, PC_CONTACT_VERIFIED), PC_OK);
    reopen();
    EXPECT_EQ(record(0)[PC_CONTACT_FLAGS_OFFSET], PC_CONTACT_USED | PC_CONTACT_VERIFIED);
}

TEST_F(Store, RememberKeepsTwoGenerations)
{
    Bytes bob;
    int32_t pairing = session_with_peer(bob = random_bytes(32));
    Bytes g1 = resumption_of(pairing);
    ASSERT_EQ(pc_contact_pin(store, pairing, nullptr, 0, 0), 0);

    int32_t call1 = session_with_peer(bob, 1); // used generation 1 as PSK
    Bytes g2 = resumption_of(call1);
    ASSERT_EQ(pc_contact_remember(store, 0, call1), PC_OK);
    EXPECT_EQ(le32_at(record(0), PC_CONTACT_GEN_OFFSET), 2u);
    EXPECT_EQ(le32_at(record(0), PC_CONTACT_PREV_GEN_OFFSET), 1u);
    EXPECT_EQ(secret(0, 2), g2);
    EXPECT_EQ(secret(0, 1), g1);

    int32_t call2 = session_with_peer(bob, 2);
    Bytes g3 = resumption_of(call2);
    ASSERT_EQ(pc_contact_remember(store, 0, call2), PC_OK);
    EXPECT_EQ(secret(0, 3), g3);
    EXPECT_EQ(secret(0, 2), g2);
    Bytes psk(32);
    EXPECT_EQ(pci_keystore_resumption(store, 0, 1, psk.data()), PC_E_NO_PSK); // dropped

    // The peer missed our last remember and called with generation 2 again.
    int32_t retry = session_with_peer(bob, 2);
    Bytes g3b = resumption_of(retry);
    ASSERT_EQ(pc_contact_remember(store, 0, retry), PC_OK);
    EXPECT_EQ(le32_at(record(0), PC_CONTACT_GEN_OFFSET), 3u);
    EXPECT_EQ(le32_at(record(0), PC_CONTACT_PREV_GEN_OFFSET), 2u);
    EXPECT_EQ(secret(0, 3), g3b);
    EXPECT_EQ(secret(0, 2), g2);

    reopen();
    EXPECT_EQ(secret(0, 3), g3b);
    EXPECT_EQ(secret(0, 2), g2);
    for (int32_t s : {pairing, call1, call2, retry})
        pc_session_free(s);
}

TEST_F(Store, RememberWithFlagsIsOneRecordWrite)
{
    Bytes bob = random_bytes(32);
    int32_t pairing = session_with_peer(bob);
    ASSERT_EQ(pc_contact_pin(store, pairing, nullptr, 0, PC_CONTACT_VERIFIED), 0);
    int32_t call = session_with_peer(bob, 1);
    Bytes g2 = resumption_of(call);
    StoreSnapshot before = snapshot(store);
    EXPECT_EQ(pc_contact_remember_flags(store, 0, call, 0x80), PC_E_ARG); // unknown flag
    EXPECT_EQ(pc_contact_remember_flags(store, 0, call, -1), PC_E_ARG);
    EXPECT_EQ(snapshot(store), before);
    pc_storage_counters n;
    pci_storage_test_counters(&n, 1);
    ASSERT_EQ(pc_contact_remember_flags(store, 0, call,
                                        PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN), PC_OK);
    pci_storage_test_counters(&n, 1);
    EXPECT_EQ(n.writes, 1u);
    EXPECT_EQ(n.bytes, 202u); // one contact record
    Bytes rec = record(0);
    EXPECT_EQ(rec[PC_CONTACT_FLAGS_OFFSET],
              PC_CONTACT_USED | PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN);
    EXPECT_EQ(le32_at(rec, PC_CONTACT_GEN_OFFSET), 2u);
    EXPECT_EQ(secret(0, 2), g2);
    pc_session_free(pairing);
    pc_session_free(call);
}

TEST_F(Store, RememberAfterXXFallbackDropsThePrevious)
{
    Bytes bob = random_bytes(32);
    int32_t pairing = session_with_peer(bob);
    ASSERT_EQ(pc_contact_pin(store, pairing, nullptr, 0, 0), 0);
    int32_t call = session_with_peer(bob, 1);
    ASSERT_EQ(pc_contact_remember(store, 0, call), PC_OK); // gen 2, prev 1
    int32_t xx = session_with_peer(bob, 0);                 // fallback: no PSK
    Bytes fresh = resumption_of(xx);
    ASSERT_EQ(pc_contact_remember(store, 0, xx), PC_OK);
    EXPECT_EQ(le32_at(record(0), PC_CONTACT_GEN_OFFSET), 3u);
    EXPECT_EQ(le32_at(record(0), PC_CONTACT_PREV_GEN_OFFSET), 0u);
    EXPECT_EQ(secret(0, 3), fresh);
    for (int32_t s : {pairing, call, xx})
        pc_session_free(s);
}

TEST_F(Store, RememberMistakesChangeNothing)
{
    Bytes bob = random_bytes(32);
    int32_t pairing = session_with_peer(bob);
    ASSERT_EQ(pc_contact_pin(store, pairing, nullptr, 0, 0), 0);
    StoreSnapshot before = snapshot(store);
    int32_t unknown_gen = session_with_peer(bob, 7);
    EXPECT_EQ(pc_contact_remember(store, 0, unknown_gen), PC_E_NO_PSK);
    int32_t stranger = session_with_peer(random_bytes(32), 1);
    EXPECT_EQ(pc_contact_remember(store, 0, stranger), PC_E_ARG);
    EXPECT_EQ(pc_contact_remember(store, 1, pairing), PC_E_NOT_FOUND);
    EXPECT_EQ(pc_contact_remember(store, -1, pairing), PC_E_ARG);
    EXPECT_EQ(pc_contact_remember(store, 0, -1), PC_E_HANDLE);
    EXPECT_EQ(pc_contact_remember(-1, 0, pairing), PC_E_HANDLE);
    EXPECT_EQ(snapshot(store), before);
    for (int32_t s : {pairing, unknown_gen, stranger})
        pc_session_free(s);
}

// ---- the real flow: pairing (XX) between two stores, then a call (IKpsk2) ----------------

namespace {

void run_handshake(int32_t a, int32_t b, int32_t b_store = -1, int32_t b_contact = -1,
                   int32_t generation = 0)
{
    uint8_t msg[PC_MAX_HS_MSG_LEN], payload[PC_MAX_HS_MSG_LEN];
    int32_t hs[2] = {a, b};
    for (int turn = 0; pc_hs_status(a) != PC_HS_DONE || pc_hs_status(b) != PC_HS_DONE; turn++) {
        ASSERT_LT(turn, 3);
        int32_t writer = hs[turn % 2], reader = hs[(turn + 1) % 2];
        if (writer == b && generation > 0 && turn == 1) {
            ASSERT_EQ(pc_hs_use_resumption(b, b_store, b_contact, generation), PC_OK);
        }
        int32_t len = pc_hs_write(writer, nullptr, 0, msg, sizeof msg, 0);
        ASSERT_GT(len, 0);
        ASSERT_GE(pc_hs_read(reader, msg, len, 0, len, payload, sizeof payload), 0);
    }
}

} // namespace

TEST_F(Store, PairThenCallKeepsBothPhonesInStep)
{
    TempDir bob_dir;
    int32_t bob_store = open_store(bob_dir.path());
    ASSERT_GE(bob_store, 0);
    Bytes alice_pub = identity_of(store), bob_pub = identity_of(bob_store);

    int32_t a = pc_hs_new(store, PC_PATTERN_XX, PC_ROLE_INITIATOR, nullptr, 0, nullptr, 0);
    int32_t b = pc_hs_new(bob_store, PC_PATTERN_XX, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    run_handshake(a, b);
    int32_t sa = pc_hs_split(a), sb = pc_hs_split(b);
    ASSERT_EQ(pc_contact_pin(store, sa, reinterpret_cast<const uint8_t *>("bob"), 3,
                             PC_CONTACT_VERIFIED), 0);
    ASSERT_EQ(pc_contact_pin(bob_store, sb, reinterpret_cast<const uint8_t *>("alice"), 5,
                             PC_CONTACT_VERIFIED), 0);
    EXPECT_EQ(pc_contact_find(store, bob_pub.data(), 32), 0);
    EXPECT_EQ(pc_contact_find(bob_store, alice_pub.data(), 32), 0);

    // The call: IKpsk2 with generation 1 on both sides.
    a = pc_hs_new(store, PC_PATTERN_IKPSK2, PC_ROLE_INITIATOR, nullptr, 0, bob_pub.data(), 32);
    ASSERT_EQ(pc_hs_use_resumption(a, store, 0, 1), PC_OK);
    b = pc_hs_new(bob_store, PC_PATTERN_IKPSK2, PC_ROLE_RESPONDER, nullptr, 0, nullptr, 0);
    run_handshake(a, b, bob_store, 0, 1);
    int32_t ca = pc_hs_split(a), cb = pc_hs_split(b);
    EXPECT_TRUE(opens(cb, seal_packet(ca)));
    ASSERT_EQ(pc_contact_remember(store, 0, ca), PC_OK);
    ASSERT_EQ(pc_contact_remember(bob_store, 0, cb), PC_OK);
    Bytes psk_a(32), psk_b(32);
    ASSERT_EQ(pci_keystore_resumption(store, 0, 2, psk_a.data()), PC_OK);
    ASSERT_EQ(pci_keystore_resumption(bob_store, 0, 2, psk_b.data()), PC_OK);
    EXPECT_EQ(psk_a, psk_b); // the next call's PSK agrees
    for (int32_t s : {sa, sb, ca, cb})
        pc_session_free(s);
    pc_store_close(bob_store);
}

// ---- the list in name order (pc_contact_page) -----------------------------------------------

namespace {

struct PageEntry {
    int index;
    int flags;
    std::string name;
};

std::vector<PageEntry> read_page(int32_t store, int32_t first, const std::string &prefix,
                                 int32_t max_entries, int *total, int *start)
{
    Bytes out(PC_PAGE_HEADER_LEN + (size_t)max_entries * PC_PAGE_ENTRY_LEN, 0xEE);
    int32_t n = pc_contact_page(store, first, reinterpret_cast<const uint8_t *>(prefix.data()),
                                (int32_t)prefix.size(), out.data(), (int32_t)out.size());
    EXPECT_GE(n, 0);
    std::vector<PageEntry> v;
    *total = out[PC_PAGE_TOTAL_OFFSET] | out[PC_PAGE_TOTAL_OFFSET + 1] << 8;
    *start = out[PC_PAGE_START_OFFSET] | out[PC_PAGE_START_OFFSET + 1] << 8;
    EXPECT_EQ(out[PC_PAGE_COUNT_OFFSET] | out[PC_PAGE_COUNT_OFFSET + 1] << 8, n);
    for (int i = 0; i < n; i++) {
        const uint8_t *e = out.data() + PC_PAGE_HEADER_LEN + (size_t)i * PC_PAGE_ENTRY_LEN;
        v.push_back({e[0] | e[1] << 8, e[PC_PAGE_ENTRY_FLAGS_OFFSET],
                     std::string(e + PC_PAGE_ENTRY_NAME_OFFSET,
                                 e + PC_PAGE_ENTRY_NAME_OFFSET + e[PC_PAGE_ENTRY_NAME_LEN_OFFSET])});
    }
    return v;
}

std::string folded(const std::string &s)
{
    std::string f = s;
    for (char &c : f)
        c = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    return f;
}

} // namespace

TEST_F(Store, PageListsNamesInOrderWithTiesBeyondEightBytesAndJumps)
{
    // Pinned out of order; "Christopher J..." tie on their first 8 (and 12) bytes.
    const std::vector<std::string> names = {"zoe", "Christopher Jones", "adam", "Christopher Johnson",
                                            "", "Bob", "christopher jonas", "B", "Émile", "anna"};
    for (size_t i = 0; i < names.size(); i++)
        ASSERT_EQ(pin_new(nullptr, names[i], 0), (int32_t)i);
    std::vector<int> want(names.size());
    for (size_t i = 0; i < want.size(); i++)
        want[i] = (int)i;
    std::stable_sort(want.begin(), want.end(),
                     [&](int a, int b) { return folded(names[a]) < folded(names[b]); });
    for (int round = 0; round < 2; round++) { // as pinned, then as an open rebuilds it
        std::vector<int> got;
        int total = -1, start = -1;
        for (int32_t first = 0; first < (int32_t)names.size(); first += 3) {
            auto page = read_page(store, first, "", 3, &total, &start);
            EXPECT_EQ(start, first);
            for (const PageEntry &e : page) {
                got.push_back(e.index);
                EXPECT_EQ(e.name, names[e.index]);
                EXPECT_EQ(e.flags, PC_CONTACT_USED);
            }
        }
        EXPECT_EQ(total, (int)names.size());
        EXPECT_EQ(got, want);
        reopen();
    }
    int total = 0, start = 0;
    auto c = read_page(store, 0, "chr", 16, &total, &start); // jump: case-blind prefix
    ASSERT_FALSE(c.empty());
    EXPECT_EQ(c[0].name, "Christopher Johnson");
    EXPECT_EQ(start, 5); // "", "adam", "anna", "B", "Bob" before it
    auto end = read_page(store, 0, "\xFF", 16, &total, &start);
    EXPECT_TRUE(end.empty());
    EXPECT_EQ(start, total);
    ASSERT_EQ(pc_contact_forget(store, 1), PC_OK); // "Christopher Jones" leaves the order
    auto after = read_page(store, 0, "Christopher", 16, &total, &start);
    EXPECT_EQ(total, (int)names.size() - 1);
    EXPECT_EQ(after[0].name, "Christopher Johnson");
    EXPECT_EQ(after[1].name, "christopher jonas");
    EXPECT_NE(after[2].name, "Christopher Jones");
    // Renaming (a pin of the same key) moves the contact.
    Bytes key;
    Bytes rec = record(0);
    key.assign(rec.begin() + PC_CONTACT_KEY_OFFSET, rec.begin() + PC_CONTACT_KEY_OFFSET + 32);
    int32_t s = session_with_peer(key);
    ASSERT_EQ(pc_contact_pin(store, s, reinterpret_cast<const uint8_t *>("Aaron"), 5, 0), 0);
    pc_session_free(s);
    auto first = read_page(store, 0, "", 2, &total, &start);
    EXPECT_EQ(first[1].name, "Aaron"); // after ""
}

TEST_F(Store, PageMistakesChangeNothing)
{
    ASSERT_EQ(pin_new(), 0);
    Bytes out(PC_PAGE_HEADER_LEN + PC_PAGE_ENTRY_LEN, 0x5A);
    const Bytes untouched = out;
    std::string long_prefix(PC_MAX_NAME_LEN + 1, 'a');
    auto p = reinterpret_cast<const uint8_t *>(long_prefix.data());
    EXPECT_EQ(pc_contact_page(store, 0, nullptr, 0, out.data(), PC_PAGE_HEADER_LEN - 1), PC_E_SPACE);
    EXPECT_EQ(pc_contact_page(store, 0, nullptr, 0, nullptr, 64), PC_E_ARG);
    EXPECT_EQ(pc_contact_page(store, -1, nullptr, 0, out.data(), (int32_t)out.size()), PC_E_ARG);
    EXPECT_EQ(pc_contact_page(store, 0, p, PC_MAX_NAME_LEN + 1, out.data(), (int32_t)out.size()),
              PC_E_ARG);
    EXPECT_EQ(pc_contact_page(store, 0, nullptr, 3, out.data(), (int32_t)out.size()), PC_E_ARG);
    EXPECT_EQ(pc_contact_page(store + 1, 0, nullptr, 0, out.data(), (int32_t)out.size()), PC_E_HANDLE);
    EXPECT_EQ(out, untouched);
    EXPECT_EQ(pc_contact_page(store, 5, nullptr, 0, out.data(), (int32_t)out.size()), 0); // past the end
    EXPECT_EQ(pc_contact_page(store, 0, nullptr, 0, out.data(), (int32_t)out.size()), 1);
}
