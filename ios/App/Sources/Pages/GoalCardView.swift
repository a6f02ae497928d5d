import AlongsideCore
import SwiftUI

/// One goal of the plan, from the core's GoalCard: the client's words first, the worker's step,
/// and the latest ratings from both sides next to each other.
struct GoalCardView: View {
    let card: GoalCard
    let rate: () -> Void
    let addStep: () -> Void
    let confirm: (Step) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(card.areaLabel).font(.caption).foregroundStyle(.secondary)
            Text(card.clientWords).font(.headline)
            if let step = card.workerStep { Text("Worker's step: \(step)") }
            if let measure = card.measure { Text("Measure: \(measure)") }
            Text([card.statusLabel, card.targetDate.map { Days.display($0) } ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " · "))
            HStack(alignment: .top) {
                RatingSide(title: String(localized: "Client"), rating: card.latestClientRating, trend: card.clientTrend)
                Divider()
                RatingSide(title: String(localized: "Worker"), rating: card.latestWorkerRating, trend: card.workerTrend)
            }
            if !card.steps.isEmpty {
                Text("Steps done: \(card.stepsDone) of \(card.steps.count)").font(.subheadline)
                ForEach(card.steps, id: \.id) { (step: Step) in
                    StepLine(step: step) { confirm(step) }
                }
            }
            HStack {
                Button("Rate progress", action: rate)
                Button("Add a step", action: addStep)
            }
            .buttonStyle(.bordered)
        }
    }
}

private struct RatingSide: View {
    let title: String
    let rating: RatingView?
    let trend: Trend

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(title).font(.caption).foregroundStyle(.secondary)
            if let rating {
                Text("\(rating.score) out of 10").font(.title3)
                Text(Days.display(rating.on)).font(.caption)
                if let words = rating.words { Text(words).font(.subheadline) }
            } else {
                Text("Not rated yet")
            }
            Text(trendText).font(.caption)
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .combine)
    }

    private var trendText: String {
        switch trend {
        case Trend.up: return String(localized: "Going up")
        case Trend.same: return String(localized: "Steady")
        case Trend.down: return String(localized: "Going down")
        case Trend.notEnough: return String(localized: "Not enough ratings for a trend")
        }
    }
}

private struct StepLine: View {
    let step: Step
    let confirm: () -> Void

    var body: some View {
        HStack {
            VStack(alignment: .leading) {
                Text(step.text)
                Text(state).font(.caption).foregroundStyle(.secondary)
            }
            .accessibilityElement(children: .combine)
            Spacer()
            if waitingForWorker { Button("Confirm", action: confirm) }
        }
    }

    private var waitingForWorker: Bool { step.markedBy == Author.client && !step.confirmed }

    private var state: String {
        if waitingForWorker { return String(localized: "Marked done by the client; please confirm") }
        if let done = step.doneOn { return String(localized: "Done \(Days.display(done))") }
        return String(localized: "Not done yet")
    }
}
