package org.alongside.tests

import java.io.File
import java.io.RandomAccessFile
import java.time.Instant
import java.time.LocalDate
import java.time.LocalTime
import java.util.UUID
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.LockReason
import org.alongside.core.ActivityKind
import org.alongside.core.ActivityStatus
import org.alongside.core.AlongsideException
import org.alongside.core.Author
import org.alongside.core.ClientInput
import org.alongside.core.Duty
import org.alongside.core.errorCodeOf
import org.alongside.core.EntryKind
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.core.NoteStatus
import org.alongside.core.Rule
import org.alongside.core.TimelineKind
import org.alongside.core.Vault
import org.alongside.core.activityKinds
import org.alongside.core.duties
import org.alongside.core.suggestDuties
import org.alongside.state.CaseloadState
import org.alongside.state.ClientState
import org.alongside.state.LogVisitState
import org.alongside.state.NoteState
import org.alongside.state.SettingsState
import org.alongside.state.SharedModeState
import org.alongside.state.TodayState
import org.alongside.state.UiError
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.state.VaultStatus
import org.alongside.tests.Harness.check

/*
 * A support worker's day, through the app's Kotlin layer (android/core-kotlin) and the generated
 * bindings, against the host build of the phone library: the same Kotlin the phone runs.
 */

private const val PASSPHRASE = "correct horse battery staple"

private val TODAY: LocalDate = LocalDate.of(2026, 11, 23)

/** What the walk has made so far, for the steps after. */
private class Day {
    val clock = TestClock()
    lateinit var repo: VaultRepository
    lateinit var clientId: String
    lateinit var planId: String
    lateinit var goalId: String
    lateinit var stepId: String
    lateinit var activityId: String
    lateinit var noteId: String
}

fun main(): Unit = Harness.run {
    val d = Day()
    Harness.section("the worker's vault") {
        val dir = Harness.tempDir("day")
        d.repo = VaultRepository(dir, d.clock, autoLockSeconds = 60u)
    }
    Harness.section("worker day") { workerDay(d) }
    Harness.section("shared mode") { sharedMode(d) }
    Harness.section("typed errors") { typedErrors(d) }
    Harness.section("platform key") { platformKey(d) }
    Harness.section("auto-lock") { autoLock(d) }
    Harness.section("closing the worker's vault") { d.repo.close() }
    Harness.section("device binding") { deviceBinding() }
    Harness.section("raw bindings") { rawBindings() }
    Harness.section("tamper") { tamper() }
    Harness.section("incidents and backup") { incidentsAndBackup() }
    Harness.section("typed errors about the files") { typedErrorsAcrossTheFfi() }
    Harness.section("what the client owns") { whatTheClientOwns() }
    Harness.section("correcting records") { correctingRecords() }
    Harness.section("phone API") { phoneApi() }
    Harness.section("the whole job") { wholeJob() }
    Harness.section("languages") { languagesAcrossTheFfi() }
    Harness.section("the worker's corner") { corner() }
    Harness.section("the words the apps show") { appWordsAndLanguage() }
    Harness.section("corrections through the holders") { correctionsThroughHolders() }
    Harness.section("team sync") { syncAcrossTheFfi() }
    Harness.section("team sync against the relay") { syncThroughTheRelay() }
    Harness.section("the team: members, briefing, requests, handover against the relay") { teamThroughTheRelay() }
}

private inline fun <reified E : UiError> UiError?.expect(): E {
    assertNotNull(this, "expected a ${E::class.simpleName}, got no error")
    return assertIs<E>(this)
}

