import { MathBN } from "@medusajs/framework/utils"
import { currencyDecimals } from "./money"

export type RevisionInput = {
  order_total: string
  commission_amount: string
  commission_currency: string
  commission_type: "percentage" | "flat"
  refunded_total: string
  canceled: boolean
}

export type Revision = { commission_amount: string; refunded_total: string; reversed: boolean; reason: string }

/**
 * A store conversion's commission after its order was canceled or (partly) refunded. A cancel or a
 * refund of everything reverses it (commission 0). A partial refund recomputes a percentage
 * commission on what remains, in proportion; a flat commission stands while anything remains.
 */
export function reviseCommission(input: RevisionInput): Revision {
  const refunded = MathBN.min(input.refunded_total, input.order_total)
  const remaining = MathBN.sub(input.order_total, refunded)
  const refundedTotal = refunded.toFixed()
  if (input.canceled) return { commission_amount: "0", refunded_total: refundedTotal, reversed: true, reason: "order canceled" }
  if (MathBN.lte(remaining, 0)) return { commission_amount: "0", refunded_total: refundedTotal, reversed: true, reason: "order fully refunded" }
  if (input.commission_type === "flat" || MathBN.eq(refunded, 0)) {
    return { commission_amount: MathBN.convert(input.commission_amount).toFixed(), refunded_total: refundedTotal, reversed: false, reason: "order partly refunded" }
  }
  const digits = currencyDecimals(input.commission_currency) ?? 2
  const scaled = MathBN.convert(MathBN.div(MathBN.mult(input.commission_amount, remaining), input.order_total), digits)
  return { commission_amount: scaled.toFixed(), refunded_total: refundedTotal, reversed: false, reason: `order partly refunded (${refundedTotal} of ${input.order_total})` }
}
