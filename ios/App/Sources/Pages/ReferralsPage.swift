import AlongsideCore
import SwiftUI

/// Resources and one client's referrals with their outcomes, over ReferralModel: the core's
/// status and category labels; refer from a resource, record an outcome on a referral or correct
/// it (`updateReferral`, its earlier revisions shown under it).
struct ReferralsPage: View {
    @Environment(\.words) private var words
    let clientId: String
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model: ReferralModel
    @State private var outcome = ""
    private let today = Days.today()

    init(clientId: String) {
        self.clientId = clientId
        _model = StateObject(wrappedValue: ReferralModel(clientId: clientId))
    }

    var body: some View {
        List {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if let data = model.screen.data {
                Section(words.referralsTitle) {
                    ForEach(data.referrals, id: \.referral.id) { (r: ReferralView) in
                        VStack(alignment: .leading) {
                            Text(r.resourceName)
                            Text(r.statusLabel).font(.subheadline)
                            if let done = r.referral.outcome { Text(done).font(.subheadline) }
                            TextField(words.fieldOutcome, text: $outcome)
                            Button(words.actionSaveChanges) {
                                let input = ReferralInput(
                                    resourceId: r.referral.resourceId, reason: r.referral.reason,
                                    madeOn: r.referral.madeOn, followUpDue: r.referral.followUpDue)
                                Task {
                                    _ = await model.update(
                                        store: store, referralId: r.referral.id, input: input,
                                        outcome: outcome.isEmpty ? nil : outcome)
                                    outcome = ""
                                }
                            }
                            RecordHistoryView(recordId: r.referral.id)
                            Button(words.statusCompleted) {
                                Task {
                                    _ = await model.setStatus(
                                        store: store, referralId: r.referral.id, status: .completed, on: today,
                                        outcome: outcome.isEmpty ? nil : outcome)
                                    outcome = ""
                                }
                            }
                        }
                    }
                }
                Section(words.resourcesTitle) {
                    ForEach(data.resources, id: \.id) { (res: Resource) in
                        HStack {
                            Text(res.name)
                            Spacer()
                            Button(words.actionRefer) {
                                Task { _ = await model.refer(store: store, input: ReferralInput(resourceId: res.id, reason: nil, madeOn: today, followUpDue: nil)) }
                            }
                        }
                    }
                }
            }
        }
        .navigationTitle(words.referralsTitle)
        .task { await model.load(store: store) }
    }
}
