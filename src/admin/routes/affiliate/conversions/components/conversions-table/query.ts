import type { AdminConversionListParams, ConversionSource, ConversionStatus } from "../../../../../../types/http"
import { useQueryParams } from "../../../../../hooks/use-query-params"
import { readBooleanFilter, readDateRangeFilter, readFilter, readOffset } from "../../../../../lib/table-query"

const KEYS = ["offset", "campaign_id", "affiliate_id", "status", "source", "is_test", "created_at"] as const

/** The conversions table's page and filters, from the query string, as API parameters. */
export function useConversionTableQuery({ pageSize }: { pageSize: number }): AdminConversionListParams {
  const raw = useQueryParams(KEYS)
  return {
    limit: pageSize,
    offset: readOffset(raw.offset),
    campaign_id: readFilter<string[]>(raw.campaign_id),
    affiliate_id: readFilter<string[]>(raw.affiliate_id),
    status: readFilter<ConversionStatus[]>(raw.status),
    source: readFilter<ConversionSource>(raw.source),
    is_test: readBooleanFilter(raw.is_test),
    created_at: readDateRangeFilter(raw.created_at),
  }
}
