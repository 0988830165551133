import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { Affiliate, AffiliateInput, Paginated } from "../../lib/types"

const BASE = "/admin/affiliate/affiliates"

export function useAffiliates(query: { limit?: number; offset?: number; q?: string; with_tracking_links?: boolean } = {}) {
  return useQuery({
    queryKey: ["affiliate-affiliates", "list", query],
    queryFn: () => sdk.client.fetch<Paginated<"affiliates", Affiliate>>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

export function useAffiliate(id: string | undefined) {
  return useQuery({
    queryKey: ["affiliate-affiliates", "detail", id],
    queryFn: () => sdk.client.fetch<{ affiliate: Affiliate }>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

export function useSaveAffiliate() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: AffiliateInput }) =>
      sdk.client.fetch<{ affiliate: Affiliate }>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["affiliate-affiliates"] }),
  })
}
