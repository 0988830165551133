import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminAffiliatePromotionListResponse,
  AdminAffiliatePromotionResponse,
  AdminAffiliateStatsResponse,
  AdminLinkAffiliatePromotion,
  AdminStatementLinkCreatedResponse,
  AdminStatementLinkResponse,
  StatsPeriod,
} from "../../../types/http"
import { affiliatePromotionQueryKeys, affiliateStatsQueryKeys, statementLinkQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const base = (affiliateId: string) => `/admin/affiliate/affiliates/${affiliateId}`

/** The affiliate's figures: the same ones its statement page shows. */
export function useAffiliateStats(affiliateId: string, days: StatsPeriod) {
  return useQuery({
    queryKey: affiliateStatsQueryKeys.detail(affiliateId, { days }),
    queryFn: () => sdk.client.fetch<AdminAffiliateStatsResponse>(`${base(affiliateId)}/stats`, { query: { days } }),
  })
}

export function useAffiliatePromotions(affiliateId: string) {
  return useQuery({
    queryKey: affiliatePromotionQueryKeys.detail(affiliateId),
    queryFn: () => sdk.client.fetch<AdminAffiliatePromotionListResponse>(`${base(affiliateId)}/promotions`),
  })
}

/** Link an existing promotion, or create one, for a campaign. */
export function useLinkAffiliatePromotion(affiliateId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminLinkAffiliatePromotion) =>
      sdk.client.fetch<AdminAffiliatePromotionResponse>(`${base(affiliateId)}/promotions`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: affiliatePromotionQueryKeys.all }),
  })
}

export function useUnlinkAffiliatePromotion(affiliateId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (promotionId: string) => sdk.client.fetch(`${base(affiliateId)}/promotions/${promotionId}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: affiliatePromotionQueryKeys.all }),
  })
}

export function useStatementLink(affiliateId: string) {
  return useQuery({
    queryKey: statementLinkQueryKeys.detail(affiliateId),
    queryFn: () => sdk.client.fetch<AdminStatementLinkResponse>(`${base(affiliateId)}/statement-link`),
  })
}

/** Makes a new link (ending any earlier one); the answer is the only time it is shown. */
export function useRotateStatementLink(affiliateId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<AdminStatementLinkCreatedResponse>(`${base(affiliateId)}/statement-link`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: statementLinkQueryKeys.detail(affiliateId) }),
  })
}

export function useRevokeStatementLink(affiliateId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch(`${base(affiliateId)}/statement-link`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: statementLinkQueryKeys.detail(affiliateId) }),
  })
}
