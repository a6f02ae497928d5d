//! `alongside`: Alongside's core from the terminal, for the demo, scripting and support.
//! Same vault, same rules, same view models as the phone app.

mod args;
mod commands;
mod output;
mod parse;
mod passphrase;
mod print;
mod sanitize;

use clap::Parser;
use std::process::ExitCode;

use args::{Cli, Command};
use commands::Ctx;
use output::{Failure, EXIT_OK, EXIT_USAGE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are not failures; everything else clap reports is usage.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    let ctx = Ctx::new(&cli.global);
    let outcome = match &cli.command {
        Command::Init => commands::init::run(&ctx),
        Command::Status => commands::status::run(&ctx),
        Command::Passwd => commands::passwd::run(&ctx),
        Command::Audit(a) => commands::audit::run(&ctx, a),
        Command::Demo(a) => commands::demo::run(&ctx, a),
        Command::Backup(a) => commands::backup::run(&ctx, a),
        Command::Restore(a) => commands::restore::run(&ctx, a),
        Command::Today(a) => commands::today::run(&ctx, a),
        Command::Client(c) => commands::client::run(&ctx, c),
        Command::Assessment(c) => commands::assessment::run(&ctx, c),
        Command::Plan(c) => commands::plan::run(&ctx, c),
        Command::Goal(c) => commands::goal::run(&ctx, c),
        Command::Visit(c) => commands::visit::run(&ctx, c),
        Command::Duties(c) => commands::duties::run(&ctx, c),
        Command::Note(c) => commands::note::run(&ctx, c),
        Command::Incident(c) => commands::incident::run(&ctx, c),
        Command::Resource(c) => commands::resource::run(&ctx, c),
        Command::Referral(c) => commands::referral::run(&ctx, c),
        Command::Timeline(a) => commands::timeline::run(&ctx, a),
        Command::Shared(a) => commands::shared::run(&ctx, a),
    };
    ExitCode::from(outcome.unwrap_or_else(|failure: Failure| {
        ctx.out.failure(&failure);
        failure.exit_code()
    }))
}
