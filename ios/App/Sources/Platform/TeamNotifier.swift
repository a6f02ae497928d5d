import AlongsideCore
import Foundation
import UserNotifications

/// Posts the core's team notifications (incidents the supervisor must be told of) as local
/// notifications. No notification carries a name: the core's body names the client and the
/// worker, and a notification shows on the lock screen, so its words are the chrome's "An
/// incident needs your attention" and "Open Alongside to see it"; the details wait in the
/// briefing. Returns the ids posted, for `SyncModel.postNotifications`; none without permission, so they
/// wait for the next sync instead of being lost.
enum TeamNotifier {
    static func post(_ items: [TeamNotification], words: TeamWords) async -> [String] {
        guard !items.isEmpty else { return [] }
        let center = UNUserNotificationCenter.current()
        guard (try? await center.requestAuthorization(options: [.alert, .sound])) == true else { return [] }
        var posted: [String] = []
        for item in items {
            let content = UNMutableNotificationContent()
            content.title = words.notifyPublicTitle
            content.body = words.notifyPublicBody
            content.sound = .default
            let request = UNNotificationRequest(identifier: item.incidentId, content: content, trigger: nil)
            if (try? await center.add(request)) != nil { posted.append(item.incidentId) }
        }
        return posted
    }
}
