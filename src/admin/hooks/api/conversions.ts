import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query"
import type {
  AdminConversion,
  AdminConversionHistoryResponse,
  AdminConversionListParams,
  AdminConversionListResponse,
  AdminConversionResponse,
  AdminValidateConversionsCsvParams,
  AdminValidateConversionsResponse,
} from "../../../types/http"
import { addOutcome, type BulkReview, NO_OUTCOME, validationRequests } from "../../lib/bulk-review"
import { errorMessage } from "../../lib/format"
import {
  balanceQueryKeys,
  campaignStatsQueryKeys,
  conversionHistoryQueryKeys,
  conversionQueryKeys,
  orderAttributionQueryKeys,
  payoutQueryKeys,
} from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/conversions"

export function useConversions(query: AdminConversionListParams) {
  return useQuery({
    queryKey: conversionQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminConversionListResponse>(BASE, { query }),
    placeholderData: keepPreviousData,
  })
}

/** A conversion with its items, each with its rule and commission. */
export function useConversion(id: string | undefined) {
  return useQuery({
    queryKey: conversionQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminConversionResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

/** Every change of a conversion's status or amounts, by whom and why. */
export function useConversionHistory(id: string | undefined) {
  return useQuery({
    queryKey: conversionHistoryQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminConversionHistoryResponse>(`${BASE}/${id}/history`),
    enabled: !!id,
  })
}

/** What a change of conversions moves: their lists and details, histories, figures, balances and payouts. */
function invalidateReviewed(client: QueryClient) {
  for (const keys of [conversionQueryKeys, conversionHistoryQueryKeys, campaignStatsQueryKeys, orderAttributionQueryKeys, balanceQueryKeys, payoutQueryKeys]) {
    client.invalidateQueries({ queryKey: keys.all })
  }
}

/** Approve, or reject with a reason, a pending conversion. */
export function useReviewConversion() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: "approve" | "reject"; reason?: string }) =>
      sdk.client.fetch<AdminConversionResponse>(`${BASE}/${id}/${action}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    onSuccess: () => invalidateReviewed(client),
  })
}

/**
 * Approve or reject selected conversions with one reason, through the validate endpoint: one call
 * per campaign, each entry by order id. A call refused as a whole fails its rows, not the others.
 */
export function useReviewConversions() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ conversions, review }: { conversions: AdminConversion[]; review: BulkReview }) => {
      let outcome = NO_OUTCOME
      for (const request of validationRequests(conversions, review)) {
        const answer = await sdk.client
          .fetch<AdminValidateConversionsResponse>(`${BASE}/validate`, { method: "POST", body: request })
          .catch((e: unknown) => ({ error: errorMessage(e) }))
        outcome = addOutcome(outcome, request, answer)
      }
      return outcome
    },
    onSettled: () => invalidateReviewed(client),
  })
}

/**
 * "Validate from CSV": the file as it is (`text/csv`), a dry run first to preview each row's
 * result; the same file again without `dry_run` applies it.
 */
export function useValidateConversionsCsv() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ file, ...query }: AdminValidateConversionsCsvParams & { file: Blob }) =>
      sdk.client.fetch<AdminValidateConversionsResponse>(`${BASE}/validate`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: file,
        query,
      }),
    onSuccess: (answer) => {
      if (!answer.dry_run) invalidateReviewed(client)
    },
  })
}
