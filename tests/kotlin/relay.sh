# Sourced by tests/kotlin/run.sh: one real PostgreSQL cluster and the real relay on it, for the
# Kotlin sync tests, started by `alongside-testbed` (tests/testbed: the same start-up as the Rust
# sync tests and the bench). `relay_start` exports ALONGSIDE_RELAY_URL or fails loudly;
# `relay_stop` ends it (run.sh calls it on every exit, failures included). The cluster and the
# relay also stop by themselves once `alongside-testbed` is gone, even after a SIGKILL.

relay_pid=""
relay_out=""

relay_stop() {
    if [[ -n "$relay_pid" ]]; then
        kill "$relay_pid" 2>/dev/null || true
        wait "$relay_pid" 2>/dev/null || true
        relay_pid=""
    fi
    if [[ -n "$relay_out" ]]; then
        rm -f "$relay_out"
        relay_out=""
    fi
}

relay_start() { # relay_start ROOT
    local root="$1"
    (cd "$root" && cargo build -q -p alongside-server -p alongside-testbed) || return 1
    relay_out="$(mktemp /tmp/alongside-kt-relay.XXXXXX)"
    "$root/target/debug/alongside-testbed" "$root/target/debug/alongside-server" \
        >"$relay_out" </dev/null &
    relay_pid=$!
    local line="" i
    for i in $(seq 1 600); do
        line="$(head -n 1 "$relay_out" 2>/dev/null || true)"
        [[ -n "$line" ]] && break
        kill -0 "$relay_pid" 2>/dev/null || break
        sleep 0.1
    done
    [[ "$line" == "relay: http://"* ]] || {
        echo "kotlin-test: the relay did not start: ${line:-no output}" >&2
        return 1
    }
    local url="${line#relay: }"
    export ALONGSIDE_RELAY_URL="${url%% *}"
    echo "$line"
}
