import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { OrderAttribution } from "../../lib/types"

export function useOrderAttribution(orderId: string) {
  return useQuery({
    queryKey: ["affiliate-order-attribution", orderId],
    queryFn: () => sdk.client.fetch<OrderAttribution>(`/admin/affiliate/orders/${orderId}/attribution`),
  })
}
