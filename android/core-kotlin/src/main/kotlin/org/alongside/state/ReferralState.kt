package org.alongside.state

import java.time.LocalDate
import org.alongside.core.ReferralInput
import org.alongside.core.ReferralStatus
import org.alongside.core.ReferralView
import org.alongside.core.Resource
import org.alongside.core.ResourceCategory
import org.alongside.core.ResourceInput
import org.alongside.core.Choice
import org.alongside.core.resourceCategoryChoices

/**
 * Resources and referrals: the worker's directory of services (filtered by category and language
 * by the core), one client's referrals with their outcomes, and the calls that change them.
 * [clientId] null: the directory alone.
 */
class ReferralState(vault: VaultRepository, val clientId: String?) : StateHolder<ReferralState.Referrals>(vault) {
    data class Referrals(
        val resources: List<Resource>,
        /** The client's referrals, as the core lists them; empty for the directory alone. */
        val referrals: List<ReferralView>,
        val category: ResourceCategory? = null,
        val language: String? = null,
        /** The directory's categories, worded by the core (`resourceCategoryChoices`), to filter by. */
        val categoryChoices: List<Choice> = emptyList(),
    ) {
        /** A resource's category as the worker reads it. */
        fun categoryLabel(category: ResourceCategory): String =
            categoryChoices.labelOf(category.choiceValue()) ?: category.choiceValue()
    }

    /** The directory (optionally one [category], services in one [language]) and the referrals. */
    fun load(category: ResourceCategory? = null, language: String? = null): Boolean = show {
        vault.withWorker { s ->
            Referrals(
                s.resources(category, language),
                clientId?.let { s.referrals(it) } ?: emptyList(),
                category,
                language,
                resourceCategoryChoices(vault.language.value),
            )
        }
    }

    fun addResource(input: ResourceInput): Boolean = change { vault.withWorker { it.addResource(input) } }

    fun updateResource(resourceId: String, input: ResourceInput): Boolean =
        change { vault.withWorker { it.updateResource(resourceId, input) } }

    /** Refer the client to a resource. */
    fun refer(input: ReferralInput): Boolean {
        val id = clientId ?: return false
        return change { vault.withWorker { it.refer(id, input) } }
    }

    /** Accepted, declined or completed on [on], with the outcome in the worker's words. */
    fun setStatus(referralId: String, status: ReferralStatus, on: LocalDate, outcome: String?): Boolean =
        change { vault.withWorker { it.setReferralStatus(referralId, status, on, outcome) } }

    /**
     * Correct a referral as made (resource, day, follow-up) and its outcome in the worker's words;
     * the earlier revision is kept.
     */
    fun updateReferral(referralId: String, input: ReferralInput, outcome: String?): Boolean =
        change { vault.withWorker { it.updateReferral(referralId, input, outcome) } }

    /** When to check on the referral (Today lists it then), or null for no reminder. */
    fun setFollowUp(referralId: String, due: LocalDate?): Boolean =
        change { vault.withWorker { it.setReferralFollowUp(referralId, due) } }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        val current = screen.data
        return load(current?.category, current?.language)
    }
}
