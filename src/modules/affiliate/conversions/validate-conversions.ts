import type { EntryResult } from "../repositories/conversion-ledger"
import type { ValidationEntry } from "../utils/validation"
import { parseValidationEntry } from "../utils/validation-input"

export type ValidationRequest = {
  campaign_id: string
  conversions: unknown[]
  /** Test or live conversions, for the entries that do not say. */
  test?: boolean
  /** What would happen, changing nothing. */
  dry_run?: boolean
  /** Who validates, for the history: "s2s" or "user:<id>". */
  actor: string
}

export type ValidationSummary = {
  message: string
  counts: { updated: number; unchanged: number; failed: number }
  results: EntryResult[]
}

/** Applies one entry in a transaction of its own, on its conversion's row lock. */
export type ApplyEntry = (isTest: boolean, entry: ValidationEntry, dryRun: boolean) => Promise<EntryResult>

/**
 * Validates every entry on its own, in order, one result per entry: a bad entry (or one that a
 * fault kept from being applied) never blocks the others, and an entry is applied whole or not
 * at all. Repeating a call changes nothing the second time (each entry answers `unchanged`).
 */
export async function validateEach(apply: ApplyEntry, request: ValidationRequest, onFault: (e: unknown) => void): Promise<ValidationSummary> {
  const results: EntryResult[] = []
  for (const raw of request.conversions) {
    const parsed = parseValidationEntry(raw)
    if (!("entry" in parsed)) {
      results.push({ order_id: parsed.order_id, result: "invalid", message: parsed.message })
      continue
    }
    try {
      results.push(await apply(parsed.test ?? request.test ?? false, parsed.entry, request.dry_run ?? false))
    } catch (e) {
      onFault(e)
      results.push({
        order_id: parsed.entry.order_id,
        result: "invalid",
        message: "A fault of the server kept this entry from being applied; nothing of it was changed: send it again",
      })
    }
  }
  const counts = {
    updated: results.filter((r) => r.result === "updated").length,
    unchanged: results.filter((r) => r.result === "unchanged").length,
    failed: results.filter((r) => r.result === "not_found" || r.result === "invalid").length,
  }
  const verb = request.dry_run ? "would be " : ""
  return { message: `${counts.updated} ${verb}updated, ${counts.unchanged} unchanged, ${counts.failed} failed`, counts, results }
}
