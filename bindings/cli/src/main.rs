//! `alongside`: Alongside's core from the terminal, for the demo, scripting and support.
//! Same vault, same rules, same view models as the phone app.

mod args;
mod commands;
mod output;
mod parse;
mod passphrase;
mod print;
mod print_corner;
mod sanitize;

use clap::Parser;
use std::process::ExitCode;

use args::{Cli, Command};
use commands::Ctx;
use output::{Failure, EXIT_OK, EXIT_USAGE};

/// Whether the command line asks for JSON, read from the raw arguments (for when clap could not
/// parse them): `--json` anywhere before a `--` that ends the options.
fn json_asked() -> bool {
    std::env::args_os()
        .skip(1)
        .take_while(|a| a != "--")
        .any(|a| a == "--json")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are not failures; everything else clap reports is usage, and under
            // `--json` a usage error is one JSON document like every other failure.
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::from(EXIT_OK);
            }
            if json_asked() {
                let message = match e.kind() {
                    // clap shows the command's help here, which is no message.
                    clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                    | clap::error::ErrorKind::MissingSubcommand => {
                        "this command needs a subcommand; add --help to see them".to_string()
                    }
                    // clap's own sentence, without the usage lines and the pointer to --help.
                    _ => e
                        .render()
                        .to_string()
                        .trim()
                        .trim_start_matches("error: ")
                        .split("\n\n")
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                output::Out { json: true }.failure(&Failure::Usage(message));
            } else {
                let _ = e.print();
            }
            return ExitCode::from(EXIT_USAGE);
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
        Command::History(a) => commands::history::run(&ctx, a),
        Command::Shared(a) => commands::shared::run(&ctx, a),
        Command::Wellness(c) => commands::wellness::run(&ctx, c),
        Command::Progress(a) => commands::progress::run(&ctx, a),
        Command::Copy(a) => commands::copy::run(&ctx, a),
        Command::Team(c) => commands::team::run(&ctx, c),
        Command::Sync => commands::team::sync(&ctx),
        Command::Review(c) => commands::team::review(&ctx, c),
        Command::Briefing { today } => commands::team::briefing(&ctx, *today),
        Command::Requests { command } => commands::team::requests(&ctx, command),
        Command::Corner(c) => commands::corner::run(&ctx, c),
        Command::Debrief(c) => commands::debrief::run(&ctx, c),
        Command::Supervision(c) => commands::supervision::run(&ctx, c),
        Command::Certifications(c) => commands::certifications::run(&ctx, c),
    };
    ExitCode::from(outcome.unwrap_or_else(|failure: Failure| {
        ctx.out.failure(&failure);
        failure.exit_code()
    }))
}
