// SPDX-License-Identifier: MIT
// test_org.cpp - organisation trust through the API (pc_org_*): install,
// peer certificates checked against the organisation, the handshake's remote
// static key, the revocation list and the learned time; every refusal leaves
// flash and the output untouched; the sealed record's A/B copies survive a
// power cut at every byte and refuse damage without touching the identity.
#include <functional>

#include "org_fixture.hpp"

namespace {

const uint64_t kOwnSerial = 7;

class Org : public ::testing::Test {
protected:
    TempDir dir;
    TestOrg org{0x21};
    int32_t store = -1;
    Bytes identity, own_cert;

    void SetUp() override
    {
        require_selftest();
        store = open_store(dir.path());
        ASSERT_GE(store, 0);
        identity = identity_of(store);
        own_cert = cert_for(org, identity, kOwnSerial);
        ASSERT_EQ(install(store, org, own_cert), PC_OK);
    }
    void TearDown() override { pc_store_close(store); }

    Bytes info() { return org_part(store, PC_ORG_PART_INFO); }
    uint64_t learned() { return le64_at(info(), PC_ORG_INFO_TIME_OFFSET); }

    // Runs a refused call and checks it changed nothing on flash.
    void expect_refused(int32_t expected, const std::function<int32_t()> &call)
    {
        Flash before = read_flash(dir);
        EXPECT_EQ(call(), expected);
        EXPECT_EQ(read_flash(dir), before) << "refusal " << expected << " wrote flash";
    }
};

} // namespace

TEST_F(Org, InstallKeepsWhatWasGiven)
{
    Bytes i = info();
    ASSERT_EQ(i.size(), (size_t)PC_ORG_INFO_LEN);
    EXPECT_EQ(Bytes(i.begin(), i.begin() + 32), org.anchor_key);
    EXPECT_EQ(Bytes(i.begin() + PC_ORG_INFO_ID_OFFSET, i.begin() + PC_ORG_INFO_ID_OFFSET + 16),
              org.org_id);
    EXPECT_EQ(i[PC_ORG_INFO_NAME_LEN_OFFSET], 4);
    EXPECT_EQ(std::string(i.begin() + PC_ORG_INFO_NAME_OFFSET, i.begin() + PC_ORG_INFO_NAME_OFFSET + 4),
              "Acme");
    EXPECT_EQ(learned(), 1000u); // the own certificate's not-before
    EXPECT_EQ(le32_at(i, PC_ORG_INFO_CRL_VERSION_OFFSET), 0u);
    EXPECT_EQ(le64_at(i, PC_ORG_INFO_SERIAL_OFFSET), kOwnSerial);
    EXPECT_EQ(org_part(store, PC_ORG_PART_CERT), own_cert);
    int32_t rc = 0;
    EXPECT_TRUE(org_part(store, PC_ORG_PART_CRL, &rc).empty());
    EXPECT_EQ(rc, 0);
    // survives a reopen
    pc_store_close(store);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(org_part(store, PC_ORG_PART_CERT), own_cert);
}

TEST_F(Org, InstallRefusalsWriteNothing)
{
    TempDir fresh;
    int32_t h = open_store(fresh.path());
    ASSERT_GE(h, 0);
    Bytes key = identity_of(h);
    Bytes good = cert_for(org, key, 9);
    Flash before = read_flash(fresh);
    Bytes forged = good;
    forged[forged.size() - 5] ^= 1;
    Bytes truncated(good.begin(), good.end() - 1), oversized = good;
    oversized.push_back(0);
    EXPECT_EQ(install(h, org, cert_for(org, random_bytes(32), 9)), PC_E_CERT_WRONG_KEY);
    EXPECT_EQ(install(h, org, forged), PC_E_CERT_SIGNATURE);
    EXPECT_EQ(install(h, org, truncated), PC_E_CERT_TRUNCATED);
    EXPECT_EQ(install(h, org, oversized), PC_E_CERT_OVERSIZED);
    EXPECT_EQ(install(h, TestOrg(0x22), good), PC_E_CERT_SIGNATURE); // another org's key
    EXPECT_EQ(install(h, org, good, "bad\x1b[2Jname"), PC_E_ARG);     // control characters
    EXPECT_EQ(install(h, org, good, ""), PC_E_ARG);
    EXPECT_EQ(read_flash(fresh), before);
    int32_t rc = 0;
    org_part(h, PC_ORG_PART_INFO, &rc);
    EXPECT_EQ(rc, PC_E_NO_ORG);
    EXPECT_EQ(install(h, org, good), PC_OK);
    pc_store_close(h);
}

