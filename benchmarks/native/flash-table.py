# SPDX-License-Identifier: MIT
"""Turns bench_flash's R| lines into the Markdown table of docs/performance.md (flash-writes.sh)."""
import sys

LEGACY_IMAGE = 4096  # the previous format rewrote one whole 4 KB copy per change (store_image.h)
ROLES = [("caller", "caller (steady state)"),
         ("caller-after-answering", "caller, contact left unproven by a call it answered"),
         ("callee", "callee (remember marked unproven, clear the mark on proof)")]


def main(path, rev, load, cores):
    per_call, record, ram, open_ms = {}, {}, {}, {}
    for line in open(path, encoding="utf-8"):
        p = line.strip().split("|")
        if p[0] != "R":
            continue
        if p[1] == "flash_per_call":
            per_call[(p[2], int(p[3]))] = (float(p[4]), float(p[5]))
        elif p[1] == "record":
            record[p[2]] = int(p[3])
        elif p[1] == "ram":
            ram[p[2]] = (int(p[3]), int(p[4]))
        elif p[1] == "open_ms":
            open_ms[(p[2], int(p[3]))] = float(p[4])
    sizes = sorted({n for (_, n) in per_call})
    out = [f"Flash bytes written per call, counted at the storage backend (`bench_flash`, native core "
           f"as of {rev}; average of the calls per role the program prints). One contact record is "
           f"{record['contact']} B, an identity copy {record['identity']} B. Before: every write was a "
           f"whole {LEGACY_IMAGE:,} B image.", "",
           "| store steps of one call | " + " | ".join(f"{n:,} contacts" for n in sizes)
           + " | writes | before (4 KB image per write) |",
           "|---|" + "---:|" * (len(sizes) + 2)]
    for role, label in ROLES:
        figures = [per_call[(role, n)] for n in sizes]
        writes = figures[-1][1]
        out.append(f"| {label} | " + " | ".join(f"{b:,.0f} B" for b, _ in figures)
                   + f" | {writes:g} | {writes * LEGACY_IMAGE:,.0f} B |")
    book, n = ram["book_index"]
    state, _ = ram["store_state"]
    out += ["", f"Static RAM of the book at {n:,} contacts: index `pc_book` **{book:,} B** "
            f"({book / n:.1f} B per contact: key fingerprint and index 8 B, name-order index 2 B, "
            f"name prefix 8 B, used bit), one open store `pc_store_state` {state:,} B "
            f"(`sizeof`, host build). No contact is held in RAM; one record is decrypted into a "
            f"static buffer while a call into the store runs.", "",
            "Opening a store reads and decrypts every contact record once to build the index (host, "
            "files in /dev/shm, best of 3): " + ", ".join(f"{open_ms[('names', n)]:.1f} ms at {n:,} contacts"
                                                          for n in sizes)
            + " (names like \"Garcia K. 0412\"). Worst case, every name sharing its first 8 bytes "
            "(\"Contact 0412\"), where each name-order comparison at insertion reads the other record: "
            + ", ".join(f"{open_ms[('shared_prefix', n)]:.1f} ms" for n in sizes)
            + f". Load average {load} on {cores} cores when measured: the times are indicative only; "
            "the flash bytes are exact.", ""]
    print("\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:5])
