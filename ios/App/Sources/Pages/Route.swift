import Foundation

/// Where the worker's screens lead; ids are the core's random record ids.
enum Route: Hashable {
    case client(String)
    case visit(clientId: String)
    case note(clientId: String, noteId: String?, activityId: String?)
    case incident(clientId: String?, incidentId: String?)
    case owns(clientId: String)
    case review(clientId: String)
    case referrals(clientId: String)
    case assessment(clientId: String)
    /// The duty balance: one client's, or (nil) the worker's whole caseload.
    case balance(clientId: String?)
    /// Team sync's "needs review" list.
    case syncReview
    /// The team's members (Settings → Team).
    case members
    /// The supervisor's morning briefing (admins).
    case briefing
}