private fun workerDay(d: Day) {
    val repo = d.repo
    val unlock = UnlockState(repo)

    check("a new folder has no vault") {
        assertTrue(unlock.start())
        assertEquals(VaultStatus.NoVault, unlock.screen.data)
        assertEquals(VaultStatus.NoVault, repo.status.value)
    }

    check("a short passphrase is refused by the core, naming the field and the rule") {
        assertFalse(unlock.create("short"))
        val e = unlock.screen.error.expect<UiError.Input>()
        assertEquals("passphrase", e.field)
        assertEquals(Rule.TooShort(8u), e.rule)
        assertTrue(e.summary.isNotBlank())
        assertIs<AlongsideException.Invalid>(e.cause)
        assertEquals(VaultStatus.NoVault, repo.status.value)
    }

    check("a guessable passphrase is refused with the estimator's advice for the screen") {
        assertFalse(unlock.create("password1234"))
        val e = unlock.screen.error.expect<UiError.Input>()
        assertEquals("passphrase", e.field)
        val weak = assertIs<Rule.Weak>(e.rule)
        assertTrue(weak.suggestions.isNotEmpty())
        assertFalse(weak.suggestions.any { it.contains("password1234") })
        assertEquals(VaultStatus.NoVault, repo.status.value)
    }

    check("create a vault: it is left unlocked") {
        assertTrue(unlock.create(PASSPHRASE))
        assertNull(unlock.screen.error)
        assertEquals(VaultStatus.Unlocked, repo.status.value)
    }

    check("lock, a wrong passphrase, then the right one") {
        repo.lock()
        assertEquals(VaultStatus.Locked(hasPlatformKey = false), repo.status.value)
        assertFalse(unlock.unlock("not the passphrase"))
        val e = unlock.screen.error.expect<UiError.WrongPassphrase>()
        val cause = assertIs<AlongsideException.WrongPassphrase>(e.cause)
        assertEquals("wrong_passphrase", errorCodeOf(cause))
        assertIs<VaultStatus.Locked>(repo.status.value)
        assertTrue(unlock.unlock(PASSPHRASE))
        assertNull(unlock.screen.error)
        assertEquals(VaultStatus.Unlocked, repo.status.value)
    }

    val caseload = CaseloadState(repo)
    check("add a client; the caseload shows her") {
        val before = Instant.now().minusSeconds(5)
        val client = assertNotNull(
            caseload.addClient(
                ClientInput("Amira", null, "she/her", "en", null, emptyList(), emptyList()),
            ),
        )
        d.clientId = client.id
        assertTrue(client.created.isAfter(before), "Timestamp arrives as java.time.Instant")
        assertIs<org.alongside.core.ClientStatus.Active>(client.status)
        assertTrue(caseload.load(TODAY))
        val view = assertNotNull(caseload.screen.data)
        assertEquals(emptyList(), view.unreadable)
        val rows = view.rows
        assertEquals(listOf("Amira"), rows.map { it.preferredName })
        assertEquals("she/her", rows[0].pronouns)
        assertTrue(rows[0].statusLabel.isNotBlank())
    }

    check("a blank name comes back as the core's field error, and the list stays") {
        assertNull(caseload.addClient(ClientInput("   ", null, null, null, null, emptyList(), emptyList())))
        val e = caseload.screen.error.expect<UiError.Input>()
        assertEquals("preferred_name", e.field)
        assertEquals(Rule.Required, e.rule)
        assertEquals(1, caseload.screen.data?.rows?.size, "the rows shown before stay")
        caseload.dismissError()
        assertNull(caseload.screen.error)
    }

    val client = ClientState(repo, d.clientId)
    check("make a plan with a goal in her words and a step") {
        assertTrue(client.load(TODAY))
        assertNull(client.screen.data!!.plan.plan)
        assertTrue(client.createPlan(TODAY, TODAY.plusDays(90)))
        d.planId = client.screen.data!!.plan.plan!!.id
        val goal = GoalInput(
            LifeArea.HOUSING, "find a flat near my sister", "call two letting agents", null,
            TODAY.plusDays(60), null,
        )
        assertTrue(client.addGoal(d.planId, goal))
        val card = client.screen.data!!.plan.goals.single()
        d.goalId = card.goalId
        assertEquals("find a flat near my sister", card.clientWords)
        assertTrue(card.areaLabel.isNotBlank())
        assertTrue(card.visibleToClient, "goals are shown to the client unless hidden")
        assertTrue(client.addStep(d.goalId, "ring the agent on Green Street"))
        d.stepId = client.screen.data!!.plan.goals.single().steps.single().id
    }

    check("a review date before the start is refused with the rule that says why") {
        assertFalse(client.createPlan(TODAY, TODAY.minusDays(1)))
        val e = client.screen.error.expect<UiError.Input>()
        assertEquals("review_due", e.field)
        assertIs<Rule.NotBefore>(e.rule)
    }

    check("the worker rates the goal; 11 out of 10 is refused") {
        assertTrue(client.rateGoal(d.goalId, TODAY, 6, "first agent called back"))
        val card = client.screen.data!!.plan.goals.single()
        assertEquals(6.toUByte(), card.latestWorkerRating?.score)
        assertNull(card.latestClientRating)
        assertFalse(client.rateGoal(d.goalId, TODAY, 11))
        val e = client.screen.error.expect<UiError.Input>()
        assertEquals("score", e.field)
        assertIs<Rule.OutOfRange>(e.rule)
    }

    val visit = LogVisitState(repo, d.clientId)
    check("log a visit: the form comes from the core, the purpose brings duty suggestions") {
        assertTrue(visit.start(TODAY, TODAY))
        val form = visit.screen.data!!
        assertEquals(activityKinds().map { it.kind }, form.kinds.map { it.kind })
        assertEquals(listOf(Duty.EDUCATE, Duty.EMPOWER, Duty.ADVOCATE), form.dutyChoices.map { it.duty })
        assertEquals(listOf(d.goalId), form.goals.map { it.goalId })
        visit.update { it.copy(kind = ActivityKind.HOME_VISIT, time = LocalTime.of(10, 30), place = "her flat") }
        visit.setPurpose("Showed her how to fill in the housing form; she will call the agent herself")
        val suggested = visit.screen.data!!.suggestions
        assertContains(suggested.map { it.duty }, Duty.EDUCATE)
        assertTrue(suggested.all { it.reason.isNotBlank() && it.triggers.isNotEmpty() })
        assertEquals(suggestDuties(visit.screen.data!!.purpose, null), suggested, "the same call as the core's")
    }

    check("submitting without a duty: the core names the field") {
        assertFalse(visit.submit())
        val e = visit.screen.error.expect<UiError.Input>()
        assertEquals("duties", e.field)
        assertEquals(Rule.Required, e.rule)
        assertNull(visit.screen.data!!.saved)
    }

    check("tag the visit with the duties the core suggested and a goal, add follow-ups, submit") {
        // The worker takes each suggestion (a tap on its chip), as the form offers them.
        val suggested = visit.screen.data!!.suggestions.map { it.duty }
        assertEquals(listOf(Duty.EDUCATE, Duty.EMPOWER), suggested, "the core's suggestions for this purpose")
        suggested.forEach { visit.toggleDuty(it) }
        visit.toggleDuty(Duty.ADVOCATE)
        visit.toggleDuty(Duty.ADVOCATE) // chosen by mistake, taken off again
        visit.toggleGoal(d.goalId)
        visit.addFollowUp("Text her the form link", TODAY)
        visit.addFollowUp("Call the housing office", TODAY.plusDays(2))
        assertTrue(visit.submit(), "error: ${visit.screen.error}")
        val form = visit.screen.data!!
        assertTrue(form.done)
        val saved = form.saved!!
        d.activityId = saved.id
        assertEquals(suggested, saved.duties, "the duties saved are the suggestions taken")
        assertEquals(listOf(d.goalId), saved.goalIds)
        assertEquals(2, saved.followUps.size)
        assertEquals(LocalTime.of(10, 30), saved.time)
        val view = repo.withWorker { it.activityView(saved.id) }
        assertEquals("Amira", view.clientName)
        assertEquals(2, view.dutyLabels.size)
        assertEquals(listOf(d.goalId), view.goals.map { it.goalId })
    }

    check("a visit and its follow-ups save in one call: a follow-up the core refuses saves nothing") {
        val again = LogVisitState(repo, d.clientId)
        assertTrue(again.start(TODAY, TODAY))
        again.update { it.copy(kind = ActivityKind.PHONE_OR_VIDEO, duties = listOf(Duty.ADVOCATE)) }
        assertEquals(TODAY.plusDays(7), again.defaultFollowUpDue(), "the core's default: a week on")
        again.addFollowUp("Send the letter", TODAY.plusDays(1))
        again.addFollowUp("   ", TODAY)
        assertFalse(again.submit())
        assertEquals("follow_ups[1].what", again.screen.error.expect<UiError.Input>().field)
        assertNull(again.screen.data!!.saved, "nothing was saved")
        assertEquals(1, repo.withWorker { it.activities(d.clientId) }.size)
        again.removeFollowUp(1)
        assertTrue(again.submit())
        assertEquals(1, again.screen.data!!.saved!!.followUps.size)
        assertEquals(2, repo.withWorker { it.activities(d.clientId) }.size)
    }

    check("editing a visit: the form opens on it, a change and a new follow-up are saved to it") {
        val first = repo.withWorker { it.activities(d.clientId) }.first()
        val edit = LogVisitState(repo, d.clientId)
        assertTrue(edit.startEditing(first.id, TODAY))
        edit.update { it.copy(place = "The library") }
        edit.addFollowUp("Return the book", first.day.plusDays(3))
        assertTrue(edit.submit(), "error: ${edit.screen.error}")
        val changed = repo.withWorker { it.activity(first.id) }
        assertEquals("The library", changed.place)
        assertEquals(first.followUps.size + 1, changed.followUps.size)
        assertEquals(2, repo.withWorker { it.activities(d.clientId) }.size, "no new activity")
    }

    val todayState = TodayState(repo)
    check("today shows the visit, the follow-up due, and ticks it off") {
        assertTrue(todayState.load(TODAY))
        val view = todayState.screen.data!!
        assertEquals(TODAY, view.day)
        assertTrue(view.title.isNotBlank() && view.summary.isNotBlank())
        val homeVisit = view.visits.single { it.activityId == d.activityId }
        assertEquals("Amira", homeVisit.clientName)
        assertEquals(LocalTime.of(10, 30), homeVisit.time)
        assertEquals(listOf(Duty.EDUCATE, Duty.EMPOWER), homeVisit.duties)
        val due = view.dueFollowUps.single()
        assertEquals("Text her the form link", due.what)
        assertTrue(due.dueLabel.isNotBlank())
        assertTrue(todayState.followUpDone(due.activityId, due.followUpId, TODAY))
        assertTrue(todayState.screen.data!!.dueFollowUps.isEmpty())
        assertTrue(todayState.setVisitStatus(d.activityId, ActivityStatus.Done))
        assertEquals(ActivityStatus.Done, todayState.screen.data!!.visits.single { it.activityId == d.activityId }.status)
    }

    val note = NoteState(repo, d.clientId, d.activityId)
    check("write a note: the core's language hints arrive as it is typed") {
        note.setText("Her neighbour called her an addict. We went through the housing form together.")
        assertTrue(note.screen.data!!.hints.isNotEmpty())
        assertTrue(note.screen.data!!.hints.all { it.suggestions.isNotEmpty() && it.why.isNotBlank() })
        assertTrue(note.save())
        val saved = note.screen.data!!.note!!
        d.noteId = saved.note.id
        assertTrue(saved.editable)
        assertIs<NoteStatus.Draft>(saved.note.status)
        assertEquals(d.activityId, saved.note.activityId)
    }

    check("sign the note: it stops being editable; a change is refused; an addendum is kept") {
        note.setText(note.screen.data!!.draft + " She chose the first flat to view.")
        assertTrue(note.sign())
        val signed = note.screen.data!!.note!!
        assertFalse(signed.editable)
        assertIs<NoteStatus.Signed>(signed.note.status)
        assertTrue(signed.note.text.endsWith("She chose the first flat to view."), "the edit was saved before signing")
        note.setText("rewritten")
        assertFalse(note.save())
        val e = note.screen.error.expect<UiError.Input>()
        assertEquals("note_id", e.field)
        assertIs<Rule.NotAllowed>(e.rule)
        assertTrue(note.addAddendum("date was wrong", "The visit was on Monday."))
        assertEquals(1, note.screen.data!!.note!!.addenda.size)
        assertEquals("The visit was on Monday.", note.screen.data!!.note!!.addenda.single().text)
    }

    check("the client screen's timeline shows the visit, the note and the rating, paged") {
        val paged = ClientState(repo, d.clientId, pageSize = 2u)
        assertTrue(paged.load(TODAY))
        assertEquals(2, paged.screen.data!!.timeline.size)
        assertFalse(paged.screen.data!!.timelineComplete)
        while (!paged.screen.data!!.timelineComplete) assertTrue(paged.loadMoreTimeline())
        val kinds = paged.screen.data!!.timeline.map { it.kind }.toSet()
        assertTrue(kinds.containsAll(listOf(TimelineKind.ACTIVITY, TimelineKind.NOTE, TimelineKind.RATING)), "$kinds")
        val all = repo.withWorker { it.timeline(d.clientId, 0u, 200u) }.items
        assertEquals(all, paged.screen.data!!.timeline, "pages join up into the core's order")
        paged.close()
    }
}

