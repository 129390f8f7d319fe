// SPDX-License-Identifier: MIT
// store_fixture.hpp - temporary store directories, raw access to their
// files (to cut, flip and roll back), and a snapshot of everything a store
// holds, for the store and crash-injection tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "session_fixture.hpp"

extern "C" {
#include "keystore.h"
#include "storage.h"
}

namespace fs = std::filesystem;

// Record files of the host backend (storage_file.c): <dir>/flash/<n>.rec.
const std::string kIdentityA = "0.rec";
const std::string kIdentityB = "1.rec";
inline std::string contact_file(int index)
{
    return std::to_string(PC_STORAGE_CONTACT_BASE + index) + ".rec";
}

// A fresh directory, removed at scope exit. In RAM (/dev/shm) where there
// is one: the crash sweeps do thousands of fsyncs that a disk makes slow.
class TempDir {
public:
    TempDir()
    {
        fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm")
                                                     : fs::temp_directory_path();
        std::string pattern = (base / "pc-store-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() { fs::remove_all(path_); }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::string &path() const { return path_; }
    std::string flash() const { return path_ + "/flash"; }          // record directory
    std::string legacy() const { return path_ + "/flash.img"; }     // previous release
    std::string record(const std::string &name) const { return flash() + "/" + name; }
    std::string key() const { return path_ + "/efuse.key"; }

private:
    std::string path_;
};

inline Bytes read_file(const std::string &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return Bytes();
    Bytes b((size_t)in.tellg());
    in.seekg(0);
    in.read(reinterpret_cast<char *>(b.data()), (std::streamsize)b.size());
    return b;
}

inline void write_file(const std::string &path, const Bytes &b)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(b.data()), (std::streamsize)b.size());
}

// Every record file of a store (name -> bytes); empty when there is none.
using Flash = std::map<std::string, Bytes>;

inline Flash read_flash(const TempDir &dir)
{
    Flash f;
    if (fs::is_directory(dir.flash()))
        for (const auto &e : fs::directory_iterator(dir.flash()))
            f[e.path().filename().string()] = read_file(e.path().string());
    return f;
}

// Replaces the record directory with exactly these files.
inline void write_flash(const TempDir &dir, const Flash &f)
{
    fs::remove_all(dir.flash());
    fs::create_directories(dir.flash());
    for (const auto &kv : f)
        write_file(dir.record(kv.first), kv.second);
}

// Copies a store's files (records, flash.img, efuse.key) from one directory to another.
inline void copy_store(const TempDir &from, const TempDir &to)
{
    fs::remove_all(to.flash());
    if (fs::exists(from.flash()))
        fs::copy(from.flash(), to.flash(), fs::copy_options::recursive);
    for (const char *name : {"/flash.img", "/efuse.key"}) {
        fs::remove(to.path() + name);
        if (fs::exists(from.path() + name))
            fs::copy_file(from.path() + name, to.path() + name);
    }
}

inline int32_t open_store(const std::string &dir)
{
    return pc_store_open(reinterpret_cast<const uint8_t *>(dir.data()), (int32_t)dir.size());
}

inline int32_t reset_store(int32_t store, const std::string &dir)
{
    return pc_store_factory_reset(store, reinterpret_cast<const uint8_t *>(dir.data()),
                                  (int32_t)dir.size());
}

inline Bytes identity_of(int32_t store)
{
    Bytes pub(32);
    EXPECT_EQ(pc_store_identity(store, pub.data(), 32), 32);
    return pub;
}

inline uint32_t le32_at(const Bytes &b, size_t at)
{
    return (uint32_t)b[at] | (uint32_t)b[at + 1] << 8 | (uint32_t)b[at + 2] << 16
           | (uint32_t)b[at + 3] << 24;
}

// Everything a store holds: identity, every contact record (or its
// absence) and the resumption secrets behind the generation numbers.
// Secrets stay in this test process; they are compared, never printed.
struct StoreSnapshot {
    Bytes identity;
    int32_t total = -1; // contacts in the book (pc_contact_page)
    std::vector<int32_t> read_rc;
    std::vector<Bytes> records;
    std::vector<Bytes> secrets;

    bool operator==(const StoreSnapshot &o) const
    {
        return identity == o.identity && total == o.total && read_rc == o.read_rc && records == o.records
               && secrets == o.secrets;
    }
    int contacts() const
    {
        int n = 0;
        for (int32_t rc : read_rc)
            n += rc == PC_CONTACT_RECORD_LEN;
        return n;
    }
};

// Contacts a snapshot looks at: the tests use the first few indices (the
// book fills the lowest free index first).
const int kSnapshotContacts = 24;

inline StoreSnapshot snapshot(int32_t store)
{
    StoreSnapshot s;
    s.identity = identity_of(store);
    uint8_t header[PC_PAGE_HEADER_LEN];
    EXPECT_EQ(pc_contact_page(store, 0, nullptr, 0, header, sizeof header), 0);
    s.total = (int32_t)(header[0] | header[1] << 8);
    for (int i = 0; i < kSnapshotContacts; i++) {
        Bytes rec(PC_CONTACT_RECORD_LEN, 0);
        int32_t rc = pc_contact_read(store, i, rec.data(), (int32_t)rec.size());
        s.read_rc.push_back(rc);
        s.records.push_back(rec);
        for (size_t at : {(size_t)PC_CONTACT_GEN_OFFSET, (size_t)PC_CONTACT_PREV_GEN_OFFSET}) {
            Bytes psk(32, 0);
            uint32_t gen = rc > 0 ? le32_at(rec, at) : 0;
            if (gen != 0) {
                EXPECT_EQ(pci_keystore_resumption(store, i, gen, psk.data()), PC_OK);
            }
            s.secrets.push_back(psk);
        }
    }
    return s;
}

inline StoreSnapshot snapshot_of_dir(const std::string &dir, int32_t *status = nullptr)
{
    int32_t h = open_store(dir);
    EXPECT_GE(h, 0) << "reopen failed: " << h;
    StoreSnapshot s;
    if (h >= 0) {
        if (status != nullptr)
            *status = pc_store_status(h);
        s = snapshot(h);
        pc_store_close(h);
    }
    return s;
}

// A session whose peer is `peer_static`, as a finished call or pairing leaves it.
inline int32_t session_with_peer(const Bytes &peer_static, uint32_t psk_generation = 0)
{
    SplitPair p = make_splits(random_bytes(32), peer_static, psk_generation);
    return pci_transport_create(&p.initiator);
}
