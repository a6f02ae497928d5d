#!/usr/bin/env python3
"""The API check must catch the mistakes it exists for. Each case below makes one deliberate
mistake in a copy (in memory) of a shell source file, the kind a person makes without a compiler
(a misspelt method, a wrong argument label, a missing argument, an enum case that does not
exist, a PlatformKey method that no longer matches), and requires check_api to report it in that
file, at that line or where the call it belongs to starts. The unchanged sources must pass. Prints `N passed, N failed`; exits non-zero on any failure.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_api  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
KT = "android/app/src/main/kotlin/org/alongside/app/"
SW = "ios/App/Sources/"

# (file, text as written, the mistake, words the report must contain)
CASES = [
    # Kotlin: methods, properties and fields of the bindings
    (KT + "ui/today/TodayScreen.kt", "visit.clientName", "visit.clientNme", "TodayVisit has no clientNme"),
    (KT + "ui/client/GoalCardView.kt", "card.latestWorkerRating", "card.latestWorkerRatings", "GoalCard has no latestWorkerRatings"),
    (KT + "ui/note/NoteScreen.kt", "view.note.status", "view.note.state", "Note has no state"),
    (KT + "ui/shared/SharedGoalCard.kt", "goal.workerRatings.forEach", "goal.workerRating.forEach", "SharedGoal has no workerRating"),
    # Kotlin: the Kotlin layer's calls (receiver lambdas) and the core's enum cases and errors
    (KT + "ui/client/ClientScreen.kt", "loadMoreTimeline()", "loadMoreTimelines()", "ClientState has no loadMoreTimelines"),
    (KT + "ui/unlock/UnlockScreen.kt", "unlockWithPlatformKey(container.platformKey)", "unlockWithPlatfromKey(container.platformKey)", "UnlockState has no unlockWithPlatfromKey"),
    (KT + "ui/client/GoalCardView.kt", "Trend.NOT_ENOUGH ->", "Trend.NOTENOUGH ->", "Trend has no NOTENOUGH"),
    (KT + "keys/KeystorePlatformKey.kt", "throw AlongsideException.PlatformKey(REASON_MALFORMED)", "throw AlongsideException.PlatformKeys(REASON_MALFORMED)", "AlongsideException has no PlatformKeys"),
    (KT + "ui/today/TodayScreen.kt", "ActivityStatus.Missed", "ActivityStatus.Mised", "ActivityStatus has no Mised"),
    # Kotlin: constructors and argument lists
    (KT + "ui/caseload/AddClientDialog.kt", "culturalNotes = null,", "culturalNote = null,", "no parameter named culturalNote"),
    (KT + "ui/incident/IncidentDetail.kt", "IncidentActionInput(action, doneBy, on, null, details.ifBlank { null })", "IncidentActionInput(action, doneBy)", "missing argument on"),
    (KT + "ui/incident/IncidentScreen.kt", "model.call { report(clientId, input) }", "model.call { report(input) }", "missing argument input"),
    # Kotlin: imports, free functions, the platform key, resources
    (KT + "ui/today/TodayScreen.kt", "import org.alongside.core.TodayVisit", "import org.alongside.core.TodayVisits", "no such name in the generated bindings"),
    (KT + "ui/today/TodayScreen.kt", "remember { duties().associate", "remember { dutie().associate", "the bindings have duties"),
    (KT + "keys/KeystorePlatformKey.kt", "override fun unwrap(wrapped: ByteArray)", "override fun unwrapKey(wrapped: ByteArray)", "PlatformKey does not declare"),
    (KT + "ui/caseload/CaseloadScreen.kt", "Text(words().actionAddClient)", "Text(words().actionAddClients)", "AppWords has no actionAddClients"),
    # Swift: methods, labels, fields, cases
    (SW + "Pages/TodayPage.swift", "w.todayAt(day: day, now: now)", "w.todayAt(date: day, now: now)", "argument labels (date:now:)"),
    (SW + "Pages/ClientPage.swift", "w.planScreen(clientId: id, today: day)", "w.planScreens(clientId: id, today: day)", "WorkerSession has no planScreens"),
    (SW + "Pages/SharedModePage.swift", "s.markStepDone(goalId: goal.goalId, stepId: stepId, on: today)", "s.markStepDone(goalId: goal.goalId, step: stepId, on: today)", "argument labels"),
    (SW + "Pages/NotePage.swift", "view.addenda", "view.addendas", "NoteView has no addendas"),
    (SW + "Pages/TodayPage.swift", "visit.timeLabel", "visit.timeLbel", "TodayVisit has no timeLbel"),
    (SW + "Pages/LogVisitPage.swift", "ActivityKind.homeVisit", "ActivityKind.homeVisits", "ActivityKind has no homeVisits"),
    (SW + "Pages/IncidentPage.swift", "kinds: [IncidentKindInfo] = incidentKinds()", "kinds: [IncidentKindInfo] = incidentKinnds()", "the bindings have incidentKinds"),
    (SW + "Core/ErrorText.swift", "case AlongsideError.PlatformKey(let reason)", "case AlongsideError.PlatformKeys(let reason)", "AlongsideError has no PlatformKeys"),
    (SW + "Core/VaultStore.swift", "Vault.create(dir: path, passphrase: passphrase, deviceBinding: key)", "Vault.create(dir: path, passphrase: passphrase)", "missing argument"),
    (SW + "Pages/CaseloadPage.swift", "preferredName: name, legalName: nil,", "legalName: nil,", "argument labels"),
    (SW + "Platform/KeychainPlatformKey.swift", "func unwrap(wrapped: Data) throws -> Data", "func unwrap(data: Data) throws -> Data", "do not match the protocol"),
    (SW + "Pages/GoalCardView.swift", "case Trend.notEnough:", "case Trend.notenough:", "Trend has no notenough"),
]


def run(overrides: dict[Path, str], only: str | None = None) -> list[check_api.Finding]:
    paths = check_api.inputs(ROOT)
    findings = []
    for lang, b, layer, app in (
        ("kotlin", paths["kt_bindings"], paths["kt_layer"], paths["kt_app"]),
        ("swift", paths["sw_bindings"], [], paths["sw_app"]),
    ):
        if only is None or only == lang:
            checker, _ = check_api.check_language(ROOT, lang, b, layer, app, overrides=overrides)
            findings += checker.findings
    return findings


def main() -> int:
    passed = failed = 0
    clean = run({})
    if clean:
        failed += 1
        print("FAIL the shells as written: " + "; ".join(f"{f.file}:{f.line}: {f.message}" for f in clean))
    else:
        passed += 1
        print("ok   the shells as written pass")
    for rel, before, after, expect in CASES:
        path = ROOT / rel
        text = path.read_text(encoding="utf-8")
        if text.count(before) < 1:
            failed += 1
            print(f"FAIL {rel}: the case's text is gone ({before!r}); update tests/shells/test_check_api.py")
            continue
        at = text.index(before)
        line = text.count("\n", 0, at) + 1
        mutated = text.replace(before, after, 1)
        # Reported in that file (an argument list's mistake is reported where the call starts).
        lang = "kotlin" if rel.endswith(".kt") else "swift"
        reported = run({path: mutated}, lang)
        found = [f for f in reported if f.file == rel and expect in f.message and f.line <= line]
        if found:
            passed += 1
            print(f"ok   caught: {rel}:{found[0].line} {after!r} -> {found[0].message}")
        else:
            failed += 1
            got = [f"{f.file}:{f.line}: {f.message}" for f in reported]
            print(f"FAIL not caught: {rel}:{line} {after!r} (expected {expect!r}); reported: {got or 'nothing'}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
