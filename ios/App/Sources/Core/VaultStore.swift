import AlongsideCore
import Combine
import Foundation

/// The one owner of the vault and its sessions, as VaultRepository is on Android: opens,
/// creates, restores, unlocks and locks; hands the live session to the screens; auto-locks after
/// the worker's chosen time in the background. Every core call runs on `core`, never the main
/// thread. Screens hold no session of their own, so a lock ends every screen's access at once.
@MainActor
final class VaultStore: ObservableObject {
    @Published private(set) var status: VaultStatus = .noVault
    @Published private(set) var started = false
    /// The worker's auto-lock choice, kept outside the vault (it is needed while locked). Only a
    /// number: no client data goes into UserDefaults.
    var autoLockSeconds: Int {
        get { UserDefaults.standard.object(forKey: Self.autoLockKey) as? Int ?? Self.defaultAutoLockSeconds }
        set {
            objectWillChange.send()
            UserDefaults.standard.set(newValue, forKey: Self.autoLockKey)
        }
    }

    static let defaultAutoLockSeconds = 300
    private static let autoLockKey = "autoLockSeconds"

    /// Bumped on every lock, so screens drop what they showed.
    @Published private(set) var lockCount = 0

    /// Quick hide's neutral cover is up (set by the gesture, cleared by a long press on it).
    @Published var hidden = false

    let core = CoreQueue()
    let platformKey = KeychainPlatformKey()
    private let folder: URL
    private var vault: Vault?
    private var worker: WorkerSession?
    private var shared: SharedSession?
    private var backgroundedAt: Date?
    private var lockTimer: Task<Void, Never>?

    init(folder: URL = VaultFolder.url) {
        self.folder = folder
    }

    /// Why the vault could not be opened at start (damaged, or from a newer version), if so.
    @Published private(set) var startError: Error?

    /// Find out whether there is a vault, and how it unlocks.
    func start() async {
        defer { started = true }
        let path = folder.path
        do {
            try VaultFolder.prepare(folder)
            let opened = try await core.run { try Vault.open(dir: path) }
            vault = opened
            try await refresh()
        } catch AlongsideError.NotFound {
            status = .noVault
        } catch {
            startError = error
        }
    }

    func create(passphrase: String) async throws {
        let path = folder.path
        let key = platformKey
        // Bound to this phone's Secure Enclave: the files alone open nothing elsewhere.
        let created = try await core.run { try Vault.create(dir: path, passphrase: passphrase, deviceBinding: key) }
        let session = try await core.run { try created.worker() }
        vault = created
        adopt(worker: session)
        VaultFolder.protectFiles(in: folder)
        status = .unlocked
    }

    /// A new phone: the vault from a backup file, unlocked with the new passphrase.
    func restore(backup: URL, backupPassphrase: String, newPassphrase: String) async throws {
        let path = folder.path
        let key = platformKey
        let restored = try await core.run {
            try Vault.restore(
                backupPath: backup.path, backupPassphrase: backupPassphrase,
                vaultDir: path, newPassphrase: newPassphrase, deviceBinding: key)
        }
        let session = try await core.run { try restored.worker() }
        vault = restored
        adopt(worker: session)
        VaultFolder.protectFiles(in: folder)
        status = .unlocked
    }

    func unlock(passphrase: String) async throws {
        guard let vault else { throw AlongsideError.NotFound(kind: "vault", id: "") }
        let key = platformKey
        let session = try await core.run { try vault.unlock(passphrase: passphrase, deviceBinding: key) }
        adopt(worker: session)
        status = .unlocked
    }

    func unlockWithBiometrics() async throws {
        guard let vault else { throw AlongsideError.NotFound(kind: "vault", id: "") }
        let key = platformKey
        let session = try await core.run { try vault.unlockWithPlatformKey(key: key) }
        adopt(worker: session)
        status = .unlocked
    }

    /// Lock now: the core wipes its keys; every screen drops its data.
    func lock() async {
        guard let vault else { return }
        _ = try? await core.run { vault.lock() }
        try? await refresh()
    }

    /// Quick hide: one gesture locks at once; the root view shows its neutral cover while locked.
    func quickHide() async {
        await lock()
    }

    /// The foreground timer (every few seconds): the core locks shared mode whose idle limit has
    /// passed, without waiting for the client's next touch.
    func tick() async {
        guard let vault else { return }
        let locked = (try? await core.run { vault.checkIdle() }) ?? false
        if locked { try? await refresh() }
    }

    /// Run `body` with the worker session on the core's queue.
    func withWorker<T>(_ body: @escaping @Sendable (WorkerSession) throws -> T) async throws -> T {
        guard let session = worker else { throw AlongsideError.Locked }
        return try await watchingLock { try await self.core.run { try body(session) } }
    }

    /// Run `body` with the shared-mode session on the core's queue.
    func withShared<T>(_ body: @escaping @Sendable (SharedSession) throws -> T) async throws -> T {
        guard let session = shared else { throw AlongsideError.Locked }
        return try await watchingLock { try await self.core.run { try body(session) } }
    }

    /// Hand the phone to the client; worker calls fail until the worker takes it back.
    func openShared(clientId: String) async throws {
        let session = try await withWorker { w in try w.openShared(clientId: clientId, idleSeconds: nil) }
        worker = nil
        shared = session
        status = .shared(clientId: clientId)
    }

    func leaveShared(passphrase: String) async throws {
        let session = try await withShared { s in try s.leave(passphrase: passphrase) }
        shared = nil
        adopt(worker: session)
        status = .unlocked
    }

    func leaveSharedWithBiometrics() async throws {
        let key = platformKey
        let session = try await withShared { s in try s.leaveWithPlatformKey(key: key) }
        shared = nil
        adopt(worker: session)
        status = .unlocked
    }

    func hasPlatformKey() async -> Bool {
        guard let vault else { return false }
        return (try? await core.run { try vault.hasPlatformKey() }) ?? false
    }

    // MARK: Auto-lock (scenePhase)

    /// The app left the screen: lock after the worker's setting unless it comes back first.
    func didEnterBackground() {
        backgroundedAt = Date()
        lockTimer?.cancel()
        let seconds = autoLockSeconds
        lockTimer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            guard !Task.isCancelled else { return }
            await self?.lockIfDue()
        }
    }

    /// Back on screen: lock first if the time passed while the app was suspended.
    func willEnterForeground() async {
        lockTimer?.cancel()
        lockTimer = nil
        await lockIfDue()
        backgroundedAt = nil
    }

    private func lockIfDue() async {
        guard let since = backgroundedAt else { return }
        switch status {
        case .unlocked, .shared:
            if Date().timeIntervalSince(since) >= TimeInterval(autoLockSeconds) { await lock() }
        default:
            break
        }
    }

    // MARK: Private

    private func watchingLock<T>(_ call: () async throws -> T) async throws -> T {
        do {
            return try await call()
        } catch AlongsideError.Locked {
            try? await refresh()
            throw AlongsideError.Locked
        }
    }

    private func adopt(worker session: WorkerSession) {
        worker = session
        shared = nil
    }

    /// Bring the status in line with the core after a lock, from wherever it came.
    private func refresh() async throws {
        guard let vault else {
            status = .noVault
            return
        }
        let locked = try await core.run { vault.isLocked() }
        if locked {
            worker = nil
            shared = nil
            lockCount += 1
            let hasKey = (try? await core.run { try vault.hasPlatformKey() }) ?? false
            status = .locked(hasPlatformKey: hasKey)
        }
    }
}
