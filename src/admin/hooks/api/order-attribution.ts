import { useQuery } from "@tanstack/react-query"
import type { AdminOrderAttributionResponse } from "../../../types/http"
import { orderAttributionQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

export function useOrderAttribution(orderId: string) {
  return useQuery({
    queryKey: orderAttributionQueryKeys.detail(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderAttributionResponse>(`/admin/affiliate/orders/${orderId}/attribution`),
  })
}