private fun sharedMode(d: Day) {
    val repo = d.repo
    val shared = SharedModeState(repo)
    val today = TodayState(repo)

    check("shared mode: the client sees her own plan and rates it herself") {
        assertTrue(shared.open(d.clientId, TODAY), "error: ${shared.screen.error}")
        assertEquals(VaultStatus.Shared(d.clientId), repo.status.value)
        val screen = shared.screen.data!!
        assertEquals("Amira", screen.preferredName)
        assertTrue(screen.greeting.contains("Amira"))
        val goal = screen.goals.single()
        assertEquals("find a flat near my sister", goal.words)
        assertTrue(shared.rate(goal.goalId, TODAY, 7, "I feel closer"))
        val mine = shared.screen.data!!.goals.single().myRatings.single()
        assertEquals(7.toUByte(), mine.score)
        assertTrue(mine.said.isNotBlank() && mine.band.isNotBlank())
        assertEquals(1, shared.screen.data!!.goals.single().workerRatings.size, "the worker's rating, kept apart")
    }

    check("shared mode: her own words and a step she marks done") {
        assertTrue(shared.addEntry(EntryKind.WHAT_HELPS_ME, "Walking with my sister", null, TODAY))
        assertContains(shared.screen.data!!.myEntries, "Walking with my sister")
        assertTrue(shared.markStepDone(d.goalId, d.stepId, TODAY))
        assertTrue(shared.screen.data!!.goals.single().steps.single().done)
        assertFalse(shared.rate(d.goalId, TODAY, 0))
        assertEquals("score", shared.screen.error.expect<UiError.Input>().field)
    }

    check("shared mode: no worker screen works while the client holds the phone") {
        assertFalse(today.load(TODAY))
        today.screen.error.expect<UiError.SessionEnded>()
    }

    check("shared mode: a wrong passphrase keeps it; the right one hands the phone back") {
        assertFalse(shared.leave("not the passphrase"))
        shared.screen.error.expect<UiError.WrongPassphrase>()
        assertEquals(VaultStatus.Shared(d.clientId), repo.status.value)
        assertTrue(shared.leave(PASSPHRASE))
        assertEquals(VaultStatus.Unlocked, repo.status.value)
        assertNull(shared.screen.data, "the client's screen is dropped")
        assertTrue(today.load(TODAY))
    }

    check("the worker sees the client's rating, entry and marked step, and confirms the step") {
        val client = ClientState(repo, d.clientId)
        assertTrue(client.load(TODAY))
        val card = client.screen.data!!.plan.goals.single()
        assertEquals(7.toUByte(), card.latestClientRating?.score)
        assertEquals(6.toUByte(), card.latestWorkerRating?.score)
        assertEquals(1u, card.stepsToConfirm)
        assertEquals(Author.CLIENT, card.steps.single().markedBy)
        assertTrue(client.confirmStep(d.goalId, d.stepId))
        assertEquals(0u, client.screen.data!!.plan.goals.single().stepsToConfirm)
        val entries = repo.withWorker { it.clientEntries(d.clientId) }
        assertEquals(listOf("Walking with my sister"), entries.map { it.text })
        client.close()
    }

    check("shared mode left idle locks the whole vault on the shell's timer, untouched") {
        assertTrue(shared.open(d.clientId, TODAY, idleSeconds = 1u))
        assertFalse(repo.tick(), "not idle yet")
        // The phone lies untouched; the shell's sleep-counting clock moves on.
        d.clock.millis += 1_300
        // Nobody touches the phone: the timer's tick alone locks it, and the keys are gone.
        assertTrue(repo.tick())
        assertEquals(VaultStatus.Locked(hasPlatformKey = false), repo.status.value)
        assertFalse(shared.load(TODAY))
        shared.screen.error.expect<UiError.SessionEnded>()
        assertEquals(VaultStatus.Locked(hasPlatformKey = false), repo.status.value)
        assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
    }
    shared.close()
    today.close()
}

