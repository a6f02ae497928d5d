//! Assessments: what a client needs, what they are good at, what puts them at risk, area by area,
//! with their own words beside the worker's.

use serde::{Deserialize, Serialize};

use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};
use crate::vault::WorkerSession;

/// The life areas an assessment and a plan are organised by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum LifeArea {
    /// Where the client lives, and how secure it is.
    Housing,
    /// Mental health.
    MentalHealth,
    /// Physical health.
    PhysicalHealth,
    /// Daily living: cooking, cleaning, shopping, getting around.
    DailyLiving,
    /// Work and education.
    WorkEducation,
    /// Money: income, benefits, debts, budgeting.
    Money,
    /// Family, friends and other relationships.
    Relationships,
    /// Alcohol and drug use.
    SubstanceUse,
    /// Legal matters.
    Legal,
    /// Safety: from others and from harm.
    Safety,
}

impl LifeArea {
    /// Every life area, in the order the assessment form lists them.
    pub const ALL: [LifeArea; 10] = [
        LifeArea::Housing,
        LifeArea::MentalHealth,
        LifeArea::PhysicalHealth,
        LifeArea::DailyLiving,
        LifeArea::WorkEducation,
        LifeArea::Money,
        LifeArea::Relationships,
        LifeArea::SubstanceUse,
        LifeArea::Legal,
        LifeArea::Safety,
    ];

    /// The worker-facing label.
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                LifeArea::Housing => "label-area-housing",
                LifeArea::MentalHealth => "label-area-mental_health",
                LifeArea::PhysicalHealth => "label-area-physical_health",
                LifeArea::DailyLiving => "label-area-daily_living",
                LifeArea::WorkEducation => "label-area-work_education",
                LifeArea::Money => "label-area-money",
                LifeArea::Relationships => "label-area-relationships",
                LifeArea::SubstanceUse => "label-area-substance_use",
                LifeArea::Legal => "label-area-legal",
                LifeArea::Safety => "label-area-safety",
            },
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// How serious a risk is, as the worker judges it.
pub enum RiskLevel {
    /// Low risk.
    Low,
    /// Medium risk.
    Medium,
    /// High risk.
    High,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A risk in one life area: what it is and how serious.
pub struct Risk {
    /// The risk, in the worker's words.
    pub description: String,
    /// How serious it is.
    pub level: RiskLevel,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One life area of an assessment: needs, strengths and risks, each optional.
pub struct AreaAssessment {
    /// The life area.
    pub area: LifeArea,
    /// What the client needs in this area, if anything.
    pub needs: Option<String>,
    /// What the client is good at or has going for them here.
    pub strengths: Option<String>,
    /// Risks in this area.
    pub risks: Vec<Risk>,
    /// How the client puts it, in their words.
    pub client_words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// An assessment of a client on one day, area by area, with the client's own words beside the
/// worker's. Stored sealed; never changed once added.
pub struct Assessment {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The day of the assessment.
    pub on: Day,
    /// The life areas assessed, each at most once.
    pub areas: Vec<AreaAssessment>,
    /// The client's own summary: what matters most to them now.
    pub client_words: Option<String>,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
}

storage::client_record!(Assessment, "assessment");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new assessment for `add_assessment`.
pub struct AssessmentInput {
    /// The day of the assessment.
    pub on: Day,
    /// The life areas assessed, each at most once.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub areas: Vec<AreaAssessment>,
    /// How the client sees their situation, in their own words.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub client_words: Option<String>,
}

fn validated(input: AssessmentInput) -> Result<AssessmentInput> {
    if input.areas.is_empty() {
        return Err(Error::invalid("areas", Rule::Required));
    }
    let mut seen = Vec::new();
    let mut areas = Vec::with_capacity(input.areas.len());
    for a in input.areas {
        if seen.contains(&a.area) {
            return Err(Error::not_allowed(
                "areas.area",
                crate::error::NotAllowedReason::AreaTwice {
                    area: super::value_of(&a.area),
                },
            ));
        }
        seen.push(a.area);
        let risks = a
            .risks
            .into_iter()
            .map(|r| {
                Ok(Risk {
                    description: validate::text(
                        "areas.risks.description",
                        &r.description,
                        TEXT_MAX,
                    )?,
                    level: r.level,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let area = AreaAssessment {
            area: a.area,
            needs: validate::optional_text("areas.needs", a.needs, TEXT_MAX)?,
            strengths: validate::optional_text("areas.strengths", a.strengths, TEXT_MAX)?,
            risks,
            client_words: validate::optional_text("areas.client_words", a.client_words, TEXT_MAX)?,
        };
        if area.needs.is_none()
            && area.strengths.is_none()
            && area.risks.is_empty()
            && area.client_words.is_none()
        {
            return Err(Error::not_allowed(
                "areas",
                crate::error::NotAllowedReason::AreaEmpty {
                    area: super::value_of(&area.area),
                },
            ));
        }
        areas.push(area);
    }
    Ok(AssessmentInput {
        on: input.on,
        areas,
        client_words: validate::optional_text("client_words", input.client_words, TEXT_MAX)?,
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Record an assessment of a client. Each life area may appear once.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn add_assessment(&self, client_id: String, input: AssessmentInput) -> Result<Assessment> {
        let input = validated(input)?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            let assessment = Assessment {
                id: validate::new_id(),
                client_id: client.id,
                on: input.on,
                areas: input.areas,
                client_words: input.client_words,
                recorded: Timestamp::now(),
            };
            storage::put(tx, keys, &assessment)?;
            Ok(assessment)
        })
    }

    /// Correct an assessment: every field as the worker entered it, checked as when it was added.
    /// The assessment as it was is kept in its history.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`assessment_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_assessment(
        &self,
        assessment_id: String,
        input: AssessmentInput,
    ) -> Result<Assessment> {
        let input = validated(input)?;
        self.write(|tx, keys| {
            let id = validate::id("assessment_id", &assessment_id)?;
            let mut a = storage::get::<Assessment>(tx, keys, &id)?.value;
            a.on = input.on;
            a.areas = input.areas;
            a.client_words = input.client_words;
            storage::revise(tx, keys, &a)?;
            Ok(a)
        })
    }

    /// One assessment by id.
    /// Fails with `NotFound` (`assessment_id`), and the errors every call has (see
    /// `WorkerSession`).
    pub fn assessment(&self, assessment_id: String) -> Result<Assessment> {
        let id = validate::id("assessment_id", &assessment_id)?;
        self.with(|conn, keys| Ok(storage::get::<Assessment>(conn, keys, &id)?.value))
    }

    /// A client's assessments, newest first.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn assessments(&self, client_id: String) -> Result<Vec<Assessment>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<Assessment>(conn, keys, &client.id)
        })?;
        all.sort_by(|a, b| b.on.cmp(&a.on).then(b.recorded.cmp(&a.recorded)));
        Ok(all)
    }
}
