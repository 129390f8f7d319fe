# SPDX-License-Identifier: MIT
"""Every board app lists its packages' whole NuGet dependency closure (boards/package-closure.json).

packages.config restore in the nanoFramework project system adds no dependencies: a package the
app does not list is not restored, and an assembly it does not reference is not deployed. For each
app of the closure file this checks that
  - packages.config lists every package of the closure at a version >= the closure's minimum and
    with the same major.minor (nanoCLR binds assembly references by name and major.minor);
  - the .nfproj has a <Reference> for every assembly of those packages, whose HintPath points into
    a closure package that ships it, at the version packages.config lists;
  - nothing is listed twice.
  python3 tools/nfproj/check_package_closure.py           check the repository
  python3 tools/nfproj/check_package_closure.py --prove   also show each kind of mistake is caught
Exit status 1 on any finding.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HINT = re.compile(r"packages[\\/]([^\\/]+?)\.(\d+(?:\.\d+)+)[\\/]lib[\\/]([^\\/]+)\.dll$", re.IGNORECASE)


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def read_packages_config(text):
    listed, findings = {}, []
    for node in ET.fromstring(text).iter("package"):
        pid, version = node.get("id"), node.get("version")
        if pid.lower() in listed:
            findings.append(f"packages.config lists {pid} twice")
        listed[pid.lower()] = (pid, version)
    return listed, findings


def read_references(text):
    """{assembly name (lower): [(package id, version, dll), ...]} from the HintPaths."""
    refs = {}
    for match in re.finditer(r"<Reference\s+Include=\"([^\"]+)\"[^>]*>(.*?)</Reference>", text, re.DOTALL):
        name = match.group(1).split(",")[0].strip()
        hint = re.search(r"<HintPath>(.*?)</HintPath>", match.group(2), re.DOTALL)
        if not hint:
            continue
        found = HINT.search(hint.group(1).strip())
        if found:
            refs.setdefault(name.lower(), []).append((found.group(1), found.group(2), found.group(3)))
    return refs


def check_app(app_dir, spec, packages_config, nfproj):
    listed, findings = read_packages_config(packages_config)
    refs = read_references(nfproj)
    shipped_by = {}
    for package in spec["packages"]:
        for assembly in package["assemblies"]:
            shipped_by.setdefault(assembly.lower(), set()).add(package["id"].lower())
    for package in spec["packages"]:
        pid, minimum = package["id"], package["min"]
        if pid.lower() not in listed:
            findings.append(f"{app_dir}: packages.config is missing {pid} (>= {minimum}), "
                            f"required by {', '.join(package['required_by'][:3])}"
                            + (f" and {len(package['required_by']) - 3} more" if len(package["required_by"]) > 3 else ""))
            continue
        version = listed[pid.lower()][1]
        if version_key(version)[:2] != version_key(minimum)[:2]:
            findings.append(f"{app_dir}: {pid} {version} is not the major.minor of {minimum} the closure needs")
        elif version_key(version) < version_key(minimum):
            findings.append(f"{app_dir}: {pid} {version} is below {minimum}, the minimum its dependents ask for")
        for assembly in package["assemblies"]:
            hits = refs.get(assembly.lower(), [])
            if not hits:
                findings.append(f"{app_dir}: {spec['project']} has no <Reference> to {assembly}.dll (package {pid})")
                continue
            for ref_pid, ref_version, dll in hits:
                if ref_pid.lower() not in shipped_by[assembly.lower()] or dll.lower() != assembly.lower():
                    findings.append(f"{app_dir}: the {assembly} reference points into {ref_pid}, which does not ship it")
                elif ref_pid.lower() in listed and listed[ref_pid.lower()][1] != ref_version:
                    findings.append(f"{app_dir}: the {assembly} reference points into {ref_pid}.{ref_version}, "
                                    f"packages.config has {listed[ref_pid.lower()][1]}")
                elif ref_pid.lower() not in listed:
                    findings.append(f"{app_dir}: the {assembly} reference points into {ref_pid}, not in packages.config")
    return findings


def load(app_dir, spec):
    folder = ROOT / app_dir
    return (folder / "packages.config").read_text(encoding="utf-8-sig"), \
           (folder / spec["project"]).read_text(encoding="utf-8-sig")


def prove(closure):
    """Each kind of mistake, made on a copy of a real app's files, must be reported."""
    app_dir, spec = next(iter(closure["apps"].items()))
    config, nfproj = load(app_dir, spec)
    victim = next(p for p in spec["packages"] if p["assemblies"] and p["id"] != spec["board_package"])
    pid, version = victim["id"], None
    version = re.search(rf'id="{re.escape(pid)}" version="([^"]+)"', config).group(1)
    major, minor, *rest = version.split(".")
    cases = [
        ("package dropped", re.sub(rf'\s*<package id="{re.escape(pid)}"[^>]*/>', "", config), nfproj,
         "is missing " + pid),
        ("version below the minimum", config.replace(f'id="{pid}" version="{version}"',
                                                    f'id="{pid}" version="{major}.{minor}.0"'), nfproj, "is below"),
        ("other major.minor", config.replace(f'id="{pid}" version="{version}"',
                                            f'id="{pid}" version="{major}.{int(minor) + 1}.0"'), nfproj,
         "major.minor"),
        ("reference dropped", config, re.sub(
            rf'<Reference\s+Include="{re.escape(victim["assemblies"][0])}(,[^"]*)?"[^>]*>.*?</Reference>', "", nfproj,
            flags=re.DOTALL), "no <Reference> to " + victim["assemblies"][0]),
        ("hint path at another version", config, nfproj.replace(f"{pid}.{version}\\", f"{pid}.{major}.{minor}.0\\"),
         "packages.config has"),
        ("package listed twice", config.replace("</packages>", f'  <package id="{pid}" version="{version}" />\n</packages>'),
         nfproj, "twice"),
    ]
    ok = True
    for name, mutated_config, mutated_nfproj, expected in cases:
        findings = check_app(app_dir, spec, mutated_config, mutated_nfproj)
        caught = any(expected in finding for finding in findings)
        print(f"proof ({name}, {pid}): {'caught' if caught else 'NOT CAUGHT'}"
              + (f" - {next(f for f in findings if expected in f)}" if caught else ""))
        ok &= caught
    return ok


def main():
    closure = json.loads((ROOT / "boards" / "package-closure.json").read_text(encoding="utf-8"))
    findings = []
    for app_dir, spec in closure["apps"].items():
        findings += check_app(app_dir, spec, *load(app_dir, spec))
    for finding in findings:
        print("package closure: " + finding)
    counts = ", ".join(f"{d} {len(s['packages'])}" for d, s in closure["apps"].items())
    if not findings:
        print(f"package closure: every app lists and references its whole closure ({counts} packages)")
    proofs_ok = prove(closure) if "--prove" in sys.argv else True
    return 0 if not findings and proofs_ok else 1


if __name__ == "__main__":
    sys.exit(main())