private fun typedErrors(d: Day) {
    val repo = d.repo
    check("not found: a client id that names nothing") {
        val missing = UUID.randomUUID().toString()
        val client = ClientState(repo, missing)
        assertFalse(client.load(TODAY))
        val e = client.screen.error.expect<UiError.NotFound>()
        assertEquals("client", e.kind)
        assertIs<AlongsideException.NotFound>(e.cause)
        client.close()
    }

    check("invalid: an id that is not an id names the field and the expected format") {
        val e = assertFailsWith<AlongsideException.Invalid> { repo.withWorker { it.client("not-an-id") } }
        assertEquals("client_id", e.field)
        assertIs<Rule.Format>(e.rule)
        assertTrue(e.summary.isNotBlank())
    }

    check("invalid: a date outside the years 1900 to 9999 is a typed error, not a crash") {
        // java.time reaches year 999,999,999; the core takes the years 1900 to 9999.
        assertEquals(LocalDate.of(9999, 12, 31), repo.withWorker { it.today(LocalDate.of(9999, 12, 31)) }.day)
        for (year in listOf(0, 1899, 10000, 300000)) {
            val e = assertFailsWith<AlongsideException.Invalid>("year $year") {
                repo.withWorker { it.today(LocalDate.of(year, 1, 1)) }
            }
            assertEquals("date", e.field)
            assertIs<Rule.Format>(e.rule)
        }
    }

    check("invalid: a time with seconds is refused, never cut to the minute") {
        val input = org.alongside.core.ActivityInput(
            ActivityKind.PHONE_OR_VIDEO, org.alongside.core.Scheduling.PLANNED, null, TODAY,
            LocalTime.of(10, 30, 45), null, null, null, listOf(Duty.ADVOCATE), emptyList(),
        )
        val e = assertFailsWith<AlongsideException.Invalid> { repo.withWorker { it.addActivity(d.clientId, input) } }
        assertEquals("time", e.field)
        assertIs<Rule.Format>(e.rule)
    }

    check("locked: every screen drops its data on lock and gets SessionEnded after") {
        val today = TodayState(repo)
        assertTrue(today.load(TODAY))
        repo.lock()
        assertNull(today.screen.data, "no client's data outlives the keys")
        assertFalse(today.load(TODAY))
        today.screen.error.expect<UiError.SessionEnded>()
        assertTrue(UnlockState(repo).unlock(PASSPHRASE))
        assertTrue(today.load(TODAY))
        today.close()
    }

    check("too many wrong passphrases: the core asks to wait, and says how long") {
        repo.lock()
        val unlock = UnlockState(repo)
        var waited: UiError.TryAgainLater? = null
        for (i in 1..5) {
            assertFalse(unlock.unlock("wrong passphrase $i"))
            waited = unlock.screen.error as? UiError.TryAgainLater
            if (waited != null) break
        }
        assertNotNull(waited, "throttled within five attempts")
        assertTrue(waited.retryAfterSeconds >= 1u)
        Thread.sleep(waited.retryAfterSeconds.toLong() * 1000 + 200)
        assertTrue(unlock.unlock(PASSPHRASE), "error: ${unlock.screen.error}")
    }
}

