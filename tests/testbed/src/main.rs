//! `alongside-testbed RELAY_BINARY`: a PostgreSQL cluster and the relay on it, for test runs that
//! are not Rust (tests/kotlin/run.sh). Prints `relay: URL` once both are up, then waits to be
//! killed; the cluster and the relay stop by themselves once it is gone.
#![allow(clippy::expect_used, clippy::panic)]

use alongside_testbed::{Pg, Relay};
use std::io::Write;
use std::path::PathBuf;

fn main() {
    let Some(bin) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: alongside-testbed RELAY_BINARY");
        std::process::exit(2);
    };
    let pg = Pg::start(false);
    let db = pg.create_db();
    let relay = Relay::start(&bin, &pg, &db, &[]);
    println!(
        "relay: {} on PostgreSQL in {}",
        relay.url(),
        pg.dir.display()
    );
    std::io::stdout().flush().expect("stdout");
    loop {
        std::thread::park();
    }
}
