//! What the client reads in shared mode: plain, respectful words with no clinical labels, in a
//! table ready for translation. English is complete; other languages fall back to it key by key.

use crate::domain::assessment::LifeArea;
use crate::domain::wellness::WellnessSection;

mod owned;

/// Every client-facing phrase. `{n}` and `{name}` are filled in by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phrase {
    Greeting,
    AreaHousing,
    AreaMentalHealth,
    AreaPhysicalHealth,
    AreaDailyLiving,
    AreaWorkEducation,
    AreaMoney,
    AreaRelationships,
    AreaSubstanceUse,
    AreaLegal,
    AreaSafety,
    StatusActive,
    StatusAchieved,
    StatusPaused,
    StatusSetAside,
    ScoreStarting,
    ScoreGettingThere,
    ScoreGoingWell,
    ScoreThere,
    MyRating,
    WorkerRating,
    NoRatingYet,
    StepWaiting,
    NextVisit,
    WellnessTitle,
    WellnessWhenWell,
    WellnessKeepingWell,
    WellnessSetBacks,
    WellnessEarlySigns,
    WellnessEarlyActions,
    WellnessCrisisContact,
    WellnessCrisisDoNotContact,
    WellnessCrisisHelps,
    WellnessCrisisDoesNotHelp,
    WellnessPracticalMatters,
    WellnessMedication,
    WellnessCrisisPlace,
    WellnessAfterCrisis,
    WellnessEmpty,
    WrittenByClient,
    WrittenWithWorker,
    WrittenByClientForWorker,
    WrittenWithClientForWorker,
    ChartTimeAxis,
    ChartScoreAxis,
    ChartMine,
    ChartWorkers,
    ChartClientsForWorker,
    ChartMineForWorker,
    ChartReview,
    ChartWent,
    ChartWas,
    ChartNone,
    MonthYear,
    Month1,
    Month2,
    Month3,
    Month4,
    Month5,
    Month6,
    Month7,
    Month8,
    Month9,
    Month10,
    Month11,
    Month12,
    CopyTitle,
    CopyMade,
    CopyGoals,
    CopyNoGoals,
    CopySteps,
    CopyStepDone,
    CopyMyWords,
}

/// (phrase, English, French, Spanish). Add a column to add a language.
const TABLE: &[(Phrase, &str, &str, &str)] = &[
    (
        Phrase::Greeting,
        "Hello {name}. This is your plan.",
        "Bonjour {name}. Voici votre plan.",
        "Hola {name}. Este es tu plan.",
    ),
    (Phrase::AreaHousing, "My home", "Mon logement", "Mi hogar"),
    (
        Phrase::AreaMentalHealth,
        "How I feel",
        "Comment je me sens",
        "Cómo me siento",
    ),
    (
        Phrase::AreaPhysicalHealth,
        "My body and health",
        "Mon corps et ma santé",
        "Mi cuerpo y mi salud",
    ),
    (
        Phrase::AreaDailyLiving,
        "Everyday life",
        "La vie de tous les jours",
        "La vida diaria",
    ),
    (
        Phrase::AreaWorkEducation,
        "Work and learning",
        "Travail et études",
        "Trabajo y estudios",
    ),
    (Phrase::AreaMoney, "Money", "Argent", "Dinero"),
    (
        Phrase::AreaRelationships,
        "People in my life",
        "Les gens de ma vie",
        "Las personas de mi vida",
    ),
    (
        Phrase::AreaSubstanceUse,
        "Alcohol and other drugs",
        "Alcool et autres drogues",
        "Alcohol y otras drogas",
    ),
    (
        Phrase::AreaLegal,
        "Legal matters",
        "Questions juridiques",
        "Asuntos legales",
    ),
    (
        Phrase::AreaSafety,
        "Feeling safe",
        "Me sentir en sécurité",
        "Sentirme seguro",
    ),
    (
        Phrase::StatusActive,
        "Working on it",
        "En cours",
        "En marcha",
    ),
    (Phrase::StatusAchieved, "Done", "Atteint", "Logrado"),
    (
        Phrase::StatusPaused,
        "On hold for now",
        "En pause pour l'instant",
        "En pausa por ahora",
    ),
    (
        Phrase::StatusSetAside,
        "Set aside",
        "Mis de côté",
        "Dejado de lado",
    ),
    (
        Phrase::ScoreStarting,
        "Just starting",
        "Au début",
        "Empezando",
    ),
    (
        Phrase::ScoreGettingThere,
        "Getting there",
        "Ça avance",
        "Avanzando",
    ),
    (
        Phrase::ScoreGoingWell,
        "Going well",
        "Ça va bien",
        "Va bien",
    ),
    (
        Phrase::ScoreThere,
        "Where I want to be",
        "Là où je veux être",
        "Donde quiero estar",
    ),
    (
        Phrase::MyRating,
        "You said {n} out of 10",
        "Vous avez dit {n} sur 10",
        "Dijiste {n} de 10",
    ),
    (
        Phrase::WorkerRating,
        "Your worker said {n} out of 10",
        "Votre intervenant a dit {n} sur 10",
        "Tu acompañante dijo {n} de 10",
    ),
    (
        Phrase::NoRatingYet,
        "No rating yet",
        "Pas encore de note",
        "Aún sin puntuación",
    ),
    (
        Phrase::StepWaiting,
        "Done - your worker will check it with you",
        "Fait - votre intervenant le verra avec vous",
        "Hecho - tu acompañante lo revisará contigo",
    ),
    (
        Phrase::NextVisit,
        "Next visit",
        "Prochaine visite",
        "Próxima visita",
    ),
];

