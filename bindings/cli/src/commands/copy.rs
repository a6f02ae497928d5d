//! `alongside copy --client ID --out FILE.html`: the client's own copy of their plan, one
//! self-contained HTML file in their language (their goals and ratings, their wellness and crisis
//! plan; nothing the client's screen does not show). The file is not sealed: it is for the client
//! to keep, so it is written readable by this user only and the command says so.

use alongside_core::Day;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

use super::{Ctx, Outcome};
use crate::output::{Failure, EXIT_OK};
use crate::parse::{self, or_today};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The client whose copy to make.
    #[arg(long)]
    client: String,
    /// The HTML file to write (replaced whole once complete).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The day the copy says it was made (YYYY-MM-DD); today if left out.
    #[arg(long, value_name = "DATE", value_parser = parse::day)]
    date: Option<Day>,
}

#[derive(Serialize)]
struct Written {
    file: String,
    bytes: u64,
}

/// Write next to the target and rename, so a failed write never leaves half a copy behind.
fn write_private(path: &PathBuf, text: &str) -> std::io::Result<()> {
    let mut tmp = path.clone().into_os_string();
    tmp.push(".partial");
    let tmp = PathBuf::from(tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut f = options.open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let html = ctx.worker(|s| s.client_copy(args.client.clone(), or_today(args.date)))?;
    write_private(&args.out, &html).map_err(|e| {
        Failure::Usage(format!(
            "could not write {}: {}",
            args.out.display(),
            e.kind()
        ))
    })?;
    let done = Written {
        file: args.out.display().to_string(),
        bytes: html.len() as u64,
    };
    ctx.out.result(&done, |w| {
        writeln!(
            w,
            "Wrote the client's copy to {} ({} bytes).",
            done.file, done.bytes
        )?;
        writeln!(
            w,
            "It is not sealed: anyone holding the file can read it. Hand it to the client and \
             delete it here."
        )
    });
    Ok(EXIT_OK)
}