private fun platformKey(d: Day) {
    val repo = d.repo
    val settings = SettingsState(repo)
    val key = AesPlatformKey()

    check("platform key (AES-GCM in Kotlin): enable, lock, unlock with it") {
        assertTrue(settings.load())
        assertFalse(settings.screen.data!!.hasPlatformKey)
        assertTrue(settings.enablePlatformKey(PASSPHRASE, key), "error: ${settings.screen.error}")
        assertTrue(settings.screen.data!!.hasPlatformKey)
        repo.lock()
        assertEquals(VaultStatus.Locked(hasPlatformKey = true), repo.status.value)
        val unlock = UnlockState(repo)
        assertTrue(unlock.unlockWithPlatformKey(key), "error: ${unlock.screen.error}")
        assertEquals(1, key.unwraps)
        assertEquals(VaultStatus.Unlocked, repo.status.value)
    }

    check("platform key: enrolling asks for the passphrase again") {
        assertFalse(settings.enablePlatformKey("not the passphrase", AesPlatformKey()))
        settings.screen.error.expect<UiError.WrongPassphrase>()
    }

    check("platform key: a Kotlin exception inside it arrives as the typed PlatformKey error") {
        repo.lock()
        val unlock = UnlockState(repo)
        assertFalse(unlock.unlockWithPlatformKey(FailingPlatformKey(IllegalStateException("keystore gone"))))
        val e = unlock.screen.error.expect<UiError.PlatformKeyFailed>()
        assertIs<AlongsideException.PlatformKey>(e.cause)
        assertTrue(e.reason.isNotBlank())
        assertFalse(e.reason.contains("keystore gone"), "the foreign stack trace stays out of the message")
        assertIs<VaultStatus.Locked>(repo.status.value)
    }

    check("platform key: the user cancelling (a typed error thrown in Kotlin) keeps its reason") {
        val unlock = UnlockState(repo)
        assertFalse(unlock.unlockWithPlatformKey(FailingPlatformKey(AlongsideException.PlatformKey("cancelled by the user"))))
        assertEquals("cancelled by the user", unlock.screen.error.expect<UiError.PlatformKeyFailed>().reason)
    }

    check("platform key: another phone's key does not open this vault") {
        val unlock = UnlockState(repo)
        assertFalse(unlock.unlockWithPlatformKey(AesPlatformKey()))
        unlock.screen.error.expect<UiError.PlatformKeyFailed>()
        assertTrue(unlock.unlock(PASSPHRASE))
    }

    check("platform key: leave shared mode with it; disable it in settings") {
        val shared = SharedModeState(repo)
        assertTrue(shared.open(d.clientId, TODAY))
        assertTrue(shared.leaveWithPlatformKey(key), "error: ${shared.screen.error}")
        assertEquals(VaultStatus.Unlocked, repo.status.value)
        assertTrue(settings.disablePlatformKey())
        assertFalse(settings.screen.data!!.hasPlatformKey)
        shared.close()
    }

    check("duress: set in settings; it opens an empty vault; the real trail records it later") {
        val duress = "quiet walrus maps the tundra"
        assertFalse(settings.setDuressPassphrase(PASSPHRASE, PASSPHRASE))
        assertEquals("duress_passphrase", settings.screen.error.expect<UiError.Input>().field)
        assertTrue(settings.setDuressPassphrase(PASSPHRASE, duress), "error: ${settings.screen.error}")
        repo.lock()
        assertEquals(VaultStatus.Unlocked, repo.unlock(duress))
        assertTrue(repo.withWorker { it.clients() }.clients.isEmpty(), "the duress vault looks empty")
        repo.lock()
        assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
        assertTrue(repo.withWorker { it.clients() }.clients.isNotEmpty(), "the real caseload is all there")
        val latest = repo.withWorker { it.auditEntries(1u) }.single()
        assertEquals(org.alongside.core.Op.DURESS_UNLOCK, latest.op)
        assertTrue(settings.removeDuressPassphrase(PASSPHRASE), "error: ${settings.screen.error}")
    }

    check("quick hide: one call locks at once; every screen drops its data") {
        val today = TodayState(repo)
        assertTrue(today.load(TODAY))
        repo.quickHide()
        assertIs<VaultStatus.Locked>(repo.status.value)
        assertNull(today.screen.data)
        assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
        today.close()
    }

    check("change the passphrase in settings; the old one stops working") {
        val newPassphrase = "$PASSPHRASE, changed"
        assertFalse(settings.changePassphrase(PASSPHRASE, "short"))
        assertEquals("new_passphrase", settings.screen.error.expect<UiError.Input>().field)
        assertTrue(settings.changePassphrase(PASSPHRASE, newPassphrase))
        repo.lock()
        assertFailsWith<AlongsideException.WrongPassphrase> { repo.unlock(PASSPHRASE) }
        assertEquals(VaultStatus.Unlocked, repo.unlock(newPassphrase))
        assertTrue(settings.changePassphrase(newPassphrase, PASSPHRASE))
    }
    settings.close()
}

