import type { AdminConversion, AdminValidateConversions, AdminValidateConversionsResponse } from "../../types/http"

/** The validate endpoint takes at most this many entries a call. */
const MAX_ENTRIES = 1000

export type BulkReview = { status: "approved" | "rejected"; reason?: string }

/** What a bulk review did, over all its calls: the counts, and each failed row with why. */
export type BulkReviewOutcome = {
  counts: AdminValidateConversionsResponse["counts"]
  failures: { order_id: string; message: string }[]
}

/**
 * Selected conversions as validation calls (contract, section 9): one per campaign (the endpoint
 * validates one campaign's conversions), entries by order id, test conversions marked `test`.
 */
export function validationRequests(conversions: Pick<AdminConversion, "campaign_id" | "order_id" | "is_test">[], review: BulkReview): AdminValidateConversions[] {
  const byCampaign = new Map<string, AdminValidateConversions["conversions"]>()
  for (const c of conversions) {
    const entries = byCampaign.get(c.campaign_id) ?? []
    entries.push({ order_id: c.order_id, status: review.status, ...(review.reason ? { reason: review.reason } : {}), ...(c.is_test ? { test: true } : {}) })
    byCampaign.set(c.campaign_id, entries)
  }
  return [...byCampaign].flatMap(([campaign_id, entries]) =>
    Array.from({ length: Math.ceil(entries.length / MAX_ENTRIES) }, (_, i) => ({ campaign_id, conversions: entries.slice(i * MAX_ENTRIES, (i + 1) * MAX_ENTRIES) }))
  )
}

/** Adds one call's answer (or, when the call itself was refused, its message for each of its rows). */
export function addOutcome(outcome: BulkReviewOutcome, request: AdminValidateConversions, answer: AdminValidateConversionsResponse | { error: string }): BulkReviewOutcome {
  if ("error" in answer) {
    return {
      counts: { ...outcome.counts, failed: outcome.counts.failed + request.conversions.length },
      failures: [...outcome.failures, ...request.conversions.map((e) => ({ order_id: e.order_id, message: answer.error }))],
    }
  }
  return {
    counts: {
      updated: outcome.counts.updated + answer.counts.updated,
      unchanged: outcome.counts.unchanged + answer.counts.unchanged,
      failed: outcome.counts.failed + answer.counts.failed,
    },
    failures: [
      ...outcome.failures,
      ...answer.results
        .filter((r) => r.result === "not_found" || r.result === "invalid")
        .map((r) => ({ order_id: r.order_id, message: r.message ?? r.result.replace("_", " ") })),
    ],
  }
}

export const NO_OUTCOME: BulkReviewOutcome = { counts: { updated: 0, unchanged: 0, failed: 0 }, failures: [] }

/** "3 updated, 0 unchanged, 1 failed", as the API words one call's. */
export const countsMessage = ({ updated, unchanged, failed }: BulkReviewOutcome["counts"]) => `${updated} updated, ${unchanged} unchanged, ${failed} failed`
