import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { Paginated, RequestLogEntry } from "../../lib/types"

export function useRequestLog(query: Record<string, unknown>) {
  return useQuery({
    queryKey: ["affiliate-requests", "list", query],
    queryFn: () => sdk.client.fetch<Paginated<"requests", RequestLogEntry>>("/admin/affiliate/requests", { query }),
    placeholderData: keepPreviousData,
  })
}
