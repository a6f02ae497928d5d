#!/usr/bin/env bash
# The benchmark's baselines store records unsealed. Only bench/run.sh may build them: any other
# build that asks for one (here the CLI, which writes real vaults) must fail to compile.
set -uo pipefail
cd "$(dirname "$0")/../.."
CARGO=${CARGO:-cargo}
out=$(env -u ALONGSIDE_BENCH_BASELINE "$CARGO" check -q -p alongside-cli \
  --features alongside-core/baseline-plaintext --target-dir target/lint-baseline 2>&1)
if [ $? -eq 0 ]; then
  echo "baselines: FAILED (the CLI compiled with the plaintext baseline)"; exit 1
fi
if ! grep -q "only bench/run.sh builds them" <<<"$out"; then
  echo "baselines: FAILED (the build failed for another reason):"; echo "$out" | tail -20; exit 1
fi
echo "baselines: the CLI cannot be built with an unsealed baseline"
