import AlongsideCore
import SwiftUI

/// Log a visit: kind, when, where, the lesson in mind (purpose), the duties it carried, the goals
/// it worked on, follow-ups. As the purpose is typed the core suggests duties and says which words
/// made it think so; the worker chooses. Whether the form is complete is the core's call.
struct LogVisitPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let clientId: String
    @EnvironmentObject private var store: VaultStore
    @Environment(\.dismiss) private var dismiss
    @StateObject private var model = ScreenModel<Activity>()
    @State private var goals: [GoalCard] = []
    @State private var kind = ActivityKind.homeVisit
    @State private var scheduling = Scheduling.planned
    @State private var day = Date()
    @State private var hasTime = false
    @State private var time = Date()
    @State private var minutes = ""
    @State private var place = ""
    @State private var purpose = ""
    @State private var chosen: [Duty] = []
    @State private var goalIds: [String] = []
    @State private var followUps: [FollowUpInput] = []
    @State private var followUpText = ""
    /// The core's default: a week after the activity's day (`followUpDue(activityDay:)`).
    @State private var followUpDue = Days.date(AlongsideCore.followUpDue(activityDay: Days.today())) ?? Date()
    @State private var suggestions: [DutySuggestion] = []
    private let kinds: [ActivityKindInfo] = activityKinds()
    private let dutyChoices: [DutyInfo] = duties()
    private let language = Locale.current.identifier(.bcp47)

    var body: some View {
        Form {
            ErrorBanner(error: model.error) { model.error = nil }
            Section(words.visitKind) {
                Picker(words.visitKind, selection: $kind) {
                    ForEach(kinds, id: \.kind) { (info: ActivityKindInfo) in Text(info.label).tag(info.kind) }
                }
                Picker(words.visitScheduling, selection: $scheduling) {
                    ForEach(schedulingChoices(language: lang), id: \.value) { (choice: Choice) in
                        Text(choice.label).tag(Scheduling(choiceValue: choice.value) ?? .planned)
                    }
                }
            }
            Section(words.visitWhenWhere) {
                DatePicker(words.fieldDay, selection: $day, displayedComponents: .date)
                Toggle(words.actionSetTime, isOn: $hasTime)
                if hasTime { DatePicker(words.fieldTime, selection: $time, displayedComponents: .hourAndMinute) }
                TextField(words.fieldMinutes, text: $minutes).keyboardType(.numberPad)
                fieldError("duration_minutes")
                TextField(words.fieldPlace, text: $place)
                fieldError("place")
            }
            Section {
                TextField(words.fieldLesson, text: $purpose, axis: .vertical)
                    .lineLimit(3...)
                fieldError("purpose")
                ForEach(suggestions, id: \.duty) { (suggestion: DutySuggestion) in
                    Button {
                        toggle(suggestion.duty)
                    } label: {
                        VStack(alignment: .leading, spacing: 2) {
                            Label(suggestion.label, systemImage: chosen.contains(suggestion.duty) ? "checkmark.circle.fill" : "circle")
                            Text(suggestion.reason).font(.caption)
                            Text(highlighted(purpose, spans: suggestion.triggers.map { $0.span })).font(.caption)
                        }
                    }
                    .accessibilityHint(Text(words.dutyChooses))
                }
            } header: {
                Text(kinds.first { $0.kind == kind }?.needsPurpose == true
                    ? words.fieldPurposeNeeded : words.fieldPurpose)
            }
            Section(words.visitDuties) {
                fieldError("duties")
                ForEach(dutyChoices, id: \.duty) { (info: DutyInfo) in
                    Toggle(isOn: Binding(get: { chosen.contains(info.duty) }, set: { _ in toggle(info.duty) })) {
                        VStack(alignment: .leading) {
                            Text(info.label)
                            Text(info.description).font(.caption).foregroundStyle(.secondary)
                        }
                    }
                }
            }
            if !goals.isEmpty {
                Section(words.visitGoals) {
                    ForEach(goals, id: \.goalId) { (goal: GoalCard) in
                        Toggle(goal.clientWords, isOn: Binding(
                            get: { goalIds.contains(goal.goalId) },
                            set: { on in goalIds = on ? goalIds + [goal.goalId] : goalIds.filter { $0 != goal.goalId } }))
                    }
                }
            }
            Section(words.todayFollowUps) {
                ForEach(followUps.indices, id: \.self) { index in
                    let followUp: FollowUpInput = followUps[index]
                    Text(phrase(lang, .followUpLine(what: followUp.what, due: Days.display(followUp.due))))
                        .swipeActions { Button(words.actionRemove, role: .destructive) { followUps.remove(at: index) } }
                }
                TextField(words.fieldFollowUp, text: $followUpText)
                DatePicker(words.fieldDue, selection: $followUpDue, displayedComponents: .date)
                Button(words.actionAddFollowUp) {
                    followUps.append(FollowUpInput(what: followUpText, due: Days.day(followUpDue)))
                    followUpText = ""
                }
                .disabled(followUpText.isEmpty)
                fieldError("what")
                fieldError("due")
            }
            Button(model.data == nil ? words.actionSaveVisit : words.actionSaveChanges) {
                Task { await submit() }
            }
            .disabled(model.busy)
        }
        .navigationTitle(words.actionLogVisit)
        .onChange(of: purpose) { text in
            suggestions = suggestDuties(text: text, language: language)
        }
        .task {
            let (id, today) = (clientId, Days.today())
            let screen = await model.perform { try await store.withWorker { w in try w.planScreen(clientId: id, today: today) } }
            goals = screen?.goals ?? []
        }
    }

    @ViewBuilder
    private func fieldError(_ field: String) -> some View {
        if let message = ErrorText.field(model.error, field) {
            Text(message).font(.footnote).foregroundStyle(.red)
        }
    }

    private func toggle(_ duty: Duty) {
        if let index = chosen.firstIndex(of: duty) { chosen.remove(at: index) } else { chosen.append(duty) }
    }

    /// Save the visit with its follow-ups in one core call: all of it, or (on an error, named by
    /// its field, e.g. `follow_ups[1].due`) none of it, as LogVisitState does on Android.
    private func submit() async {
        let input = ActivityInput(
            kind: kind, scheduling: scheduling, status: nil, day: Days.day(day),
            time: hasTime ? Days.clockTime(time) : nil,
            durationMinutes: Int32(minutes),
            place: place.isEmpty ? nil : place, purpose: purpose.isEmpty ? nil : purpose,
            duties: chosen, goalIds: goalIds)
        let (id, pending) = (clientId, followUps)
        guard let saved = await model.perform({
            try await store.withWorker { w in
                try w.addActivityWithFollowUps(clientId: id, input: input, followUps: pending)
            }
        }) else { return }
        model.data = saved
        followUps = []
        dismiss()
    }
}
