import AlongsideCore
import SwiftUI

/// Biometrics, auto-lock, the passphrase, the duress passphrase and backups.
struct SettingsPage: View {
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<Void>()
    @State private var hasPlatformKey = false
    @State private var enrolling = false
    @State private var enrolPassphrase = ""
    @State private var current = ""
    @State private var new = ""
    @State private var again = ""
    @State private var changed = false
    @State private var duressCurrent = ""
    @State private var duress = ""
    @State private var duressAgain = ""
    @State private var duressDone: String?
    private static let autoLockMinutes = [1, 5, 15, 30]

    var body: some View {
        Form {
            ErrorBanner(error: model.error) { model.error = nil }
            if KeychainPlatformKey.biometricsAvailable {
                Section {
                    Toggle("Unlock with Face ID or Touch ID", isOn: Binding(
                        get: { hasPlatformKey },
                        set: { on in if on { enrolling = true } else { Task { await disableBiometrics() } } }))
                }
            }
            Section("Lock when away for") {
                Picker("Lock when away for", selection: Binding(
                    get: { store.autoLockSeconds / 60 },
                    set: { store.autoLockSeconds = $0 * 60 })
                ) {
                    ForEach(Self.autoLockMinutes, id: \.self) { minutes in
                        Text("\(minutes) minutes").tag(minutes)
                    }
                }
                .pickerStyle(.inline)
                .labelsHidden()
            }
            Section("Passphrase") {
                SecureField("Current passphrase", text: $current)
                SecureField("New passphrase", text: $new).textContentType(.newPassword)
                if let message = ErrorText.field(model.error, "new_passphrase") { Text(message).foregroundStyle(.red) }
                SecureField("The same passphrase again", text: $again).textContentType(.newPassword)
                if !again.isEmpty && again != new { Text("The two passphrases are not the same.").foregroundStyle(.red) }
                if changed { Text("Passphrase changed.") }
                Button("Change passphrase") { Task { await changePassphrase() } }
                    .disabled(current.isEmpty || new.isEmpty || again != new || model.busy)
            }
            Section("Duress passphrase") {
                Text("A second passphrase to give up if someone forces you to open the app. It opens an empty-looking vault while your real records stay locked. Nothing is wiped, and your real vault records that it was used the next time you unlock it. Face ID and Touch ID always open the real vault.")
                SecureField("Current passphrase", text: $duressCurrent)
                SecureField("Duress passphrase", text: $duress).textContentType(.newPassword)
                if let message = ErrorText.field(model.error, "duress_passphrase") { Text(message).foregroundStyle(.red) }
                SecureField("The same passphrase again", text: $duressAgain).textContentType(.newPassword)
                if !duressAgain.isEmpty && duressAgain != duress { Text("The two passphrases are not the same.").foregroundStyle(.red) }
                if let message = duressDone { Text(message) }
                Button("Set duress passphrase") { Task { await setDuressPassphrase() } }
                    .disabled(duressCurrent.isEmpty || duress.isEmpty || duressAgain != duress || model.busy)
                Button("Remove duress passphrase") { Task { await removeDuressPassphrase() } }
                    .disabled(duressCurrent.isEmpty || model.busy)
            }
            BackupSection()
            Section { LockButton() }
        }
        .navigationTitle("Settings")
        .task { hasPlatformKey = await store.hasPlatformKey() }
        .alert("Unlock with Face ID or Touch ID", isPresented: $enrolling) {
            SecureField("Passphrase", text: $enrolPassphrase)
            Button("Continue") { Task { await enableBiometrics() } }
            Button("Cancel", role: .cancel) { enrolPassphrase = "" }
        } message: {
            Text("Enter your passphrase. The key stays in this phone's Secure Enclave and only Face ID or Touch ID can use it.")
        }
    }

    private func enableBiometrics() async {
        let (passphrase, key) = (enrolPassphrase, store.platformKey)
        enrolPassphrase = ""
        await model.perform { try await store.withWorker { w in try w.enablePlatformKey(passphrase: passphrase, key: key) } }
        hasPlatformKey = await store.hasPlatformKey()
    }

    private func disableBiometrics() async {
        if await model.perform({ try await store.withWorker { w in try w.disablePlatformKey() } }) != nil {
            store.platformKey.remove()
        }
        hasPlatformKey = await store.hasPlatformKey()
    }

    private func changePassphrase() async {
        let (from, to) = (current, new)
        changed = false
        if await model.perform({ try await store.withWorker { w in try w.changePassphrase(current: from, new: to) } }) != nil {
            changed = true
            current = ""
            new = ""
            again = ""
        }
    }

    private func setDuressPassphrase() async {
        let (passphrase, other) = (duressCurrent, duress)
        duressDone = nil
        if await model.perform({ try await store.withWorker { w in try w.setDuressPassphrase(passphrase: passphrase, duressPassphrase: other) } }) != nil {
            duressDone = String(localized: "Duress passphrase set.")
            clearDuressFields()
        }
    }

    private func removeDuressPassphrase() async {
        let passphrase = duressCurrent
        duressDone = nil
        if await model.perform({ try await store.withWorker { w in try w.removeDuressPassphrase(passphrase: passphrase) } }) != nil {
            duressDone = String(localized: "Duress passphrase removed.")
            clearDuressFields()
        }
    }

    private func clearDuressFields() {
        duressCurrent = ""
        duress = ""
        duressAgain = ""
    }
}
