import AlongsideCore
import SwiftUI

/// The worker's language and the app's chrome in it, as the environment carries them. Every word a
/// page shows comes from the core in this language: the screen models, the form options
/// (`*Choices`), errors (`errorMessage`) and the app's own chrome (`appWords` / `appPhrase`,
/// core/locales/*/app.ftl); the app holds none of its own (tests/shells/check_words.py).
private struct WordsKey: EnvironmentKey {
    static let defaultValue: AppWords = appWords(language: .en)
}

private struct TeamWordsKey: EnvironmentKey {
    static let defaultValue: TeamWords = teamWords(language: .en)
}

private struct LangKey: EnvironmentKey {
    static let defaultValue: Lang = .en
}

extension EnvironmentValues {
    /// The app's chrome (tab names, buttons, field labels) in the reader's language.
    var words: AppWords {
        get { self[WordsKey.self] }
        set { self[WordsKey.self] = newValue }
    }

    /// The team pages' chrome (members, briefing, requests, notifications) in the reader's language.
    var teamWords: TeamWords {
        get { self[TeamWordsKey.self] }
        set { self[TeamWordsKey.self] = newValue }
    }

    /// The reader's language: the worker's, or in shared mode the client's.
    var lang: Lang {
        get { self[LangKey.self] }
        set { self[LangKey.self] = newValue }
    }
}

extension View {
    /// This view worded in `lang`, laid out right to left where the core says it is written so.
    func worded(in lang: Lang) -> some View {
        environment(\.lang, lang)
            .environment(\.words, appWords(language: lang))
            .environment(\.teamWords, teamWords(language: lang))
            .environment(\.layoutDirection, langIsRtl(language: lang) ? .rightToLeft : .leftToRight)
    }
}

/// A phrase of the app's chrome with values put in, in `lang`.
func phrase(_ lang: Lang, _ phrase: AppPhrase) -> String {
    appPhrase(language: lang, phrase: phrase)
}

/// A form option's `value` (the core's snake_case name) back to the enum a call takes. The core
/// words the options (`schedulingChoices`, `SharedScreen.entryKinds`); the app only maps values.
extension Scheduling {
    init?(choiceValue: String) {
        switch choiceValue {
        case "planned": self = .planned
        case "emergency": self = .emergency
        case "as_needed": self = .asNeeded
        default: return nil
        }
    }
}

extension EntryKind {
    init?(choiceValue: String) {
        switch choiceValue {
        case "what_helps_me": self = .whatHelpsMe
        case "reflection": self = .reflection
        default: return nil
        }
    }
}

extension LifeArea {
    init?(choiceValue: String) {
        switch choiceValue {
        case "housing": self = .housing
        case "mental_health": self = .mentalHealth
        case "physical_health": self = .physicalHealth
        case "daily_living": self = .dailyLiving
        case "work_education": self = .workEducation
        case "money": self = .money
        case "relationships": self = .relationships
        case "substance_use": self = .substanceUse
        case "legal": self = .legal
        case "safety": self = .safety
        default: return nil
        }
    }
}

extension RiskLevel {
    init?(choiceValue: String) {
        switch choiceValue {
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        default: return nil
        }
    }
}
