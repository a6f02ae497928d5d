import UIKit

/// Keeping the client inside shared mode. iOS lets an app lock itself in (single-app mode) only
/// on supervised, managed phones; there `requestGuidedAccessSession` succeeds. Everywhere else
/// the worker turns on Guided Access (Settings › Accessibility › Guided Access) and starts it with
/// a triple click of the side button; the shared-mode screen says so while it is off.
/// Whatever happens, leaving shared mode still needs the worker's passphrase or biometrics.
enum GuidedAccess {
    /// Guided Access (or single-app mode) is on now.
    static var isActive: Bool { UIAccessibility.isGuidedAccessEnabled }

    /// Ask to lock the app in (managed phones); `done(true)` if it is locked in.
    static func begin(_ done: @escaping (Bool) -> Void) {
        guard !isActive else { return done(true) }
        UIAccessibility.requestGuidedAccessSession(enabled: true) { success in
            DispatchQueue.main.async { done(success) }
        }
    }

    /// Release the lock this app asked for (no effect on one the worker started by hand).
    static func end() {
        guard isActive else { return }
        UIAccessibility.requestGuidedAccessSession(enabled: false) { _ in }
    }
}
