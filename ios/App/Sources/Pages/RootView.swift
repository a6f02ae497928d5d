import SwiftUI

/// The vault's status decides the screen family: create, unlock, the client's shared screen, or
/// the worker's tabs. The worker's tabs are rebuilt after every lock, so no screen keeps a
/// client's data across it.
struct RootView: View {
    @EnvironmentObject private var store: VaultStore

    var body: some View {
        Group {
            if !store.started {
                ProgressView()
            } else {
                switch store.status {
                case .noVault:
                    CreateVaultPage()
                case .locked(let hasPlatformKey):
                    UnlockPage(hasPlatformKey: hasPlatformKey)
                case .shared(let clientId):
                    SharedModePage(clientId: clientId)
                case .unlocked:
                    WorkerTabs().id(store.lockCount)
                }
            }
        }
        // Every word in the worker's language (the core's setting), laid out for it.
        .worded(in: store.language)
    }
}

struct WorkerTabs: View {
    @Environment(\.words) private var words
    var body: some View {
        TabView {
            NavigationStack { TodayPage().withRoutes() }
                .tabItem { Label(words.tabToday, systemImage: "sun.max") }
            NavigationStack { CaseloadPage().withRoutes() }
                .tabItem { Label(words.tabCaseload, systemImage: "person.2") }
            NavigationStack { CornerPage() }
                .tabItem { Label(words.tabCorner, systemImage: "heart") }
            NavigationStack { SettingsPage().withRoutes() }
                .tabItem { Label(words.tabSettings, systemImage: "gearshape") }
        }
    }
}

extension View {
    /// The worker's destinations, for any navigation stack.
    func withRoutes() -> some View {
        navigationDestination(for: Route.self) { (route: Route) in
            switch route {
            case .client(let clientId):
                ClientPage(clientId: clientId)
            case .visit(let clientId):
                LogVisitPage(clientId: clientId)
            case .owns(let clientId):
                ClientOwnsPage(clientId: clientId)
            case .note(let clientId, let noteId, let activityId):
                NotePage(clientId: clientId, noteId: noteId, activityId: activityId)
            case .incident(let clientId, let incidentId):
                IncidentPage(clientId: clientId, incidentId: incidentId)
            case .review(let clientId):
                PlanReviewPage(clientId: clientId)
            case .referrals(let clientId):
                ReferralsPage(clientId: clientId)
            case .assessment(let clientId):
                AssessmentPage(clientId: clientId)
            case .balance(let clientId):
                DutyBalancePage(clientId: clientId)
            case .syncReview:
                NeedsReviewPage()
            case .members:
                MembersPage()
            case .briefing:
                BriefingPage()
            }
        }
    }
}
