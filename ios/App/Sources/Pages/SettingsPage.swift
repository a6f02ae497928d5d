import AlongsideCore
import SwiftUI

/// Biometrics, auto-lock, the worker's language, the passphrase, the duress passphrase and
/// backups. The auto-lock and language options are the core's (`autoLockChoices`, `languageChoices`).
struct SettingsPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
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

    var body: some View {
        Form {
            ErrorBanner(error: model.error) { model.error = nil }
            if KeychainPlatformKey.biometricsAvailable {
                Section {
                    Toggle(words.iosSettingsBiometrics, isOn: Binding(
                        get: { hasPlatformKey },
                        set: { on in if on { enrolling = true } else { Task { await disableBiometrics() } } }))
                }
            }
            Section(words.settingsAutoLock) {
                Picker(words.settingsAutoLock, selection: Binding(
                    get: { store.autoLockSeconds / 60 },
                    set: { store.autoLockSeconds = $0 * 60 })
                ) {
                    ForEach(autoLockChoices(language: lang), id: \.value) { (choice: Choice) in
                        Text(choice.label).tag(Int(choice.value) ?? 0)
                    }
                }
                .pickerStyle(.inline)
                .labelsHidden()
            }
            Section(words.settingsLanguage) {
                Picker(words.settingsLanguage, selection: Binding(
                    get: { langTag(language: store.language) },
                    set: { tag in Task { await model.perform { try await store.setLanguage(langFromTag(tag: tag)) } } })
                ) {
                    ForEach(languageChoices(), id: \.value) { (choice: Choice) in
                        Text(choice.label).tag(choice.value)
                    }
                }
                .pickerStyle(.inline)
                .labelsHidden()
            }
            Section(words.fieldPassphrase) {
                SecureField(words.fieldCurrentPassphrase, text: $current)
                SecureField(words.fieldNewPassphrase, text: $new).textContentType(.newPassword)
                if let message = ErrorText.field(model.error, "new_passphrase") { Text(message).foregroundStyle(.red) }
                SecureField(words.fieldPassphraseAgain, text: $again).textContentType(.newPassword)
                if !again.isEmpty && again != new { Text(words.passphrasesDiffer).foregroundStyle(.red) }
                if changed { Text(words.settingsPassphraseChanged) }
                Button(words.actionChangePassphrase) { Task { await changePassphrase() } }
                    .disabled(current.isEmpty || new.isEmpty || again != new || model.busy)
            }
            Section(words.fieldDuressPassphrase) {
                Text(words.iosDuressExplainer)
                SecureField(words.fieldCurrentPassphrase, text: $duressCurrent)
                SecureField(words.fieldDuressPassphrase, text: $duress).textContentType(.newPassword)
                if let message = ErrorText.field(model.error, "duress_passphrase") { Text(message).foregroundStyle(.red) }
                SecureField(words.fieldPassphraseAgain, text: $duressAgain).textContentType(.newPassword)
                if !duressAgain.isEmpty && duressAgain != duress { Text(words.passphrasesDiffer).foregroundStyle(.red) }
                if let message = duressDone { Text(message) }
                Button(words.actionSetDuressPassphrase) { Task { await setDuressPassphrase() } }
                    .disabled(duressCurrent.isEmpty || duress.isEmpty || duressAgain != duress || model.busy)
                Button(words.actionRemoveDuressPassphrase) { Task { await removeDuressPassphrase() } }
                    .disabled(duressCurrent.isEmpty || model.busy)
            }
            BackupSection()
            TeamSection()
            Section { LockButton() }
        }
        .navigationTitle(words.tabSettings)
        .task { hasPlatformKey = await store.hasPlatformKey() }
        .alert(words.iosSettingsBiometrics, isPresented: $enrolling) {
            SecureField(words.fieldPassphrase, text: $enrolPassphrase)
            Button(words.actionContinue) { Task { await enableBiometrics() } }
            Button(words.actionCancel, role: .cancel) { enrolPassphrase = "" }
        } message: {
            Text(words.iosEnrolExplainer)
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
            duressDone = words.settingsDuressSet
            clearDuressFields()
        }
    }

    private func removeDuressPassphrase() async {
        let passphrase = duressCurrent
        duressDone = nil
        if await model.perform({ try await store.withWorker { w in try w.removeDuressPassphrase(passphrase: passphrase) } }) != nil {
            duressDone = words.settingsDuressRemoved
            clearDuressFields()
        }
    }

    private func clearDuressFields() {
        duressCurrent = ""
        duress = ""
        duressAgain = ""
    }
}
