# SPDX-License-Identifier: MIT
"""Measures the shape of the C# under firmware/: the longest members (methods, properties,
constructors: signature to closing brace) and the longest files. Exits non-zero when a member
is over --max-method lines or a file over --max-file lines (issue 10: 40 and 400).

    python3 scripts/code-shape.py [--top N] [--max-method 40] [--max-file 400] [root]
"""
import argparse
import os
import re
import sys


def strip_code(line, in_block):
    """The line without comments and string/char literals (braces inside them do not count)."""
    out, i = [], 0
    while i < len(line):
        if in_block:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out), True
            i, in_block = end + 2, False
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            in_block, i = True, i + 2
            continue
        if c in "\"'":
            j = i + 1
            while j < len(line) and line[j] != c:
                j += 2 if line[j] == "\\" else 1
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out), in_block


def members(path):
    """(name, first line, line count) of every member body one level inside a type."""
    lines = open(path, encoding="utf-8").read().split("\n")
    depth, in_block, type_depth, found = 0, False, None, []
    start = None
    for n, raw in enumerate(lines):
        code, in_block = strip_code(raw, in_block)
        for c in code:
            if c == "{":
                depth += 1
                if type_depth is None and re.search(r"\b(class|struct|interface|enum)\b", " ".join(lines[max(0, n - 3):n + 1])):
                    type_depth = depth
                elif type_depth is not None and depth == type_depth + 1 and start is None:
                    start = signature_start(lines, n)
            elif c == "}":
                if type_depth is not None and depth == type_depth + 1 and start is not None:
                    found.append((lines[start].strip()[:70], start + 1, n - start + 1))
                    start = None
                if type_depth is not None and depth == type_depth:
                    type_depth = None
                depth -= 1
    return found


def signature_start(lines, n):
    """First line of the declaration whose body opens on line n."""
    i = n
    while i > 0:
        prev = lines[i - 1].strip()
        if not prev or prev.startswith("//") or prev.startswith("[") or prev.endswith(";") \
                or prev.endswith("}") or prev.endswith("{"):
            break
        i -= 1
    return i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "firmware"))
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--max-method", type=int, default=40)
    ap.add_argument("--max-file", type=int, default=400)
    args = ap.parse_args()
    all_members, files = [], []
    for dirpath, dirs, names in os.walk(args.root):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj")]
        for name in names:
            if name.endswith(".cs"):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, os.path.join(args.root, ".."))
                files.append((sum(1 for _ in open(path, encoding="utf-8")), rel))
                all_members += [(count, rel, line, sig) for sig, line, count in members(path)]
    all_members.sort(reverse=True)
    files.sort(reverse=True)
    print("longest members (lines, file:line, declaration):")
    for count, rel, line, sig in all_members[:args.top]:
        print("  %4d  %s:%d  %s" % (count, rel, line, sig))
    print("longest files (lines):")
    for count, rel in files[:args.top]:
        print("  %4d  %s" % (count, rel))
    bad = [m for m in all_members if m[0] > args.max_method] + [f for f in files if f[0] > args.max_file]
    if bad:
        print("over the limits (member > %d or file > %d lines): %d" % (args.max_method, args.max_file, len(bad)))
        return 1
    print("ok: every member <= %d lines, every file <= %d lines" % (args.max_method, args.max_file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
