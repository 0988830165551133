import { MathBN } from "@medusajs/framework/utils"
import { formatAmount } from "./money"

export type ConversionStatus = "pending" | "approved" | "rejected" | "paid" | "reversed"

/** A conversion as it stands, read under its row lock. */
export type ConversionStanding = {
  id: string
  status: ConversionStatus
  status_reason: string | null
  is_test: boolean
  commission_amount: string
  commission_currency: string
  /** The sum of its commission adjustments (negative when money was taken back). */
  adjusted_total: string
  /** The payout that holds it, if any. */
  payout: { id: string; status: "open" | "paid" } | null
}

export type StatusRequest = {
  status: "approved" | "rejected"
  reason?: string | null
  /**
   * The states this request may change: an admin's review of one conversion acts on a pending
   * one only, so of two reviews sent at once exactly one wins. Absent: every change the
   * validation rules allow (contract, section 9).
   */
  from?: ConversionStatus[]
}

/** One row of a conversion's history (contract, section 9). */
export type ChangeRecord = { field: string; from: string | null; to: string | null; reason: string | null }

export type StatusPlan =
  | { result: "unchanged"; message: string }
  /** `conflict`: the state moved on (a race lost, or a stale request); otherwise the rules refuse it. */
  | { result: "invalid"; message: string; conflict: boolean }
  | {
      result: "updated"
      status: ConversionStatus
      status_reason: string | null
      /** Take it out of the open payout that holds it, whose amount follows. */
      leave_open_payout: string | null
      /** A negative adjustment for commission already paid, carried into the next payout. */
      adjustment: string | null
      changes: ChangeRecord[]
    }

/**
 * What approving or rejecting a conversion does, decided on the row as it stands under its lock.
 *
 * - pending → approved | rejected; approved ⇄ rejected until paid. A test conversion is never
 *   commissionable, so it can be rejected but never approved.
 * - An approved conversion in an open payout that is rejected leaves that payout (its amount
 *   follows), so a rejected conversion is never paid.
 * - A paid conversion that is rejected becomes `reversed` and what was paid for it is taken back
 *   by a negative adjustment in the affiliate's next payout; approving it again changes nothing.
 * - A reversed conversion (its order canceled or refunded) cannot be reviewed.
 */
export function planStatusChange(current: ConversionStanding, request: StatusRequest): StatusPlan {
  const { id, status } = current
  const reason = request.reason?.trim() || null
  const problem = statusRequestProblem(request)
  if (problem) return { result: "invalid", message: problem, conflict: false }
  if (request.from && !request.from.includes(status)) {
    return {
      result: "invalid",
      message: `Conversion ${id} is ${status}: only ${request.from.join(" or ")} conversions can be ${request.status}`,
      conflict: true,
    }
  }
  if (request.status === "approved" && current.is_test) {
    return {
      result: "invalid",
      message: `Conversion ${id} is a test conversion: test conversions are never commissionable and cannot be approved`,
      conflict: false,
    }
  }
  if (status === "reversed") {
    return { result: "invalid", message: `Conversion ${id} is reversed (${current.status_reason ?? "its order was canceled or refunded"}): it cannot change`, conflict: true }
  }
  if (status === request.status || (status === "paid" && request.status === "approved")) {
    return { result: "unchanged", message: `Conversion ${id} is ${status} already` }
  }
  const statusChange = (to: ConversionStatus): ChangeRecord => ({ field: "status", from: status, to, reason })
  if (status === "paid") {
    const owed = MathBN.mult(MathBN.add(current.commission_amount, current.adjusted_total), -1)
    const adjustment = MathBN.eq(owed, 0) ? null : owed.toFixed()
    const changes = [statusChange("reversed")]
    if (adjustment) changes.push({ field: "adjustment", from: null, to: formatAmount(adjustment, current.commission_currency), reason })
    return { result: "updated", status: "reversed", status_reason: reason, leave_open_payout: null, adjustment, changes }
  }
  const leaving = request.status === "rejected" && current.payout?.status === "open" ? current.payout.id : null
  const changes = [statusChange(request.status)]
  if (leaving) changes.push({ field: "payout", from: leaving, to: null, reason })
  return { result: "updated", status: request.status, status_reason: reason, leave_open_payout: leaving, adjustment: null, changes }
}

/** What is wrong with a request on its own, before any conversion is read: a rejection says why. */
export function statusRequestProblem(request: StatusRequest): string | null {
  return request.status === "rejected" && !request.reason?.trim() ? "reason is required to reject a conversion" : null
}
