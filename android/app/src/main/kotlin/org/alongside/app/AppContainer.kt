package org.alongside.app

import android.content.Context
import java.io.File
import java.util.concurrent.Executors
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.asCoroutineDispatcher
import org.alongside.app.backup.BackupFiles
import org.alongside.app.keys.KeystorePlatformKey
import org.alongside.app.security.AndroidKeystoreDeviceKey
import org.alongside.app.security.AndroidKeystoreKeySource
import org.alongside.app.security.BiometricCipherAuthenticator
import org.alongside.app.sync.OkHttpSyncTransport
import org.alongside.app.sync.TeamNotifier
import org.alongside.core.PlatformKey
import org.alongside.core.SyncTransport
import org.alongside.core.appWords
import org.alongside.state.VaultRepository

/**
 * The app's long-lived objects, made once per process.
 *
 * Every call into the core runs on [core], one background thread: the core is synchronous, unlock
 * runs the key derivation, and the platform key blocks its caller while BiometricPrompt is up.
 * Nothing calls the vault from the main thread, so the prompt can always appear.
 */
class AppContainer(context: Context) {
    private val app = context.applicationContext

    /** The vault's folder: app-private, and never part of Android backup or device transfer. */
    val vaultDir: File = File(app.noBackupFilesDir, "vault")

    val settings = AppSettings(app)

    val core: CoroutineDispatcher =
        Executors.newSingleThreadExecutor { r -> Thread(r, "alongside-core") }.asCoroutineDispatcher()

    /** For work that outlives a screen (auto-lock). */
    val scope = CoroutineScope(SupervisorJob() + Dispatchers.Main.immediate)

    val biometrics = BiometricCipherAuthenticator(app) { appWords(repository.language.value) }

    /** The Keystore key behind biometric unlock (deleted when biometrics are turned off). */
    val keySource = AndroidKeystoreKeySource()

    /**
     * The core's platform key: the Keystore key, each use authorised through BiometricPrompt; and
     * the device binding, an HMAC key in the Keystore that needs no biometrics.
     */
    val platformKey: PlatformKey = KeystorePlatformKey(keySource, biometrics, AndroidKeystoreDeviceKey())

    /** The vault, bound to this phone through [platformKey]'s device key. */
    val repository = VaultRepository(
        vaultDir.path,
        clock = ElapsedRealtimeClock,
        autoLockSeconds = settings.autoLockSeconds,
        deviceKey = platformKey,
    )

    val autoLock = AutoLock(repository, scope, core)

    val backups = BackupFiles(app)

    /** Team sync's network: one OkHttp exchange per call the core makes. */
    val syncTransport: SyncTransport = OkHttpSyncTransport()

    /** Posts the team's notifications after a sync on an admin's phone. */
    val teamNotifier = TeamNotifier(app)
}
