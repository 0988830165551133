import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCampaignDeleteResponse,
  AdminCampaignListParams,
  AdminCampaignListResponse,
  AdminCampaignResponse,
  AdminCampaignSeriesResponse,
  AdminCampaignTotalsResponse,
  AdminCommissionPreview,
  AdminCommissionPreviewResponse,
  AdminCreateCampaign,
  AdminRegenerateApiKey,
  AdminS2sSetupResponse,
  AdminUpdateCampaign,
  StatsPeriod,
} from "../../../types/http"
import {
  affiliateQueryKeys,
  campaignQueryKeys,
  campaignStatsQueryKeys,
  s2sSetupQueryKeys,
} from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/campaigns"

export function useCampaigns(query: AdminCampaignListParams = {}) {
  return useQuery({
    queryKey: campaignQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminCampaignListResponse>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminCampaignResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

/** Clicks, live conversions and commission of every campaign that has any. */
export function useCampaignTotals() {
  return useQuery({
    queryKey: campaignStatsQueryKeys.list(),
    queryFn: () => sdk.client.fetch<AdminCampaignTotalsResponse>("/admin/affiliate/stats/campaigns"),
  })
}

export function useCampaignSeries(id: string, days: StatsPeriod) {
  return useQuery({
    queryKey: campaignStatsQueryKeys.detail(id, { days }),
    queryFn: () => sdk.client.fetch<AdminCampaignSeriesResponse>(`${BASE}/${id}/stats`, { query: { days } }),
    placeholderData: keepPreviousData,
  })
}

export function useS2sSetup(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: s2sSetupQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminS2sSetupResponse>(`${BASE}/${id}/s2s`),
    enabled: !!id && enabled,
  })
}

export function useSaveCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: AdminCreateCampaign | AdminUpdateCampaign }) =>
      sdk.client.fetch<AdminCampaignResponse>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    onSuccess: ({ campaign }) => {
      client.setQueryData(campaignQueryKeys.detail(campaign.id), { campaign })
      client.invalidateQueries({ queryKey: campaignQueryKeys.lists() })
      // Affiliates' tracking links name every campaign that is not archived.
      client.invalidateQueries({ queryKey: affiliateQueryKeys.details() })
    },
  })
}

export function useDeleteCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<AdminCampaignDeleteResponse>(`${BASE}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: campaignQueryKeys.all })
      client.invalidateQueries({ queryKey: campaignStatsQueryKeys.all })
      client.invalidateQueries({ queryKey: affiliateQueryKeys.details() })
    },
  })
}

/** A new API key at once; the old one stops now or after the grace period. */
export function useRegenerateApiKey() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, grace_period_hours }: { id: string } & AdminRegenerateApiKey) =>
      sdk.client.fetch<AdminS2sSetupResponse>(`${BASE}/${id}/s2s/regenerate`, {
        method: "POST",
        body: grace_period_hours ? { grace_period_hours } : {},
      }),
    onSuccess: (setup, { id }) => client.setQueryData(s2sSetupQueryKeys.detail(id), setup),
  })
}

/** "What would this order earn": the campaign's rules as they are now, applied to an order; records nothing. */
export function useCommissionPreview(id: string) {
  return useMutation({
    mutationFn: (body: AdminCommissionPreview) =>
      sdk.client.fetch<AdminCommissionPreviewResponse>(`${BASE}/${id}/commission-preview`, { method: "POST", body }),
  })
}
