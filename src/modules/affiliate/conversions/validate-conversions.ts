import type { EntryResult, ValidationChunkEntry } from "../repositories/conversion-ledger"
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

/** Applies entries in order in one transaction, on their conversions' row locks; a fault rolls all of them back. */
export type ApplyChunk = (entries: ValidationChunkEntry[], dryRun: boolean) => Promise<EntryResult[]>

/**
 * Entries per transaction. One transaction per entry cost a commit and seven round trips each
 * (5.5 s for 1,000); per chunk the reads and writes are a few statements. Small enough that a
 * review racing a long call waits for one chunk's row locks at most.
 */
export const VALIDATION_CHUNK = 100

const FAULTED = "A fault of the server kept this entry from being applied; nothing of it was changed: send it again"

/**
 * Validates every entry on its own, in order, one result per entry: a bad entry (or one that a
 * fault kept from being applied) never blocks the others, and an entry is applied whole or not
 * at all. Repeating a call changes nothing the second time (each entry answers `unchanged`).
 */
export async function validateEach(apply: ApplyChunk, request: ValidationRequest, onFault: (e: unknown) => void): Promise<ValidationSummary> {
  const results: EntryResult[] = []
  const valid: { index: number; entry: ValidationChunkEntry }[] = []
  request.conversions.forEach((raw, index) => {
    const parsed = parseValidationEntry(raw)
    if ("entry" in parsed) valid.push({ index, entry: { is_test: parsed.test ?? request.test ?? false, entry: parsed.entry } })
    else results[index] = { order_id: parsed.order_id, result: "invalid", message: parsed.message }
  })
  for (let start = 0; start < valid.length; start += VALIDATION_CHUNK) {
    const chunk = valid.slice(start, start + VALIDATION_CHUNK)
    const answers = await applyChunk(apply, chunk.map((c) => c.entry), request.dry_run ?? false, onFault)
    chunk.forEach((c, k) => (results[c.index] = answers[k]))
  }
  const counts = {
    updated: results.filter((r) => r.result === "updated").length,
    unchanged: results.filter((r) => r.result === "unchanged").length,
    failed: results.filter((r) => r.result === "not_found" || r.result === "invalid").length,
  }
  const verb = request.dry_run ? "would be " : ""
  return { message: `${counts.updated} ${verb}updated, ${counts.unchanged} unchanged, ${counts.failed} failed`, counts, results }
}

/**
 * A chunk in one transaction. A fault rolls the whole chunk back, so its entries are then applied
 * one per transaction, as they are planned (on the rows as they stand): only the entry the fault
 * belongs to fails, and it leaves nothing behind.
 */
async function applyChunk(apply: ApplyChunk, entries: ValidationChunkEntry[], dryRun: boolean, onFault: (e: unknown) => void): Promise<EntryResult[]> {
  try {
    return await apply(entries, dryRun)
  } catch (e) {
    onFault(e)
    if (entries.length === 1) return [{ order_id: entries[0].entry.order_id, result: "invalid", message: FAULTED }]
    const answers: EntryResult[] = []
    for (const entry of entries) answers.push(...(await applyChunk(apply, [entry], dryRun, onFault)))
    return answers
  }
}
