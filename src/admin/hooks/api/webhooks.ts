import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminWebhookCreatedResponse,
  AdminWebhookDeliveryListResponse,
  AdminWebhookListResponse,
  AdminWebhookPayload,
  AdminWebhookResponse,
} from "../../../types/http"
import { webhookQueryKeys } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"

const BASE = "/admin/affiliate/webhooks"

export function useWebhooks() {
  return useQuery({ queryKey: webhookQueryKeys.list(), queryFn: () => sdk.client.fetch<AdminWebhookListResponse>(BASE) })
}

export function useWebhookDeliveries(id: string) {
  return useQuery({
    queryKey: webhookQueryKeys.detail(id, { deliveries: true }),
    queryFn: () => sdk.client.fetch<AdminWebhookDeliveryListResponse>(`${BASE}/${id}/deliveries`, { query: { limit: 50 } }),
  })
}

function useInvalidate() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: webhookQueryKeys.all })
}

export function useCreateWebhook() {
  const onSuccess = useInvalidate()
  return useMutation({ mutationFn: (body: AdminWebhookPayload) => sdk.client.fetch<AdminWebhookCreatedResponse>(BASE, { method: "POST", body }), onSuccess })
}

export function useUpdateWebhook() {
  const onSuccess = useInvalidate()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; enabled?: boolean }) => sdk.client.fetch<AdminWebhookResponse>(`${BASE}/${id}`, { method: "POST", body }),
    onSuccess,
  })
}

export function useDeleteWebhook() {
  const onSuccess = useInvalidate()
  return useMutation({ mutationFn: (id: string) => sdk.client.fetch(`${BASE}/${id}`, { method: "DELETE" }), onSuccess })
}
