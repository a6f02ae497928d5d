#!/usr/bin/env bash
# The backup format's independent reader (docs/read_backup.py, written from docs/backup-format.md
# alone) against the frozen backup of every format version in core/tests/fixtures, as `make test`
# runs it (target spec-check). Version 2 needs Argon2id from `argon2-cffi` (the reference C
# implementation; Python's hashlib has no Argon2): when it is missing it is installed from PyPI
# into build/pylib for this run only. The last line is `N passed, N failed`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if ! python3 -c "import argon2.low_level, cryptography" 2>/dev/null; then
    mkdir -p build/pylib
    if ! PYTHONPATH=build/pylib python3 -c "import argon2.low_level, cryptography" 2>/dev/null; then
        wanted=(argon2-cffi)
        python3 -c "import cryptography" 2>/dev/null || wanted+=(cryptography)
        echo "spec-check: installing ${wanted[*]} into build/pylib"
        python3 -m pip install --quiet --disable-pip-version-check --target build/pylib "${wanted[@]}"
    fi
    export PYTHONPATH="$root/build/pylib${PYTHONPATH:+:$PYTHONPATH}"
fi

passed=0
failed=0
# file, passphrase, the records and audit entries it holds.
while read -r file pass records audit; do
    out="$(ALONGSIDE_BACKUP_PASSPHRASE="${pass//_/ }" python3 docs/read_backup.py "core/tests/fixtures/$file")" \
        && status=0 || status=$?
    got="$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["records"], d["audit_entries"])' <<<"$out" 2>/dev/null || true)"
    if [[ $status -eq 0 && "$got" == "$records $audit" ]]; then
        echo "ok   $file: $records records, $audit audit entries"
        passed=$((passed + 1))
    else
        echo "FAIL $file: exit $status, read '$got', expected '$records $audit'"
        failed=$((failed + 1))
    fi
    # A wrong passphrase is exit 3, not a crash.
    ALONGSIDE_BACKUP_PASSPHRASE="not the passphrase" python3 docs/read_backup.py \
        "core/tests/fixtures/$file" >/dev/null 2>&1 && status=0 || status=$?
    if [[ $status -eq 3 ]]; then passed=$((passed + 1)); else
        echo "FAIL $file: a wrong passphrase gave exit $status, not 3"
        failed=$((failed + 1))
    fi
done <<'FIXTURES'
backup-v1.alongside frozen_backup_v1 7 8
backup-v2.alongside frozen_backup_v2,_argon2id_edition 7 9
FIXTURES

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
