#!/usr/bin/env python3
"""Every call the phones can make is documented, and says how it fails.

Reads core/src: every `pub fn` in an impl block exported through uniffi, and every exported free
function, must have a `///` doc (uniffi copies it into Kotlin and Swift); one that returns a
`Result` must name at least one of the core's error cases in it (or say "Fails", pointing to the
errors every call of its object has). Prints what is missing and exits non-zero, else one line.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ERRORS = re.compile(
    r"\b(WrongPassphrase|Tampered|Corrupt|SchemaTooNew|Locked|NotFound|Invalid|AlreadyExists|"
    r"PlatformKey|TooManyAttempts|Storage|Sync|BackupWrongPassphrase|BackupCorrupt|BackupTooNew|Fails)\b"
)


def doc_above(lines: list[str], i: int) -> str:
    """The `///` lines above line i, skipping attributes."""
    doc = []
    j = i - 1
    while j >= 0 and (lines[j].strip().startswith("///") or lines[j].strip().startswith("#[")):
        if lines[j].strip().startswith("///"):
            doc.insert(0, lines[j].strip()[3:])
        j -= 1
    return " ".join(doc)


def signature(lines: list[str], i: int) -> str:
    sig = ""
    k = i
    while k < len(lines) and "{" not in lines[k] and not lines[k].rstrip().endswith(";"):
        sig += lines[k]
        k += 1
    return sig + (lines[k] if k < len(lines) else "")


def check(path: Path) -> list[str]:
    lines = path.read_text().split("\n")
    problems = []
    exported_impl = False
    for i, line in enumerate(lines):
        if "uniffi::export" in line and i + 1 < len(lines):
            nxt = lines[i + 1]
            if nxt.startswith("impl "):
                exported_impl = True
                continue
            if nxt.startswith("pub fn ") or (nxt.startswith("#[") and i + 2 < len(lines) and lines[i + 2].startswith("pub fn ")):
                k = i + 1 if nxt.startswith("pub fn ") else i + 2
                problems += judge(path, lines, k, re.match(r"pub fn (\w+)", lines[k]).group(1))
                continue
        if exported_impl:
            if line.startswith("}"):
                exported_impl = False
                continue
            m = re.match(r"    pub fn (\w+)", line)
            if m:
                problems += judge(path, lines, i, m.group(1))
    return problems


def judge(path: Path, lines: list[str], i: int, name: str) -> list[str]:
    where = f"{path.relative_to(ROOT)}:{i + 1} {name}"
    doc = doc_above(lines, i)
    if not doc:
        return [f"{where}: no doc"]
    if "Result<" in signature(lines, i) and not ERRORS.search(doc):
        return [f"{where}: returns a Result but its doc names no error"]
    return []


def main() -> int:
    problems = []
    files = sorted((ROOT / "core" / "src").rglob("*.rs"))
    for path in files:
        problems += check(path)
    for p in problems:
        print(p)
    if problems:
        print(f"exported_docs: {len(problems)} exported calls need their doc or their errors")
        return 1
    print(f"exported_docs: every exported call in {len(files)} files is documented with its errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
