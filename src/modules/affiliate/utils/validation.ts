import { MathBN } from "@medusajs/framework/utils"
import { percentOf } from "./commission"
import { type ChangeRecord, type ConversionStanding, type ConversionStatus, planStatusChange } from "./conversion-status"
import { amountProblem, formatAmount, sumAmounts } from "./money"

/*
 * Validation of what was reported (contract, section 9): the shop, or an admin, approves, rejects
 * and adjusts a conversion after returns. Pure, so every rule is unit-tested; the module applies a
 * plan on the conversion's row lock, a chunk of entries per transaction.
 */

export type ItemStatus = "pending" | "approved" | "rejected"

export type ItemChange = { sku: string; status?: "approved" | "rejected"; reason?: string; quantity?: number; item_value?: string }

export type ValidationEntry = {
  order_id: string
  status?: "approved" | "rejected"
  reason?: string
  /** A conversion without items. */
  order_total?: string
  items?: ItemChange[]
}

export type StoredItem = {
  id: string
  sku: string
  quantity: number
  item_value: string
  commission_amount: string | null
  commission_rate: string | null
  status: ItemStatus
}

/** A conversion as it stands, with what validation recomputes amounts from. */
export type ValidatedConversion = ConversionStanding & {
  order_total: string
  order_currency: string
  /** As recorded; null for a conversion recorded before rates were kept (then the campaign's type). */
  commission_type: "percentage" | "flat"
  /** The rate it was recorded with, for a conversion without items; null before rates were kept. */
  commission_rate: string | null
  items: StoredItem[]
}

export type ItemUpdate = { id: string; status: ItemStatus; quantity: number; item_value: string; commission_amount: string | null }

export type ValidationPlan =
  | { result: "unchanged"; conversion_status: ConversionStatus; commission_amount: string }
  | { result: "invalid"; message: string }
  | {
      result: "updated"
      conversion_status: ConversionStatus
      status_reason: string | null
      order_total: string
      /** What the conversion's row says it earns; a paid one keeps what it was paid (`adjustment` carries the difference). */
      commission_amount: string
      items: ItemUpdate[]
      leave_open_payout: string | null
      adjustment: string | null
      changes: ChangeRecord[]
    }

const invalid = (message: string): ValidationPlan => ({ result: "invalid", message })

/**
 * What an entry does to a conversion, decided on the row as it stands under its lock.
 *
 * - Status: pending → approved | rejected; approved ⇄ rejected until paid (`planStatusChange`).
 * - Amounts are recomputed with the rate each item (or the conversion) was recorded with, never
 *   the campaign's current rules. A rejected item earns nothing and leaves the order total; a
 *   rejected conversion without items keeps its amount (its status says it does not count).
 * - With items, the conversion follows them: approved when any item is, rejected when every one
 *   is. Approving the conversion approves its pending items (all of them if every one was
 *   rejected); rejecting it rejects them all.
 * - A conversion already paid keeps its row's amount: a lower amount (or a rejection, which also
 *   reverses it) becomes an adjustment carried into the affiliate's next payout. One in an open
 *   payout is settled like a paid one for amounts, but a rejection takes it out of the payout.
 * - Reversed (its order canceled or refunded) cannot change; a repeat of the same entry is `unchanged`.
 */
