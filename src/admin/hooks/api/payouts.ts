import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminBalanceListResponse,
  AdminBalanceParams,
  AdminCreatePayouts,
  AdminCreatePayoutsResponse,
  AdminPayoutListParams,
  AdminPayoutListResponse,
  AdminPayoutResponse,
} from "../../../types/http"
import { affiliateStatsQueryKeys, balanceQueryKeys, conversionQueryKeys, payoutQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/payouts"

/** What each affiliate is owed per currency (approved, not yet in a payout). */
export function useBalances(query: AdminBalanceParams = {}) {
  return useQuery({
    queryKey: balanceQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminBalanceListResponse>("/admin/affiliate/balances", { query }),
  })
}

export function usePayouts(query: AdminPayoutListParams) {
  return useQuery({
    queryKey: payoutQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminPayoutListResponse>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

/** A payout with its lines. */
export function usePayout(id: string | undefined) {
  return useQuery({
    queryKey: payoutQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminPayoutResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

/** Anything that moves money changes balances, payouts, conversions' statuses and an affiliate's figures. */
function useInvalidateMoney() {
  const client = useQueryClient()
  return () => {
    for (const keys of [balanceQueryKeys, payoutQueryKeys, conversionQueryKeys, affiliateStatsQueryKeys]) {
      client.invalidateQueries({ queryKey: keys.all })
    }
  }
}

export function useCreatePayouts() {
  const invalidate = useInvalidateMoney()
  return useMutation({
    mutationFn: (body: AdminCreatePayouts) => sdk.client.fetch<AdminCreatePayoutsResponse>(BASE, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useMarkPayoutPaid() {
  const invalidate = useInvalidateMoney()
  return useMutation({
    mutationFn: ({ id, reference }: { id: string; reference: string }) =>
      sdk.client.fetch<AdminPayoutResponse>(`${BASE}/${id}/paid`, { method: "POST", body: { reference } }),
    onSuccess: invalidate,
  })
}
