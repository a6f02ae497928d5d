#!/usr/bin/env bash
# Instructions per warm call of the screens, by callgrind: the figure the machine's load does not
# move (issue 19 item 7), to set beside `make bench`'s CPU and wall times.
#
# Usage: bench/instructions.sh [SCREENS] [VARIANTS]   (defaults "today caseload" and
# "sealed plaintext sqlcipher"; screens: today, caseload, timeline (a first page of 50),
# timeline-N (a first page of N)). Run `make bench` (or bench/run.sh) first: this uses its
# builds in build/bench/bin (BENCH_BIN_DIR for others) and its typical caseloads in
# build/bench/vaults (BENCH_SIZE, BENCH_SEED, BENCH_GEN pick another).
#
# BENCH_SIZE=bridge is the Kotlin bench's client (tests/kotlin/bench: 400 visits, 300 notes on
# them, 300 ratings), made here on first use (a few seconds), for a timeline page into Kotlin:
#   BENCH_SIZE=bridge bench/instructions.sh "timeline-15 timeline-200" sealed
#
# Each screen runs under callgrind in `alongside-bench repeat` (4 calls: its warm-up and 3),
# counting only inside the screen's calls (--toggle-collect) and writing each call's count apart
# (--dump-before), so the last call's is one warm call's alone: unlock, the vault's first read
# (which may build its indexes, and whose count varies with the random ids it writes) and the
# process fall out. Needs valgrind; slow under load (the SQLCipher build's key derivation runs
# under callgrind too), but the counts are not moved by it.
set -euo pipefail
cd "$(dirname "$0")/.."

SCREENS=${1:-today caseload}
VARIANTS=${2:-sealed plaintext sqlcipher}
SIZE=${BENCH_SIZE:-typical}
SEED=${BENCH_SEED:-1}
BIN=${BENCH_BIN_DIR:-build/bench/bin}
GEN=${BENCH_GEN:-$("$BIN/alongside-bench-sealed" generation)}
OUT=build/bench/instructions
mkdir -p "$OUT"


for screen in $SCREENS; do
  for v in $VARIANTS; do
    vault=build/bench/vaults/$SIZE-$v-seed$SEED-gen$GEN
    if [ "$SIZE" = bridge ] && [ ! -d "$vault" ]; then
      "$BIN/alongside-bench-$v" generate bridge "$SEED" "$vault"
    fi
    [ -d "$vault" ] || { echo "no caseload at $vault: run make bench first"; exit 2; }
    # The bench's `repeat_one` (never inlined) makes each call: counted from its entry.
    fn="*repeat_one"
    out=$OUT/$SIZE-$v-$screen
    rm -f "$out".cg*
    (
      valgrind --tool=callgrind --collect-atstart=no --toggle-collect="$fn" --dump-before="$fn" \
        --callgrind-out-file="$out.cg" \
        "$BIN/alongside-bench-$v" repeat "$vault" "$OUT/scratch-$SIZE-$v-$screen" "$screen" 3 \
        2>"$out.log"
      # The file written at the end holds the last call alone.
      last=$(grep -E "^summary:|^totals:" "$out.cg" | head -1 | grep -oE "[0-9]+")
      echo "$SIZE $screen $v: $last instructions per warm call"
    ) &
  done
done
wait
