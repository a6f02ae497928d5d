#!/usr/bin/env python3
"""Every call the phone library exports is made by at least one app, or is named in
docs/phone-api.md under "Calls the apps do not make" with its reason.

Reads the exported calls from core/src (methods of impl blocks exported through uniffi, and
exported free functions; a `name = "..."` in the export attribute is the name the phones see),
and looks for each one's Kotlin / Swift name (lowerCamelCase) in the apps' sources: android/
(the app and android/core-kotlin) and ios/App. A call neither used nor listed fails the check, and
so does a listed call that an app does use after all (the list would be stale). Prints
`N passed, N failed` like the other shell checks.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def exported() -> dict[str, str]:
    """Each exported call's phone name -> where it is defined."""
    calls = {}
    for path in sorted((ROOT / "core" / "src").rglob("*.rs")):
        lines = path.read_text().split("\n")
        in_impl = False
        for i, line in enumerate(lines):
            if "uniffi::export" in line and i + 1 < len(lines):
                nxt = lines[i + 1]
                if nxt.startswith("impl "):
                    in_impl = True
                    continue
                k = i + 1 if nxt.startswith("pub fn ") else i + 2
                m = k < len(lines) and re.match(r"pub fn (\w+)", lines[k])
                if m:
                    calls[camel(m.group(1))] = f"{path.relative_to(ROOT)}:{k + 1}"
                continue
            if in_impl:
                if line.startswith("}"):
                    in_impl = False
                    continue
                m = re.match(r"    pub fn (\w+)", line)
                if m:
                    renamed = re.search(r'name = "(\w+)"', lines[i - 1])
                    if renamed and renamed.group(1) == "new":
                        continue  # the object's primary constructor: `AppLock(...)`, `Vault(...)`
                    calls[camel(renamed.group(1) if renamed else m.group(1))] = f"{path.relative_to(ROOT)}:{i + 1}"
    return calls


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def app_sources() -> str:
    files = list((ROOT / "android").rglob("*.kt")) + list((ROOT / "ios" / "App").rglob("*.swift"))
    return "\n".join(f.read_text() for f in files)


def listed() -> set[str]:
    doc = (ROOT / "docs" / "phone-api.md").read_text()
    section = doc.split("## Calls the apps do not make", 1)
    if len(section) < 2:
        return set()
    body = section[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `(\w+)`", body, flags=re.M))


def main() -> int:
    calls = exported()
    src = app_sources()
    doc = listed()
    passed = failed = 0
    for name, where in sorted(calls.items()):
        used = re.search(r"\b" + name + r"\b", src) is not None
        if used and name in doc:
            print(f"FAIL {name} ({where}) is used by an app but listed as not used in docs/phone-api.md")
            failed += 1
        elif not used and name not in doc:
            print(f"FAIL {name} ({where}) is used by neither app and not listed in docs/phone-api.md")
            failed += 1
        else:
            passed += 1
    for name in sorted(doc - calls.keys()):
        print(f"FAIL docs/phone-api.md lists {name}, which the phone library does not export")
        failed += 1
    print(f"check_usage: {len(calls)} exported calls, {len(calls) - len(doc)} used by the apps, {len(doc)} listed as not")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
