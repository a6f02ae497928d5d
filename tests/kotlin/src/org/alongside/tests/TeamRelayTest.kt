package org.alongside.tests

import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue
import org.alongside.state.BriefingState
import org.alongside.state.JdkSyncTransport
import org.alongside.state.TeamState
import org.alongside.state.UiError
import org.alongside.tests.Harness.check

/*
 * A supervisor's phone and two workers' phones through the app's Kotlin layer against the real
 * relay (started by tests/kotlin/run.sh). The supervisor is this process (SyncState, TeamState,
 * BriefingState over JdkSyncTransport); each worker is its own JVM with its own vault folder
 * (SyncPhone.kt). Without the relay every check fails: this test is never skipped.
 */

fun teamThroughTheRelay() {
    val (url, repo, sync) = relayPhone("team-lead", "team") ?: return
    val team = TeamState(repo, JdkSyncTransport())
    val briefing = BriefingState(repo)
    val noor = OtherPhone(Harness.tempDir("team-noor"))
    val omar = OtherPhone(Harness.tempDir("team-omar"))

    /** Phone [p] joins the lead's team and is admitted. */
    fun admit(p: OtherPhone) {
        assertTrue(sync.invite(), "${sync.screen.error}")
        val joined = p.run("join", sync.screen.data!!.inviteCode!!)
        assertTrue(joined.ok, "$joined")
        assertTrue(p.run("sync").ok)
        assertTrue(sync.syncNow(), "${sync.screen.error}")
        val member = p.run("sync")
        assertEquals("true", member.one("member"), "$member")
    }

    lateinit var maya: String
    lateinit var noorId: String
    try {
        check("the lead starts a team, names themself, and two workers join and name themselves") {
            assertTrue(sync.createTeam(url), "${sync.screen.error}")
            assertTrue(team.setName("Sam Lead"), "${team.screen.error}")
            admit(noor)
            admit(omar)
            assertTrue(noor.run("name", "Noor Amin").ok)
            assertTrue(omar.run("name", "Omar Diallo").ok)
            assertTrue(noor.run("sync").ok)
            assertTrue(omar.run("sync").ok)
            assertTrue(sync.syncNow(), "${sync.screen.error}")
            assertTrue(team.load(), "${team.screen.error}")
            val page = team.screen.data!!
            assertTrue(page.admin)
            assertEquals(setOf("Sam Lead", "Noor Amin", "Omar Diallo"), page.members.map { it.name }.toSet(), "${page.members}")
            val lead = page.members.single { it.isMe }
            assertTrue(lead.admin && lead.devices.single().thisPhone, "$lead")
            // The admin's phone asked the relay: each worker's phone was seen.
            val noorRow = page.members.single { it.name == "Noor Amin" }
            assertFalse(noorRow.admin)
            assertTrue(noorRow.devices.single().lastSeen != null, "${noorRow.devices}")
            noorId = noorRow.memberId
            assertEquals(noorId, noor.run("whoami").one("member_id"))
        }
        check("Noor records a client and a visit; the lead's briefing shows the visit under Noor's name") {
            val made = noor.run("client-with-visit", "Maya Haddad")
            assertTrue(made.ok, "$made")
            maya = made.one("client_id")!!
            assertTrue(noor.run("sync").ok)
            assertTrue(sync.syncNow(), "${sync.screen.error}")
            assertTrue(sync.syncNow(), "${sync.screen.error}")
            assertTrue(briefing.load(SYNC_DAY), "${briefing.screen.error}")
            val screen = briefing.screen.data!!
            val row = screen.workers.single { it.memberId == noorId }
            assertEquals("Noor Amin", row.name)
            assertEquals(listOf("Maya Haddad"), row.visits.map { it.clientName }, "$row")
            assertTrue(screen.workers.none { it.memberId != noorId && it.visits.any { v -> v.clientId == maya } })
        }
        check("the lead asks Noor from her row, about a client her row offers; Noor's Today shows it, she marks it done, the lead sees it done") {
            val offered = briefing.screen.data!!.workers.single { it.memberId == noorId }.clients
            assertEquals(listOf(maya to "Maya Haddad"), offered.map { it.value to it.label }, "$offered")
            val form = briefing.newAsk(noorId).copy(clientId = offered.single().value, text = "Please call Maya's landlord")
            assertTrue(form.ready)
            assertTrue(briefing.ask(form), "${briefing.screen.error}")
            val asked = briefing.screen.data!!.requests.single()
            assertFalse(asked.done)
            assertTrue(sync.syncNow(), "${sync.screen.error}")
            assertTrue(noor.run("sync").ok)
            val today = noor.run("requests")
            assertEquals(listOf("${asked.id}\tPlease call Maya's landlord\tSam Lead"), today.all("request"), "$today")
            val done = noor.run("request-done", asked.id)
            assertTrue(done.ok, "$done")
            assertEquals("0", done.one("requests_open"))
            assertTrue(noor.run("sync").ok)
            assertTrue(sync.syncNow(), "${sync.screen.error}")
            assertTrue(briefing.load(SYNC_DAY))
            assertTrue(briefing.screen.data!!.requests.single { it.id == asked.id }.done)
        }
        check("the lead changes the unsigned-notes threshold from the briefing; out of range is refused, naming the field") {
            assertEquals(3u, briefing.screen.data!!.unsignedNoteDays)
            assertTrue(briefing.setUnsignedNoteDays(14u), "${briefing.screen.error}")
            assertEquals(14u, briefing.screen.data!!.unsignedNoteDays, "the briefing is shown again with it")
            assertFalse(briefing.setUnsignedNoteDays(0u))
            assertEquals("unsigned_note_days", assertIs<UiError.Input>(briefing.screen.error).field)
            assertEquals(14u, briefing.screen.data!!.unsignedNoteDays)
        }
        check("asking a member the team does not have is refused by the core, naming the field") {
            assertFalse(briefing.ask(briefing.newAsk("not-a-member").copy(text = "Call me")))
            val e = assertIs<UiError.Input>(briefing.screen.error)
            assertEquals("member_id", e.field)
        }
        check("the lead hands Maya to Omar with the previous worker losing access; Noor's phone says so and lets her go") {
            val omarId = team.screen.data!!.members.single { it.name == "Omar Diallo" }.memberId
            val form = TeamState.AssignForm(clientId = maya, memberId = omarId, removePrevious = true)
            assertTrue(form.ready)
            assertTrue(team.assign(form), "${team.screen.error}")
            assertFalse(team.screen.data!!.lastChange!!.removedFromTeam)
            assertTrue(omar.run("sync").ok)
            assertEquals(listOf("Maya Haddad"), omar.run("clients").all("client"))
            val back = noor.run("sync")
            assertTrue(back.ok, "$back")
            assertEquals("1", back.one("handed_away"), "$back")
            assertEquals("false", back.one("removed_from_team"), "$back")
            assertEquals(emptyList<String>(), noor.run("clients").all("client"), "Maya left Noor's phone")
        }
    } finally {
        briefing.close()
        team.close()
        sync.close()
        repo.close()
    }
}
