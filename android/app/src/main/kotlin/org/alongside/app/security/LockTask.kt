package org.alongside.app.security

import android.app.Activity
import android.app.ActivityManager

/**
 * Screen pinning for shared mode. Without a device-owner policy, startLockTask() pins the app:
 * the client cannot leave it with home or recents. The system still offers its own way out
 * (holding back and overview); docs/building-apps.md advises turning on "ask for PIN before
 * unpinning".
 * Even unpinned, the app stays in shared mode until the worker's passphrase or biometrics.
 */
object LockTask {
    fun isActive(activity: Activity): Boolean =
        activity.getSystemService(ActivityManager::class.java).lockTaskModeState != ActivityManager.LOCK_TASK_MODE_NONE

    fun start(activity: Activity) {
        if (!isActive(activity)) activity.startLockTask()
    }

    fun stop(activity: Activity) {
        if (isActive(activity)) activity.stopLockTask()
    }
}
