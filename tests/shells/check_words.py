#!/usr/bin/env python3
"""No app holds a word of its own: every word a person reads comes from the core, in their language.

Scans the Android app's Kotlin (android/app/src/main/kotlin) and the iOS app's Swift
(ios/App/Sources) for a string literal with letters in it, in any language, passed where the
screen shows text:

- Compose: `Text("...")`, and the named arguments `text`, `label`, `title`, `contentDescription`,
  `placeholder`, `onClickLabel`, `stateDescription` given a literal; `R.string.*` / `R.plurals.*`
  (Android's own string resources: only the launcher's `app_name` is left in res/);
- SwiftUI: `Text`, `Button`, `Label`, `Section`, `TextField`, `SecureField`, `Toggle`, `Picker`,
  `LabeledContent`, `DatePicker`, `Stepper`, `Link`, `Menu`, `NavigationLink`, `ProgressView`,
  `ContentUnavailableView`, `String(localized:)`, and the modifiers `.navigationTitle`, `.alert`,
  `.confirmationDialog`, `.accessibilityLabel`, `.accessibilityHint`, `.help`, each given a literal
  as their first argument; and the arguments `title:`, `label:`, `prompt:`, `message:` given a literal.

Interpolated values (`${...}`, `$name`, Swift's `\\(...)`) are not words: `Text("• ${it.label}")`
passes; `Text("Version \\(v)")` does not. The words come from `appWords` / `appPhrase` (the app's
chrome), the screen models, the `*Choices` calls and `errorMessage`. ALLOWED below lists the few
literals that are not words in any language; keep it short.

Usage: check_words.py              check the apps; prints each literal found, then `N passed, N failed`
       check_words.py --self-test  check the checker on planted samples
Exits non-zero on any literal found (or, with --self-test, on a sample misjudged).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KOTLIN_DIR = ROOT / "android" / "app" / "src" / "main" / "kotlin"
SWIFT_DIR = ROOT / "ios" / "App" / "Sources"

# Literals that are not words: the product's name (a brand, the same in every language), and the
# core's dispatch queue's label (a reverse-DNS name, matched by the `label:` argument).
ALLOWED = {"Alongside", "org.alongside.core"}

KOTLIN_SINKS = re.compile(
    r"(?<![\w.])Text\(\s*(?:text\s*=\s*)?(?=\")"
    r"|\b(?:text|label|title|contentDescription|placeholder|onClickLabel|stateDescription)\s*=\s*(?=\")"
)
KOTLIN_RESOURCES = re.compile(r"\bR\.(?:string|plurals)\.(?!app_name\b)\w+")
SWIFT_SINKS = re.compile(
    r"(?<![\w.])(?:Text|Button|Label|Section|TextField|SecureField|Toggle|Picker|LabeledContent"
    r"|DatePicker|Stepper|Link|Menu|NavigationLink|ProgressView|ContentUnavailableView)\(\s*(?=\")"
    r"|String\(\s*localized:\s*(?=\")"
    r"|\.(?:navigationTitle|alert|confirmationDialog|accessibilityLabel|accessibilityHint|help)\(\s*(?=\")"
    r"|\b(?:title|label|prompt|message):\s*(?=\")"
)
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def read_literal(text: str, start: int, swift: bool) -> tuple[str, int]:
    """The literal opening at text[start] (a quote): its text outside interpolations, and its end."""
    i = start + 1
    out = []
    while i < len(text):
        c = text[i]
        if c == "\\":
            if swift and text.startswith("\\(", i):
                i = skip_group(text, i + 1, "(", ")", swift)
                continue
            out.append(text[i : i + 2])
            i += 2
            continue
        if c == '"':
            return "".join(out), i + 1
        if not swift and c == "$":
            if text.startswith("${", i):
                i = skip_group(text, i + 1, "{", "}", swift)
                continue
            m = re.match(r"\$[A-Za-z_]\w*", text[i:])
            if m:
                i += m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out), i


def skip_group(text: str, i: int, open_: str, close: str, swift: bool) -> int:
    """From text[i] == open_, past its matching close (skipping literals nested inside)."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            _, i = read_literal(text, i, swift)
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def strip_comments(text: str) -> str:
    """Line and block comments blanked out (lengths kept, so line numbers stay)."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = len(text) if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = len(text) if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < len(text) and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def findings(source: str, swift: bool) -> list[tuple[int, str]]:
    """(line, literal) for each user-facing literal with words in it."""
    text = strip_comments(source)
    found = []
    sinks = SWIFT_SINKS if swift else KOTLIN_SINKS
    for m in sinks.finditer(text):
        quote = m.end()
        if text.startswith('"""', quote):
            words, end = text[quote + 3 : text.find('"""', quote + 3)], quote
        else:
            words, end = read_literal(text, quote, swift)
        if LETTER.search(words) and words not in ALLOWED:
            found.append((text.count("\n", 0, quote) + 1, text[quote:end]))
    if not swift:
        for m in KOTLIN_RESOURCES.finditer(text):
            found.append((text.count("\n", 0, m.start()) + 1, m.group(0)))
    return found


