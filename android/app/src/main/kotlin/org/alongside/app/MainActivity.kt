package org.alongside.app

import android.os.Build
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.fragment.app.FragmentActivity
import org.alongside.app.ui.AlongsideApp
import org.alongside.app.ui.theme.AlongsideTheme

/**
 * The one activity. A FragmentActivity because BiometricPrompt needs one.
 *
 * FLAG_SECURE is set before anything is drawn: no screenshots or screen recording, and the
 * recents thumbnail is blank. Compose dialogs and menus inherit it (their default SecureFlagPolicy
 * is Inherit), so it covers every window the app opens.
 */
class MainActivity : FragmentActivity() {
    private val container: AppContainer get() = (application as AlongsideApplication).container

    override fun onCreate(savedInstanceState: Bundle?) {
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        super.onCreate(savedInstanceState)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        container.biometrics.attach(this)
        enableEdgeToEdge()
        setContent {
            AlongsideTheme {
                AlongsideApp(container, this)
            }
        }
    }

    /** Every touch, key or gesture: auto-lock counts again from now (the core's timer). */
    override fun onUserInteraction() {
        super.onUserInteraction()
        container.autoLock.touched()
    }

    override fun onDestroy() {
        container.biometrics.detach(this)
        super.onDestroy()
    }
}
