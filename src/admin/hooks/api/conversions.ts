import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { Conversion, Paginated } from "../../lib/types"

const BASE = "/admin/affiliate/conversions"

export function useConversions(query: Record<string, unknown>) {
  return useQuery({
    queryKey: ["affiliate-conversions", "list", query],
    queryFn: () => sdk.client.fetch<Paginated<"conversions", Conversion>>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

export function useReviewConversion() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: "approve" | "reject"; reason?: string }) =>
      sdk.client.fetch<{ conversion: Conversion }>(`${BASE}/${id}/${action}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["affiliate-conversions"] })
      client.invalidateQueries({ queryKey: ["affiliate-campaigns", "totals"] })
    },
  })
}