TEST_F(Org, PeerOfSameOrgAccepted)
{
    Bytes peer = random_bytes(32);
    int32_t hs = handshake_with(peer);
    ASSERT_GE(hs, 0);
    Bytes view;
    EXPECT_EQ(verify_peer(store, hs, cert_for(org, peer, 42, 1000, 1u << 30, "Reception"), &view),
              PC_ORG_PEER_LEN);
    EXPECT_EQ(le64_at(view, PC_ORG_PEER_SERIAL_OFFSET), 42u);
    EXPECT_EQ(view[PC_ORG_PEER_NAME_LEN_OFFSET], 9);
    EXPECT_EQ(std::string(view.begin() + PC_ORG_PEER_NAME_OFFSET,
                          view.begin() + PC_ORG_PEER_NAME_OFFSET + 9),
              "Reception");
    pc_hs_free(hs);
}

// Each bad input of the issue refused with its own reason, nothing written,
// the output buffer untouched.
TEST_F(Org, PeerRefusalsChangeNothing)
{
    Bytes peer = random_bytes(32);
    int32_t hs = handshake_with(peer);
    Bytes good = cert_for(org, peer, 42);
    ASSERT_EQ(verify_peer(store, hs, good), PC_ORG_PEER_LEN);
    Bytes forged = good;
    forged[forged.size() - 1] ^= 0x40;
    Bytes renamed = good; // a body byte changed after signing
    renamed[PC_CERT_HEADER_LEN] ^= 1;
    TestOrg other(0x33, 0x44), impostor(0x55); // another organisation; same id, other key
    Bytes truncated(good.begin(), good.end() - 1), oversized = good;
    oversized.push_back(0);
    struct Case {
        const char *what;
        Bytes cert;
        int32_t expected;
    } cases[] = {
        {"forged signature", forged, PC_E_CERT_SIGNATURE},
        {"edited body", renamed, PC_E_CERT_SIGNATURE},
        {"another org", cert_for(other, peer, 42), PC_E_CERT_WRONG_ORG},
        {"same id, other key", cert_for(impostor, peer, 42), PC_E_CERT_SIGNATURE},
        {"wrong key", cert_for(org, random_bytes(32), 42), PC_E_CERT_WRONG_KEY},
        {"truncated", truncated, PC_E_CERT_TRUNCATED},
        {"oversized", oversized, PC_E_CERT_OVERSIZED},
        {"empty", Bytes(), PC_E_CERT_TRUNCATED},
    };
    for (auto &c : cases) {
        Bytes view;
        expect_refused(c.expected, [&] { return verify_peer(store, hs, c.cert, &view); });
        EXPECT_EQ(view, Bytes(PC_ORG_PEER_LEN, 0xEE)) << c.what;
    }
    pc_hs_free(hs);
}