private fun autoLock(d: Day) {
    val repo = d.repo
    check("auto-lock is the core's: a touch starts the count again; a phone asleep past it wakes locked") {
        repo.autoLockSeconds = 60u
        assertEquals(VaultStatus.Unlocked, repo.touch())
        d.clock.millis += 59_999
        assertEquals(1L, repo.millisUntilLock())
        assertFalse(repo.tick())
        assertEquals(VaultStatus.Unlocked, repo.touch())
        assertEquals(60_000L, repo.millisUntilLock())
        // A night in a pocket: no timer of the shell ran, only the clock moved on. The first call
        // after waking finds the vault locked, and the status follows.
        d.clock.millis += 8 * 3_600_000L
        val e = assertFailsWith<AlongsideException.Locked> { repo.withWorker { it.clients() } }
        assertEquals(LockReason.AUTO_LOCK, e.reason)
        assertIs<VaultStatus.Locked>(repo.status.value)
        assertEquals(LockReason.AUTO_LOCK, repo.lockReason)
        assertNull(repo.millisUntilLock(), "no timer while locked")
        assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
    }

    check("auto-lock: the shell's timer alone locks, without a call or a touch") {
        d.clock.millis += 60_001
        assertTrue(repo.tick())
        assertIs<VaultStatus.Locked>(repo.status.value)
        assertTrue(repo.tick(), "still locked")
        assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
    }

    check("auto-lock: a clock that runs backwards is refused and locks") {
        d.clock.millis -= 10_000
        assertIs<VaultStatus.Locked>(repo.touch())
        assertEquals(LockReason.CLOCK_WENT_BACK, repo.lockReason)
        // The worker can unlock again; the count goes on from the new reading.
        assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
        assertEquals(VaultStatus.Unlocked, repo.touch())
    }

    check("auto-lock: the setting is the core's to check (10 to 3600 seconds)") {
        val settings = SettingsState(repo)
        assertTrue(settings.load())
        assertFalse(settings.setAutoLock(5u))
        val input = settings.screen.error.expect<UiError.Input>()
        assertEquals("auto_lock_seconds", input.field)
        assertEquals(60u, repo.autoLockSeconds, "unchanged")
        assertTrue(settings.setAutoLock(900u))
        assertEquals(900u, settings.screen.data!!.autoLockSeconds)
        settings.close()
    }
}

