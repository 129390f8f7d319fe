// SPDX-License-Identifier: MIT
// test_store_crash.cpp - power cuts at every byte of every flash write, and
// bit flips in the sealed slots. After a cut the store reopens to exactly
// the state before the operation or exactly the state after it; a damaged
// copy is never used; with no intact copy the open fails and writes nothing.
#include <functional>
#include <map>

#include "store_fixture.hpp"

namespace {

const long kKeyLen = 32;                  // efuse.key, written before the first slot
const long kSlot = (long)kSlotLen;
const long kCreateBytes = kKeyLen + 2 * kSlot; // first boot: key, one image of both slots
// A new copy starts like the older copy it overwrites (magic, version,
// header length) up to the sequence number: a cut before that leaves the
// older copy intact.
const long kSameHeaderBytes = 8;

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

    void sweep_update(const std::function<int32_t(int32_t)> &op, long stride = 1);
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

// Cuts the single slot write of an update at byte 0..kSlot (kSlot: all bytes
// written, power lost before fsync) and kSlot+1 (the write completed).
void StoreCrash::sweep_update(const std::function<int32_t(int32_t)> &op, long stride)
{
    const StoreSnapshot after = state_after(op);
    ASSERT_FALSE(after == before);
    TempDir work;
    Tally tally;
    for (long cut = 0; cut <= kSlot + 1; cut += (cut < 64 || cut > kSlot - 64) ? 1 : stride) {
        copy_store(tmpl, work);
        int32_t h = open_store(work.path());
        ASSERT_GE(h, 0);
        pci_storage_test_cut_after(cut);
        int32_t rc = op(h);
        pci_storage_test_cut_after(-1);
        if (cut <= kSlot) {
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
        if (cut <= kSameHeaderBytes) {
            ASSERT_TRUE(old_state) << cut; // the bytes written equal the older copy's
        } else if (cut < kSlot - PC_TAG_LEN) {
            ASSERT_TRUE(old_state && status == PC_STORE_RECOVERED) << cut;
        } else if (cut >= kSlot) {
            ASSERT_TRUE(new_state && status == 0) << cut;
        }
        tally.add(std::string(old_state ? "old" : "new")
                  + (status == PC_STORE_RECOVERED ? "+recovered" : ""));
        if (cut % 512 == 1)
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

TEST_F(StoreCrash, ForgetCutAtEveryByte)
{
    sweep_update([](int32_t h) { return pc_contact_forget(h, 0); });
}

TEST_F(StoreCrash, SetFlagsCutAtEveryByte)
{
    sweep_update([](int32_t h) { return pc_contact_set_flags(h, 0, 0); });
}

// First boot writes the device key, then a new image with the first copy in
// both slots, renamed into place. Until the rename there is no image, so the
// next boot creates the identity; after it, every boot sees that identity.
TEST_F(StoreCrash, FirstBootCutAtEveryByte)
{
    TempDir work;
    Tally tally;
    for (long cut = 0; cut <= kCreateBytes + 1; cut++) {
        fs::remove(work.flash());
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
        int32_t status = -1, again = -1;
        StoreSnapshot first = snapshot_of_dir(work.path(), &status);
        StoreSnapshot second = snapshot_of_dir(work.path(), &again);
        ASSERT_EQ(first.contacts(), 0);
        ASSERT_EQ(first.identity, second.identity) << "identity not stable, cut " << cut;
        ASSERT_EQ(again & PC_STORE_CREATED, 0);
        if (cut <= kCreateBytes) {
            ASSERT_EQ(status, PC_STORE_CREATED) << cut; // no image was left behind
        } else {
            ASSERT_EQ(status, 0) << cut; // the created identity kept, both copies intact
        }
        if (cut > kCreateBytes) {
            ASSERT_EQ(first.identity, created);
        }
        tally.add(status == PC_STORE_CREATED ? "created" : status ? "recovered" : "kept");
    }
    RecordProperty("cut_points", tally.points);
    std::cout << "      cuts: " << tally.str() << "\n";
}

// Factory reset: erase, renew the device key, write the new image. A cut
// at 0 stops it before the erase; after that the old identity and contacts
// are gone for good, whatever else happens.
TEST_F(StoreCrash, FactoryResetCutAtEveryByte)
{
    TempDir work;
    Tally tally;
    for (long cut = 0; cut <= kCreateBytes + 1; cut += cut < 64 || cut > kCreateBytes - 64 ? 1 : 3) {
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

const size_t kHeaderLen = 40;

// Flips bit `bit` of slot `slot` in the image, opens, and checks the outcome.
void flip_and_open(const TempDir &dir, const Bytes &flash, size_t slot, size_t bit,
                   int32_t want_status, const StoreSnapshot &want)
{
    Bytes damaged = flash;
    damaged[slot * kSlotLen + bit / 8] ^= (uint8_t)(1u << (bit % 8));
    write_file(dir.flash(), damaged);
    int32_t status = -1;
    StoreSnapshot got = snapshot_of_dir(dir.path(), &status);
    ASSERT_EQ(status, want_status) << "slot " << slot << " bit " << bit;
    ASSERT_EQ(got, want) << "slot " << slot << " bit " << bit;
    ASSERT_EQ(read_file(dir.flash()), damaged) << "open wrote to flash";
}

// Every bit of the header, nonce and tag; ciphertext bits at a stride that
// walks through all 8 bit positions.
std::vector<size_t> bits_to_flip(size_t ct_stride)
{
    std::vector<size_t> bits;
    for (size_t b = 0; b < kSlotLen * 8; b++) {
        size_t byte = b / 8;
        bool in_ct = byte >= kHeaderLen && byte < kSlotLen - PC_TAG_LEN;
        if (!in_ct || b % ct_stride == 0)
            bits.push_back(b);
    }
    return bits;
}

} // namespace

TEST_F(StoreCrash, FlippedBitInNewestCopyFallsBackToThePreviousOne)
{
    TempDir work;
    copy_store(tmpl, work);
    Bytes flash = read_file(work.flash());
    // The previous copy (slot 0) is the store before alice was pinned.
    StoreSnapshot previous = before;
    previous.read_rc[0] = PC_E_NOT_FOUND;
    previous.records[0] = Bytes(PC_CONTACT_RECORD_LEN, 0);
    previous.secrets[0] = Bytes(32, 0);
    std::vector<size_t> bits = bits_to_flip(1);
    for (size_t bit : bits)
        ASSERT_NO_FATAL_FAILURE(flip_and_open(work, flash, 1, bit, PC_STORE_RECOVERED, previous));
    RecordProperty("bit_flips", (int)bits.size());
    std::cout << "      flipped " << bits.size() << " bits of the newest copy\n";
}

TEST_F(StoreCrash, FlippedBitInOlderCopyKeepsTheNewest)
{
    TempDir work;
    copy_store(tmpl, work);
    Bytes flash = read_file(work.flash());
    std::vector<size_t> bits = bits_to_flip(61);
    for (size_t bit : bits)
        ASSERT_NO_FATAL_FAILURE(flip_and_open(work, flash, 0, bit, PC_STORE_RECOVERED, before));
    RecordProperty("bit_flips", (int)bits.size());
    std::cout << "      flipped " << bits.size() << " bits of the older copy\n";
}

TEST_F(StoreCrash, BothCopiesDamagedIsCorruptUntouchedAndFactoryResetRecovers)
{
    TempDir work;
    copy_store(tmpl, work);
    const Bytes flash = read_file(work.flash());
    const Bytes key = read_file(work.key());
    int pairs = 0;
    for (size_t a = 0; a < kSlotLen * 8; a += 257) {
        size_t b = (a * 7 + 3) % (kSlotLen * 8);
        Bytes damaged = flash;
        damaged[a / 8] ^= (uint8_t)(1u << (a % 8));
        damaged[kSlotLen + b / 8] ^= (uint8_t)(1u << (b % 8));
        write_file(work.flash(), damaged);
        ASSERT_EQ(open_store(work.path()), PC_E_CORRUPT) << a << "/" << b;
        ASSERT_EQ(read_file(work.flash()), damaged);
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

TEST_F(StoreCrash, SlotsSwappedStillOpenTheNewest)
{
    // Sequence numbers, not positions, decide which copy is newest.
    TempDir work;
    copy_store(tmpl, work);
    Bytes flash = read_file(work.flash());
    std::rotate(flash.begin(), flash.begin() + kSlotLen, flash.end());
    write_file(work.flash(), flash);
    int32_t status = -1;
    EXPECT_EQ(snapshot_of_dir(work.path(), &status), before);
    EXPECT_EQ(status, 0);
}
