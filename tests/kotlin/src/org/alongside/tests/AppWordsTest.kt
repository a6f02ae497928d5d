package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.alongside.core.AppPhrase
import org.alongside.core.AppWords
import org.alongside.core.ClientInput
import org.alongside.core.Lang
import org.alongside.core.LifeArea
import org.alongside.core.ResourceCategory
import org.alongside.core.RiskLevel
import org.alongside.core.Scheduling
import org.alongside.core.appPhrase
import org.alongside.core.appWords
import org.alongside.core.errorMessage
import org.alongside.core.langIsRtl
import org.alongside.state.AssessmentState
import org.alongside.state.CaseloadState
import org.alongside.state.LogVisitState
import org.alongside.state.ReferralState
import org.alongside.state.SettingsState
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.state.toEnum
import org.alongside.tests.Harness.check

/*
 * The words the apps show, through the Kotlin layer their screens use: the app's own chrome
 * (`appWords`, `appPhrase`) in every shipped language, the worker's language chosen in Settings and
 * kept in the vault, and every form's options and errors following it. The apps hold no words of
 * their own (tests/shells/check_words.py); these are the words they show instead.
 */

private const val WORDS_PASS = "correct horse battery staple"
private val WORDS_DAY: LocalDate = LocalDate.of(2026, 11, 23)

private fun plainWords(s: String) = s.replace("\u2068", "").replace("\u2069", "")

/** Every field of [words], by name (the record is generated; Java reflection reads it). */
private fun fieldsOf(words: AppWords): Map<String, String> =
    AppWords::class.java.declaredFields
        .filter { it.type == String::class.java }
        .associate { f -> f.isAccessible = true; f.name to f.get(words) as String }

fun appWordsAndLanguage() {
    check("app words: every field worded in every language; Arabic's all Arabic, and right to left") {
        val english = fieldsOf(appWords(Lang.EN))
        assertTrue(english.size > 150, "${english.size} fields")
        for (lang in listOf(Lang.FR, Lang.ES, Lang.AR)) {
            val fields = fieldsOf(appWords(lang))
            assertEquals(english.keys, fields.keys)
            assertTrue(fields.values.all { it.isNotBlank() }, "$lang has an empty word")
        }
        val arabic = fieldsOf(appWords(Lang.AR))
        val notArabic = arabic.filterValues { v -> v.none { it in '\u0600'..'\u06FF' } }
        assertTrue(notArabic.isEmpty(), "not Arabic: ${notArabic.keys}")
        assertEquals("Aujourd'hui", appWords(Lang.FR).tabToday)
        assertTrue(langIsRtl(Lang.AR) && !langIsRtl(Lang.FR))
    }

    check("app phrases: values put in, plurals by language") {
        assertEquals("1 active goal", plainWords(appPhrase(Lang.EN, AppPhrase.ActiveGoals(1u))))
        assertEquals("3 active goals", plainWords(appPhrase(Lang.EN, AppPhrase.ActiveGoals(3u))))
        assertEquals("3 objectifs en cours", plainWords(appPhrase(Lang.FR, AppPhrase.ActiveGoals(3u))))
        assertEquals("Review due 1 Feb", plainWords(appPhrase(Lang.EN, AppPhrase.PlanReviewDue("1 Feb"))))
        assertEquals("Pasos hechos: 2 de 5", plainWords(appPhrase(Lang.ES, AppPhrase.GoalStepsDone(2u, 5u))))
    }

    val repo = VaultRepository(Harness.tempDir("words"), TestClock())
    val unlock = UnlockState(repo)
    unlock.start()
    unlock.create(WORDS_PASS)
    val settings = SettingsState(repo)

    check("settings: the core's auto-lock and language options, in the worker's language") {
        repo.setLanguage(Lang.EN)
        assertTrue(settings.load(), "error: ${settings.screen.error}")
        val data = settings.screen.data!!
        assertEquals(listOf("en", "fr", "es", "ar"), data.languageChoices.map { it.value })
        assertEquals("en", data.languageTag)
        val five = data.autoLockChoices.single { it.value == "5" }
        assertEquals("5 minutes", plainWords(five.label))
        assertEquals(300u, settings.autoLockSecondsOf(five))
    }

    check("settings: choosing French words the options, the app's chrome and errors in French") {
        assertTrue(settings.setLanguage("fr"), "error: ${settings.screen.error}")
        assertEquals(Lang.FR, repo.language.value)
        val data = settings.screen.data!!
        assertEquals(Lang.FR, data.language)
        assertEquals("5 minutes", plainWords(data.autoLockChoices.single { it.value == "5" }.label))
        assertNotEquals(
            appWords(Lang.EN).settingsLanguage, appWords(repo.language.value).settingsLanguage,
        )
        val caseload = CaseloadState(repo)
        assertEquals(null, caseload.addClient(ClientInput("", null, null, null, null, emptyList(), emptyList())))
        val error = assertNotNull(caseload.screen.error)
        val french = errorMessage(error.cause, repo.language.value)
        assertNotEquals(errorMessage(error.cause, Lang.EN), french, "the error is worded in French")
    }

    check("settings: the language is the vault's, back after a lock") {
        repo.lock()
        assertTrue(unlock.unlock(WORDS_PASS), "error: ${unlock.screen.error}")
        assertEquals(Lang.FR, repo.language.value)
    }

    check("forms: scheduling, kinds, life areas, risk levels and categories from the core, in French") {
        val caseload = CaseloadState(repo)
        val client = assertNotNull(caseload.addClient(ClientInput("Sam", null, null, null, null, emptyList(), emptyList())))
        repo.withWorker { it.createPlan(client.id, WORDS_DAY, WORDS_DAY.plusDays(90)) }
        val visit = LogVisitState(repo, client.id)
        assertTrue(visit.start(WORDS_DAY, WORDS_DAY), "error: ${visit.screen.error}")
        val form = visit.screen.data!!
        assertEquals(Scheduling.entries.toList(), form.schedulingChoices.map { it.toEnum<Scheduling>() })
        assertEquals("Urgence", form.schedulingChoices.single { it.toEnum<Scheduling>() == Scheduling.EMERGENCY }.label)
        assertEquals(form.kinds.map { it.kind }, form.kindChoices.map { it.toEnum<org.alongside.core.ActivityKind>() })

        val assessments = AssessmentState(repo, client.id)
        assertTrue(assessments.load(), "error: ${assessments.screen.error}")
        val a = assessments.screen.data!!
        assertEquals(LifeArea.entries.toList(), a.areaChoices.map { it.toEnum<LifeArea>() })
        assertEquals(RiskLevel.entries.toList(), a.riskLevelChoices.map { it.toEnum<RiskLevel>() })
        assertNotEquals("Housing", a.areaLabel(LifeArea.HOUSING))

        val referrals = ReferralState(repo, client.id)
        assertTrue(referrals.load(), "error: ${referrals.screen.error}")
        val r = referrals.screen.data!!
        assertEquals(ResourceCategory.entries.toSet(), r.categoryChoices.map { it.toEnum<ResourceCategory>() }.toSet())
        assertNotEquals("Food bank", r.categoryLabel(ResourceCategory.FOOD_BANK))
    }
    repo.close()
}
