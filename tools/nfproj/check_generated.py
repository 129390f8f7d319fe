#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Running tools/nfproj/nfproj.py changes no committed file.

The generator writes every .nfproj and packages.config of the device solution (the board apps'
from boards/package-closure.json). This runs it on a temporary copy of the folders it reads and
writes, and reports every file of the copy that then differs from the repository's: a hand edit
the generator would undo, or a closure/source change committed without rerunning it.
  python3 tools/nfproj/check_generated.py           check the repository
  python3 tools/nfproj/check_generated.py --prove   also show a planted difference is caught
Exit status 1 on any finding.
"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# what nfproj.py reads (sources, closure) and writes (.nfproj, packages.config)
INPUTS = ["firmware", "tests/device", "boards", "tools/nfproj"]
SKIP = shutil.ignore_patterns("bin", "obj", "TestResults")


def copy_repo(dest):
    for rel in INPUTS:
        shutil.copytree(ROOT / rel, dest / rel, ignore=SKIP)


def generate(copy):
    run = subprocess.run([sys.executable, str(copy / "tools/nfproj/nfproj.py"), "--root", str(copy)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return ["nfproj.py failed: " + (run.stderr.strip() or run.stdout.strip())]
    return []


def differences(copy, reference):
    """Files of copy (generator output included) that are not byte-identical in reference."""
    found = []
    for rel in INPUTS:
        for path in sorted((copy / rel).rglob("*")):
            if not path.is_file():
                continue
            other = reference / path.relative_to(copy)
            if not other.is_file():
                found.append(f"{path.relative_to(copy)}: written by nfproj.py, not committed")
            elif not filecmp.cmp(path, other, shallow=False):
                found.append(f"{path.relative_to(copy)}: nfproj.py writes it differently "
                             "(rerun python3 tools/nfproj/nfproj.py and commit, or fix the generator)")
    return found


def check(reference):
    """Generate into a fresh copy of reference; the differences from reference."""
    with tempfile.TemporaryDirectory(prefix="nfproj-check-") as tmp:
        copy = Path(tmp)
        for rel in INPUTS:
            shutil.copytree(reference / rel, copy / rel, ignore=SKIP)
        return generate(copy) or differences(copy, reference)


def prove():
    """Plant differences in a copy of the repository; each must be reported."""
    cases = [
        ("hand-edited packages.config", "boards/esp32-devkitc-oled/packages.config",
         lambda p: p.write_bytes(p.read_bytes().replace(b"</packages>", b"  <package id=\"X\" version=\"1.0.0\" targetFramework=\"netnano1.0\" />\r\n</packages>"))),
        ("reference dropped from a board .nfproj", "boards/esp32-m5core2/Phone.M5Core2.nfproj",
         lambda p: p.write_bytes(p.read_bytes().replace(b'<Reference Include="System.Device.I2s">', b'<Reference Include="System.Device.I2sX">'))),
        ("hand-edited resource id", "boards/esp32-devkitc-oled/Resources.Designer.cs",
         lambda p: p.write_bytes(p.read_bytes().replace(b"OrgBundle = ", b"OrgBundle = 1"))),
        ("closure changed, generator not rerun", "boards/package-closure.json",
         lambda p: p.write_text(p.read_text(encoding="utf-8").replace('"min": "1.0.28"', '"min": "1.0.29"'), encoding="utf-8")),
    ]
    ok = True
    for name, rel, plant in cases:
        with tempfile.TemporaryDirectory(prefix="nfproj-prove-") as tmp:
            planted = Path(tmp)
            copy_repo(planted)
            before = (planted / rel).read_bytes()
            plant(planted / rel)
            if (planted / rel).read_bytes() == before:
                print(f"proof ({name}): the plant did not apply")
                ok = False
                continue
            findings = check(planted)
            print(f"proof ({name}): {'caught - ' + findings[0] if findings else 'NOT CAUGHT'}")
            ok &= bool(findings)
    return ok


# Ids that nanoFramework's own resource generator wrote into published Resources.Designer.cs files
# (nanoframework/Samples: HttpWebRequest, AzureSDKBasicFullyManaged, MQTT AdvancedExample.Aws,
# ManagedResources); nfproj.py's resource_id must give the same, or the image's ids would not match.
PUBLISHED_IDS = {"DigiCertGlobalRootCA": 1766, "DigiCertGlobalRootG2": 26599, "AwsCAroot": -8728,
                 "nano_Framework_logo_32_border_trans": 23065}


def resource_id_findings():
    source = (ROOT / "tools/nfproj/nfproj.py").read_text(encoding="utf-8")
    namespace = {}
    # only the pure function: running the whole module would rewrite the repository's files
    start = source.index("def resource_id(")
    end = source.index("\ndef ", start + 1)
    exec(source[start:end], namespace)
    return [f"resource_id({name!r}) = {namespace['resource_id'](name)}, nanoFramework's tools give {want}"
            for name, want in PUBLISHED_IDS.items() if namespace["resource_id"](name) != want]


def main():
    findings = resource_id_findings() + check(ROOT)
    for finding in findings:
        print("generated files: " + finding)
    if not findings:
        print("generated files: nfproj.py reproduces every committed .nfproj and packages.config")
    proofs_ok = prove() if "--prove" in sys.argv else True
    return 0 if not findings and proofs_ok else 1


if __name__ == "__main__":
    sys.exit(main())
