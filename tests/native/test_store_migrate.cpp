// SPDX-License-Identifier: MIT
// test_store_migrate.cpp - upgrade without loss: a store written by the
// previous release (format "PHST" 1, two 4 KB copies in flash.img) opens,
// keeps its identity and every contact (index, name, flags, key, both
// resumption generations and secrets) and becomes per-record flash; a power
// cut at any byte of the migration leaves a store that still opens, old or
// new. The images come from store_v1_image.hpp (the old spec, libsodium
// directly) and are committed as fixtures in tests/native/fixtures/store-v1/.
#include <cstdlib>

#include "store_fixture.hpp"
#include "store_v1_image.hpp"

namespace {

const std::string kFixtures = std::string(PC_FIXTURES_DIR) + "/store-v1";

std::array<uint8_t, 32> bytes32(uint8_t base)
{
    std::array<uint8_t, 32> a{};
    for (int i = 0; i < 32; i++)
        a[i] = (uint8_t)(base + i * 3);
    return a;
}

Bytes device_key()
{
    Bytes k(32);
    for (int i = 0; i < 32; i++)
        k[i] = (uint8_t)(0x5A ^ (i * 29));
    return k;
}

// The book as the previous release left it: free slots between contacts,
// every flag, both generations, a 32-byte UTF-8 name. with_last: the newer
// copy also holds contact 15 (pinned after the older copy was written).
v1::Store sample(bool with_last)
{
    v1::Store s;
    s.identity = bytes32(1);
    v1::Contact &alice = s.contacts[0];
    alice.flags = PC_CONTACT_USED | PC_CONTACT_VERIFIED;
    alice.name = "Alice";
    alice.pub = bytes32(0x40);
    alice.generation = 5;
    alice.secret = bytes32(0x90);
    alice.prev_generation = 4;
    alice.prev_secret = bytes32(0xA0);
    v1::Contact &bob = s.contacts[2];
    bob.flags = PC_CONTACT_USED | PC_CONTACT_NEWEST_UNPROVEN;
    bob.name = "bob";
    bob.pub = bytes32(0x50);
    bob.generation = 2;
    bob.secret = bytes32(0xB0);
    bob.prev_generation = 1;
    bob.prev_secret = bytes32(0xC0);
    v1::Contact &zoe = s.contacts[3];
    zoe.flags = PC_CONTACT_USED;
    zoe.name = "Zo\xC3\xAB";
    zoe.pub = bytes32(0x60);
    zoe.generation = 1;
    zoe.secret = bytes32(0xD0);
    if (with_last) {
        v1::Contact &last = s.contacts[15];
        last.flags = PC_CONTACT_USED | PC_CONTACT_VERIFIED;
        last.name = std::string(32, 'W');
        last.pub = bytes32(0x70);
        last.generation = 9;
        last.secret = bytes32(0xE0);
        last.prev_generation = 8;
        last.prev_secret = bytes32(0xF0);
    }
    return s;
}

// name -> (flash.img bytes, what the migration must keep)
struct Case {
    Bytes image;
    v1::Store expect;
    int32_t status;
};

Case make_case(const std::string &name)
{
    Bytes key = device_key();
    Bytes older = v1::copy(sample(false), 7, key.data(), 0x11);
    Bytes newer = v1::copy(sample(true), 8, key.data(), 0x22);
    if (name == "two-copies")
        return {v1::image(older, newer), sample(true), PC_STORE_MIGRATED};
    if (name == "newest-damaged") {
        newer[2000] ^= 0x08;
        return {v1::image(older, newer), sample(false), PC_STORE_MIGRATED | PC_STORE_RECOVERED};
    }
    // "newest-first": copy 0 holds the newer one; the sequence decides.
    return {v1::image(newer, older), sample(true), PC_STORE_MIGRATED};
}

const char *const kCases[] = {"two-copies", "newest-damaged", "newest-first"};

void lay_out(const TempDir &dir, const std::string &name)
{
    fs::create_directories(dir.path());
    write_file(dir.legacy(), read_file(kFixtures + "/" + name + ".img"));
    write_file(dir.key(), read_file(kFixtures + "/efuse.key"));
}

// Everything the previous release held is there, at the same index.
void expect_kept(int32_t store, const v1::Store &want)
{
    Bytes pub(32);
    crypto_scalarmult_base(pub.data(), want.identity.data());
    EXPECT_EQ(identity_of(store), pub);
    for (int i = 0; i < v1::kContacts; i++) {
        const v1::Contact &c = want.contacts[i];
        Bytes rec(PC_CONTACT_RECORD_LEN, 0);
        int32_t rc = pc_contact_read(store, i, rec.data(), (int32_t)rec.size());
        if (c.flags == 0) {
            EXPECT_EQ(rc, PC_E_NOT_FOUND) << i;
            continue;
        }
        ASSERT_EQ(rc, PC_CONTACT_RECORD_LEN) << i;
        EXPECT_EQ(rec[PC_CONTACT_FLAGS_OFFSET], c.flags) << i;
        EXPECT_EQ(std::string(rec.begin() + PC_CONTACT_NAME_OFFSET,
                              rec.begin() + PC_CONTACT_NAME_OFFSET + rec[PC_CONTACT_NAME_LEN_OFFSET]),
                  c.name);
        EXPECT_EQ(Bytes(rec.begin() + PC_CONTACT_KEY_OFFSET, rec.begin() + PC_CONTACT_KEY_OFFSET + 32),
                  Bytes(c.pub.begin(), c.pub.end()));
        EXPECT_EQ(le32_at(rec, PC_CONTACT_GEN_OFFSET), c.generation);
        EXPECT_EQ(le32_at(rec, PC_CONTACT_PREV_GEN_OFFSET), c.prev_generation);
        Bytes psk(32);
        ASSERT_EQ(pci_keystore_resumption(store, i, c.generation, psk.data()), PC_OK);
        EXPECT_EQ(psk, Bytes(c.secret.begin(), c.secret.end()));
        if (c.prev_generation != 0) {
            ASSERT_EQ(pci_keystore_resumption(store, i, c.prev_generation, psk.data()), PC_OK);
            EXPECT_EQ(psk, Bytes(c.prev_secret.begin(), c.prev_secret.end()));
        }
        EXPECT_EQ(pc_contact_find(store, c.pub.data(), 32), i);
    }
}

class StoreMigrate : public ::testing::Test {
protected:
    void SetUp() override { require_selftest(); }
    void TearDown() override { pci_storage_test_cut_after(-1); }
};

} // namespace

