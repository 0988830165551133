import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { AdminRequestLogListParams, AdminRequestLogListResponse } from "../../../types/http"
import { requestLogQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

export function useRequestLog(query: AdminRequestLogListParams) {
  return useQuery({
    queryKey: requestLogQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminRequestLogListResponse>("/admin/affiliate/requests", { query }),
    placeholderData: keepPreviousData,
  })
}
