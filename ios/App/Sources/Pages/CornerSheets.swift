import AlongsideCore
import SwiftUI

/*
 * The corner's forms as sheets, over CornerModel's form values (CornerForms.kt on Android):
 * every word from the core (CornerWords, CornerFormWords); dates and weekday names as the
 * phone's locale writes them. A sheet closes once the core accepts the form; a refusal shows on
 * the corner's page in the core's words.
 */

/// A day picked in the phone's calendar, crossing to the core as "YYYY-MM-DD".
private func dayBinding(_ day: Binding<Day>) -> Binding<Date> {
    Binding(get: { Days.date(day.wrappedValue) ?? Date() }, set: { day.wrappedValue = Days.day($0) })
}

/// An optional day: a toggle for "not set", and a picker while set.
private struct OptionalDayField: View {
    let label: String
    let unset: String
    @Binding var day: Day?

    var body: some View {
        Toggle(unset, isOn: Binding(get: { day == nil }, set: { none in day = none ? nil : Days.today() }))
        if day != nil {
            DatePicker(
                label,
                selection: Binding(get: { Days.date(day ?? Days.today()) ?? Date() }, set: { day = Days.day($0) }),
                displayedComponents: .date)
        }
    }
}

private struct SheetButtons: ToolbarContent {
    let save: String
    let cancel: String
    let canSave: Bool
    let onSave: () -> Void
    let onCancel: () -> Void

    var body: some ToolbarContent {
        ToolbarItem(placement: .cancellationAction) { Button(cancel, action: onCancel) }
        ToolbarItem(placement: .confirmationAction) { Button(save, action: onSave).disabled(!canSave) }
    }
}

struct DebriefSheet: View {
    let view: CornerScreen
    @State var form: DebriefFormValues
    let cancel: () -> Void
    let save: (DebriefFormValues) -> Void

    private static let occasions: [String: DebriefOccasion] = [
        "end_of_day": .endOfDay, "after_crisis": .afterCrisis, "after_incident": .afterIncident,
    ]

    init(view: CornerScreen, form: DebriefFormValues, cancel: @escaping () -> Void, save: @escaping (DebriefFormValues) -> Void) {
        self.view = view
        _form = State(initialValue: form)
        self.cancel = cancel
        self.save = save
    }

    var body: some View {
        let w = view.words
        let f = view.formWords
        Form {
            DatePicker(f.day, selection: dayBinding($form.day), displayedComponents: .date)
            Picker(f.occasion, selection: $form.occasion) {
                ForEach(view.occasions, id: \.value) { (choice: Choice) in
                    Text(choice.label).tag(Self.occasions[choice.value] ?? .endOfDay)
                }
            }
            Picker(w.debriefQuestion, selection: $form.score) {
                ForEach(view.scoreScale, id: \.value) { (choice: Choice) in
                    Text(choice.label).tag(Int32(choice.value))
                }
            }
            TextField(w.debriefWords, text: $form.words, axis: .vertical)
            TextField(w.whatHelped, text: $form.whatHelped, axis: .vertical)
            TextField(w.forMyself, text: $form.forMyself, axis: .vertical)
            Toggle(w.tookBreak, isOn: Binding(get: { form.tookBreak == true }, set: { form.tookBreak = $0 }))
            Toggle(w.shareWithSupervisor, isOn: $form.shareWithSupervisor)
            Text(w.shareNote).font(.footnote)
        }
        .navigationTitle(form.editing == nil ? f.newDebrief : f.editDebrief)
        .toolbar {
            SheetButtons(save: w.save, cancel: f.cancel, canSave: form.canSave, onSave: { save(form) }, onCancel: cancel)
        }
    }
}

struct SupervisionSheet: View {
    let words: CornerFormWords
    let saveLabel: String
    @State var form: SupervisionFormValues
    let cancel: () -> Void
    let save: (SupervisionFormValues) -> Void

    init(
        words: CornerFormWords, save saveLabel: String, form: SupervisionFormValues, cancel: @escaping () -> Void,
        onSave save: @escaping (SupervisionFormValues) -> Void
    ) {
        self.words = words
        self.saveLabel = saveLabel
        _form = State(initialValue: form)
        self.cancel = cancel
        self.save = save
    }

