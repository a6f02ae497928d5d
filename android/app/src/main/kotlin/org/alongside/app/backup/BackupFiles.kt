package org.alongside.app.backup

import android.content.ClipData
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.core.content.FileProvider
import java.io.File
import java.io.IOException

/**
 * Where backup files pass through on the phone. The core writes a backup only to a path, so it is
 * written into the app's private cache (backups/), then copied to the document the worker picked
 * (Storage Access Framework) or offered to the share sheet. The file is sealed under the backup
 * passphrase, so nothing readable passes through; it is deleted as soon as it has been handed on,
 * and any left over (a share that was never finished) on the next backup.
 *
 * Restoring goes the other way: the picked document is copied into the private cache, the core
 * restores from that path, and the copy is deleted.
 */
class BackupFiles(private val context: Context) {
    private val folder: File get() = File(context.cacheDir, "backups").apply { mkdirs() }

    /** A fresh path for the core to write a backup to (older leftovers are removed). */
    fun newOutgoing(): File {
        folder.listFiles()?.forEach { it.delete() }
        return File(folder, FILE_NAME)
    }

    /** Copy a finished backup to the document the worker chose, then delete the private copy. */
    @Throws(IOException::class)
    fun copyTo(file: File, target: Uri) {
        try {
            val out = context.contentResolver.openOutputStream(target, "w") ?: throw IOException("no output stream")
            out.use { stream -> file.inputStream().use { it.copyTo(stream) } }
        } finally {
            file.delete()
        }
    }

    /** A share-sheet intent for a finished backup (the file stays until the next backup). */
    fun shareIntent(file: File, chooserTitle: String): Intent {
        val uri = FileProvider.getUriForFile(context, "${context.packageName}.backups", file)
        val send = Intent(Intent.ACTION_SEND)
            .setType(MIME_TYPE)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        send.clipData = ClipData.newRawUri(null, uri)
        return Intent.createChooser(send, chooserTitle)
    }

    /** Copy a picked backup document into the private cache for the core to restore from. */
    @Throws(IOException::class)
    fun incomingCopy(source: Uri): File {
        val file = File(folder, "incoming.backup")
        val input = context.contentResolver.openInputStream(source) ?: throw IOException("no input stream")
        input.use { stream -> file.outputStream().use { stream.copyTo(it) } }
        return file
    }

    companion object {
        const val FILE_NAME = "alongside.backup"
        const val MIME_TYPE = "application/octet-stream"
    }
}
