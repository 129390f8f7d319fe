// SPDX-License-Identifier: MIT
// test_store_damage.cpp - damage never silently becomes a new identity.
// Only flash that was never written (no identity record at all, and no
// previous-release flash.img) creates an identity; a truncated, zero-filled
// or erase-pattern identity copy that does not verify is refused, and with
// no intact copy the files are left byte for byte as they were; a missing
// device key is reported as missing (PC_E_NOT_FOUND), not as corrupt flash.
#include "store_fixture.hpp"

namespace {

class StoreDamage : public ::testing::Test {
protected:
    void SetUp() override
    {
        require_selftest();
        // A phone with one pinned contact.
        int32_t h = open_store(dir.path());
        ASSERT_GE(h, 0);
        int32_t s = session_with_peer(random_bytes(32));
        ASSERT_EQ(pc_contact_pin(h, s, reinterpret_cast<const uint8_t *>("alice"), 5,
                                 PC_CONTACT_VERIFIED), 0);
        pc_session_free(s);
        identity = identity_of(h);
        pc_store_close(h);
        flash = read_flash(dir);
        key = read_file(dir.key());
        ASSERT_EQ(flash.size(), 3u); // identity A, identity B, alice
        ASSERT_EQ(key.size(), 32u);
    }

    // Opens damaged flash: either refused with the files untouched, or the
    // old identity from the intact copy with RECOVERED. Never a new identity.
    void expect_refused_or_recovered(const Flash &damaged, const std::string &what)
    {
        write_flash(dir, damaged);
        int32_t h = open_store(dir.path());
        if (h < 0) {
            ASSERT_EQ(h, PC_E_CORRUPT) << what;
            ASSERT_EQ(read_flash(dir), damaged) << what << ": refused open wrote flash";
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

    void expect_refused(const Flash &damaged, const std::string &what)
    {
        write_flash(dir, damaged);
        ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT) << what;
        ASSERT_EQ(read_flash(dir), damaged) << what;
        ASSERT_EQ(read_file(dir.key()), key) << what;
    }

    TempDir dir;
    Bytes identity, key;
    Flash flash;
    int refused = 0, recovered = 0;
};

} // namespace

TEST_F(StoreDamage, TruncationAtEveryLengthNeverCreatesAnIdentity)
{
    // One copy cut short is a recovery; both cut short hold no intact copy.
    const size_t len = flash[kIdentityA].size();
    for (size_t n = 0; n < len; n++) {
        Flash one = flash, both = flash;
        one[kIdentityB].resize(n);
        both[kIdentityA].resize(n);
        both[kIdentityB].resize(len - 1 - n);
        ASSERT_NO_FATAL_FAILURE(expect_refused_or_recovered(one, "B length " + std::to_string(n)));
        ASSERT_NO_FATAL_FAILURE(expect_refused_or_recovered(both, "both, A " + std::to_string(n)));
    }
    EXPECT_EQ(refused, (int)len);
    EXPECT_EQ(recovered, (int)len);
    RecordProperty("lengths", (int)len);
}

TEST_F(StoreDamage, ZeroFilledIdentityIsRefusedUntouched)
{
    for (size_t len : {(size_t)0, (size_t)1, flash[kIdentityA].size(), (size_t)4096}) {
        Flash zeros = flash;
        zeros[kIdentityA] = Bytes(len, 0);
        zeros[kIdentityB] = Bytes(len, 0);
        ASSERT_NO_FATAL_FAILURE(expect_refused(zeros, "zeros " + std::to_string(len)));
    }
}

TEST_F(StoreDamage, ErasedPatternInOneCopyAndDamageInTheOtherIsRefused)
{
    for (uint8_t fill : {0xFF, 0x00}) {
        for (const std::string &erased : {kIdentityA, kIdentityB}) {
            const std::string &other = erased == kIdentityA ? kIdentityB : kIdentityA;
            Flash damaged = flash;
            std::fill(damaged[erased].begin(), damaged[erased].end(), fill);
            damaged[other][60] ^= 0x04;
            ASSERT_NO_FATAL_FAILURE(
                expect_refused(damaged, "fill " + std::to_string(fill) + " copy " + erased));
        }
    }
}

TEST_F(StoreDamage, ErasedPatternInOneCopyBesideAnIntactOneIsARecovery)
{
    for (const std::string &erased : {kIdentityA, kIdentityB}) {
        Flash damaged = flash;
        std::fill(damaged[erased].begin(), damaged[erased].end(), 0xFF);
        ASSERT_NO_FATAL_FAILURE(expect_refused_or_recovered(damaged, "copy " + erased));
    }
    EXPECT_EQ(recovered, 2);
}

TEST_F(StoreDamage, MissingDeviceKeyIsReportedAsMissingNotCorrupt)
{
    fs::remove(dir.key());
    EXPECT_EQ(open_store(dir.path()), PC_E_NOT_FOUND);
    EXPECT_FALSE(fs::exists(dir.key())) << "a new device key was created";
    EXPECT_EQ(read_flash(dir), flash);
    // Damaged flash without its key: still the key is what is missing.
    Flash damaged = flash;
    damaged[kIdentityA][5] ^= 1;
    write_flash(dir, damaged);
    EXPECT_EQ(open_store(dir.path()), PC_E_NOT_FOUND);
    EXPECT_FALSE(fs::exists(dir.key()));
    EXPECT_EQ(read_flash(dir), damaged);
}

TEST_F(StoreDamage, OnlyAbsentFlashCreatesAnIdentity)
{
    fs::remove_all(dir.flash());
    int32_t h = open_store(dir.path());
    ASSERT_GE(h, 0);
    EXPECT_EQ(pc_store_status(h), PC_STORE_CREATED);
    EXPECT_NE(identity_of(h), identity);
    pc_store_close(h);
    Flash created = read_flash(dir);
    EXPECT_EQ(created.size(), 2u); // both identity copies
}

TEST_F(StoreDamage, ContactRecordsWithoutAnIdentityAreNotAdopted)
{
    // A factory reset cut after it removed the identity copies: the next
    // boot creates a new identity and removes the leftover contact records.
    fs::remove(dir.record(kIdentityA));
    fs::remove(dir.record(kIdentityB));
    int32_t h = open_store(dir.path());
    ASSERT_GE(h, 0);
    EXPECT_EQ(pc_store_status(h), PC_STORE_CREATED);
    EXPECT_NE(identity_of(h), identity);
    EXPECT_EQ(snapshot(h).contacts(), 0);
    pc_store_close(h);
    EXPECT_FALSE(fs::exists(dir.record(contact_file(0))));
}

TEST_F(StoreDamage, RefusedStoreIsRepairedOnlyByFactoryReset)
{
    Flash zeros = flash;
    zeros[kIdentityA] = Bytes(96, 0);
    zeros[kIdentityB] = Bytes(96, 0);
    write_flash(dir, zeros);
    ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    ASSERT_EQ(open_store(dir.path()), PC_E_CORRUPT); // still refused: nothing changed
    int32_t h = reset_store(-1, dir.path());
    ASSERT_GE(h, 0);
    EXPECT_EQ(pc_store_status(h), PC_STORE_CREATED);
    EXPECT_NE(identity_of(h), identity);
    pc_store_close(h);
    int32_t status = -1;
    EXPECT_EQ(snapshot_of_dir(dir.path(), &status).contacts(), 0);
    EXPECT_EQ(status, 0);
}
