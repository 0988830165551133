import type { AdminPayoutListParams, PayoutStatus } from "../../../../../../types/http"
import { useQueryParams } from "../../../../../hooks/use-query-params"
import { readFilter, readOffset } from "../../../../../lib/table-query"

/** The payouts table's page and filters, from the query string, as API parameters. */
export function usePayoutTableQuery({ pageSize }: { pageSize: number }): AdminPayoutListParams {
  const { offset, status, affiliate_id } = useQueryParams(["offset", "status", "affiliate_id"])
  return {
    limit: pageSize,
    offset: readOffset(offset),
    status: readFilter<PayoutStatus[]>(status),
    affiliate_id: readFilter<string[]>(affiliate_id),
  }
}
