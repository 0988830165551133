import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { queueWebhookDeliveriesStep } from "../steps/queue-webhook-deliveries"
import { createWebhookStep, deleteWebhookStep, updateWebhookStep, validateWebhookStep, WebhookUpdate } from "../steps/save-webhook"

/**
 * Registers a merchant's endpoint for the plugin's events. Make the secret with
 * `generateWebhookSecret()`: it is stored encrypted and the caller shows it once.
 */
export const createWebhookWorkflow = createWorkflow("create-affiliate-webhook", (input: { url: string; events: string[]; secret: string }) => {
  validateWebhookStep(input)
  return new WorkflowResponse(createWebhookStep(input))
})

/** Changes a webhook; `enabled: true` starts it again after it was disabled. */
export const updateWebhookWorkflow = createWorkflow("update-affiliate-webhook", (input: WebhookUpdate) => {
  useQueryGraphStep({ entity: "affiliate_webhook", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } })
  validateWebhookStep(transform({ input }, ({ input }) => ({ url: input.url })))
  return new WorkflowResponse(updateWebhookStep(input))
})

export const deleteWebhookWorkflow = createWorkflow("delete-affiliate-webhook", (input: { id: string }) => {
  useQueryGraphStep({ entity: "affiliate_webhook", fields: ["id"], filters: { id: input.id }, options: { throwIfKeyNotFound: true } })
  return new WorkflowResponse(deleteWebhookStep(input))
})

/** After one of the plugin's events: a delivery per webhook that asked for it (sent by the outbox job, or at once by the caller). */
export const queueWebhookDeliveriesWorkflow = createWorkflow("queue-affiliate-webhook-deliveries", (input: { type: string; id: string }) => {
  return new WorkflowResponse(queueWebhookDeliveriesStep(input))
})