TEST_F(Org, RevocationListNewerKeptOlderRefused)
{
    Bytes peer = random_bytes(32);
    int32_t hs = handshake_with(peer);
    Bytes peer_cert = cert_for(org, peer, 42);
    Bytes v1 = crl_for(org, 1, 5000, {}), v2 = crl_for(org, 2, 6000, {41, 42});
    EXPECT_EQ(pc_org_crl_offer(store, v1.data(), (int32_t)v1.size()), 1);
    EXPECT_EQ(learned(), 5000u);
    EXPECT_EQ(verify_peer(store, hs, peer_cert), PC_ORG_PEER_LEN);
    expect_refused(0, [&] { return pc_org_crl_offer(store, v1.data(), (int32_t)v1.size()); });
    EXPECT_EQ(pc_org_crl_offer(store, v2.data(), (int32_t)v2.size()), 1);
    EXPECT_EQ(le32_at(info(), PC_ORG_INFO_CRL_VERSION_OFFSET), 2u);
    EXPECT_EQ(learned(), 6000u);
    EXPECT_EQ(org_part(store, PC_ORG_PART_CRL), v2);
    // the revoked serial is refused, another is not
    expect_refused(PC_E_CERT_REVOKED, [&] { return verify_peer(store, hs, peer_cert); });
    EXPECT_EQ(verify_peer(store, hs, cert_for(org, peer, 43)), PC_ORG_PEER_LEN);
    // the older list replayed: refused, the newer one kept
    expect_refused(PC_E_CRL_OLD, [&] { return pc_org_crl_offer(store, v1.data(), (int32_t)v1.size()); });
    Bytes forged = crl_for(org, 3, 7000, {});
    forged[forged.size() - 2] ^= 1;
    expect_refused(PC_E_CERT_SIGNATURE,
                   [&] { return pc_org_crl_offer(store, forged.data(), (int32_t)forged.size()); });
    Bytes foreign = crl_for(TestOrg(0x33, 0x44), 9, 7000, {});
    expect_refused(PC_E_CERT_WRONG_ORG,
                   [&] { return pc_org_crl_offer(store, foreign.data(), (int32_t)foreign.size()); });
    Bytes cut(v2.begin(), v2.end() - 8);
    expect_refused(PC_E_CERT_TRUNCATED,
                   [&] { return pc_org_crl_offer(store, cut.data(), (int32_t)cut.size()); });
    EXPECT_EQ(le32_at(info(), PC_ORG_INFO_CRL_VERSION_OFFSET), 2u);
    pc_hs_free(hs);
}

// Time: a genuine newer not-before is learned; a certificate whose not-after
// is before the learned time is expired.
TEST_F(Org, LearnedTimeExpiresCertificates)
{
    Bytes peer = random_bytes(32);
    int32_t hs = handshake_with(peer);
    EXPECT_EQ(verify_peer(store, hs, cert_for(org, peer, 50, 8000, 9000)), PC_ORG_PEER_LEN);
    EXPECT_EQ(learned(), 8000u);
    expect_refused(PC_E_CERT_EXPIRED,
                   [&] { return verify_peer(store, hs, cert_for(org, peer, 51, 1000, 7999)); });
    // a forged not-before is never learned
    Bytes forged = cert_for(org, peer, 52, 20000, 30000);
    forged[forged.size() - 1] ^= 1;
    expect_refused(PC_E_CERT_SIGNATURE, [&] { return verify_peer(store, hs, forged); });
    EXPECT_EQ(learned(), 8000u);
    Bytes bad_period = cert_for(org, peer, 53, 9000, 8500);
    expect_refused(PC_E_CERT_VALIDITY, [&] { return verify_peer(store, hs, bad_period); });
    pc_hs_free(hs);
}

// Damage in one copy: the other is used. Damage in both: refused as corrupt,
// the identity and contacts untouched; a new install repairs it.
TEST_F(Org, DamagedRecordRefusedIdentityKept)
{
    Bytes v1 = crl_for(org, 1, 5000, {});
    ASSERT_EQ(pc_org_crl_offer(store, v1.data(), (int32_t)v1.size()), 1); // now both copies hold data
    pc_store_close(store);
    const std::string rec_a = std::to_string(PC_STORAGE_ORG_A) + ".rec";
    const std::string rec_b = std::to_string(PC_STORAGE_ORG_B) + ".rec";
    Flash flash = read_flash(dir);
    ASSERT_GE(flash[rec_a].size(), 301u);
    ASSERT_GE(flash[rec_b].size(), 101u);
    Flash one = flash;
    one[rec_b][100] ^= 1; // the newer copy (sequence 2)
    write_flash(dir, one);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(le32_at(info(), PC_ORG_INFO_CRL_VERSION_OFFSET), 0u); // the older copy
    pc_store_close(store);
    Flash both = one;
    both[rec_a][300] ^= 0x80;
    write_flash(dir, both);
    store = open_store(dir.path());
    ASSERT_GE(store, 0);
    EXPECT_EQ(identity_of(store), identity);
    int32_t rc = 0;
    org_part(store, PC_ORG_PART_INFO, &rc);
    EXPECT_EQ(rc, PC_E_CORRUPT);
    int32_t hs = handshake_with(random_bytes(32));
    EXPECT_EQ(verify_peer(store, hs, own_cert), PC_E_CORRUPT);
    pc_hs_free(hs);
    EXPECT_EQ(install(store, org, own_cert), PC_OK);
    EXPECT_EQ(org_part(store, PC_ORG_PART_CERT), own_cert);
}

