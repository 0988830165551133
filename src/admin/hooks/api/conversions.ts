import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminConversionListParams, AdminConversionListResponse, AdminConversionResponse } from "../../../types/http"
import { campaignStatsQueryKeys, conversionQueryKeys, orderAttributionQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/conversions"

export function useConversions(query: AdminConversionListParams) {
  return useQuery({
    queryKey: conversionQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminConversionListResponse>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

/** Approve, or reject with a reason, a pending conversion. */
export function useReviewConversion() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: "approve" | "reject"; reason?: string }) =>
      sdk.client.fetch<AdminConversionResponse>(`${BASE}/${id}/${action}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: conversionQueryKeys.all })
      client.invalidateQueries({ queryKey: campaignStatsQueryKeys.all })
      client.invalidateQueries({ queryKey: orderAttributionQueryKeys.all })
    },
  })
}
