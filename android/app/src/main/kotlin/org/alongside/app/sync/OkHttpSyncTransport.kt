package org.alongside.app.sync

import java.io.IOException
import java.util.concurrent.TimeUnit
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.alongside.core.SyncReply
import org.alongside.core.SyncTransport

/**
 * The core's [SyncTransport] on Android: one OkHttp exchange per call. The core builds every
 * body, signs, retries with the same op ids and decides what a status means; a failure to get
 * any answer is status 0 ("keep everything, try again"). The same as core-kotlin's
 * JdkSyncTransport, which the JVM tests drive against the real relay.
 */
class OkHttpSyncTransport(
    private val client: OkHttpClient = OkHttpClient.Builder()
        .connectTimeout(30, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .build(),
) : SyncTransport {
    override fun send(method: String, url: String, token: String?, body: String?): SyncReply = try {
        val request = Request.Builder().url(url)
        token?.let { request.header("Authorization", "Bearer $it") }
        request.method(method, body?.toRequestBody(JSON))
        client.newCall(request.build()).execute().use { reply ->
            SyncReply(reply.code.toUShort(), reply.body?.string().orEmpty())
        }
    } catch (e: IOException) {
        SyncReply(0u, "")
    } catch (e: IllegalArgumentException) {
        // A server address typed by hand that is not a URL: no answer, and the core says so.
        SyncReply(0u, "")
    }

    private companion object {
        val JSON = "application/json".toMediaType()
    }
}
