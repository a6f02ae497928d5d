import AlongsideCore
import Combine
import Foundation

/// The one owner of the vault and its sessions, as VaultRepository is on Android: opens,
/// creates, restores, unlocks and locks; hands the live session to the screens. Locked, unlocked,
/// shared and auto-lock are the core's (`AppLock`, timed by `BootClock`, which counts sleep): this
/// only reports touches and asks. Every core call runs on `core`, never the main thread. Screens
/// hold no session of their own, so a lock ends every screen's access at once.
@MainActor
final class VaultStore: ObservableObject {
    @Published private(set) var status: VaultStatus = .noVault
    @Published private(set) var started = false
    /// The worker's auto-lock choice, kept outside the vault (it is needed while locked). Only a
    /// number: no client data goes into UserDefaults.
    /// The core checks it (10 to 3600 seconds); a refused value leaves the setting as it was.
    var autoLockSeconds: Int {
        get { UserDefaults.standard.object(forKey: Self.autoLockKey) as? Int ?? Self.defaultAutoLockSeconds }
        set {
            if let appLock, (try? appLock.setAutoLockSeconds(seconds: UInt32(clamping: newValue))) == nil { return }
            objectWillChange.send()
            UserDefaults.standard.set(newValue, forKey: Self.autoLockKey)
        }
    }

    static let defaultAutoLockSeconds = 300
    private static let autoLockKey = "autoLockSeconds"

    /// The language every word is in: the worker's setting (the core's, sealed in the vault) once
    /// unlocked; before that, and on a vault that never chose, the phone's.
    @Published private(set) var language: Lang = VaultStore.phoneLanguage() {
        didSet { platformKey.reason = appWords(language: language).biometricUnlockTitle }
    }

    /// The phone's language, as the core reads its tag (one not shipped reads English).
    private static func phoneLanguage() -> Lang {
        langFromTag(tag: Locale.preferredLanguages.first)
    }

    /// Choose the worker's language; the core keeps it in the vault and words in it from now on.
    func setLanguage(_ lang: Lang) async throws {
        language = try await withWorker { w in try w.setLanguage(language: lang) }
    }

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
    private var appLock: AppLock?
    private let clock = BootClock()
    private var lockTimer: Task<Void, Never>?
    /// Why the vault last locked (auto-lock, a clock that went back, ...), for the unlock screen.
    @Published private(set) var lockReason: LockReason?

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
            try adopt(vault: opened)
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
        try adopt(vault: created)
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
        try adopt(vault: restored)
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

    /// The foreground timer (every few seconds) and coming to the front: the core locks if
    /// auto-lock's or shared mode's limit has passed (or the clock went back).
    func tick() async {
        try? await refresh()
    }

    /// A touch on the screen: auto-lock counts again from now (or locks, if the limit had passed).
    func touch() async {
        guard let appLock else { return }
        _ = try? await core.run { try appLock.touch() }
        try? await refresh()
    }

    /// Run `body` with the worker session on the core's queue.
    func withWorker<T>(_ body: @escaping @Sendable (WorkerSession) throws -> T) async throws -> T {
        guard let session = worker else { throw AlongsideError.Locked(reason: lockReason ?? .notUnlocked) }
        return try await watchingLock { try await self.core.run { try body(session) } }
    }

    /// Run `body` with the shared-mode session on the core's queue.
    func withShared<T>(_ body: @escaping @Sendable (SharedSession) throws -> T) async throws -> T {
        guard let session = shared else { throw AlongsideError.Locked(reason: lockReason ?? .notUnlocked) }
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

    /// The app left the screen: one timer asks the core when its limit falls (the core checks on
    /// every call anyway, so a suspended app that never runs it is still safe).
    func didEnterBackground() {
        lockTimer?.cancel()
        guard let appLock, let millis = appLock.millisUntilLock() else { return }
        lockTimer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: millis * 1_000_000)
            guard !Task.isCancelled else { return }
            await self?.tick()
        }
    }

    /// Back on screen: the core locks first if the limit passed while the app was away.
    func willEnterForeground() async {
        lockTimer?.cancel()
        lockTimer = nil
        await tick()
    }

    // MARK: Private

    private func watchingLock<T>(_ call: () async throws -> T) async throws -> T {
        do {
            return try await call()
        } catch let error as AlongsideError {
            if case .Locked = error { try? await refresh() }
            throw error
        }
    }

    private func adopt(worker session: WorkerSession) {
        worker = session
        shared = nil
        // The vault's setting wins over the phone's; one that cannot be read leaves it as it was.
        Task { [core] in
            if let lang = try? await core.run({ try session.language() }) { self.language = lang }
        }
    }

    /// The vault's lock on the phone's sleep-counting clock and the worker's setting.
    private func adopt(vault opened: Vault) throws {
        vault = opened
        appLock = try AppLock(vault: opened, clock: clock, autoLockSeconds: UInt32(clamping: autoLockSeconds))
        lockReason = nil
    }

    /// Bring the status in line with the core's lock (which locks first if a limit has passed).
    private func refresh() async throws {
        guard let vault, let appLock else {
            status = .noVault
            return
        }
        let state = try await core.run { appLock.state() }
        if case .locked(let reason) = state {
            lockReason = reason
            worker = nil
            shared = nil
            lockCount += 1
            let hasKey = (try? await core.run { try vault.hasPlatformKey() }) ?? false
            status = .locked(hasPlatformKey: hasKey)
        }
    }
}