// The committed images are exactly what the old spec gives (PC_WRITE_FIXTURES=1
// rewrites them first, for a change of the sample).
TEST_F(StoreMigrate, CommittedFixturesAreTheOldSpecsImages)
{
    if (std::getenv("PC_WRITE_FIXTURES") != nullptr) {
        fs::create_directories(kFixtures);
        write_file(kFixtures + "/efuse.key", device_key());
        for (const char *name : kCases)
            write_file(kFixtures + "/" + name + ".img", make_case(name).image);
    }
    EXPECT_EQ(read_file(kFixtures + "/efuse.key"), device_key());
    for (const char *name : kCases) {
        Bytes committed = read_file(kFixtures + "/" + name + ".img");
        ASSERT_EQ(committed.size(), 2 * v1::kCopyLen) << name;
        EXPECT_EQ(committed, make_case(name).image) << name;
    }
}

TEST_F(StoreMigrate, OpensKeepsEverythingAndBecomesRecords)
{
    for (const char *name : kCases) {
        SCOPED_TRACE(name);
        TempDir dir;
        lay_out(dir, name);
        Case c = make_case(name);
        int32_t h = open_store(dir.path());
        ASSERT_GE(h, 0);
        EXPECT_EQ(pc_store_status(h), c.status);
        expect_kept(h, c.expect);
        StoreSnapshot migrated = snapshot(h);
        pc_store_close(h);
        EXPECT_FALSE(fs::exists(dir.legacy())) << "the old copies were not erased";
        Flash flash = read_flash(dir);
        EXPECT_TRUE(flash.count(kIdentityA) && flash.count(kIdentityB));
        EXPECT_TRUE(flash.count(contact_file(0)) && !flash.count(contact_file(1)));
        int32_t status = -1;
        EXPECT_EQ(snapshot_of_dir(dir.path(), &status), migrated);
        EXPECT_EQ(status, 0);
        h = open_store(dir.path());
        expect_kept(h, c.expect);
        pc_store_close(h);
    }
}

TEST_F(StoreMigrate, CutAtEveryByteOfTheMigrationStillOpensOldOrNew)
{
    // Migration writes: 3 or 4 contact records, identity A, identity B, then
    // removes flash.img. Every cut leaves a store whose next open has it all.
    const Case c = make_case("two-copies");
    TempDir probe;
    lay_out(probe, "two-copies");
    pc_storage_counters n;
    pci_storage_test_counters(&n, 1);
    int32_t h = open_store(probe.path());
    ASSERT_GE(h, 0);
    pc_store_close(h);
    pci_storage_test_counters(&n, 1);
    const long total = (long)n.bytes;
    EXPECT_EQ(total, 4 * 202 + 2 * 96);
    TempDir work;
    int reopened_migrating = 0, reopened_done = 0;
    for (long cut = 0; cut <= total + 1; cut++) {
        fs::remove_all(work.path());
        lay_out(work, "two-copies");
        pci_storage_test_cut_after(cut);
        h = open_store(work.path());
        pci_storage_test_cut_after(-1);
        if (h >= 0) {
            pc_store_close(h);
        } else {
            ASSERT_EQ(h, PC_E_STORAGE) << cut;
        }
        h = open_store(work.path());
        ASSERT_GE(h, 0) << "store lost after a cut at " << cut;
        int32_t status = pc_store_status(h);
        ASSERT_TRUE(status == PC_STORE_MIGRATED || status == 0) << cut << " status " << status;
        (status == PC_STORE_MIGRATED ? reopened_migrating : reopened_done)++;
        ASSERT_NO_FATAL_FAILURE(expect_kept(h, c.expect)) << cut;
        pc_store_close(h);
        ASSERT_FALSE(fs::exists(work.legacy())) << cut;
    }
    RecordProperty("cut_points", (int)(total + 2));
    std::cout << "      cuts: migrated again at the next open=" << reopened_migrating
              << " finished=" << reopened_done << " (" << total + 2 << " cut points)\n";
    EXPECT_GT(reopened_migrating, 0);
    EXPECT_GT(reopened_done, 0);
}

TEST_F(StoreMigrate, BothOldCopiesDamagedOrKeyMissingIsRefusedUntouched)
{
    TempDir dir;
    lay_out(dir, "two-copies");
    Bytes image = read_file(dir.legacy());
    image[100] ^= 1;
    image[v1::kCopyLen + 100] ^= 1;
    write_file(dir.legacy(), image);
    EXPECT_EQ(open_store(dir.path()), PC_E_CORRUPT);
    EXPECT_EQ(read_file(dir.legacy()), image);
    EXPECT_TRUE(read_flash(dir).empty());
    lay_out(dir, "two-copies");
    fs::remove(dir.key());
    EXPECT_EQ(open_store(dir.path()), PC_E_NOT_FOUND);
    EXPECT_TRUE(read_flash(dir).empty());
    EXPECT_FALSE(fs::exists(dir.key()));
}
