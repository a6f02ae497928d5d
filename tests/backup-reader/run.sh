#!/usr/bin/env bash
# The backup format's independent reader (docs/read_backup.py, written from docs/backup-format.md
# alone) on a fresh backup made by the CLI, as `make test` runs it (target backup-reader):
#   1. a vault with the sample caseload (`alongside demo`), backed up with `alongside backup`;
#   2. the reader must open it and count exactly the records and audit entries the CLI wrote;
#   3. a wrong passphrase must be exit 3 and a truncated file exit 4 in the reader too.
# Needs Python 3 with the `cryptography` package (installed with apt or pip when missing; the run
# fails, never skips, if it cannot be had). The last line is `N passed, N failed`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CARGO="${CARGO:-cargo}"

if ! python3 -c 'import cryptography' 2>/dev/null; then
    echo "backup-reader: installing Python's cryptography package"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq python3-cryptography >/dev/null || true
    fi
    python3 -c 'import cryptography' 2>/dev/null \
        || python3 -m pip install --quiet --user cryptography >/dev/null 2>&1 || true
    python3 -c 'import cryptography' 2>/dev/null \
        || { echo "backup-reader: Python's cryptography package is missing and could not be installed"; \
             echo "0 passed, 1 failed"; exit 1; }
fi

# Format 2 derives its key with Argon2id, which Python's hashlib lacks: the reference
# implementation from PyPI (argon2-cffi), installed into build/pylib for this run when missing.
if ! python3 -c 'import argon2.low_level' 2>/dev/null; then
    if ! PYTHONPATH=build/pylib python3 -c 'import argon2.low_level' 2>/dev/null; then
        echo "backup-reader: installing argon2-cffi into build/pylib"
        mkdir -p build/pylib
        python3 -m pip install --quiet --disable-pip-version-check --target build/pylib argon2-cffi \
            || { echo "backup-reader: argon2-cffi could not be installed"; echo "0 passed, 1 failed"; exit 1; }
    fi
    export PYTHONPATH="$root/build/pylib${PYTHONPATH:+:$PYTHONPATH}"
fi

"$CARGO" build --quiet -p alongside-cli
cli="$root/target/debug/alongside"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ALONGSIDE_PASSPHRASE="backup reader check passphrase"
export ALONGSIDE_BACKUP_PASSPHRASE="backup reader check, the backup passphrase"
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

"$cli" --vault "$work/vault" --json demo >/dev/null
"$cli" --vault "$work/vault" --json backup --out "$work/fresh.backup" >"$work/written.json"
read -r records audit < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["records"], d["audit_entries"])' "$work/written.json")

if python3 docs/read_backup.py "$work/fresh.backup" >"$work/read.json"; then
    read -r got_records got_audit < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["records"], d["audit_entries"])' "$work/read.json")
    if [[ "$got_records" == "$records" && "$got_audit" == "$audit" && "$records" -gt 0 ]]; then
        ok "the reader opens a fresh backup: $records records and $audit audit entries, as written"
    else
        fail "the reader counted $got_records records and $got_audit audit entries; the CLI wrote $records and $audit"
    fi
else
    fail "the reader could not open a fresh backup (exit $?)"
fi

status=0
ALONGSIDE_BACKUP_PASSPHRASE="not the backup passphrase" python3 docs/read_backup.py "$work/fresh.backup" \
    >/dev/null 2>&1 || status=$?
if [[ $status -eq 3 ]]; then ok "the reader: a wrong passphrase is exit 3"; else fail "the reader: a wrong passphrase gave exit $status"; fi

head -c -7 "$work/fresh.backup" >"$work/truncated.backup"
status=0
python3 docs/read_backup.py "$work/truncated.backup" >/dev/null 2>&1 || status=$?
if [[ $status -eq 4 ]]; then ok "the reader: a truncated file is exit 4"; else fail "the reader: a truncated file gave exit $status"; fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