/**
 * The device binding on the JVM: the test double's HMAC key stands in for the Keystore's. The
 * vault's files with the right passphrase open nothing without the phone's device key.
 */
private fun deviceBinding() {
    check("device binding: a vault made with the phone's device key needs it at every unlock") {
        val dir = Harness.tempDir("bound")
        val phone = AesPlatformKey()
        VaultRepository(dir, TestClock(), deviceKey = phone).use { repo ->
            assertEquals(VaultStatus.Unlocked, repo.create(PASSPHRASE))
            repo.lock()
            assertEquals(VaultStatus.Unlocked, repo.unlock(PASSPHRASE))
            assertTrue(phone.deviceSecrets > 0)
        }
        // The same files on another phone, or with no device key: the right passphrase is not enough.
        VaultRepository(dir, TestClock(), deviceKey = AesPlatformKey()).use { other ->
            other.start()
            assertFailsWith<AlongsideException.WrongPassphrase> { other.unlock(PASSPHRASE) }
        }
        VaultRepository(dir, TestClock()).use { none ->
            none.start()
            assertFailsWith<AlongsideException.PlatformKey> { none.unlock(PASSPHRASE) }
        }
        VaultRepository(dir, TestClock(), deviceKey = phone).use { back ->
            back.start()
            assertEquals(VaultStatus.Unlocked, back.unlock(PASSPHRASE))
        }
    }
}

