// SPDX-License-Identifier: MIT
// test_store_crash.cpp - power cuts at every byte of every flash write, and
// bit flips in the sealed records. After a cut the store reopens to exactly
// the state before the operation or exactly the state after it; a damaged
// record is never used; with no intact identity copy the open fails and
// writes nothing.
#include <functional>
#include <map>

#include "store_fixture.hpp"

namespace {

const long kKeyLen = 32;           // efuse.key, written before the identity
const long kIdentityLen = 96;      // one identity copy (store_record.h)
const long kContactLen = 202;      // one contact record
const long kCreateBytes = kKeyLen + 2 * kIdentityLen; // first boot: key, copy A, copy B

// How reopen outcomes were distributed over a sweep (printed, and checked).
struct Tally {
    std::map<std::string, int> seen;
    int points = 0;
    void add(const std::string &what) { seen[what]++; points++; }
    std::string str() const
    {
        std::string s;
        for (const auto &kv : seen)
            s += kv.first + "=" + std::to_string(kv.second) + " ";
        return s + "(" + std::to_string(points) + " cut points)";
    }
};

class StoreCrash : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        // Template: identity + contact "alice" at index 0, generation 1.
        // Slot 1 holds it (sequence 2), slot 0 the empty store (sequence 1).
        alice = random_bytes(32);
        int32_t h = open_store(tmpl.path());
        ASSERT_GE(h, 0);
        int32_t s = session_with_peer(alice);
        ASSERT_EQ(pc_contact_pin(h, s, reinterpret_cast<const uint8_t *>("alice"), 5,
                                 PC_CONTACT_VERIFIED), 0);
        pc_session_free(s);
        pc_store_close(h);
        before = snapshot_of_dir(tmpl.path());
        ASSERT_EQ(before.contacts(), 1);
    }
    void TearDown() override { pci_storage_test_cut_after(-1); }

    // The state the operation leaves when nothing goes wrong.
    StoreSnapshot state_after(const std::function<int32_t(int32_t)> &op)
    {
        TempDir w;
        copy_store(tmpl, w);
        int32_t h = open_store(w.path());
        EXPECT_GE(op(h), 0);
        StoreSnapshot s = snapshot(h);
        pc_store_close(h);
        return s;
    }

    void sweep_update(const std::function<int32_t(int32_t)> &op, long len = kContactLen);
    void expect_usable(const std::string &dir, int contacts);

    TempDir tmpl;
    Bytes alice;
    StoreSnapshot before;
};

// One more write after the cut works and survives a reopen.
void StoreCrash::expect_usable(const std::string &dir, int contacts)
{
    int32_t h = open_store(dir);
    ASSERT_GE(h, 0);
    int32_t s = session_with_peer(random_bytes(32));
    EXPECT_GE(pc_contact_pin(h, s, nullptr, 0, 0), 0);
    pc_session_free(s);
    pc_store_close(h);
    EXPECT_EQ(snapshot_of_dir(dir).contacts(), contacts + 1);
}

// Cuts the one record write of an update at byte 0..len (len: all bytes
// written, power lost before the commit) and len+1 (the write completed).
// A removal (forget) writes no bytes: cut 0 stops it, cut 1 lets it through.
void StoreCrash::sweep_update(const std::function<int32_t(int32_t)> &op, long len)
{
    const StoreSnapshot after = state_after(op);
    ASSERT_FALSE(after == before);
    TempDir work;
    Tally tally;
    for (long cut = 0; cut <= len + 1; cut++) {
        copy_store(tmpl, work);
        int32_t h = open_store(work.path());
        ASSERT_GE(h, 0);
        pci_storage_test_cut_after(cut);
        int32_t rc = op(h);
        pci_storage_test_cut_after(-1);
        if (cut <= len) {
            ASSERT_EQ(rc, PC_E_STORAGE) << cut;
            ASSERT_EQ(snapshot(h), before) << "RAM changed by a failed write, cut " << cut;
        } else {
            ASSERT_GE(rc, 0);
        }
        pc_store_close(h);
        int32_t status = -1;
        StoreSnapshot got = snapshot_of_dir(work.path(), &status);
        bool old_state = got == before, new_state = got == after;
        ASSERT_TRUE(old_state || new_state) << "neither old nor new state after cut " << cut;
        ASSERT_EQ(status, 0) << "a cut left a damaged record, cut " << cut;
        ASSERT_TRUE(cut <= len ? old_state : new_state) << cut;
        tally.add(old_state ? "old" : "new");
        if (cut % 64 == 1)
            expect_usable(work.path(), got.contacts());
    }
    RecordProperty("cut_points", tally.points);
    std::cout << "      cuts: " << tally.str() << "\n";
}

} // namespace

