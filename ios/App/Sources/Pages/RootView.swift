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
    }
}

struct WorkerTabs: View {
    var body: some View {
        TabView {
            NavigationStack { TodayPage().withRoutes() }
                .tabItem { Label("Today", systemImage: "sun.max") }
            NavigationStack { CaseloadPage().withRoutes() }
                .tabItem { Label("Caseload", systemImage: "person.2") }
            NavigationStack { CornerPage() }
                .tabItem { Label("My corner", systemImage: "heart") }
            NavigationStack { SettingsPage() }
                .tabItem { Label("Settings", systemImage: "gearshape") }
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
            case .balance(let clientId):
                DutyBalancePage(clientId: clientId)
            }
        }
    }
}
