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
    Housing,
    MentalHealth,
    PhysicalHealth,
    DailyLiving,
    WorkEducation,
    Money,
    Relationships,
    SubstanceUse,
    Legal,
    Safety,
}

impl LifeArea {
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
    pub fn label(self) -> &'static str {
        match self {
            LifeArea::Housing => "Housing",
            LifeArea::MentalHealth => "Mental health",
            LifeArea::PhysicalHealth => "Physical health and self-care",
            LifeArea::DailyLiving => "Daily living skills",
            LifeArea::WorkEducation => "Work and education",
            LifeArea::Money => "Money",
            LifeArea::Relationships => "Relationships and social life",
            LifeArea::SubstanceUse => "Substance use",
            LifeArea::Legal => "Legal",
            LifeArea::Safety => "Safety",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Risk {
    pub description: String,
    pub level: RiskLevel,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct AreaAssessment {
    pub area: LifeArea,
    pub needs: Option<String>,
    pub strengths: Option<String>,
    pub risks: Vec<Risk>,
    /// How the client puts it, in their words.
    pub client_words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Assessment {
    pub id: String,
    pub client_id: String,
    pub on: Day,
    pub areas: Vec<AreaAssessment>,
    /// The client's own summary: what matters most to them now.
    pub client_words: Option<String>,
    pub recorded: Timestamp,
}

storage::client_record!(Assessment, "assessment");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct AssessmentInput {
    pub on: Day,
    pub areas: Vec<AreaAssessment>,
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
            return Err(Error::invalid(
                "areas.area",
                Rule::NotAllowed {
                    reason: format!("{} appears twice", a.area.label()),
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
            return Err(Error::invalid(
                "areas",
                Rule::NotAllowed {
                    reason: format!("{} has nothing recorded", area.area.label()),
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

    /// A client's assessments, newest first.
    pub fn assessments(&self, client_id: String) -> Result<Vec<Assessment>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<Assessment>(conn, keys, &client.id)
        })?;
        all.sort_by(|a, b| b.on.cmp(&a.on).then(b.recorded.cmp(&a.recorded)));
        Ok(all)
    }
}
