import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { AdminTestClickResponse } from "../../../types/http"
import { campaignStatsQueryKeys, conversionQueryKeys, requestLogQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

export type TestConversionResult = { http: number; body: unknown }

/**
 * An order total every currency accepts: no decimals, so none too many for JPY or too few for KWD.
 * The endpoint checks decimals against the currency; the dashboard need not know them.
 */
const TEST_ORDER_TOTAL = "100"

/**
 * "Send test conversion": a test click for the campaign, then a `test: true` conversion posted with
 * the campaign's key to the real S2S endpoint (same origin as the dashboard), as a shop would.
 */
export function useSendTestConversion() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, apiKey, currency }: { id: string; apiKey: string; currency: string }) => {
      const { click_token } = await sdk.client.fetch<AdminTestClickResponse>(
        `/admin/affiliate/campaigns/${id}/test-click`,
        { method: "POST", body: {} }
      )
      const res = await fetch("/integration/s2sConvert", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-API-Key": apiKey },
        body: JSON.stringify({
          click_token,
          order_id: `TEST-${Date.now()}`,
          order_total: TEST_ORDER_TOTAL,
          order_currency: currency.toUpperCase(),
          test: true,
        }),
      })
      const body = await res.json().catch(() => null)
      return { http: res.status, body } as TestConversionResult
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: conversionQueryKeys.all })
      client.invalidateQueries({ queryKey: requestLogQueryKeys.all })
      client.invalidateQueries({ queryKey: campaignStatsQueryKeys.all })
    },
  })
}
