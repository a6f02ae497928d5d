import AlongsideCore
import SwiftUI

/// Settings → Team: on a phone in no team, start one on the agency's server or join with a code
/// shown in person on an admin's phone; on an admin's phone, make an invite code (shown as text,
/// which is what a QR code would carry). The status line is the core's.
struct TeamSection: View {
    @Environment(\.words) private var words
    @Environment(\.teamWords) private var teamWords
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = SyncModel()
    @State private var server = ""
    @State private var code = ""

    var body: some View {
        Section {
            Text(words.teamExplainer).font(.footnote)
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if let page = model.screen.data {
                Text(page.status.summary)
                if !page.status.inTeam {
                    TextField(words.fieldServerUrl, text: $server)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                        .keyboardType(.URL)
                    Button(words.actionTeamCreate) { Task { await model.createTeam(store: store, server: server) } }
                        .disabled(server.isEmpty || model.screen.busy)
                    TextField(words.fieldInviteCode, text: $code)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                    Button(words.actionTeamJoin) { Task { await model.join(store: store, code: code) } }
                        .disabled(code.isEmpty || model.screen.busy)
                }
                if page.status.member {
                    NavigationLink(teamWords.actionMembers, value: Route.members)
                }
                if page.status.admin {
                    Button(words.actionTeamInvite) { Task { await model.invite(store: store) } }
                        .disabled(model.screen.busy)
                    if let invite = page.inviteCode {
                        Text(words.teamInviteExplainer).font(.footnote)
                        Text(invite).textSelection(.enabled).font(.body.monospaced())
                    }
                }
            }
        } header: {
            Text(words.teamTitle)
        }
        .task { await model.load(store: store) }
    }
}