/** The bindings themselves, without the app's layer: capabilities and object lifetimes. */
private fun rawBindings() {
    check("bindings: a worker handle from before shared mode is dead, even after leaving") {
        val dir = Harness.tempDir("raw")
        Vault.create(dir, PASSPHRASE, null).use { vault ->
            vault.worker().use { worker ->
                val client = worker.addClient(ClientInput("Sam", null, null, null, null, emptyList(), emptyList()))
                worker.openShared(client.id, null).use { shared ->
                    assertFailsWith<AlongsideException.Locked> { worker.clients() }
                    assertFailsWith<AlongsideException.Locked> { vault.worker() }
                    assertEquals("Sam", shared.screen(TODAY).preferredName)
                    shared.leave(PASSPHRASE).use { back ->
                        assertEquals(listOf("Sam"), back.clients().clients.map { it.preferredName })
                        assertFailsWith<AlongsideException.Locked> { worker.clients() }
                        assertFailsWith<AlongsideException.Locked> { shared.screen(TODAY) }
                    }
                }
                vault.lock()
                assertTrue(vault.isLocked())
                assertFailsWith<AlongsideException.Locked> { worker.clients() }
            }
        }
    }

    check("bindings: four threads writing at once, through two handles on one folder, lose nothing") {
        val dir = Harness.tempDir("threads")
        Vault.create(dir, PASSPHRASE, null).use { first ->
            Vault.open(dir).use { second ->
                val sessions = listOf(first.worker(), second.unlock(PASSPHRASE, null))
                val failures = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
                val threads = (0 until 4).map { t ->
                    Thread {
                        repeat(100) { n ->
                            try {
                                sessions[t % 2].addClient(
                                    ClientInput("Thread $t client $n", null, null, null, null, emptyList(), emptyList()),
                                )
                            } catch (e: Throwable) {
                                failures += e
                            }
                        }
                    }.apply { start() }
                }
                threads.forEach { it.join(50_000) }
                assertTrue(threads.none { it.isAlive }, "the writers finished")
                assertEquals(emptyList(), failures.map { it.toString() }.take(3))
                val names = sessions[0].clients().clients.map { it.preferredName }.toSet()
                assertEquals(400, names.size)
                val report = sessions[1].verifyAudit()
                assertTrue(report.ok, report.toString())
                // Each new client audits three rows: the client, its summary mark and the summary
                // total gathering every client.
                assertEquals(1200uL, report.entries)
                sessions.forEach { it.close() }
            }
        }
    }

    check("bindings: an existing vault cannot be created over") {
        val dir = Harness.tempDir("exists")
        Vault.create(dir, PASSPHRASE, null).close()
        assertFailsWith<AlongsideException.AlreadyExists> { Vault.create(dir, PASSPHRASE, null) }
    }

    check("bindings: closing the vault locks it and ends the sessions it gave out") {
        val dir = Harness.tempDir("close")
        val vault = Vault.create(dir, PASSPHRASE, null)
        vault.worker().use { worker ->
            worker.addClient(ClientInput("Sam", null, null, null, null, emptyList(), emptyList()))
            vault.close()
            assertFailsWith<AlongsideException.Locked> { worker.clients() }
        }
        assertFalse(File(dir, "alongside.db-wal").exists(), "the database file is let go")
    }

    check("bindings: a weak passphrase is refused with the estimator's feedback") {
        val e = assertFailsWith<AlongsideException.Invalid> {
            Vault.create(Harness.tempDir("weak"), "qwertyuiop", null)
        }
        assertEquals("passphrase", e.field)
        assertTrue(assertIs<Rule.Weak>(e.rule).suggestions.isNotEmpty())
    }

    check("bindings: the form's fixed lists come from the core") {
        assertEquals(3, duties().size)
        assertTrue(activityKinds().single { it.kind == ActivityKind.HOME_VISIT }.needsPurpose)
    }
}

/**
 * Change one byte of a client's sealed row in the closed database file: the core must answer with
 * the typed Tampered error naming the record, not a crash and not wrong data.
 */
private fun tamper() {
    check("tampered: one changed byte in a sealed row arrives as Tampered(kind, id)") {
        val dir = Harness.tempDir("tamper")
        val id = Vault.create(dir, PASSPHRASE, null).use { vault ->
            vault.worker().use { w ->
                w.addClient(ClientInput("Robin", null, null, null, null, emptyList(), emptyList())).id
            }
        }
        // A row of `records` is (id, kind, owner, day_tag, rev, body) in SQLite's record format:
        // the id's text, then the kind's, then a few bytes, then the sealed body. The id also sits
        // in the primary-key index, but there it is not followed by the kind.
        val db = File(dir, "alongside.db")
        assertFalse(File(dir, "alongside.db-wal").let { it.exists() && it.length() > 0 }, "checkpointed on close")
        val bytes = db.readBytes()
        val marker = (id + "client").toByteArray()
        val at = indexOf(bytes, marker)
        assertTrue(at >= 0, "the client's row was found")
        val target = at + marker.size + 12 // inside the envelope's nonce, past the rev's bytes
        RandomAccessFile(db, "rw").use { f ->
            f.seek(target.toLong())
            val b = f.read()
            f.seek(target.toLong())
            f.write(b xor 0x01)
        }
        val repo = VaultRepository(dir, TestClock())
        assertIs<VaultStatus.Locked>(repo.start())
        repo.unlock(PASSPHRASE)
        // The caseload still shows, and names the record it could not open with the core's words.
        val caseload = CaseloadState(repo)
        assertTrue(caseload.load(TODAY))
        val view = assertNotNull(caseload.screen.data)
        assertEquals(emptyList(), view.rows)
        assertEquals(listOf("client" to id), view.unreadable.map { it.kind to it.id })
        assertTrue(view.unreadable[0].summary.endsWith("could not be opened: restore it from a backup."))
        // Reading the record itself is loud.
        val cause = assertFailsWith<AlongsideException.Tampered> { repo.withWorker { it.client(id) } }
        assertEquals("client", cause.kind)
        assertEquals(id, cause.id)
        caseload.close()
        repo.close()
    }
}

private fun indexOf(haystack: ByteArray, needle: ByteArray): Int {
    outer@ for (i in 0..haystack.size - needle.size) {
        for (j in needle.indices) if (haystack[i + j] != needle[j]) continue@outer
        return i
    }
    return -1
}
