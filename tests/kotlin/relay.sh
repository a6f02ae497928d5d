# Sourced by tests/kotlin/run.sh: one real PostgreSQL cluster (initdb in a temporary folder, as
# the `postgres` user when run as root; the same approach as bindings/cli/tests/sync.rs) and the
# real relay (`cargo build -p alongside-server`) on it, for the Kotlin sync test. `relay_start`
# exports ALONGSIDE_RELAY_URL or fails loudly; `relay_stop` stops both and removes the folder
# (run.sh calls it on every exit, failures included).

relay_dir=""
relay_pid=""
relay_pg_bin=""
relay_runas=()

relay_stop() {
    if [[ -n "$relay_pid" ]]; then
        kill "$relay_pid" 2>/dev/null || true
        wait "$relay_pid" 2>/dev/null || true
        relay_pid=""
    fi
    if [[ -n "$relay_dir" ]]; then
        if [[ -f "$relay_dir/data/postmaster.pid" ]]; then
            "${relay_runas[@]}" "$relay_pg_bin/pg_ctl" stop -D "$relay_dir/data" -m immediate >/dev/null 2>&1 || true
        fi
        rm -rf "$relay_dir"
        relay_dir=""
    fi
}

relay_start() { # relay_start ROOT
    local root="$1"
    relay_pg_bin="${ALONGSIDE_PG_BIN:-}"
    if [[ -z "$relay_pg_bin" ]]; then
        relay_pg_bin="$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2>/dev/null \
            | sort -V | tail -n 1 | xargs -r dirname)"
    fi
    [[ -n "$relay_pg_bin" && -x "$relay_pg_bin/initdb" ]] || {
        echo "kotlin-test: PostgreSQL's initdb not found (Debian's postgresql package, or ALONGSIDE_PG_BIN)" >&2
        return 1
    }
    relay_dir="$(mktemp -d /tmp/alongside-kt-pg.XXXXXX)"
    relay_runas=()
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres "$relay_dir"
        relay_runas=(runuser -u postgres --)
    fi
    local port
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    "${relay_runas[@]}" "$relay_pg_bin/initdb" -D "$relay_dir/data" -A trust -U postgres -E UTF8 --no-sync \
        >"$relay_dir/initdb.log" 2>&1 || { cat "$relay_dir/initdb.log" >&2; return 1; }
    "${relay_runas[@]}" "$relay_pg_bin/pg_ctl" -D "$relay_dir/data" -l "$relay_dir/log" -w \
        -o "-p $port -k $relay_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { cat "$relay_dir/log" >&2; return 1; }
    "${relay_runas[@]}" "$relay_pg_bin/psql" -h "$relay_dir" -p "$port" -U postgres -d postgres -qAt \
        -v ON_ERROR_STOP=1 -c "CREATE DATABASE kotlin_sync" || return 1

    (cd "$root" && cargo build -q -p alongside-server --bin alongside-server) || return 1
    local fifo="$relay_dir/relay.out"
    ALONGSIDE_DATABASE_URL="host=$relay_dir port=$port user=postgres dbname=kotlin_sync" \
        ALONGSIDE_LISTEN=127.0.0.1:0 ALONGSIDE_RATE_PER_SEC=100000 ALONGSIDE_RATE_BURST=100000 \
        "$root/target/debug/alongside-server" >"$fifo" 2>"$relay_dir/relay.err" </dev/null &
    relay_pid=$!
    local line="" i
    for i in $(seq 1 600); do
        line="$(head -n 1 "$fifo" 2>/dev/null || true)"
        [[ -n "$line" ]] && break
        kill -0 "$relay_pid" 2>/dev/null || break
        sleep 0.1
    done
    [[ "$line" == "alongside-server listening on "* ]] || {
        echo "kotlin-test: the relay did not start: ${line:-no output}" >&2
        cat "$relay_dir/relay.err" >&2
        return 1
    }
    export ALONGSIDE_RELAY_URL="http://${line#alongside-server listening on }"
    echo "relay: $ALONGSIDE_RELAY_URL on PostgreSQL $(basename "$(dirname "$relay_pg_bin")") in $relay_dir"
}
