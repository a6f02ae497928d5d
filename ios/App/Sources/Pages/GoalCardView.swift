import AlongsideCore
import SwiftUI

/// One goal of the plan, from the core's GoalCard: the client's words first, the worker's step,
/// and the latest ratings from both sides next to each other.
struct GoalCardView: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let card: GoalCard
    let rate: () -> Void
    let addStep: () -> Void
    let confirm: (Step) -> Void
    /// Reword a step (`editStep`); the earlier words stay in the goal's history.
    var editStep: (Step) -> Void = { _ in }
    /// Correct the goal itself (`updateGoal`).
    var editGoal: () -> Void = {}

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(card.areaLabel).font(.caption).foregroundStyle(.secondary)
            Text(card.clientWords).font(.headline)
            if let step = card.workerStep { Text(phrase(lang, .goalWorkerStep(step: step))) }
            if let measure = card.measure { Text(phrase(lang, .goalMeasure(measure: measure))) }
            Text([card.statusLabel, card.targetDate.map { Days.display($0) } ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " · "))
            HStack(alignment: .top) {
                RatingSide(title: words.ratingClient, rating: card.latestClientRating, trend: card.clientTrend)
                Divider()
                RatingSide(title: words.ratingWorker, rating: card.latestWorkerRating, trend: card.workerTrend)
            }
            if !card.steps.isEmpty {
                Text(phrase(lang, .goalStepsDone(done: UInt32(card.stepsDone), total: UInt32(card.steps.count)))).font(.subheadline)
                ForEach(card.steps, id: \.id) { (step: Step) in
                    StepLine(step: step, confirm: { confirm(step) }, edit: { editStep(step) })
                }
            }
            HStack {
                Button(words.actionRateProgress, action: rate)
                Button(words.actionAddStep, action: addStep)
                Button(words.actionEditGoal, action: editGoal)
            }
            .buttonStyle(.bordered)
            if !card.edits.isEmpty {
                Text(words.historyTitle).font(.caption).foregroundStyle(.secondary)
                ForEach(card.edits, id: \.rev) { (e: EarlierRevision) in Text(e.summary).font(.caption) }
            }
        }
    }
}

private struct RatingSide: View {
    @Environment(\.lang) private var lang
    let title: String
    let rating: RatingView?
    let trend: Trend

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(title).font(.caption).foregroundStyle(.secondary)
            if let rating {
                Text(phrase(lang, .ratingScore(score: UInt32(rating.score)))).font(.title3)
                Text(Days.display(rating.on)).font(.caption)
                if let words = rating.words { Text(words).font(.subheadline) }
            } else {
                Text(words.ratingNone)
            }
            Text(trendText).font(.caption)
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }

    private var trendText: String {
        switch trend {
        case Trend.up: return words.trendUp
        case Trend.same: return words.trendSame
        case Trend.down: return words.trendDown
        case Trend.notEnough: return words.trendNotEnough
        }
    }
}

private struct StepLine: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let step: Step
    let confirm: () -> Void
    let edit: () -> Void

    var body: some View {
        HStack {
            VStack(alignment: .leading) {
                Text(step.text)
                Text(state).font(.caption).foregroundStyle(.secondary)
            }
            .accessibilityElement(children: .combine)
            Spacer()
            if waitingForWorker { Button(words.actionConfirmStep, action: confirm) }
            Button(words.actionEdit, action: edit).buttonStyle(.borderless)
        }
    }

    private var waitingForWorker: Bool { step.markedBy == Author.client && !step.confirmed }

    private var state: String {
        if waitingForWorker { return words.stepMarkedByClient }
        if let done = step.doneOn { return phrase(lang, .stepDoneOn(day: Days.display(done))) }
        return words.stepOpen
    }
}
