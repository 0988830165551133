import type { AdminAffiliateListParams, AffiliateStatus } from "../../../../../../types/http"
import { useQueryParams } from "../../../../../hooks/use-query-params"
import { readFilter, readOffset } from "../../../../../lib/table-query"

/** The affiliates table's page, search and filters, from the query string, as API parameters. */
export function useAffiliateTableQuery({ pageSize }: { pageSize: number }): AdminAffiliateListParams {
  const { offset, q, status } = useQueryParams(["offset", "q", "status"])
  return {
    limit: pageSize,
    offset: readOffset(offset),
    q: q || undefined,
    status: readFilter<AffiliateStatus[]>(status),
  }
}
