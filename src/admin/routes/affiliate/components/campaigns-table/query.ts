import type { AdminCampaignListParams, CampaignStatus, CampaignType } from "../../../../../types/http"
import { useQueryParams } from "../../../../hooks/use-query-params"
import { readFilter, readOffset } from "../../../../lib/table-query"

/** The campaigns table's page, search and filters, from the query string, as API parameters. */
export function useCampaignTableQuery({ pageSize }: { pageSize: number }): AdminCampaignListParams {
  const { offset, q, status, type } = useQueryParams(["offset", "q", "status", "type"])
  return {
    limit: pageSize,
    offset: readOffset(offset),
    q: q || undefined,
    status: readFilter<CampaignStatus[]>(status),
    type: readFilter<CampaignType[]>(type),
  }
}
