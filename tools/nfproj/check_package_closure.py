# SPDX-License-Identifier: MIT
"""Every board app lists its packages' whole NuGet dependency closure (boards/package-closure.json).

packages.config restore in the nanoFramework project system adds no dependencies: a package the
app does not list is not restored, and an assembly it does not reference is not deployed. For each
app of the closure file this checks that
  - packages.config lists every package of the closure at a version >= the closure's minimum and
    with the same major.minor (nanoCLR binds assembly references by name and major.minor);
  - the .nfproj has a <Reference> for every assembly of those packages, whose HintPath points into
    a closure package that ships it, at the version packages.config lists;
  - nothing is listed twice;
  - every namespace the app's compiled files use (using directives, nanoFramework./Iot. qualified
    names) is declared by the app or its project references, or provided by an assembly of its
    closure (the closure file's "namespaces" table): a package the code needs is in the closure.
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


USING = re.compile(r"^\s*using\s+(static\s+|\w+\s*=\s*)?([A-Za-z_][\w.]*)\s*;", re.MULTILINE)
QUALIFIED = re.compile(r"\b((?:nanoFramework|Iot)(?:\.[A-Za-z_]\w*)+)")
DECLARED = re.compile(r"^\s*namespace\s+([A-Za-z_][\w.]*)", re.MULTILINE)
COMMENT_OR_STRING = re.compile(r'//[^\n]*|/\*.*?\*/|@?"(?:\\.|[^"\\\n])*"', re.DOTALL)


def project_sources(project_path, nfproj):
    """Paths of the .cs files an .nfproj compiles."""
    folder = project_path.parent
    return [folder / item.replace("\\", "/") for item in re.findall(r'<Compile\s+Include="([^"]+\.cs)"', nfproj)]


def used_namespaces(code):
    """(namespaces of plain using directives, type-qualified names: using aliases/static and
    nanoFramework./Iot. qualified names, whose longest known namespace prefix the caller resolves)."""
    code = COMMENT_OR_STRING.sub("", code)
    usings = USING.findall(code)
    return ({name for kind, name in usings if not kind},
            {name for kind, name in usings if kind} | set(QUALIFIED.findall(code)))


def check_namespaces(app_dir, spec, namespaces, sources, declared):
    """sources: {file name: text} compiled by the app; declared: namespaces the app and its project references declare."""
    findings = []
    in_closure = {a.lower() for p in spec["packages"] for a in p["assemblies"]}
    for name, code in sorted(sources.items()):
        usings, qualified = used_namespaces(code)
        wanted = set(usings)
        for q in qualified:
            parts = q.split(".")
            prefix = next((".".join(parts[:n]) for n in range(len(parts), 0, -1)
                           if ".".join(parts[:n]) in namespaces or ".".join(parts[:n]) in declared), q)
            wanted.add(prefix)
        for ns in sorted(wanted):
            if ns in declared or any(d.startswith(ns + ".") for d in declared):
                continue
            providers = namespaces.get(ns)
            if providers is None:
                findings.append(f"{app_dir}: {name} uses namespace {ns}, which no package of the closure file's "
                                "'namespaces' table provides (add the package and the namespace)")
            elif not any(a.lower() in in_closure for a in providers):
                findings.append(f"{app_dir}: {name} uses namespace {ns} ({' or '.join(providers)}), "
                                "not in the app's closure")
    return findings


def load_sources(app_dir, spec, nfproj):
    """({file: text} the app compiles, namespaces it and its project references declare)."""
    project_path = ROOT / app_dir / spec["project"]
    sources = {str(p.resolve().relative_to(ROOT)): p.read_text(encoding="utf-8-sig") for p in project_sources(project_path, nfproj)}
    declared = set()
    for text in sources.values():
        declared |= set(DECLARED.findall(text))
    for ref in re.findall(r'<ProjectReference\s+Include="([^"]+)"', nfproj):
        ref_path = (project_path.parent / ref.replace("\\", "/")).resolve()
        ref_text = ref_path.read_text(encoding="utf-8-sig")
        for source in project_sources(ref_path, ref_text):
            declared |= set(DECLARED.findall(source.read_text(encoding="utf-8-sig")))
    return sources, declared


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
    for app_dir_n, spec_n in closure["apps"].items():
        sources, declared = load_sources(app_dir_n, spec_n, load(app_dir_n, spec_n)[1])
        victim_file = next(f for f, t in sorted(sources.items()) if "using System.Device.I2s;" in t)
        without_i2s = dict(spec_n, packages=[p for p in spec_n["packages"] if p["id"] != "nanoFramework.System.Device.I2s"])
        other_board = "nanoFramework.M5Stack" if "m5core2" not in app_dir_n else "Iot.Device.Ssd13xx"
        ns_cases = [
            ("I2s package missing from the closure", without_i2s, sources, "System.Device.I2s"),
            ("another board's namespace used", spec_n,
             dict(sources, **{victim_file: "using " + other_board + ";\n" + sources[victim_file]}), other_board),
            ("namespace nobody provides", spec_n,
             dict(sources, **{victim_file: sources[victim_file] + "\nclass Q { object o = nanoFramework.Nowhere.Thing.Make(); }\n"}),
             "nanoFramework.Nowhere.Thing"),
        ]
        for name, spec_m, sources_m, expected in ns_cases:
            findings = check_namespaces(app_dir_n, spec_m, closure["namespaces"], sources_m, declared)
            caught = any(expected in f for f in findings)
            print(f"proof ({name}, {app_dir_n}): {'caught' if caught else 'NOT CAUGHT'}"
                  + (f" - {next(f for f in findings if expected in f)}" if caught else ""))
            ok &= caught
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
        config, nfproj = load(app_dir, spec)
        findings += check_app(app_dir, spec, config, nfproj)
        findings += check_namespaces(app_dir, spec, closure["namespaces"], *load_sources(app_dir, spec, nfproj))
    for finding in findings:
        print("package closure: " + finding)
    counts = ", ".join(f"{d} {len(s['packages'])}" for d, s in closure["apps"].items())
    if not findings:
        print(f"package closure: every app lists and references its whole closure ({counts} packages)")
    proofs_ok = prove(closure) if "--prove" in sys.argv else True
    return 0 if not findings and proofs_ok else 1


if __name__ == "__main__":
    sys.exit(main())
