#!/usr/bin/env python3
"""The app's Kotlin layer imports nothing from Android.

`android/core-kotlin` is a JVM module in Gradle (no Android plugin), so an `android.*` import there
is a build error on a developer's machine; this check says so here, where Gradle and the Android
SDK are absent, before kotlinc would (kotlinc would report an unresolved reference, not why).
It reports every Kotlin or Java file under `android/core-kotlin/src` with an `import android.` or
`import androidx.` line (androidx libraries are Android-only too), naming file and line.

Usage: check_no_android.py [DIR]     check DIR (default android/core-kotlin/src)
       check_no_android.py --self-test
Exits non-zero when a file imports Android (or, with --self-test, when a planted import is missed).
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT / "android/core-kotlin/src"
SUFFIXES = {".kt", ".kts", ".java"}
# `import android.x.Y`, `import androidx.x.Y as Z`, with or without leading spaces or a semicolon.
ANDROID_IMPORT = re.compile(r"^\s*import\s+(?:static\s+)?(androidx?)\.[\w.*]+")


def android_imports(folder: Path) -> list[tuple[Path, int, str]]:
    """Every (file, line number, line) under `folder` that imports from Android."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if ANDROID_IMPORT.match(line):
                found.append((path, number, line.strip()))
    return found


def shown_dir(path: Path) -> Path:
    """`path` relative to the repository root when it is inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def check(folder: Path) -> int:
    if not folder.is_dir():
        print(f"check_no_android: {folder} does not exist")
        return 1
    found = android_imports(folder)
    for path, number, line in found:
        print(f"{shown_dir(path)}:{number}: {line}  (android/core-kotlin is a JVM module: no Android imports)")
    files = sum(1 for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    if found:
        print(f"check_no_android: {len(found)} Android import(s) in {shown_dir(folder)}")
        return 1
    print(f"check_no_android: {files} files under {shown_dir(folder)}, no Android import")
    return 0


def self_test() -> int:
    """A clean folder passes; each planted import is reported at its line."""
    failures = 0
    planted = [
        ("import android.util.Log", True),
        ("import androidx.lifecycle.ViewModel", True),
        ("    import android.content.Context as Ctx", True),
        ("import org.alongside.core.Vault", False),
        ("// import android.util.Log was removed", False),
        ("val s = \"import android.util.Log\"", False),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (line, should_report) in enumerate(planted):
            file = folder / f"F{i}.kt"
            file.write_text(f"package org.alongside.state\n\n{line}\n", encoding="utf-8")
            reported = [n for p, n, _ in android_imports(folder) if p == file]
            if (reported == [3]) != should_report:
                print(f"self-test: {line!r} {'not ' if should_report else ''}reported")
                failures += 1
            file.unlink()
    print(f"check_no_android self-test: {len(planted) - failures} passed, {failures} failed")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) > 2:
        print(__doc__)
        return 2
    return check(Path(argv[1]).resolve() if len(argv) == 2 else DEFAULT_DIR)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