def check() -> int:
    failed = 0
    files = sorted(KOTLIN_DIR.rglob("*.kt")) + sorted(SWIFT_DIR.rglob("*.swift"))
    for path in files:
        for line, literal in findings(path.read_text(), swift=path.suffix == ".swift"):
            print(f"{path.relative_to(ROOT)}:{line}: words of the app's own: {literal}")
            failed += 1
    if failed:
        print(
            "check_words: take these words from the core (appWords / appPhrase in "
            "core/locales/*/app.ftl, a screen model, a *Choices call, errorMessage)"
        )
    print(f"check_words: {len(files)} files, {failed} literals found")
    print(f"{0 if failed else 1} passed, {1 if failed else 0} failed")
    return 1 if failed else 0


# (source, is Swift, should be reported)
SAMPLES = [
    ('Text("Save")', False, True),
    ('Text(text = "Save")', False, True),
    ('OutlinedTextField(v, {}, label = "Name")', False, True),
    ('Icon(i, contentDescription = "Close")', False, True),
    ('Text("Version ${v.version}")', False, True),
    ('Text(stringResource(R.string.action_save))', False, True),
    ('Text(pluralStringResource(R.plurals.active_goals, n, n))', False, True),
    ('Text("حفظ")', False, True),
    ('Text(words().actionSave)', False, False),
    ('Text("• ${it.label}")', False, False),
    ('Text("${a} · $b")', False, False),
    ('Text("Alongside")', False, False),
    ('// Text("Save") in a comment', False, False),
    ('rememberHolder("settings") { SettingsState(it) }', False, False),
    ('Button("Save") { save() }', True, True),
    ('Text("Version \\(v.version), started \\(d)")', True, True),
    ('.navigationTitle("Today")', True, True),
    ('Label("Hand to client", systemImage: "person")', True, True),
    ('SecureField("Passphrase", text: $p)', True, True),
    ('TextField("", text: $t, prompt: "Name")', True, True),
    ('String(localized: "Something went wrong.")', True, True),
    ('Text("Sécurité")', True, True),
    ('Text(words.actionSave)', True, False),
    ('Text("• \\(reason.label)")', True, False),
    ('Text("\\(hint.words): \\(hint.list.joined(separator: ", "))")', True, False),
    ('Image(systemName: "lock")', True, False),
    ('Label(words.tabToday, systemImage: "sun.max")', True, False),
]


def self_test() -> int:
    failures = 0
    for source, swift, should in SAMPLES:
        reported = bool(findings(source, swift))
        ok = reported == should
        failures += not ok
        print(f"{'ok' if ok else 'FAIL'}: {source!r} {'reported' if reported else 'passed'}")
    print(f"{len(SAMPLES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if sys.argv[1:]:
        print(__doc__.split("\n\n")[-2], file=sys.stderr)
        sys.exit(2)
    sys.exit(check())
