import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { Campaign, CampaignInput, CampaignTotals, Paginated, S2sSetup, SeriesPoint } from "../../lib/types"

const BASE = "/admin/affiliate/campaigns"

export const campaignKeys = {
  all: ["affiliate-campaigns"] as const,
  list: (query: Record<string, unknown>) => ["affiliate-campaigns", "list", query] as const,
  detail: (id: string) => ["affiliate-campaigns", "detail", id] as const,
  s2s: (id: string) => ["affiliate-campaigns", "s2s", id] as const,
  totals: ["affiliate-campaigns", "totals"] as const,
  series: (id: string, days: number) => ["affiliate-campaigns", "series", id, days] as const,
}

export function useCampaigns(query: { limit?: number; offset?: number; q?: string } = {}) {
  return useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: () => sdk.client.fetch<Paginated<"campaigns", Campaign>>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<{ campaign: Campaign }>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

export function useCampaignTotals() {
  return useQuery({
    queryKey: campaignKeys.totals,
    queryFn: () => sdk.client.fetch<{ stats: CampaignTotals[] }>("/admin/affiliate/stats/campaigns"),
  })
}

export function useCampaignSeries(id: string, days: number) {
  return useQuery({
    queryKey: campaignKeys.series(id, days),
    queryFn: () =>
      sdk.client.fetch<{ days: number; series: SeriesPoint[]; totals: CampaignTotals }>(`${BASE}/${id}/stats`, {
        query: { days },
      }),
    placeholderData: keepPreviousData,
  })
}

export function useS2sSetup(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: campaignKeys.s2s(id ?? ""),
    queryFn: () => sdk.client.fetch<S2sSetup>(`${BASE}/${id}/s2s`),
    enabled: !!id && enabled,
  })
}

export function useSaveCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CampaignInput }) =>
      sdk.client.fetch<{ campaign: Campaign }>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    onSuccess: ({ campaign }) => {
      client.setQueryData(campaignKeys.detail(campaign.id), { campaign })
      client.invalidateQueries({ queryKey: ["affiliate-campaigns", "list"] })
    },
  })
}

export function useDeleteCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`${BASE}/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  })
}

export function useRegenerateApiKey() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, grace_period_hours }: { id: string; grace_period_hours?: number }) =>
      sdk.client.fetch<S2sSetup>(`${BASE}/${id}/s2s/regenerate`, {
        method: "POST",
        body: grace_period_hours ? { grace_period_hours } : {},
      }),
    onSuccess: (setup, { id }) => client.setQueryData(campaignKeys.s2s(id), setup),
  })
}

export type TestConversionResult = { http: number; body: unknown }

/**
 * "Send test conversion": a test click for the campaign, then a `test: true` conversion posted with
 * the campaign's key to the real S2S endpoint (same origin as the dashboard), as a shop would.
 */
export function useSendTestConversion() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, apiKey, currency }: { id: string; apiKey: string; currency: string }) => {
      const { click_token } = await sdk.client.fetch<{ click_token: string }>(`${BASE}/${id}/test-click`, {
        method: "POST",
        body: {},
      })
      const code = currency.toUpperCase()
      const res = await fetch("/integration/s2sConvert", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-API-Key": apiKey },
        body: JSON.stringify({
          click_token,
          order_id: `TEST-${Date.now()}`,
          order_total: code === "JPY" || code === "KRW" ? "100" : "100.00",
          order_currency: code,
          test: true,
        }),
      })
      const body = await res.json().catch(() => null)
      return { http: res.status, body } as TestConversionResult
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["affiliate-conversions"] })
      client.invalidateQueries({ queryKey: ["affiliate-requests"] })
    },
  })
}
