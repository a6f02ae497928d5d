#!/usr/bin/env bash
# The client's copy in a real browser, as `make test` runs it (target copy-check):
#   1. the CLI builds a small caseload (a client with a goal they see, one they do not, ratings
#      from both sides with the worker's words, a note, another client) and writes the client's
#      copy with `alongside copy --client ID --out FILE.html`;
#   2. Debian's headless chromium renders that file to a PNG (--screenshot) and to a PDF
#      (--print-to-pdf) on A4 and on Letter, with no network and no script;
#   3. pdfinfo and pdftotext (poppler-utils) read each PDF: the paper size, and the client's goal, the sentence under the chart
#      and their wellness and crisis plan are there, and none of the hidden markers is.
# chromium and poppler-utils are installed with apt-get when missing (make's toolchain step does
# too); if they still cannot be had the run fails, never skips. The last line is `N passed, N failed`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CARGO="${CARGO:-cargo}"

browser=""
find_browser() {
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null; then browser="$b"; return 0; fi
    done
    return 1
}
if ! find_browser || ! command -v pdftotext >/dev/null; then
    echo "copy-check: installing chromium and poppler-utils"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null 2>&1 || true
    fi
fi
if ! find_browser; then
    echo "copy-check: FAILED: no headless chromium (Debian: sudo apt-get install chromium)"
    echo "0 passed, 1 failed"; exit 1
fi
if ! command -v pdftotext >/dev/null; then
    echo "copy-check: FAILED: no pdftotext (Debian: sudo apt-get install poppler-utils)"
    echo "0 passed, 1 failed"; exit 1
fi

"$CARGO" build --quiet -p alongside-cli
cli="$root/target/debug/alongside"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ALONGSIDE_PASSPHRASE="a copy for the client, kept by the client"
export ALONGSIDE_TEST_KDF=true
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
run() { "$cli" --vault "$work/vault" --json "$@"; }
id_of() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"])'; }

run init >/dev/null
client=$(run client add --name "Robin" | id_of)
other=$(run client add --name "HIDDEN-other-client" | id_of)
run plan create "$client" --start 2026-01-05 --review-due 2026-04-05 >/dev/null
goal=$(run goal add "$client" --area housing --words "Keep my flat & pay the rent on time" \
    --worker-step "HIDDEN-worker-step" --measure "HIDDEN-measure" | id_of)
hidden=$(run goal add "$client" --area money --words "HIDDEN-goal" --hidden | id_of)
for r in "2026-03-10 3 client It-was-hard" "2026-03-12 4 worker HIDDEN-worker-words" \
         "2026-08-10 7 client Better-now" "2026-08-12 6 worker HIDDEN-worker-words-2"; do
    read -r on score by words <<<"$r"
    run goal rate "$goal" --score "$score" --by "$by" --on "$on" --words "$words" >/dev/null
done
run goal rate "$hidden" --score 9 --by worker --on 2026-03-10 --words "HIDDEN-on-hidden" >/dev/null
run note add "$client" "HIDDEN-note" >/dev/null
run wellness write "$client" --section crisis-contact --text "My sister Ana" --on 2026-03-01 >/dev/null
run wellness write "$client" --section medication --text "No sedatives please" --on 2026-03-01 >/dev/null
run wellness write "$other" --section when-well --text "HIDDEN-other-plan" --on 2026-03-01 >/dev/null
run copy --client "$client" --out "$work/copy.html" --date 2026-11-30 >/dev/null

html="$work/copy.html"
if [ -s "$html" ] && ! grep -qi "<script" "$html"; then
    ok "the CLI wrote the copy (no script in it)"
else
    fail "the CLI did not write a script-free copy"
fi

# Headless, as root where the sandbox cannot start, with no network to fetch from anyway.
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
       --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND")
"$browser" "${flags[@]}" --window-size=900,2000 --screenshot="$work/copy.png" "file://$html" \
    >"$work/png.log" 2>&1 || true

