import AlongsideCore
import Charts
import SwiftUI

/// One goal's progress as a picture (Swift Charts): the client's line and the worker's, never
/// averaged, review days as rule marks. VoiceOver reads the core's sentence instead of the marks.
struct GoalProgressChart: View {
    let chart: ProgressChart
    let goal: GoalProgress

    private struct Point: Identifiable {
        let id: Int
        let series: String
        let date: Date
        let score: Int
    }

    private var points: [Point] {
        var out: [Point] = []
        for p in goal.clientSeries {
            if let d = Days.date(p.on) { out.append(Point(id: out.count, series: goal.clientLabel, date: d, score: Int(p.score))) }
        }
        for p in goal.workerSeries {
            if let d = Days.date(p.on) { out.append(Point(id: out.count, series: goal.workerLabel, date: d, score: Int(p.score))) }
        }
        return out
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            if !points.isEmpty {
                Chart {
                    ForEach(points) { p in
                        LineMark(x: .value(chart.timeAxis, p.date), y: .value(chart.scoreAxis, p.score))
                            .foregroundStyle(by: .value("", p.series))
                        PointMark(x: .value(chart.timeAxis, p.date), y: .value(chart.scoreAxis, p.score))
                            .foregroundStyle(by: .value("", p.series))
                    }
                    ForEach(goal.reviewDays, id: \.self) { (day: Day) in
                        if let d = Days.date(day) {
                            RuleMark(x: .value(chart.reviewLabel, d)).lineStyle(StrokeStyle(dash: [2, 3]))
                        }
                    }
                }
                .chartYScale(domain: Int(chart.scoreMin)...Int(chart.scoreMax))
                .chartYAxisLabel(chart.scoreAxis)
                .chartXAxisLabel(chart.timeAxis)
                .frame(height: 180)
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(goal.sentence)
            }
            Text(goal.sentence).font(.subheadline)
        }
    }
}

/// The client's wellness and crisis plan: every section with its heading, the words as written,
/// and who wrote them. `onEdit` nil: read only (the worker's view).
struct WellnessPlanView: View {
    @Environment(\.words) private var words
    let view: WellnessView
    var onEdit: ((WellnessSectionView) -> Void)?

    var body: some View {
        Section(view.title) {
            ForEach(view.sections, id: \.heading) { (section: WellnessSectionView) in
                VStack(alignment: .leading, spacing: 4) {
                    Text(section.heading).font(.headline).accessibilityAddTraits(.isHeader)
                    if let text = section.text { Text(text) }
                    Text([section.writtenByLabel, section.writtenOn.map { Days.display($0) } ?? ""]
                        .filter { !$0.isEmpty }.joined(separator: " · ")).font(.caption)
                    if let onEdit { Button(words.actionWrite) { onEdit(section) } }
                }
            }
        }
    }
}
