//! A phone alone in a team: the relay took the team's creation and is unreachable since, so the
//! phone is its lead and every team screen works from what it holds. (With a real relay and
//! several phones: bindings/cli/tests/briefing.rs.)

use alongside_core::{
    ActivityInput, ActivityKind, ActivityStatus, ClientInput, Day, DebriefInput, DebriefOccasion,
    Duty, FollowUpInput, IncidentInput, IncidentKind, SyncReply, SyncTransport, WorkerSession,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A relay that accepts the team's creation, then is unreachable.
pub struct Offline {
    created: AtomicBool,
}

impl Offline {
    pub fn new() -> Arc<Offline> {
        Arc::new(Offline {
            created: AtomicBool::new(false),
        })
    }
}

impl SyncTransport for Offline {
    fn send(
        &self,
        method: String,
        url: String,
        _t: Option<String>,
        _b: Option<String>,
    ) -> SyncReply {
        if method == "POST"
            && url.ends_with("/v1/teams")
            && !self.created.swap(true, Ordering::SeqCst)
        {
            return SyncReply {
                status: 201,
                body: format!(r#"{{"length":1,"head":"{}"}}"#, "A".repeat(43)),
            };
        }
        SyncReply {
            status: 0,
            body: String::new(),
        }
    }
}

/// Start a team on the offline relay: this phone is its lead.
pub fn lead(s: &WorkerSession) -> Arc<Offline> {
    let t = Offline::new();
    s.team_create("http://relay.invalid".into(), t.clone())
        .unwrap();
    t
}

/// What a lead's day holds: a client with two visits on `day`, an earlier one with a follow-up
/// now overdue, weeks of advocacy with no empowerment, an incident that requires informing the
/// supervisor, a draft note and a shared debrief. Returns the client's id.
pub fn day_of(s: &WorkerSession, day: Day) -> String {
    let sam = s.add_client(ClientInput::named("Sam")).unwrap().id;
    for kind in [ActivityKind::HomeVisit, ActivityKind::PhoneOrVideo] {
        let mut v = ActivityInput::new(kind, day, vec![Duty::Advocate]);
        v.purpose = Some("Check in".into());
        s.add_activity(sam.clone(), v).unwrap();
    }
    for weeks in 1..=6 {
        let mut v = ActivityInput::new(
            ActivityKind::ThirdPartyContact,
            day.add_days(-7 * weeks),
            vec![Duty::Advocate],
        );
        v.status = Some(ActivityStatus::Done);
        let a = s.add_activity(sam.clone(), v).unwrap();
        if weeks == 1 {
            s.add_follow_up(
                a.id,
                FollowUpInput {
                    what: "Bring the form".into(),
                    due: day.add_days(-2),
                },
            )
            .unwrap();
        }
    }
    s.report_incident(
        sam.clone(),
        IncidentInput {
            kind: IncidentKind::MedicationRefusal,
            occurred_on: day,
            occurred_at: None,
            description: "Sam declined the evening dose.".into(),
            activity_id: None,
        },
    )
    .unwrap();
    s.add_note(sam.clone(), None, "Visited.".into()).unwrap();
    let d = s
        .add_debrief(DebriefInput {
            day,
            occasion: DebriefOccasion::EndOfDay,
            score: 4,
            words: Some("Check in".into()),
            what_helped: None,
            for_myself: None,
            took_break: None,
            share_with_supervisor: false,
        })
        .unwrap();
    s.debrief_share(d.id).unwrap();
    s.supervision_request(Some("Ask about caseload".into()))
        .unwrap();
    sam
}
