import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCreateErasure,
  AdminErasureListResponse,
  AdminErasureResponse,
  AdminRetentionResponse,
  AdminRunRetentionResponse,
} from "../../../types/http"
import {
  campaignStatsQueryKeys,
  conversionQueryKeys,
  erasureQueryKeys,
  orderAttributionQueryKeys,
  requestLogQueryKeys,
  retentionQueryKeys,
} from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

/** The retention settings and runs; polls while a run is going. */
export function useRetention() {
  return useQuery({
    queryKey: retentionQueryKeys.detail("settings"),
    queryFn: () => sdk.client.fetch<AdminRetentionResponse>("/admin/affiliate/retention"),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "running") ? 2000 : false),
  })
}

export function useRunRetention() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<AdminRunRetentionResponse>("/admin/affiliate/retention/run", { method: "POST" }),
    // The run starts after the answer: look again shortly, then the query polls while it runs.
    onSuccess: () => setTimeout(() => client.invalidateQueries({ queryKey: retentionQueryKeys.all }), 500),
  })
}

export function useErasures() {
  return useQuery({
    queryKey: erasureQueryKeys.list({ limit: 20 }),
    queryFn: () => sdk.client.fetch<AdminErasureListResponse>("/admin/affiliate/erasures", { query: { limit: 20 } }),
  })
}

/** Erases one shopper's data; everything that showed it is read again. */
export function useCreateErasure() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateErasure) =>
      sdk.client.fetch<AdminErasureResponse>("/admin/affiliate/erasures", { method: "POST", body }),
    onSuccess: () => {
      for (const keys of [erasureQueryKeys, conversionQueryKeys, requestLogQueryKeys, orderAttributionQueryKeys, campaignStatsQueryKeys]) {
        client.invalidateQueries({ queryKey: keys.all })
      }
    },
  })
}
