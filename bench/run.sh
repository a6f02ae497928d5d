#!/usr/bin/env bash
# `make bench`: the operations a worker feels, on generated caseloads, sealed (as shipped) against
# plaintext SQLite and SQLCipher with the same schema, data and code paths, measured in one run.
#
# Settings (environment): BENCH_SIZES (default "typical heavy"; "tiny" for a smoke run),
# BENCH_SEED (default 1), BENCH_VARIANTS (default "sealed plaintext sqlcipher"), BENCH_ROUNDS
# (default 3), BENCH_SYNC (default "heavy": the caseload a new phone's first sync pulls through the
# real relay over a PostgreSQL of the bench's own; "none" to leave sync out).
# Generated vaults are cached in build/bench/vaults, keyed by size, variant, seed and generator
# version; each measurement runs on a fresh copy, so reruns are quick and never reuse a timing.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO=${CARGO:-cargo}
SEED=${BENCH_SEED:-1}
SIZES=${BENCH_SIZES:-typical heavy}
SYNC=${BENCH_SYNC:-heavy}
VARIANTS=${BENCH_VARIANTS:-sealed plaintext sqlcipher}
OUT=build/bench
BIN=$OUT/bin
mkdir -p "$BIN" "$OUT/vaults" "$OUT/results" "$OUT/scratch"

echo "== The phone library, release and stripped"
$CARGO build --release -p alongside-ffi
case "$(uname -s)" in
  Darwin) LIB=target/release/libalongside_ffi.dylib ;;
  *) LIB=target/release/libalongside_ffi.so ;;
esac
cp "$LIB" "$OUT/phone-library.stripped"
strip "$OUT/phone-library.stripped"
LIB_BYTES=$(wc -c <"$OUT/phone-library.stripped" | tr -d ' ')

echo "== The benchmark, once per variant (its own workspace, so the features never meet)"
BUILT=""
for v in $VARIANTS; do
  case "$v" in
    sealed) features=() ;;
    plaintext) features=(--features plaintext) ;;
    sqlcipher) features=(--features sqlcipher) ;;
    *) echo "unknown variant $v"; exit 2 ;;
  esac
  if ALONGSIDE_BENCH_BASELINE=1 $CARGO build --release --manifest-path bench/Cargo.toml --target-dir target/bench "${features[@]}"; then
    cp target/bench/release/alongside-bench "$BIN/alongside-bench-$v"
    BUILT="$BUILT $v"
  elif [ "$v" = sqlcipher ]; then
    echo "!! The SQLCipher baseline did not build (it compiles OpenSSL from source: needs perl and make);"
    echo "!! the report goes on without it."
  else
    exit 1
  fi
done
GEN=$("$BIN/alongside-bench-sealed" generation)

if [ "$SYNC" != none ]; then
  echo "== The relay, release (the sync figures' server)"
  $CARGO build --release -p alongside-server --bin alongside-server
fi

echo "== Caseloads (cached in $OUT/vaults)"
SYNC_SIZE=""
[ "$SYNC" = none ] || SYNC_SIZE="$SYNC"
for size in $SIZES; do
  for v in $BUILT; do
    vault="$OUT/vaults/$size-$v-seed$SEED-gen$GEN"
    if [ ! -f "$vault/generated.json" ]; then
      echo "-- generating $size for $v (once; later runs reuse it)"
      "$BIN/alongside-bench-$v" generate "$size" "$SEED" "$vault"
    fi
  done
done
if [ -n "$SYNC_SIZE" ]; then
  vault="$OUT/vaults/$SYNC_SIZE-sealed-seed$SEED-gen$GEN"
  if [ ! -f "$vault/generated.json" ]; then
    echo "-- generating $SYNC_SIZE for sealed (once; later runs reuse it)"
    "$BIN/alongside-bench-sealed" generate "$SYNC_SIZE" "$SEED" "$vault"
  fi
fi

echo "== Measuring (each on a fresh copy of its caseload)"
# BENCH_ROUNDS rounds (default 3, at most 9) in rotating orders (A B C, C B A, B C A, ...); the
# report keeps each figure's best round, so a burst of load from another process on a shared
# machine does not decide a ratio.
ROUNDS=${BENCH_ROUNDS:-3}
rm -f "$OUT"/results/*.json
REVERSED=$(echo $BUILT | tr ' ' '\n' | tac | tr '\n' ' ')
ROTATED=$(echo $BUILT | awk '{for (i = 2; i <= NF; i++) printf "%s ", $i; print $1}')
uptime
for size in $SIZES; do
  for round in $(seq 1 "$ROUNDS"); do
    case $((round % 3)) in
      1) order=$BUILT ;;
      2) order=$REVERSED ;;
      0) order=$ROTATED ;;
    esac
    for v in $order; do
      "$BIN/alongside-bench-$v" measure "$size" "$OUT/vaults/$size-$v-seed$SEED-gen$GEN" \
        "$OUT/scratch/$size-$v" "$OUT/results/$size-$v-round$round.json"
    done
  done
done
uptime

if [ -n "$SYNC_SIZE" ]; then
  echo "== Sync: a new phone's first sync of the $SYNC_SIZE caseload through the real relay"
  uptime
  "$BIN/alongside-bench-sealed" sync "$SYNC_SIZE" "$OUT/vaults/$SYNC_SIZE-sealed-seed$SEED-gen$GEN" \
    "$OUT/scratch/sync" target/release/alongside-server "$OUT/results/sync.json"
  uptime
fi

echo "== Report"
"$BIN/alongside-bench-sealed" report "$OUT/results" "$OUT/report.json" "$LIB_BYTES" | tee "$OUT/report.md"
echo
echo "Machine-readable copy: $OUT/report.json"
