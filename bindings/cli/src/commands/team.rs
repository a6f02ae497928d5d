//! `alongside team`, `sync` and `review`: team sync through the core's sans-IO engine, with a
//! small blocking HTTP client (ureq) as the transport the phones' shells provide on a phone.

use alongside_core::{SyncReply, SyncTransport};
use clap::Subcommand;
use std::sync::Arc;
use std::time::Duration;

use super::{Ctx, Outcome};
use crate::output::EXIT_OK;

/// The CLI's transport: one blocking HTTP exchange per call; a failure to reach the relay is
/// status 0, as the core expects.
struct Http(ureq::Agent);

impl Http {
    fn transport() -> Arc<dyn SyncTransport> {
        Arc::new(Http(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(60)))
                .build()
                .into(),
        ))
    }
}

impl SyncTransport for Http {
    fn send(
        &self,
        method: String,
        url: String,
        token: Option<String>,
        body: Option<String>,
    ) -> SyncReply {
        let auth = token.map(|t| format!("Bearer {t}"));
        let result = if method == "GET" {
            let mut req = self.0.get(&url);
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.call()
        } else {
            let mut req = self.0.post(&url).header("Content-Type", "application/json");
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.send(body.unwrap_or_default().as_bytes())
        };
        let Ok(mut resp) = result else {
            return SyncReply {
                status: 0,
                body: String::new(),
            };
        };
        let status = resp.status().as_u16();
        match resp
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
        {
            Ok(body) => SyncReply { status, body },
            Err(_) => SyncReply {
                status: 0,
                body: String::new(),
            },
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a team on the relay at --server; this vault's device is its first admin.
    Create {
        /// The relay's base URL (https://sync.example.org).
        #[arg(long, value_name = "URL")]
        server: String,
    },
    /// Make a one-time invite code for another phone (admins only); show it in person.
    Invite,
    /// Join a team with an invite code; an admin's next sync adds this device.
    Join {
        /// The code from `team invite`.
        code: String,
    },
    /// Where sync stands: outbox, items to review, last sync.
    Status,
    /// The members: names, roles, devices (last seen, on an admin's phone), clients.
    Members,
    /// Set the name the team knows you by (sealed; the relay never sees it).
    Name {
        /// Your display name.
        name: String,
    },
    /// Ask a worker to do something (admins only).
    Ask {
        /// The member id (from `team members`).
        #[arg(long, allow_hyphen_values = true)]
        member: String,
        /// The client it is about.
        #[arg(long, allow_hyphen_values = true)]
        client: Option<String>,
        /// What you ask.
        text: String,
        /// The day it is wanted by (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = crate::parse::day)]
        due: Option<alongside_core::Day>,
    },
    /// Incidents to be told of, not yet notified here; --seen marks them notified.
    Notifications {
        #[arg(long)]
        seen: bool,
    },
    /// Show notes on the briefing once unsigned for more than this many days (1 to 92).
    UnsignedDays { days: u32 },
    /// This device's member and device ids (what an admin names in the commands below).
    Whoami,
    /// Assign a client to a member (admins); --remove-previous cuts the previous worker off.
    /// Ids are base64url and may start with `-`: they are taken as values.
    Assign {
        #[arg(long, allow_hyphen_values = true)]
        client: String,
        #[arg(long, allow_hyphen_values = true)]
        member: String,
        #[arg(long)]
        remove_previous: bool,
    },
    /// Let a member cover clients until a date, the first day without them (admins).
    Cover {
        #[arg(long, required = true, num_args = 1..)]
        client: Vec<String>,
        #[arg(long, allow_hyphen_values = true)]
        member: String,
        /// YYYY-MM-DD.
        #[arg(long)]
        until: String,
    },
    /// Cut off a device (a lost phone) or a member (who left) (admins).
    Remove {
        #[arg(
            long,
            allow_hyphen_values = true,
            conflicts_with = "member",
            required_unless_present = "member"
        )]
        device: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        member: Option<String>,
    },
    /// Make a member a supervisor or a worker (admins).
    Role {
        #[arg(long, allow_hyphen_values = true)]
        member: String,
        /// supervisor or worker.
        #[arg(long)]
        role: String,
    },
    /// The team's offline lease in days; 0 turns it off (admins).
    Lease {
        #[arg(long)]
        days: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// Mark a request made of you done.
    Done {
        /// The request's id from `requests`.
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// The records two phones changed differently, with each value, who and when.
    List,
    /// Keep one of the values of an item (`--choice` counts from 0, as `review list` numbers them).
    Resolve {
        /// The item's id from `review list`.
        id: String,
        #[arg(long)]
        choice: u32,
    },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Create { server } => {
            let team = ctx.worker(|s| s.team_create(server.clone(), Http::transport()))?;
            ctx.out.result(&serde_json::json!({ "team": team }), |w| {
                writeln!(w, "Team started; this device is its admin.")
            });
        }
        Command::Invite => {
            let code = ctx.worker(|s| s.team_invite(Http::transport()))?;
            ctx.out.result(&serde_json::json!({ "code": code }), |w| {
                writeln!(w, "{code}")
            });
        }
        Command::Join { code } => {
            ctx.worker(|s| s.team_join(code.clone(), Http::transport()))?;
            ctx.out.result(&serde_json::json!({ "joined": true }), |w| {
                writeln!(
                    w,
                    "Joined; an admin's phone adds this one at its next sync."
                )
            });
        }
        Command::Whoami => {
            let me = ctx.worker(|s| s.team_whoami())?;
            ctx.out.result(&me, |w| {
                writeln!(
                    w,
                    "member {}\ndevice {}",
                    me.member_id.as_deref().unwrap_or("-"),
                    me.device_id
                )
            });
        }
        Command::Assign {
            client,
            member,
            remove_previous,
        } => {
            let r = ctx.worker(|s| {
                s.team_assign(
                    client.clone(),
                    member.clone(),
                    *remove_previous,
                    Http::transport(),
                )
            })?;
            report(ctx, &r);
        }
        Command::Cover {
            client,
            member,
            until,
        } => {
            let r = ctx.worker(|s| {
                s.team_cover(
                    client.clone(),
                    member.clone(),
                    until.clone(),
                    Http::transport(),
                )
            })?;
            report(ctx, &r);
        }
        Command::Remove { device, member } => {
            // clap asks for exactly one of the two.
            let r = ctx.worker(|s| match member {
                Some(m) => s.team_remove_member(m.clone(), Http::transport()),
                None => s.team_remove_device(device.clone().unwrap_or_default(), Http::transport()),
            })?;
            report(ctx, &r);
        }
        Command::Role { member, role } => {
            let r =
                ctx.worker(|s| s.team_set_role(member.clone(), role.clone(), Http::transport()))?;
            report(ctx, &r);
        }
        Command::Lease { days } => {
            let r = ctx.worker(|s| s.team_set_lease(*days, Http::transport()))?;
            report(ctx, &r);
        }
        Command::Status => {
            let status = ctx.worker(|s| s.sync_status())?;
            ctx.out
                .result(&status, |w| writeln!(w, "{}", status.summary));
        }
        Command::Members => {
            let members = ctx.worker(|s| s.team_members(Http::transport()))?;
            ctx.out.result(&members, |w| {
                for m in &members {
                    writeln!(w, "{}  {}  {}", m.member_id, m.name, m.summary)?;
                    for d in &m.devices {
                        writeln!(w, "  {}  {}", d.device, d.status_label)?;
                    }
                }
                Ok(())
            });
        }
        Command::Name { name } => {
            ctx.worker(|s| s.team_set_name(name.clone()))?;
            ctx.out.result(&serde_json::json!({ "named": true }), |w| {
                writeln!(w, "Named; the team sees it after the next sync.")
            });
        }
        Command::Ask {
            member,
            client,
            text,
            due,
        } => {
            let row =
                ctx.worker(|s| s.team_ask(member.clone(), client.clone(), text.clone(), *due))?;
            ctx.out
                .result(&row, |w| writeln!(w, "{}  {}", row.id, row.status_label));
        }
        Command::Notifications { seen } => {
            let all = ctx.worker(|s| s.team_notifications())?;
            if *seen {
                let ids = all.iter().map(|n| n.incident_id.clone()).collect();
                ctx.worker(|s| s.team_notifications_seen(ids))?;
            }
            ctx.out.result(&all, |w| {
                for n in &all {
                    writeln!(w, "{}\n  {}", n.title, n.body)?;
                }
                Ok(())
            });
        }
        Command::UnsignedDays { days } => {
            ctx.worker(|s| s.team_set_unsigned_note_days(*days))?;
            ctx.out
                .result(&serde_json::json!({ "unsigned_note_days": days }), |w| {
                    writeln!(w, "Set.")
                });
        }
    }
    Ok(EXIT_OK)
}

fn report(ctx: &Ctx, report: &alongside_core::SyncReport) {
    ctx.out.result(report, |w| {
        if report.removed_from_team {
            return writeln!(
                w,
                "This device was removed from the team; its team data is erased."
            );
        }
        writeln!(
            w,
            "Sent {}, received {}, to review {}, clients handed away {}.",
            report.pushed, report.received, report.reviews, report.clients_handed_away
        )?;
        if report.refused > 0 {
            writeln!(w, "Refused {}:", report.refused)?;
        }
        for r in &report.refused_revisions {
            let seq = r.seq.map_or(String::new(), |s| format!(" (#{s})"));
            writeln!(w, "  {}{seq}  {}", r.revision, r.summary)?;
        }
        let unnamed = (report.refused as usize).saturating_sub(report.refused_revisions.len());
        if unnamed > 0 {
            writeln!(w, "  and {unnamed} more.")?;
        }
        Ok(())
    });
}

pub fn sync(ctx: &Ctx) -> Outcome {
    let r = ctx.worker(|s| s.sync_now(Http::transport()))?;
    report(ctx, &r);
    Ok(EXIT_OK)
}

pub fn review(ctx: &Ctx, command: &ReviewCommand) -> Outcome {
    match command {
        ReviewCommand::List => {
            let items = ctx.worker(|s| s.review_items())?;
            ctx.out.result(&items, |w| {
                for item in &items {
                    writeln!(w, "{}  {}", item.id, item.summary)?;
                    for (n, c) in item.choices.iter().enumerate() {
                        writeln!(w, "  {n}: {}", c.summary)?;
                    }
                }
                Ok(())
            });
        }
        ReviewCommand::Resolve { id, choice } => {
            ctx.worker(|s| s.resolve_review(id.clone(), *choice))?;
            ctx.out.result(&serde_json::json!({ "resolved": id }), |w| {
                writeln!(w, "Resolved; the next sync tells the team.")
            });
        }
    }
    Ok(EXIT_OK)
}

/// `requests`: what supervisors asked (all of them on an admin's phone, yours on a worker's), or
/// `requests done ID`.
pub fn requests(ctx: &Ctx, command: &Option<RequestsCommand>) -> Outcome {
    let rows = match command {
        None => ctx.worker(|s| s.team_requests())?,
        Some(RequestsCommand::Done { id }) => {
            vec![ctx.worker(|s| s.team_request_done(id.clone()))?]
        }
    };
    ctx.out.result(&rows, |w| {
        for r in &rows {
            writeln!(
                w,
                "{}  {} ({}, {})",
                r.id, r.summary, r.member_name, r.status_label
            )?;
        }
        Ok(())
    });
    Ok(EXIT_OK)
}

/// `briefing`: the supervisor's morning briefing.
pub fn briefing(ctx: &Ctx, today: Option<alongside_core::Day>) -> Outcome {
    let b = ctx.worker(|s| s.briefing(crate::parse::or_today(today)))?;
    ctx.out.result(&b, |w| {
        writeln!(w, "{}  {}\n{}", b.title, b.day, b.summary)?;
        for n in &b.notifications {
            writeln!(w, "! {}: {}", n.title, n.body)?;
        }
        for wk in &b.workers {
            writeln!(w, "\n{} ({})  {}", wk.name, wk.role_label, wk.summary)?;
            for v in &wk.visits {
                writeln!(w, "  {}  {}  {}", v.time_label, v.client_name, v.kind_label)?;
            }
            for i in &wk.open_incidents {
                writeln!(
                    w,
                    "  {}  {}: {}",
                    i.incident.kind_label, i.incident.client_name, i.waiting_label
                )?;
            }
            for f in &wk.overdue_follow_ups {
                writeln!(w, "  {}  {}: {}", f.due_label, f.client_name, f.what)?;
            }
            for r in &wk.reviews_due {
                writeln!(w, "  {}: {}", r.client_name, r.due_label)?;
            }
            for u in &wk.unsigned_notes {
                writeln!(w, "  {}: {}", u.client_name, u.label)?;
            }
            writeln!(w, "  {}", wk.duty_balance.summary)?;
            for d in &wk.dependence {
                writeln!(w, "  {}: {}", d.client_name, d.label)?;
            }
        }
        for q in &b.supervision_requests {
            writeln!(w, "{}", q.summary)?;
        }
        for d in &b.shared_debriefs {
            writeln!(w, "{}", d.summary)?;
        }
        for r in &b.requests {
            writeln!(w, "{} ({}, {})", r.summary, r.member_name, r.status_label)?;
        }
        Ok(())
    });
    Ok(EXIT_OK)
}