TEST_F(StoreCrash, PinCutAtEveryByte)
{
    SplitPair pairing = make_splits(random_bytes(32), random_bytes(32));
    sweep_update([&](int32_t h) {
        int32_t s = pci_transport_create(&pairing.initiator);
        int32_t rc = pc_contact_pin(h, s, reinterpret_cast<const uint8_t *>("bob"), 3, 0);
        pc_session_free(s);
        return rc;
    });
}

TEST_F(StoreCrash, RememberCutAtEveryByte)
{
    SplitPair call = make_splits(random_bytes(32), alice, 1);
    sweep_update([&](int32_t h) {
        int32_t s = pci_transport_create(&call.initiator);
        int32_t rc = pc_contact_remember(h, 0, s);
        pc_session_free(s);
        return rc;
    });
}

TEST_F(StoreCrash, RememberWithFlagsCutAtEveryByte)
{
    SplitPair call = make_splits(random_bytes(32), alice, 1);
    sweep_update([&](int32_t h) {
        int32_t s = pci_transport_create(&call.initiator);
        int32_t rc = pc_contact_remember_flags(
            h, 0, s, PC_CONTACT_VERIFIED | PC_CONTACT_NEWEST_UNPROVEN);
        pc_session_free(s);
        return rc;
    });
}

TEST_F(StoreCrash, ForgetCutAtEveryByte)
{
    sweep_update([](int32_t h) { return pc_contact_forget(h, 0); }, 0);
}

TEST_F(StoreCrash, SetFlagsCutAtEveryByte)
{
    sweep_update([](int32_t h) { return pc_contact_set_flags(h, 0, 0); });
}

// First boot writes the device key, then identity copy A, then copy B,
// each whole or not at all. Until copy A is on flash the next boot creates
// the identity afresh; from then on every boot keeps copy A's identity
// (and writes the missing copy B).
TEST_F(StoreCrash, FirstBootCutAtEveryByte)
{
    TempDir work;
    Tally tally;
    for (long cut = 0; cut <= kCreateBytes + 1; cut++) {
        fs::remove_all(work.flash());
        fs::remove(work.key());
        pci_storage_test_cut_after(cut);
        int32_t h = open_store(work.path());
        pci_storage_test_cut_after(-1);
        Bytes created;
        if (cut <= kCreateBytes) {
            ASSERT_EQ(h, PC_E_STORAGE) << cut;
        } else {
            ASSERT_GE(h, 0);
            created = identity_of(h);
            pc_store_close(h);
        }
        Flash left = read_flash(work);
        int32_t status = -1, again = -1;
        StoreSnapshot first = snapshot_of_dir(work.path(), &status);
        StoreSnapshot second = snapshot_of_dir(work.path(), &again);
        ASSERT_EQ(first.contacts(), 0);
        ASSERT_EQ(first.identity, second.identity) << "identity not stable, cut " << cut;
        ASSERT_EQ(again, 0) << cut; // both copies intact after the first reopen
        if (cut <= kKeyLen + kIdentityLen) {
            ASSERT_EQ(status, PC_STORE_CREATED) << cut; // no identity was left behind
        } else {
            ASSERT_EQ(status, 0) << cut; // copy A's identity kept
        }
        if (cut > kCreateBytes) {
            ASSERT_EQ(first.identity, created);
        }
        tally.add(status == PC_STORE_CREATED ? "created" : "kept");
    }
    RecordProperty("cut_points", tally.points);
    std::cout << "      cuts: " << tally.str() << "\n";
}

// Factory reset: erase (identity copies first), renew the device key, write
// the new identity. A cut at 0 stops it before the erase; after that the old
// identity and contacts are gone for good, whatever else happens.
TEST_F(StoreCrash, FactoryResetCutAtEveryByte)
{
    TempDir work;
    Tally tally;
    for (long cut = 0; cut <= kCreateBytes + 1; cut++) {
        copy_store(tmpl, work);
        int32_t h = open_store(work.path());
        ASSERT_GE(h, 0);
        pci_storage_test_cut_after(cut);
        int32_t rc = reset_store(h, work.path());
        pci_storage_test_cut_after(-1);
        if (cut == 0) {
            ASSERT_EQ(rc, PC_E_STORAGE);
            ASSERT_EQ(snapshot(h), before); // still open, untouched
        }
        ASSERT_TRUE(cut <= kCreateBytes ? rc == PC_E_STORAGE : rc >= 0) << cut;
        pc_store_close(rc >= 0 ? rc : h);
        StoreSnapshot got = snapshot_of_dir(work.path());
        if (cut == 0) {
            ASSERT_EQ(got, before);
        } else {
            ASSERT_TRUE(got.contacts() == 0 && got.identity != before.identity) << cut;
        }
        tally.add(cut == 0 ? "old" : "reset");
    }
    RecordProperty("cut_points", tally.points);
    std::cout << "      cuts: " << tally.str() << "\n";
}

