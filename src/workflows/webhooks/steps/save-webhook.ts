import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { targetProblem } from "../../../modules/affiliate/utils/target-guard"
import { webhookUrlProblem } from "../../../modules/affiliate/utils/webhooks"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type WebhookInput = { url?: string; events?: string[] }
export type WebhookUpdate = WebhookInput & { id: string; enabled?: boolean }

/**
 * The URL must be http(s) without credentials, and (as every outbound target) not in the host's
 * own network unless `allowPrivateTargets` is on; sending checks the connected address again.
 * Reads only.
 */
export const validateWebhookStep = createStep("validate-affiliate-webhook", async ({ url }: WebhookInput, { container }) => {
  if (url === undefined) return new StepResponse(undefined)
  const policy = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  const target = targetProblem(url, policy)
  const problem = webhookUrlProblem(url) ?? (target ? `url ${target}` : null)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  return new StepResponse(undefined)
})

/** Stores a webhook with its secret encrypted by the module service; the compensation removes it. */
export const createWebhookStep = createStep(
  "create-affiliate-webhook",
  async ({ url, events, secret }: { url: string; events: string[]; secret: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const webhook = await service.createAffiliateWebhooks({ url, events, secret_ciphertext: service.encryptSecret(secret) }, context)
    return new StepResponse(webhook, webhook.id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliateWebhooks(id, context)
  }
)

/**
 * Changes a webhook's URL or events, or enables it again (its count of failures starts over) or
 * disables it. The compensation puts back what it changed.
 */
export const updateWebhookStep = createStep(
  "update-affiliate-webhook",
  async ({ id, enabled, ...fields }: WebhookUpdate, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const previous = await service.retrieveAffiliateWebhook(id, {}, context)
    const status =
      enabled === undefined
        ? {}
        : enabled
          ? { status: "enabled" as const, consecutive_failures: 0, disabled_reason: null }
          : { status: "disabled" as const, disabled_reason: "Disabled by an admin" }
    const updated = await service.updateAffiliateWebhooks({ id, ...fields, ...status }, context)
    const { url, events, status: was, consecutive_failures, disabled_reason } = previous
    return new StepResponse(updated, { id, url, events, status: was, consecutive_failures, disabled_reason })
  },
  async (undo, { container, context }) => {
    if (!undo) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).updateAffiliateWebhooks(undo as any, context)
  }
)

/** Deletes a webhook (its pending deliveries are not sent); the compensation brings it back. */
export const deleteWebhookStep = createStep(
  "delete-affiliate-webhook",
  async ({ id }: { id: string }, { container, context }) => {
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).softDeleteAffiliateWebhooks(id, {}, context)
    return new StepResponse({ id }, id)
  },
  async (id, { container, context }) => {
    if (!id) return
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliateWebhooks(id, {}, context)
  }
)