    var body: some View {
        let f = words
        Form {
            DatePicker(f.day, selection: dayBinding($form.day), displayedComponents: .date)
            TextField(f.withWhom, text: $form.withWhom)
            Section(f.topics) {
                ForEach(form.topics.indices, id: \.self) { i in
                    TextField(f.topics, text: $form.topics[i])
                }
                .onDelete { form.topics.remove(atOffsets: $0) }
                Button(f.addTopic) { form.topics.append("") }
            }
            Toggle(f.held, isOn: $form.held)
            TextField(f.notes, text: $form.notes, axis: .vertical)
            Section(f.actions) {
                ForEach(form.agreed, id: \.id) { (a: SupervisionAction) in
                    RowText(title: a.what, lines: [a.doneOn == nil ? "" : f.actionDone])
                }
                ForEach(form.newActions.indices, id: \.self) { i in
                    TextField(f.actionWhat, text: $form.newActions[i].what)
                    OptionalDayField(label: f.actionDue, unset: f.notSet, day: $form.newActions[i].due)
                }
                .onDelete { form.newActions.remove(atOffsets: $0) }
                Button(f.addAction) { form.newActions.append(ActionDraft()) }
            }
        }
        .navigationTitle(form.editing == nil ? f.newSupervision : f.editSupervision)
        .toolbar {
            SheetButtons(
                save: saveLabel, cancel: f.cancel, canSave: !form.withWhom.isEmpty, onSave: { save(form) },
                onCancel: cancel)
        }
    }
}

struct CertificationSheet: View {
    let words: CornerFormWords
    let saveLabel: String
    @State var form: CertificationFormValues
    let cancel: () -> Void
    let delete: (String) -> Void
    let save: (CertificationFormValues) -> Void

    init(
        words: CornerFormWords, save saveLabel: String, form: CertificationFormValues, cancel: @escaping () -> Void,
        delete: @escaping (String) -> Void, onSave save: @escaping (CertificationFormValues) -> Void
    ) {
        self.words = words
        self.saveLabel = saveLabel
        _form = State(initialValue: form)
        self.cancel = cancel
        self.delete = delete
        self.save = save
    }

    var body: some View {
        let f = words
        Form {
            TextField(f.certificationName, text: $form.name)
            OptionalDayField(label: f.certificationExpires, unset: f.noExpiry, day: $form.expires)
            TextField(f.notes, text: $form.notes, axis: .vertical)
            if let id = form.editing {
                Button(f.delete, role: .destructive) { delete(id) }
            }
        }
        .navigationTitle(form.editing == nil ? f.newCertification : f.editCertification)
        .toolbar {
            SheetButtons(
                save: saveLabel, cancel: f.cancel, canSave: !form.name.isEmpty, onSave: { save(form) },
                onCancel: cancel)
        }
    }
}

struct CornerSettingsSheet: View {
    let words: CornerFormWords
    let saveLabel: String
    @State var form: CornerSettingsFormValues
    let cancel: () -> Void
    let save: (CornerSettingsFormValues) -> Void

    init(
        words: CornerFormWords, save saveLabel: String, form: CornerSettingsFormValues, cancel: @escaping () -> Void,
        onSave save: @escaping (CornerSettingsFormValues) -> Void
    ) {
        self.words = words
        self.saveLabel = saveLabel
        _form = State(initialValue: form)
        self.cancel = cancel
        self.save = save
    }

    private func time(_ value: Binding<ClockTime>) -> Binding<Date> {
        Binding(get: { Days.date(clockTime: value.wrappedValue) ?? Date() }, set: { value.wrappedValue = Days.clockTime($0) })
    }

    private func count(_ label: String, _ value: Binding<UInt32>) -> some View {
        Stepper("\(label): \(value.wrappedValue)", value: value, in: 0...365)
    }

    var body: some View {
        let f = words
        // Monday first, as the core numbers them (1 to 7), named in the phone's own calendar.
        let names = Calendar.current.shortWeekdaySymbols
        Form {
            Toggle(f.workingHours, isOn: $form.hoursSet)
            if form.hoursSet {
                Section(f.workingDays) {
                    ForEach(1...7, id: \.self) { (n: Int) in
                        Toggle(names[n % 7], isOn: Binding(
                            get: { form.days.contains(UInt32(n)) },
                            set: { on in if on { form.days.insert(UInt32(n)) } else { form.days.remove(UInt32(n)) } }))
                    }
                }
                DatePicker(f.dayStart, selection: time($form.start), displayedComponents: .hourAndMinute)
                DatePicker(f.dayEnd, selection: time($form.end), displayedComponents: .hourAndMinute)
            }
            Section(f.thresholds) {
                count(f.thresholdCrisis, $form.thresholds.crisisResponses)
                count(f.thresholdIncidents, $form.thresholds.incidents)
                count(f.thresholdEmergency, $form.thresholds.emergencyVisits)
                count(f.thresholdLate, $form.thresholds.lateFinishes)
                count(f.thresholdNoBreak, $form.thresholds.daysWithoutBreak)
                count(f.thresholdHeavyDebriefs, $form.thresholds.heavyDebriefs)
            }
            count(f.certificationNotice, $form.noticeDays)
        }
        .navigationTitle(f.settings)
        .toolbar {
            SheetButtons(save: saveLabel, cancel: f.cancel, canSave: true, onSave: { save(form) }, onCancel: cancel)
        }
    }
}