// ---- bit flips ------------------------------------------------------------------------------

namespace {

// Flips bit `bit` of record file `name`, opens, and checks the outcome.
void flip_and_open(const TempDir &dir, const Flash &flash, const std::string &name, size_t bit,
                   int32_t want_status, const StoreSnapshot &want)
{
    Flash damaged = flash;
    damaged[name][bit / 8] ^= (uint8_t)(1u << (bit % 8));
    write_flash(dir, damaged);
    int32_t status = -1;
    StoreSnapshot got = snapshot_of_dir(dir.path(), &status);
    ASSERT_EQ(status, want_status) << name << " bit " << bit;
    ASSERT_EQ(got, want) << name << " bit " << bit;
}

} // namespace

TEST_F(StoreCrash, FlippedBitInAnIdentityCopyUsesTheOtherAndRepairsIt)
{
    TempDir work;
    copy_store(tmpl, work);
    const Flash flash = read_flash(work);
    size_t flips = 0;
    for (const std::string &copy : {kIdentityA, kIdentityB}) {
        for (size_t bit = 0; bit < flash.at(copy).size() * 8; bit++, flips++)
            ASSERT_NO_FATAL_FAILURE(flip_and_open(work, flash, copy, bit, PC_STORE_RECOVERED, before));
        int32_t status = -1;
        EXPECT_EQ(snapshot_of_dir(work.path(), &status), before);
        EXPECT_EQ(status, 0) << "the damaged copy was not rewritten";
    }
    RecordProperty("bit_flips", (int)flips);
    std::cout << "      flipped " << flips << " bits of the identity copies\n";
}

TEST_F(StoreCrash, FlippedBitInAContactRecordRefusesThatContactOnly)
{
    TempDir work;
    copy_store(tmpl, work);
    const Flash flash = read_flash(work);
    StoreSnapshot without_alice = before;
    without_alice.total = 0;
    without_alice.read_rc[0] = PC_E_NOT_FOUND;
    without_alice.records[0] = Bytes(PC_CONTACT_RECORD_LEN, 0);
    without_alice.secrets[0] = Bytes(32, 0);
    size_t bits = flash.at(contact_file(0)).size() * 8;
    for (size_t bit = 0; bit < bits; bit++)
        ASSERT_NO_FATAL_FAILURE(
            flip_and_open(work, flash, contact_file(0), bit, PC_STORE_RECOVERED, without_alice));
    RecordProperty("bit_flips", (int)bits);
    std::cout << "      flipped " << bits << " bits of a contact record\n";
}

TEST_F(StoreCrash, BothCopiesDamagedIsCorruptUntouchedAndFactoryResetRecovers)
{
    TempDir work;
    copy_store(tmpl, work);
    const Flash flash = read_flash(work);
    const Bytes key = read_file(work.key());
    int pairs = 0;
    size_t bits = (size_t)kIdentityLen * 8;
    for (size_t a = 0; a < bits; a += 7) {
        size_t b = (a * 13 + 3) % bits;
        Flash damaged = flash;
        damaged[kIdentityA][a / 8] ^= (uint8_t)(1u << (a % 8));
        damaged[kIdentityB][b / 8] ^= (uint8_t)(1u << (b % 8));
        write_flash(work, damaged);
        ASSERT_EQ(open_store(work.path()), PC_E_CORRUPT) << a << "/" << b;
        ASSERT_EQ(read_flash(work), damaged);
        ASSERT_EQ(read_file(work.key()), key);
        pairs++;
    }
    RecordProperty("bit_flip_pairs", pairs);
    int32_t h = reset_store(-1, work.path());
    ASSERT_GE(h, 0);
    EXPECT_EQ(pc_store_status(h), PC_STORE_CREATED);
    EXPECT_NE(identity_of(h), before.identity);
    pc_store_close(h);
    int32_t status = -1;
    EXPECT_EQ(snapshot_of_dir(work.path(), &status).contacts(), 0);
    EXPECT_EQ(status, 0);
}

TEST_F(StoreCrash, ARecordMovedToAnotherNumberIsRefused)
{
    // The record number is authenticated: copies swapped, or a contact's
    // record copied to another index, do not open as what they are not.
    TempDir work;
    copy_store(tmpl, work);
    Flash flash = read_flash(work);
    Flash swapped = flash;
    std::swap(swapped[kIdentityA], swapped[kIdentityB]);
    write_flash(work, swapped);
    EXPECT_EQ(open_store(work.path()), PC_E_CORRUPT);
    Flash moved = flash;
    moved[contact_file(1)] = flash[contact_file(0)];
    write_flash(work, moved);
    int32_t status = -1;
    EXPECT_EQ(snapshot_of_dir(work.path(), &status), before);
    EXPECT_EQ(status, PC_STORE_RECOVERED);
}
