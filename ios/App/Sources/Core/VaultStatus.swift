import Foundation

/// Which screen family the app shows, as the Kotlin layer's VaultStatus on Android.
enum VaultStatus: Equatable {
    /// No vault yet: create one or restore a backup.
    case noVault
    /// The unlock screen; biometrics offered only when the vault has a platform key.
    case locked(hasPlatformKey: Bool)
    /// The worker's screens.
    case unlocked
    /// The client holds the phone: only the shared-mode screen.
    case shared(clientId: String)
}