const LANGUAGES: [&str; 3] = ["en", "fr", "es"];

/// The language the client reads: their preferred language if the table has it, else English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    column: usize,
}

impl Words {
    /// Pick from a BCP-47 tag by its primary language (`fr-CA` reads French).
    pub fn for_language(tag: Option<&str>) -> Self {
        let primary = tag
            .and_then(|t| t.split('-').next())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let column = LANGUAGES.iter().position(|l| *l == primary).unwrap_or(0);
        Words { column }
    }

    pub fn language(self) -> &'static str {
        LANGUAGES[self.column]
    }

    pub fn get(self, phrase: Phrase) -> &'static str {
        let row = TABLE
            .iter()
            .chain(owned::TABLE)
            .find(|(p, ..)| *p == phrase);
        match (row, self.column) {
            (Some((_, _, fr, _)), 1) if !fr.is_empty() => fr,
            (Some((_, _, _, es)), 2) if !es.is_empty() => es,
            (Some((_, en, _, _)), _) => en,
            (None, _) => "",
        }
    }

    pub fn with_number(self, phrase: Phrase, n: impl std::fmt::Display) -> String {
        self.get(phrase).replace("{n}", &n.to_string())
    }

    pub fn area(self, area: LifeArea) -> &'static str {
        self.get(match area {
            LifeArea::Housing => Phrase::AreaHousing,
            LifeArea::MentalHealth => Phrase::AreaMentalHealth,
            LifeArea::PhysicalHealth => Phrase::AreaPhysicalHealth,
            LifeArea::DailyLiving => Phrase::AreaDailyLiving,
            LifeArea::WorkEducation => Phrase::AreaWorkEducation,
            LifeArea::Money => Phrase::AreaMoney,
            LifeArea::Relationships => Phrase::AreaRelationships,
            LifeArea::SubstanceUse => Phrase::AreaSubstanceUse,
            LifeArea::Legal => Phrase::AreaLegal,
            LifeArea::Safety => Phrase::AreaSafety,
        })
    }

    /// Our own neutral 1-10 scale, in four plain bands.
    pub fn score(self, score: u8) -> &'static str {
        self.get(match score {
            0..=3 => Phrase::ScoreStarting,
            4..=6 => Phrase::ScoreGettingThere,
            7..=9 => Phrase::ScoreGoingWell,
            _ => Phrase::ScoreThere,
        })
    }

    /// A section's heading in the client's plan.
    pub fn wellness_section(self, section: WellnessSection) -> &'static str {
        self.get(match section {
            WellnessSection::WhenWell => Phrase::WellnessWhenWell,
            WellnessSection::KeepingWell => Phrase::WellnessKeepingWell,
            WellnessSection::SetBacks => Phrase::WellnessSetBacks,
            WellnessSection::EarlySigns => Phrase::WellnessEarlySigns,
            WellnessSection::EarlyActions => Phrase::WellnessEarlyActions,
            WellnessSection::CrisisContact => Phrase::WellnessCrisisContact,
            WellnessSection::CrisisDoNotContact => Phrase::WellnessCrisisDoNotContact,
            WellnessSection::CrisisHelps => Phrase::WellnessCrisisHelps,
            WellnessSection::CrisisDoesNotHelp => Phrase::WellnessCrisisDoesNotHelp,
            WellnessSection::PracticalMatters => Phrase::WellnessPracticalMatters,
            WellnessSection::Medication => Phrase::WellnessMedication,
            WellnessSection::CrisisPlace => Phrase::WellnessCrisisPlace,
            WellnessSection::AfterCrisis => Phrase::WellnessAfterCrisis,
        })
    }

    /// A month's name (1 to 12), as it stands after "in" in a sentence.
    pub fn month(self, month: u32) -> &'static str {
        const MONTHS: [Phrase; 12] = [
            Phrase::Month1,
            Phrase::Month2,
            Phrase::Month3,
            Phrase::Month4,
            Phrase::Month5,
            Phrase::Month6,
            Phrase::Month7,
            Phrase::Month8,
            Phrase::Month9,
            Phrase::Month10,
            Phrase::Month11,
            Phrase::Month12,
        ];
        MONTHS
            .get(month.saturating_sub(1) as usize)
            .map_or("", |p| self.get(*p))
    }

    /// Every language the table speaks, as BCP-47 tags.
    pub fn languages() -> &'static [&'static str] {
        &LANGUAGES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_has_english_and_languages_fall_back() {
        for (p, en, ..) in TABLE.iter().chain(owned::TABLE) {
            assert!(!en.is_empty(), "{p:?}");
        }
        assert_eq!(
            Words::for_language(Some("fr-CA")).get(Phrase::AreaMoney),
            "Argent"
        );
        assert_eq!(
            Words::for_language(Some("tl")).get(Phrase::AreaMoney),
            "Money"
        );
        assert_eq!(Words::for_language(None).language(), "en");
    }
}
