package org.alongside.state

import java.time.LocalDate
import org.alongside.core.AreaAssessment
import org.alongside.core.Assessment
import org.alongside.core.AssessmentInput
import org.alongside.core.LifeArea
import org.alongside.core.Choice
import org.alongside.core.Risk
import org.alongside.core.lifeAreaChoices
import org.alongside.core.riskLevelChoices

/**
 * A client's assessments (newest first, as the core lists them) and the form for a new one: a
 * day, one entry per life area looked at, each with needs, strengths, risks and the client's own
 * words. Whether it is complete is the core's call on [submit].
 */
class AssessmentState(vault: VaultRepository, val clientId: String) : StateHolder<AssessmentState.Assessments>(vault) {
    data class Assessments(
        val past: List<Assessment>,
        /** The assessment being written, if one is. */
        val form: AssessmentInput? = null,
        /** The ten life areas, worded by the core (`lifeAreaChoices`). */
        val areaChoices: List<Choice> = emptyList(),
        /** How serious a risk is, lowest first (`riskLevelChoices`). */
        val riskLevelChoices: List<Choice> = emptyList(),
        /** The assessment being corrected, when the form holds a saved one. */
        val editingId: String? = null,
    ) {
        /** A life area as the worker reads it. */
        fun areaLabel(area: LifeArea): String = areaChoices.labelOf(area.choiceValue()) ?: area.choiceValue()
    }

    fun load(): Boolean = show { assessments(screen.data?.form).copy(editingId = screen.data?.editingId) }

    /** Correct a saved assessment: the form opens with what it holds; [submit] saves the change. */
    fun startEditing(assessment: Assessment) = edit {
        it?.copy(
            form = AssessmentInput(on = assessment.on, areas = assessment.areas, clientWords = assessment.clientWords),
            editingId = assessment.id,
        )
    }

    private fun assessments(form: AssessmentInput?): Assessments {
        val lang = vault.language.value
        return Assessments(
            vault.withWorker { it.assessments(clientId) }, form,
            areaChoices = lifeAreaChoices(lang), riskLevelChoices = riskLevelChoices(lang),
        )
    }

    /** Start a new assessment on [on]. */
    fun start(on: LocalDate) = edit { it?.copy(form = AssessmentInput(on = on, areas = emptyList()), editingId = null) }

    /** Look at a life area (or change what was written about it). */
    fun setArea(area: AreaAssessment) = form { f ->
        f.copy(areas = f.areas.filter { it.area != area.area } + area)
    }

    fun removeArea(area: LifeArea) = form { f -> f.copy(areas = f.areas.filter { it.area != area }) }

    /** Add a risk to an area already in the form. */
    fun addRisk(area: LifeArea, risk: Risk) = form { f ->
        f.copy(areas = f.areas.map { if (it.area == area) it.copy(risks = it.risks + risk) else it })
    }

    /** The client's own words about the whole assessment. */
    fun setClientWords(words: String?) = form { it.copy(clientWords = words) }

    /** Save the assessment; on an error the form stays as written, with the core's field. */
    fun submit(): Boolean {
        val input = screen.data?.form ?: return false
        val editing = screen.data?.editingId
        attempt {
            vault.withWorker { s ->
                if (editing == null) s.addAssessment(clientId, input) else s.updateAssessment(editing, input)
            }
        } ?: return false
        return show { assessments(null) }
    }

    private fun form(change: (AssessmentInput) -> AssessmentInput) =
        edit { it?.copy(form = it.form?.let(change)) }
}
