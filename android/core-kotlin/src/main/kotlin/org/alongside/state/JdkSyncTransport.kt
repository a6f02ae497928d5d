package org.alongside.state

import java.io.IOException
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import org.alongside.core.SyncReply
import org.alongside.core.SyncTransport

/**
 * The core's [SyncTransport] over the JDK's HTTP client: one exchange with the relay per call,
 * everything else (bodies, signatures, retries with the same op ids) is the core's. Any failure
 * to get an answer is status 0, which the core treats as "keep everything, try again later".
 *
 * For the desktop JVM (the tests drive the real relay with it). Android has no `java.net.http`:
 * the app uses its OkHttp transport, the same dozen lines.
 */
class JdkSyncTransport(
    private val timeout: Duration = Duration.ofSeconds(30),
    private val client: HttpClient = HttpClient.newBuilder()
        // The relay speaks HTTP/1.1 behind the agency's proxy; no h2c upgrade attempts.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .build(),
) : SyncTransport {
    override fun send(method: String, url: String, token: String?, body: String?): SyncReply = try {
        val request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        token?.let { request.header("Authorization", "Bearer $it") }
        if (body != null) {
            request.header("Content-Type", "application/json")
            request.method(method, HttpRequest.BodyPublishers.ofString(body))
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody())
        }
        val reply = client.send(request.build(), HttpResponse.BodyHandlers.ofString())
        SyncReply(reply.statusCode().toUShort(), reply.body() ?: "")
    } catch (e: IOException) {
        SyncReply(0u, "")
    } catch (e: IllegalArgumentException) {
        // A malformed server address typed by hand: no answer, and the core says so.
        SyncReply(0u, "")
    } catch (e: InterruptedException) {
        Thread.currentThread().interrupt()
        SyncReply(0u, "")
    }
}
