package org.alongside.app

import android.app.Application
import androidx.lifecycle.ProcessLifecycleOwner

/** Builds the app's one [AppContainer] and starts watching for the app going to the background. */
class AlongsideApplication : Application() {
    lateinit var container: AppContainer
        private set

    override fun onCreate() {
        super.onCreate()
        container = AppContainer(this)
        ProcessLifecycleOwner.get().lifecycle.addObserver(container.autoLock)
    }
}