export function planValidation(current: ValidatedConversion, entry: ValidationEntry): ValidationPlan {
  if (entry.status === "rejected" && !entry.reason?.trim()) return invalid("reason is required to reject a conversion")
  if (current.status === "reversed") {
    return invalid(`Conversion ${current.id} is reversed (${current.status_reason ?? "its order was canceled or refunded"}): it cannot change`)
  }
  if (entry.order_total !== undefined && current.items.length) return invalid("order_total cannot be set on a conversion with items: change its items by sku")
  if (entry.items && !current.items.length) return invalid("this conversion has no items: change its order_total instead")
  const problem = entry.order_total !== undefined ? amountProblem(entry.order_total, current.order_currency) : null
  if (problem) return invalid(`order_total ${problem}`)

  const changes: ChangeRecord[] = []
  const bySku = new Map(current.items.map((i) => [i.sku, i]))
  const items = new Map(current.items.map((i) => [i.id, { ...i }]))
  for (const change of entry.items ?? []) {
    const found = current.items.filter((i) => i.sku === change.sku)
    if (found.length !== 1) return invalid(found.length ? `sku ${change.sku} names ${found.length} items of this conversion` : `no item of this conversion has sku ${change.sku}`)
    if (change.status === "rejected" && !(change.reason ?? entry.reason)?.trim()) return invalid(`reason is required to reject item ${change.sku}`)
    const valueProblem = change.item_value !== undefined ? amountProblem(change.item_value, current.order_currency) : null
    if (valueProblem) return invalid(`item ${change.sku}: item_value ${valueProblem}`)
  }

  // The conversion's own status first, then each item's; the items then decide the conversion.
  let status: ConversionStatus = current.status
  const requested = entry.status
  if (requested === "approved" && current.is_test) return invalid(`Conversion ${current.id} is a test conversion: test conversions are never commissionable and cannot be approved`)
  if (requested && current.items.length) {
    const allRejected = current.items.every((i) => i.status === "rejected")
    for (const item of items.values()) {
      if (requested === "rejected") item.status = "rejected"
      else if (item.status === "pending" || allRejected) item.status = "approved"
    }
  }
  for (const change of entry.items ?? []) {
    const item = items.get(bySku.get(change.sku)!.id)!
    if (change.status) {
      if (change.status === "approved" && current.is_test) return invalid(`Conversion ${current.id} is a test conversion: its items cannot be approved`)
      item.status = change.status
    }
    if (change.quantity !== undefined) item.quantity = change.quantity
    if (change.item_value !== undefined) item.item_value = change.item_value
  }

  let orderTotal = current.order_total
  let earned: string
  if (current.items.length) {
    const kept = [...items.values()].filter((i) => i.status !== "rejected")
    orderTotal = sumAmounts(kept.map((i) => i.item_value))
    for (const item of items.values()) {
      item.commission_amount =
        item.commission_rate === null ? null : item.status === "rejected" ? "0" : percentOf(item.item_value, item.commission_rate, current.order_currency)
    }
    earned = current.commission_type === "flat" ? (kept.length ? flatRate(current) : "0") : sumAmounts(kept.map((i) => i.commission_amount ?? "0"))
    const derived: ConversionStatus | null = !kept.length ? "rejected" : kept.some((i) => i.status === "approved") ? "approved" : null
    if (derived && current.status !== "paid") status = derived
    if (!kept.length && current.status === "paid") status = "rejected"
  } else {
    if (entry.order_total !== undefined) orderTotal = MathBN.convert(entry.order_total).toFixed()
    earned = amountFor(current, orderTotal)
    if (requested) status = requested
  }

  // The status change itself, by the one set of rules every path uses.
  let plan: Extract<ValidationPlan, { result: "updated" }> = {
    result: "updated",
    conversion_status: current.status,
    status_reason: current.status_reason,
    order_total: orderTotal,
    commission_amount: current.commission_amount,
    items: [],
    leave_open_payout: null,
    adjustment: null,
    changes,
  }
  const statusMoves = status !== current.status && !(current.status === "paid" && status === "approved")
  if (statusMoves) {
    const reason = entry.reason ?? entry.items?.find((i) => i.reason)?.reason ?? null
    const statusPlan = planStatusChange(current, { status: status as "approved" | "rejected", reason })
    if (statusPlan.result === "invalid") return invalid(statusPlan.message)
    if (statusPlan.result === "updated") {
      plan = { ...plan, conversion_status: statusPlan.status, status_reason: statusPlan.status_reason, leave_open_payout: statusPlan.leave_open_payout }
      changes.push(...statusPlan.changes.filter((c) => c.field !== "adjustment"))
    }
  }

  // Amounts: a settled conversion (paid, or in an open payout it stays in) keeps its row and the
  // difference to what it is now owed becomes an adjustment (all of it back when it ends rejected or
  // reversed); any other takes the new amount, whatever its status (the status decides whether it
  // counts, as for an admin's review).
  const settled = current.status === "paid" || (current.payout !== null && plan.leave_open_payout === null)
  // The history shows amounts as their currency writes them.
  const commission = (v: string | null) => (v === null ? null : formatAmount(v, current.commission_currency))
  const order = (v: string | null) => (v === null ? null : formatAmount(v, current.order_currency))
  const reason = entry.reason ?? entry.items?.find((i) => i.reason)?.reason ?? null
  if (settled) {
    const owedInAll = plan.conversion_status === "rejected" || plan.conversion_status === "reversed" ? "0" : earned
    const owed = MathBN.sub(owedInAll, MathBN.add(current.commission_amount, current.adjusted_total))
    if (!MathBN.eq(owed, 0)) {
      plan.adjustment = owed.toFixed()
      changes.push({ field: "adjustment", from: null, to: commission(plan.adjustment), reason })
    }
  } else if (!MathBN.eq(earned, current.commission_amount)) {
    plan.commission_amount = earned
    changes.push({ field: "commission_amount", from: commission(current.commission_amount), to: commission(earned), reason })
  }
  if (!MathBN.eq(orderTotal, current.order_total)) changes.push({ field: "order_total", from: order(current.order_total), to: order(orderTotal), reason })

  for (const before of current.items) {
    const after = items.get(before.id)!
    const itemReason = entry.items?.find((i) => i.sku === before.sku)?.reason ?? reason
    const field = (name: string) => `items.${before.sku}.${name}`
    if (after.status !== before.status) changes.push({ field: field("status"), from: before.status, to: after.status, reason: itemReason })
    if (after.quantity !== before.quantity) changes.push({ field: field("quantity"), from: String(before.quantity), to: String(after.quantity), reason: itemReason })
    if (!MathBN.eq(after.item_value, before.item_value)) changes.push({ field: field("item_value"), from: order(before.item_value), to: order(after.item_value), reason: itemReason })
    const amountMoved = (after.commission_amount === null) !== (before.commission_amount === null) ||
      (after.commission_amount !== null && !MathBN.eq(after.commission_amount, before.commission_amount!))
    if (amountMoved) changes.push({ field: field("commission_amount"), from: order(before.commission_amount), to: order(after.commission_amount), reason: itemReason })
    if (after.status !== before.status || after.quantity !== before.quantity || amountMoved || !MathBN.eq(after.item_value, before.item_value)) {
      plan.items.push({ id: after.id, status: after.status, quantity: after.quantity, item_value: after.item_value, commission_amount: after.commission_amount })
    }
  }
  if (!changes.length) {
    return { result: "unchanged", conversion_status: current.status, commission_amount: current.commission_amount }
  }
  return plan
}

/** A flat conversion's amount: the rate it was recorded with (its amount, for rows recorded before rates were kept). */
const flatRate = (current: ValidatedConversion) => current.commission_rate ?? current.commission_amount

/**
 * The commission of a conversion without items on a new total: its recorded rate; for rows
 * recorded before rates were kept, in proportion to what it earned (a flat one stands while
 * anything remains).
 */
function amountFor(current: ValidatedConversion, orderTotal: string): string {
  if (current.commission_type === "flat") return MathBN.gt(orderTotal, 0) ? flatRate(current) : "0"
  if (current.commission_rate !== null) return percentOf(orderTotal, current.commission_rate, current.order_currency)
  if (MathBN.eq(current.order_total, 0)) return "0"
  const rate = MathBN.div(MathBN.mult(current.commission_amount, 100), current.order_total).toFixed()
  return percentOf(orderTotal, rate, current.order_currency)
}
