// SPDX-License-Identifier: MIT
// test_store_damage.cpp - damage never silently becomes a new identity.
// Only flash that was never written (no flash.img at all) creates an
// identity; a truncated, zero-filled or erase-pattern image that does not
// verify is refused and left byte for byte as it was, and a missing device
// key is reported as missing (PC_E_NOT_FOUND), not as corrupt flash.
#include "store_fixture.hpp"

namespace {

class StoreDamage : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        // A phone with one pinned contact: slot 1 newest (sequence 2), slot 0 older.
        int32_t h = open_store(dir.path());
        ASSERT_GE(h, 0);
        int32_t s = session_with_peer(random_bytes(32));
        ASSERT_EQ(pc_contact_pin(h, s, reinterpret_cast<const uint8_t *>("alice"), 5,
                                 PC_CONTACT_VERIFIED), 0);
        pc_session_free(s);
        identity = identity_of(h);
        pc_store_close(h);
        flash = read_file(dir.flash());
        key = read_file(dir.key());
        ASSERT_EQ(flash.size(), 2 * kSlotLen);
        ASSERT_EQ(key.size(), 32u);
    }

    // Opens damaged flash: either refused with the files untouched, or the
    // old identity from the intact copy with RECOVERED. Never a new identity.
    void expect_refused_or_recovered(const Bytes &damaged, const std::string &what)
    {
        write_file(dir.flash(), damaged);
        int32_t h = open_store(dir.path());
        if (h < 0) {
            ASSERT_EQ(h, PC_E_CORRUPT) << what;
            ASSERT_EQ(read_file(dir.flash()), damaged) << what << ": refused open wrote flash";
            ASSERT_EQ(read_file(dir.key()), key) << what << ": refused open wrote the key";
            refused++;
            return;
        }
        int32_t status = pc_store_status(h);
        Bytes pub = identity_of(h);
        pc_store_close(h);
        ASSERT_EQ(status, PC_STORE_RECOVERED) << what;
        ASSERT_EQ(pub, identity) << what << ": a new identity replaced the old one";
        recovered++;
    }

    void expect_refused(const Bytes &damaged, const std::string &what)
    {
        write_file(dir.flash(), damaged);
        ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT) << what;
        ASSERT_EQ(read_file(dir.flash()), damaged) << what;
        ASSERT_EQ(read_file(dir.key()), key) << what;
    }

    TempDir dir;
    Bytes identity, flash, key;
    int refused = 0, recovered = 0;
};

} // namespace

TEST_F(StoreDamage, TruncationAtEveryLengthNeverCreatesAnIdentity)
{
    for (size_t len = 0; len < flash.size(); len++) {
        Bytes cut(flash.begin(), flash.begin() + (long)len);
        ASSERT_NO_FATAL_FAILURE(expect_refused_or_recovered(cut, "length " + std::to_string(len)));
    }
    // Slot 0 alone intact is a recovery; anything shorter holds no intact copy.
    EXPECT_EQ(refused, (int)kSlotLen);
    EXPECT_EQ(recovered, (int)kSlotLen);
    RecordProperty("lengths", (int)flash.size());
}

TEST_F(StoreDamage, ZeroFilledFlashIsRefusedUntouched)
{
    for (size_t len : {kSlotLen, 2 * kSlotLen, 2 * kSlotLen + 7})
        ASSERT_NO_FATAL_FAILURE(expect_refused(Bytes(len, 0), "zeros " + std::to_string(len)));
}

TEST_F(StoreDamage, ErasedPatternInOneSlotAndDamageInTheOtherIsRefused)
{
    for (uint8_t fill : {0xFF, 0x00}) {
        for (size_t erased = 0; erased < 2; erased++) {
            Bytes damaged = flash;
            std::fill(damaged.begin() + (long)(erased * kSlotLen),
                      damaged.begin() + (long)((erased + 1) * kSlotLen), fill);
            damaged[(1 - erased) * kSlotLen + 1000] ^= 0x04;
            ASSERT_NO_FATAL_FAILURE(expect_refused(
                damaged, "fill " + std::to_string(fill) + " slot " + std::to_string(erased)));
        }
    }
}

TEST_F(StoreDamage, ErasedPatternInOneSlotBesideAnIntactOneIsARecovery)
{
    for (size_t erased = 0; erased < 2; erased++) {
        Bytes damaged = flash;
        std::fill(damaged.begin() + (long)(erased * kSlotLen),
                  damaged.begin() + (long)((erased + 1) * kSlotLen), 0xFF);
        ASSERT_NO_FATAL_FAILURE(expect_refused_or_recovered(damaged, "slot " + std::to_string(erased)));
    }
    EXPECT_EQ(recovered, 2);
}

TEST_F(StoreDamage, MissingDeviceKeyIsReportedAsMissingNotCorrupt)
{
    fs::remove(dir.key());
    EXPECT_EQ(open_store(dir.path()), PC_E_NOT_FOUND);
    EXPECT_FALSE(fs::exists(dir.key())) << "a new device key was created";
    EXPECT_EQ(read_file(dir.flash()), flash);
    // Damaged flash without its key: still the key is what is missing.
    Bytes damaged = flash;
    damaged[5] ^= 1;
    write_file(dir.flash(), damaged);
    EXPECT_EQ(open_store(dir.path()), PC_E_NOT_FOUND);
    EXPECT_FALSE(fs::exists(dir.key()));
    EXPECT_EQ(read_file(dir.flash()), damaged);
}

TEST_F(StoreDamage, OnlyAbsentFlashCreatesAnIdentity)
{
    fs::remove(dir.flash());
    int32_t h = open_store(dir.path());
    ASSERT_GE(h, 0);
    EXPECT_EQ(pc_store_status(h), PC_STORE_CREATED);
    EXPECT_NE(identity_of(h), identity);
    pc_store_close(h);
    // The new image holds both copies at once: no blank slot is ever left.
    EXPECT_EQ(fs::file_size(dir.flash()), 2 * kSlotLen);
}

TEST_F(StoreDamage, RefusedStoreIsRepairedOnlyByFactoryReset)
{
    Bytes zeros(2 * kSlotLen, 0);
    write_file(dir.flash(), zeros);
    ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT); // still refused: nothing changed
    int32_t h = reset_store(-1, dir.path());
    ASSERT_GE(h, 0);
    EXPECT_EQ(pc_store_status(h), PC_STORE_CREATED);
    EXPECT_NE(identity_of(h), identity);
    pc_store_close(h);
    int32_t status = -1;
    snapshot_of_dir(dir.path(), &status);
    EXPECT_EQ(status, 0);
}
