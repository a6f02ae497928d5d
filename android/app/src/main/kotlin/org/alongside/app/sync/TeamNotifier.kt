package org.alongside.app.sync

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import org.alongside.app.MainActivity
import org.alongside.core.TeamWords
import org.alongside.core.TeamNotification

/**
 * Posts the core's team notifications (incidents the supervisor must be told of) as local
 * notifications. No notification carries a name: the core's body names the client and the
 * worker, and notifications are read by the shade, the lock screen and any app with listener
 * access, so the body is the chrome's "Open Alongside to see it" and the details wait in the
 * briefing. The lock screen shows only the public version, "An incident needs your attention"
 * (the core's title, which names the incident's kind, stays behind the unlock). Returns
 * the ids posted, for `SyncState.notified`; none when notifications are off, so they wait for the
 * next sync instead of being lost.
 */
class TeamNotifier(context: Context) {
    private val app = context.applicationContext

    fun post(items: List<TeamNotification>, words: TeamWords): List<String> {
        if (items.isEmpty() || !allowed()) return emptyList()
        val manager = NotificationManagerCompat.from(app)
        manager.createNotificationChannel(
            NotificationChannel(CHANNEL, words.notifyChannel, NotificationManager.IMPORTANCE_HIGH).apply {
                lockscreenVisibility = NotificationCompat.VISIBILITY_PRIVATE
            },
        )
        val open = PendingIntent.getActivity(
            app, 0,
            Intent(app, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
            PendingIntent.FLAG_IMMUTABLE,
        )
        val public = NotificationCompat.Builder(app, CHANNEL)
            .setSmallIcon(android.R.drawable.stat_sys_warning)
            .setContentTitle(words.notifyPublicTitle)
            .setContentText(words.notifyPublicBody)
            .build()
        return items.onEach { n ->
            val notification = NotificationCompat.Builder(app, CHANNEL)
                .setSmallIcon(android.R.drawable.stat_sys_warning)
                .setContentTitle(n.title)
                .setContentText(words.notifyPublicBody)
                .setVisibility(NotificationCompat.VISIBILITY_PRIVATE)
                .setPublicVersion(public)
                .setContentIntent(open)
                .setAutoCancel(true)
                .build()
            @Suppress("MissingPermission") // checked in allowed()
            manager.notify(n.incidentId, 0, notification)
        }.map { it.incidentId }
    }

    /** Whether the app may post (Android 13+ asks the person once; see SyncStatusRow). */
    fun allowed(): Boolean =
        NotificationManagerCompat.from(app).areNotificationsEnabled() &&
            (Build.VERSION.SDK_INT < 33 ||
                ContextCompat.checkSelfPermission(app, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED)

    private companion object {
        const val CHANNEL = "team-alerts"
    }
}
