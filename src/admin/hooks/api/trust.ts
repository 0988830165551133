import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminAffiliateTrustListResponse,
  AdminBreakdownDimension,
  AdminBreakdownResponse,
  AdminSignalCode,
  AdminTrustAffiliateResponse,
} from "../../../types/http"
import { breakdownQueryKeys, conversionHistoryQueryKeys, conversionQueryKeys, trustQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

/** Clicks, unique clicks, conversions and commission per country, device or referring host, for a campaign or an affiliate. */
export function useBreakdown(owner: "campaigns" | "affiliates", id: string, by: AdminBreakdownDimension, days: number) {
  return useQuery({
    queryKey: breakdownQueryKeys.detail(`${owner}/${id}`, { by, days }),
    queryFn: () => sdk.client.fetch<AdminBreakdownResponse>(`/admin/affiliate/${owner}/${id}/breakdown`, { query: { by, days } }),
    placeholderData: keepPreviousData,
  })
}

/** The signals an affiliate is trusted for (revoked ones included). */
export function useAffiliateTrust(affiliateId: string | undefined) {
  return useQuery({
    queryKey: trustQueryKeys.detail(affiliateId ?? ""),
    queryFn: () => sdk.client.fetch<AdminAffiliateTrustListResponse>(`/admin/affiliate/affiliates/${affiliateId}/trust`),
    enabled: !!affiliateId,
  })
}

/** "Trust this affiliate for this signal": their pending conversions lose it, and the queue changes. */
export function useTrustAffiliate() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ affiliateId, code }: { affiliateId: string; code: AdminSignalCode }) =>
      sdk.client.fetch<AdminTrustAffiliateResponse>(`/admin/affiliate/affiliates/${affiliateId}/trust`, { method: "POST", body: { code } }),
    onSuccess: () => {
      for (const keys of [trustQueryKeys, conversionQueryKeys, conversionHistoryQueryKeys]) client.invalidateQueries({ queryKey: keys.all })
    },
  })
}

/** Stop trusting an affiliate for a signal: their later conversions raise it again. */
export function useRevokeTrust() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ affiliateId, code }: { affiliateId: string; code: AdminSignalCode }) =>
      sdk.client.fetch(`/admin/affiliate/affiliates/${affiliateId}/trust/${code}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: trustQueryKeys.all }),
  })
}
