package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.alongside.core.AlongsideException
import org.alongside.core.ClientInput
import org.alongside.core.GoalInput
import org.alongside.core.Lang
import org.alongside.core.LifeArea
import org.alongside.core.SharedScreen
import org.alongside.core.Vault
import org.alongside.core.WorkerSession
import org.alongside.core.errorMessage
import org.alongside.core.lifeAreaChoices
import org.alongside.core.ratingScale
import org.alongside.tests.Harness.check

/*
 * Shared mode through the bindings, in the client's language: a French-speaking and an
 * Arabic-speaking client read every word of their screen (and an error) in their own language,
 * with no English string left, so the apps need no words of their own.
 */

private const val PASS = "correct horse battery staple"
private val ON: LocalDate = LocalDate.of(2026, 11, 23)

private fun plain(s: String) = s.replace("\u2068", "").replace("\u2069", "")

/** Every string of the screen the core worded (not what the people wrote, not ids or days). */
private fun worded(s: SharedScreen, error: String): List<String> {
    val w = s.words
    val words = listOf(
        w.title, w.noGoals, w.myRatings, w.workerRatings, w.noRating, w.rate, w.rateQuestion,
        w.stepDone, w.addWords, w.myWords, w.entryKind, w.entryPlaceholder, w.save, w.cancel,
        w.noVisits, w.giveBack, w.handBackTitle, w.workerPassphrase, w.takeBack, w.useBiometrics,
        s.greeting, s.goalsCount, s.nextVisitsLabel, error,
    ) + s.ratingScale.map { it.label } + s.entryKinds.map { it.label } +
        s.goals.flatMap { g -> listOf(g.area, g.status) + g.myRatings.flatMap { listOf(it.said, it.band) } }
    return words.map(::plain)
}

/** A client speaking [tag] with a goal they rated; their screen and an error, in their words. */
private fun screenOf(worker: WorkerSession, tag: String): Triple<SharedScreen, String, WorkerSession> {
    val client = worker.addClient(ClientInput("Sam", null, null, tag, null, emptyList(), emptyList()))
    val plan = worker.createPlan(client.id, ON, ON.plusDays(90))
    worker.addGoal(client.id, plan.id, GoalInput(LifeArea.HOUSING, "A flat", null, null, null, true))
    val shared = worker.openShared(client.id, null)
    val goal = shared.screen(ON).goals.single()
    shared.rate(goal.goalId, ON, 5, null)
    val error = assertFailsWith<AlongsideException.Invalid> { shared.rate(goal.goalId, ON, 11, null) }
    val message = shared.errorMessage(error)
    val screen = shared.screen(ON)
    val back = shared.leave(PASS)
    return Triple(screen, message, back)
}

fun languagesAcrossTheFfi() {
    check("languages: French and Arabic clients read shared mode with no English left") {
        val dir = Harness.tempDir("languages")
        Vault.create(dir, PASS, null).use { vault ->
            var worker = vault.worker()
            val (en, enError, w1) = screenOf(worker, "en")
            val (fr, frError, w2) = screenOf(w1, "fr-FR")
            val (ar, arError, w3) = screenOf(w2, "ar")
            worker = w3
            val english = worded(en, enError).toSet()
            assertTrue(english.size > 25, "$english")
            assertTrue("How is it going?" in english)
            for ((screen, error) in listOf(fr to frError, ar to arError)) {
                val theirs = worded(screen, error)
                val left = theirs.filter { it in english }
                assertEquals(emptyList(), left, "${screen.language} shows English")
            }
            assertEquals(Lang.FR, fr.lang)
            assertTrue(ar.rightToLeft)
            assertEquals("Comment ça va ?", fr.words.rate)
            assertEquals("Merci de choisir un nombre de 1 à 10.", frError)
            // The client's name keeps its own direction inside the Arabic greeting.
            assertTrue(ar.greeting.contains("\u2068Sam\u2069"), ar.greeting)
            assertEquals(10, ratingScale(Lang.AR).size)
            worker.close()
        }
    }

    check("languages: the worker's language words errors and options, and is kept") {
        val dir = Harness.tempDir("worker-language")
        Vault.create(dir, PASS, null).use { vault ->
            vault.worker().use { worker ->
                assertEquals(Lang.EN, worker.language())
                worker.setLanguage(Lang.ES)
                assertEquals(Lang.ES, worker.language())
                val e = assertFailsWith<AlongsideException.Invalid> {
                    worker.addClient(ClientInput(" ", null, null, null, null, emptyList(), emptyList()))
                }
                assertTrue(plain(e.summary).contains("es obligatorio"), e.summary)
                assertEquals(plain(e.summary), plain(errorMessage(e, Lang.ES)))
                assertTrue(plain(errorMessage(e, Lang.EN)).contains("is required"))
                assertEquals("Vivienda", lifeAreaChoices(Lang.ES).first().label)
                worker.setLanguage(Lang.EN)
            }
        }
    }
}
