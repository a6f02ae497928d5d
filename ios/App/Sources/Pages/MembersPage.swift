import AlongsideCore
import SwiftUI

/// Settings → Team → Members: each member's name, role, devices with last seen and clients count
/// (the core's sentences), and this phone's own name in the team. On an admin's phone: assign a
/// client, cover clients until a day, cut off a device or a member (after a confirmation that
/// says what happens), make a worker a supervisor or back, and the offline lease.
struct MembersPage: View {
    /// What an admin is about to cut off, held until they confirm.
    private enum Removal: Identifiable {
        case device(String)
        case member(String)
        var id: String {
            switch self {
            case .device(let id): return "device-" + id
            case .member(let id): return "member-" + id
            }
        }
    }

    @Environment(\.words) private var words
    @Environment(\.teamWords) private var teamWords
    @Environment(\.lang) private var lang
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = MembersModel()
    @State private var name = ""
    @State private var removal: Removal?
    @State private var assignClient: String?
    @State private var assignMember: String?
    @State private var removePrevious = false
    @State private var coverClients: Set<String> = []
    @State private var coverMember: String?
    @State private var coverUntil = Calendar.current.date(byAdding: .day, value: 7, to: Date()) ?? Date()
    @State private var leaseDays = ""

    var body: some View {
        List {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            Section {
                if let report = model.screen.data?.lastChange {
                    if report.removedFromTeam { Text(teamWords.syncRemovedFromTeam) }
                    if report.clientsHandedAway > 0 {
                        Text(phrase(lang, .clientsHandedAway(count: report.clientsHandedAway)))
                    }
                }
                TextField(teamWords.fieldMyTeamName, text: $name)
                Button(words.actionSave) { Task { await model.setName(store: store, name: name) } }
                    .disabled(name.isEmpty || model.screen.busy)
                if let page = model.screen.data, !page.admin {
                    Text(teamWords.membersListOnly).font(.footnote)
                }
            }
            if let page = model.screen.data {
                Section(teamWords.membersTitle) {
                    ForEach(page.members, id: \.memberId) { (member: TeamMember) in
                        memberRow(member, admin: page.admin)
                    }
                }
                if page.admin {
                    assignSection(page)
                    coverSection(page)
                    Section {
                        TextField(teamWords.fieldLeaseDays, text: $leaseDays).keyboardType(.numberPad)
                        Text(teamWords.leaseExplainer).font(.footnote)
                        Button(words.actionSave) {
                            if let days = UInt32(leaseDays) { Task { await model.setLease(store: store, days: days) } }
                        }
                        .disabled(UInt32(leaseDays) == nil || model.screen.busy)
                    }
                }
            }
        }
        .navigationTitle(teamWords.membersTitle)
        .task { await model.load(store: store) }
        .confirmationDialog(
            removal.map { if case .device = $0 { return teamWords.actionRemoveDevice } else { return teamWords.actionRemoveMember } } ?? "",
            isPresented: Binding(get: { removal != nil }, set: { if !$0 { removal = nil } }),
            titleVisibility: .visible,
            presenting: removal
        ) { pending in
            switch pending {
            case .device(let id):
                Button(teamWords.actionRemoveDevice, role: .destructive) { Task { await model.removeDevice(store: store, deviceId: id) } }
            case .member(let id):
                Button(teamWords.actionRemoveMember, role: .destructive) { Task { await model.removeMember(store: store, memberId: id) } }
            }
            Button(words.actionCancel, role: .cancel) {}
        } message: { pending in
            switch pending {
            case .device: Text(teamWords.removeDeviceConfirm)
            case .member: Text(teamWords.removeMemberConfirm)
            }
        }
    }

    @ViewBuilder
    private func memberRow(_ member: TeamMember, admin: Bool) -> some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(member.name).font(.headline)
            Text(member.summary).font(.subheadline)
            ForEach(member.devices, id: \.device) { (device: TeamDevice) in
                HStack {
                    Text(device.statusLabel).font(.footnote)
                    if admin && !device.removed && !device.thisPhone {
                        Spacer()
                        Button(teamWords.actionRemoveDevice, role: .destructive) { removal = .device(device.device) }
                            .buttonStyle(.borderless)
                    }
                }
            }
            if admin && !member.isMe && !member.removed {
                HStack {
                    Button(member.admin ? teamWords.actionMakeWorker : teamWords.actionMakeSupervisor) {
                        Task { await model.setSupervisor(store: store, memberId: member.memberId, supervisor: !member.admin) }
                    }
                    .buttonStyle(.borderless)
                    Spacer()
                    Button(teamWords.actionRemoveMember, role: .destructive) { removal = .member(member.memberId) }
                        .buttonStyle(.borderless)
                }
                .disabled(model.screen.busy)
            }
        }
    }

    private func assignSection(_ page: MembersModel.Page) -> some View {
        Section(teamWords.actionAssignClient) {
            Text(teamWords.assignExplainer).font(.footnote)
            Picker(teamWords.fieldClient, selection: $assignClient) {
                Text(words.valueNone).tag(String?.none)
                ForEach(page.clients, id: \.id) { (c: Client) in Text(c.preferredName).tag(String?.some(c.id)) }
            }
            Picker(teamWords.membersTitle, selection: $assignMember) {
                Text(words.valueNone).tag(String?.none)
                ForEach(page.members.filter { !$0.removed }, id: \.memberId) { (m: TeamMember) in Text(m.name).tag(String?.some(m.memberId)) }
            }
            Toggle(teamWords.fieldRemovePrevious, isOn: $removePrevious)
            Button(teamWords.actionAssignClient) {
                guard let client = assignClient, let member = assignMember else { return }
                Task { await model.assign(store: store, clientId: client, memberId: member, removePrevious: removePrevious) }
            }
            .disabled(assignClient == nil || assignMember == nil || model.screen.busy)
        }
    }

    private func coverSection(_ page: MembersModel.Page) -> some View {
        Section(teamWords.actionCover) {
            Text(teamWords.coverExplainer).font(.footnote)
            ForEach(page.clients, id: \.id) { (c: Client) in
                Toggle(c.preferredName, isOn: Binding(
                    get: { coverClients.contains(c.id) },
                    set: { on in if on { coverClients.insert(c.id) } else { coverClients.remove(c.id) } }
                ))
            }
            Picker(teamWords.membersTitle, selection: $coverMember) {
                Text(words.valueNone).tag(String?.none)
                ForEach(page.others, id: \.memberId) { (m: TeamMember) in Text(m.name).tag(String?.some(m.memberId)) }
            }
            DatePicker(teamWords.fieldCoverUntil, selection: $coverUntil, displayedComponents: .date)
            Button(teamWords.actionCover) {
                guard let member = coverMember else { return }
                let (clients, until) = (Array(coverClients), Days.day(coverUntil))
                Task { await model.cover(store: store, clientIds: clients, memberId: member, until: until) }
            }
            .disabled(coverClients.isEmpty || coverMember == nil || model.screen.busy)
        }
    }
}
