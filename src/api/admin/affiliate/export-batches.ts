import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ExportRequest } from "../../../modules/affiliate/types"

/** Rows per batch: one keyset read each, small enough that memory stays flat, large enough to be quick. */
export const EXPORT_BATCH = 2000

/** The rows of a conversions or clicks export, a batch at a time, newest first, each read when asked for. */
export async function* exportBatches(service: AffiliateModuleService, kind: ExportRequest["kind"], filters: Record<string, unknown>) {
  let after: string | undefined
  do {
    const batch = await service.exportBatch({ kind, filters, after, limit: EXPORT_BATCH })
    if (batch.rows.length) yield batch.rows
    after = batch.next ?? undefined
  } while (after)
}