// A power cut at every byte of a list update: the record reopens holding the
// old list or the new one, never damaged.
TEST_F(Org, RevocationWriteCutAtEveryByte)
{
    Bytes v1 = crl_for(org, 1, 5000, {}), v2 = crl_for(org, 2, 6000, {3});
    ASSERT_EQ(pc_org_crl_offer(store, v1.data(), (int32_t)v1.size()), 1);
    pc_store_close(store);
    TempDir work;
    int old_seen = 0, new_seen = 0;
    // One past the record's length: the cut misses the write, which completes.
    for (long cut = 0; cut <= (long)PC_ORG_RECORD_LEN + 1; cut++) {
        copy_store(dir, work);
        int32_t h = open_store(work.path());
        ASSERT_GE(h, 0);
        pci_storage_test_cut_after(cut);
        int32_t rc = pc_org_crl_offer(h, v2.data(), (int32_t)v2.size());
        pci_storage_test_cut_after(-1);
        pc_store_close(h);
        h = open_store(work.path());
        ASSERT_GE(h, 0);
        Bytes i = org_part(h, PC_ORG_PART_INFO);
        ASSERT_EQ(i.size(), (size_t)PC_ORG_INFO_LEN) << "cut " << cut;
        uint32_t version = le32_at(i, PC_ORG_INFO_CRL_VERSION_OFFSET);
        EXPECT_TRUE(version == 1 || version == 2) << "cut " << cut;
        // a record is replaced whole (temp file, fsync, rename): the new list
        // is there exactly when the call said so
        EXPECT_EQ(version == 2, rc == 1) << "cut " << cut;
        (version == 2 ? new_seen : old_seen)++;
        pc_store_close(h);
    }
    EXPECT_GT(old_seen, 0);
    EXPECT_GT(new_seen, 0);
    store = open_store(dir.path());
}

TEST_F(Org, FactoryResetForgetsOrganisation)
{
    int32_t fresh = reset_store(store, dir.path());
    ASSERT_GE(fresh, 0);
    store = fresh;
    int32_t rc = 0;
    org_part(store, PC_ORG_PART_INFO, &rc);
    EXPECT_EQ(rc, PC_E_NO_ORG);
}

// A verified peer's key is remembered with its serial: a newer list that
// revokes the serial withdraws it from the pinned contact (check_contact).
TEST_F(Org, NewerListWithdrawsVerifiedPinnedKey)
{
    Bytes peer = random_bytes(32), other = random_bytes(32);
    int32_t hs = handshake_with(peer);
    ASSERT_EQ(verify_peer(store, hs, cert_for(org, peer, 42)), PC_ORG_PEER_LEN);
    EXPECT_EQ(pc_org_check_contact(store, peer.data(), 32), PC_OK);
    EXPECT_EQ(pc_org_check_contact(store, other.data(), 32), PC_OK); // unknown: nothing to withdraw
    Bytes v1 = crl_for(org, 1, 5000, {41}), v2 = crl_for(org, 2, 6000, {41, 42});
    ASSERT_EQ(pc_org_crl_offer(store, v1.data(), (int32_t)v1.size()), 1);
    EXPECT_EQ(pc_org_check_contact(store, peer.data(), 32), PC_OK);
    ASSERT_EQ(pc_org_crl_offer(store, v2.data(), (int32_t)v2.size()), 1);
    EXPECT_EQ(pc_org_check_contact(store, peer.data(), 32), PC_E_CERT_REVOKED);
    EXPECT_EQ(pc_org_check_contact(store, peer.data(), 31), PC_E_ARG);
    // survives a reopen (the table is in the sealed record)
    pc_store_close(store);
    store = open_store(dir.path());
    EXPECT_EQ(pc_org_check_contact(store, peer.data(), 32), PC_E_CERT_REVOKED);
    pc_hs_free(hs);
}