if [ -s "$work/copy.png" ] && [ "$(head -c 8 "$work/copy.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
   && [ "$(stat -c %s "$work/copy.png")" -gt 10000 ]; then
    ok "chromium drew the copy to a PNG ($(stat -c %s "$work/copy.png") bytes)"
else
    fail "chromium made no PNG of the copy: $(tail -3 "$work/png.log" 2>/dev/null)"
fi

# The copy leaves the paper to the printer (`@page { size: auto }`): print it on A4 and on Letter
# (the same file with the paper named, as a print dialog would choose it) and read each back.
for paper in A4 letter; do
    sed "s/@page { size: auto;/@page { size: $paper;/" "$html" >"$work/copy-$paper.html"
    "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/copy-$paper.pdf" "file://$work/copy-$paper.html" \
        >"$work/pdf-$paper.log" 2>&1 || true
    if [ -s "$work/copy-$paper.pdf" ] && pdftotext -layout "$work/copy-$paper.pdf" "$work/copy-$paper.txt"; then
        size="$(pdfinfo "$work/copy-$paper.pdf" 2>/dev/null | awk '/^Page size/{print int($3+0.5) "x" int($5+0.5)}')"
        pages="$(pdfinfo "$work/copy-$paper.pdf" 2>/dev/null | awk '/^Pages/{print $2}')"
        want_size=$([ "$paper" = A4 ] && echo 595x842 || echo 612x792)
        if [ "$size" = "$want_size" ]; then ok "chromium printed the copy on $paper ($size pt, $pages pages)"
        else fail "the $paper PDF has pages of $size pt, not $want_size"; fi
        text="$(tr -s '[:space:]' ' ' <"$work/copy-$paper.txt")"
        for want in "My plan: Robin" "Keep my flat & pay the rent on time" \
                    "Your own rating went from 3 in March to 7 in August." \
                    "My wellness and crisis plan" "In a crisis, please contact" "My sister Ana" \
                    "No sedatives please" "Written with your worker" "Better-now"; do
            if grep -qF -- "$want" <<<"$text"; then ok "the $paper PDF says: $want"; else fail "the $paper PDF lacks: $want"; fi
        done
        if grep -q "HIDDEN" <<<"$text"; then
            fail "the $paper PDF shows a hidden marker: $(grep -o 'HIDDEN[-a-z0-9]*' <<<"$text" | sort -u | tr '\n' ' ')"
        else
            ok "the $paper PDF shows none of the hidden markers"
        fi
    else
        fail "chromium made no readable $paper PDF of the copy: $(tail -3 "$work/pdf-$paper.log" 2>/dev/null)"
    fi
done
if grep -q "HIDDEN" "$html"; then fail "the HTML holds a hidden marker"; else ok "the HTML holds none of the hidden markers"; fi

# An Arabic-speaking client's copy: right to left, in Arabic, drawn and printed.
amal=$(run client add --name "Amal" --language ar | id_of)
run plan create "$amal" --start 2026-01-05 --review-due 2026-04-05 >/dev/null
agoal=$(run goal add "$amal" --area housing --words "أن أبقى في بيتي" | id_of)
run goal rate "$agoal" --score 3 --by client --on 2026-03-10 >/dev/null
run goal rate "$agoal" --score 7 --by client --on 2026-08-10 >/dev/null
run goal rate "$agoal" --score 5 --by worker --on 2026-05-12 --words "HIDDEN-ar-worker" >/dev/null
run wellness write "$amal" --section crisis-contact --text "أختي نادية" --on 2026-03-01 >/dev/null
run copy --client "$amal" --out "$work/amal.html" --date 2026-11-30 >/dev/null
if grep -q '<html lang="ar" dir="rtl">' "$work/amal.html"; then ok "the Arabic copy is marked right to left"; else fail "the Arabic copy is not marked right to left"; fi
"$browser" "${flags[@]}" --window-size=900,1400 --screenshot="$work/amal.png" "file://$work/amal.html" >"$work/amal-png.log" 2>&1 || true
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/amal.pdf" "file://$work/amal.html" >"$work/amal-pdf.log" 2>&1 || true
if [ -s "$work/amal.png" ] && [ "$(stat -c %s "$work/amal.png")" -gt 10000 ]; then ok "chromium drew the Arabic copy to a PNG"; else fail "chromium made no PNG of the Arabic copy"; fi
if [ -s "$work/amal.pdf" ] && pdftotext "$work/amal.pdf" "$work/amal.txt"; then
    for want in "أهدافي" "بيتي" "نادية" "مارس"; do
        if grep -qF -- "$want" "$work/amal.txt"; then ok "the Arabic PDF says: $want"; else fail "the Arabic PDF lacks: $want"; fi
    done
    if grep -q "HIDDEN" "$work/amal.txt"; then fail "the Arabic PDF shows a hidden marker"; else ok "the Arabic PDF shows none of the hidden markers"; fi
else
    fail "chromium made no readable PDF of the Arabic copy"
fi

if [ -n "${COPY_CHECK_KEEP:-}" ]; then
    mkdir -p "$COPY_CHECK_KEEP" && cp "$html" "$work/copy.png" "$work"/copy-*.pdf "$work"/amal.* "$COPY_CHECK_KEEP/" 2>/dev/null || true
fi
echo "copy-check: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
