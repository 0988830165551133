import type { AdminRequestLogListParams, RequestOutcome } from "../../../../../../types/http"
import { useQueryParams } from "../../../../../hooks/use-query-params"
import { readBooleanFilter, readDateRangeFilter, readFilter, readOffset } from "../../../../../lib/table-query"

const KEYS = ["offset", "outcome", "source", "campaign_id", "is_test", "order_id", "created_at"] as const

/** The request log's page and filters, from the query string, as API parameters. */
export function useRequestLogTableQuery({ pageSize }: { pageSize: number }): AdminRequestLogListParams {
  const raw = useQueryParams(KEYS)
  return {
    limit: pageSize,
    offset: readOffset(raw.offset),
    outcome: readFilter<RequestOutcome[]>(raw.outcome),
    source: readFilter<AdminRequestLogListParams["source"]>(raw.source),
    campaign_id: readFilter<string[]>(raw.campaign_id),
    is_test: readBooleanFilter(raw.is_test),
    order_id: readFilter<string>(raw.order_id)?.trim() || undefined,
    created_at: readDateRangeFilter(raw.created_at),
  }
}
