import { useMemo } from "react"
import { useAffiliates } from "./api/affiliates"
import { useCampaigns } from "./api/campaigns"

/** Enough for any realistic number of campaigns or partners in a filter's options. */
const NAMES_LIMIT = 1000

/**
 * Campaign names by id, for tables that show a campaign column and a campaign filter (one request,
 * shared through react-query's cache).
 */
export function useCampaignNames(): Map<string, string> {
  const { data } = useCampaigns({ limit: NAMES_LIMIT, fields: "id,name" })
  return useMemo(() => new Map((data?.campaigns ?? []).map((c) => [c.id, c.name])), [data])
}

/** Affiliate names by id, like `useCampaignNames`. */
export function useAffiliateNames(): Map<string, string> {
  const { data } = useAffiliates({ limit: NAMES_LIMIT, fields: "id,name" })
  return useMemo(() => new Map((data?.affiliates ?? []).map((a) => [a.id, a.name])), [data])
}
