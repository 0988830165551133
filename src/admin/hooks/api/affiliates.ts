import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminAffiliateListParams,
  AdminAffiliateListResponse,
  AdminAffiliateResponse,
  AdminCreateAffiliate,
  AdminUpdateAffiliate,
} from "../../../types/http"
import { affiliateQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/affiliates"

export function useAffiliates(query: AdminAffiliateListParams = {}) {
  return useQuery({
    queryKey: affiliateQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminAffiliateListResponse>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

/** An affiliate with its tracking link per campaign. */
export function useAffiliate(id: string | undefined) {
  return useQuery({
    queryKey: affiliateQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminAffiliateResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

export function useSaveAffiliate() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: AdminCreateAffiliate | AdminUpdateAffiliate }) =>
      sdk.client.fetch<AdminAffiliateResponse>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    onSuccess: ({ affiliate }) => {
      client.setQueryData(affiliateQueryKeys.detail(affiliate.id), { affiliate })
      client.invalidateQueries({ queryKey: affiliateQueryKeys.lists() })
    },
  })
}
