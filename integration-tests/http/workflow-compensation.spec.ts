import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { createAffiliateWorkflow } from "../../src/workflows/affiliates/workflows/create-affiliate"
import { deleteAffiliateWorkflow } from "../../src/workflows/affiliates/workflows/delete-affiliate"
import { updateAffiliateWorkflow } from "../../src/workflows/affiliates/workflows/update-affiliate"
import { createCampaignWorkflow } from "../../src/workflows/campaigns/workflows/create-campaign"
import { deleteCampaignWorkflow } from "../../src/workflows/campaigns/workflows/delete-campaign"
import { regenerateApiKeyWorkflow } from "../../src/workflows/campaigns/workflows/regenerate-api-key"
import { updateCampaignWorkflow } from "../../src/workflows/campaigns/workflows/update-campaign"
import { createTestClickWorkflow } from "../../src/workflows/clicks/workflows/create-test-click"
import { changeConversionStatusStepId } from "../../src/workflows/conversions/steps/change-conversion-status"
import { reviewConversionWorkflow } from "../../src/workflows/conversions/workflows/review-conversion"
import { applyRevisionsStepId } from "../../src/workflows/reversal/steps/apply-revisions"
import { deliverOutboundWorkflow } from "../../src/workflows/outbound/workflows/deliver-outbound"
import { sendTestDeliveryWorkflow } from "../../src/workflows/outbound/workflows/send-test-delivery"
import { reviseOrderConversionsWorkflow } from "../../src/workflows/reversal/workflows/revise-order-conversions"
import { captureAttributionWorkflow } from "../../src/workflows/store/workflows/capture-attribution"
import { recordStoreConversionWorkflow } from "../../src/workflows/store/workflows/record-store-conversion"
import { removeAttributionWorkflow } from "../../src/workflows/store/workflows/remove-attribution"
import { affiliateService, clickToken, createAffiliate, createCampaign, currentApiKey } from "../helpers/fixtures"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { subscribersDone } from "../helpers/events"
import { allowPrivateTargets } from "../helpers/private-targets"
import { type AnyWorkflow, runFailingAfter } from "../helpers/workflows"
import { claimDeliveriesStepId } from "../../src/workflows/outbound/steps/claim-deliveries"
import { createAffiliateStepId } from "../../src/workflows/affiliates/steps/create-affiliate"
import { createTestClickStepId } from "../../src/workflows/clicks/steps/create-test-click"
import { createTestDeliveryStepId } from "../../src/workflows/outbound/steps/create-test-delivery"
import { deleteAffiliateStepId } from "../../src/workflows/affiliates/steps/delete-affiliate"
import { deleteAttributionStepId } from "../../src/workflows/store/steps/delete-attribution"
import { deleteCampaignStepId } from "../../src/workflows/campaigns/steps/delete-campaign"
import { enqueueOutboundStepId } from "../../src/workflows/store/steps/enqueue-outbound"
import { issueApiKeyStepId } from "../../src/workflows/campaigns/steps/issue-api-key"
import { recordOrderConversionsStepId } from "../../src/workflows/store/steps/record-order-conversions"
import { updateAffiliateStepId } from "../../src/workflows/affiliates/steps/update-affiliate"
import { updateCampaignStepId } from "../../src/workflows/campaigns/steps/update-campaign"

jest.setTimeout(180_000)

// Campaigns here forward to 127.0.0.1:9, where nothing listens.
allowPrivateTargets()

/*
 * Every workflow that writes takes back all it wrote when a later step fails: the state after the
 * failed run equals the state before it. One app boot for all of them.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const container = () => getContainer() as unknown as MedusaContainer
    const service = () => affiliateService(getContainer())
    // Made before the runner's database snapshot, which every test starts from.
    let setup: StoreSetup
    let campaign: { id: string; handle: string }
    let code: string

    beforeAll(async () => {
      setup = await setupStore(getContainer())
      campaign = (await createCampaign(getContainer(), { outbound_url: "http://127.0.0.1:9/never" })).campaign
      code = (await createAffiliate(getContainer())).code
    })

    describe("campaigns", () => {
      it("create: no campaign and no API key are left", async () => {
        const handle = `compensated-${Date.now()}`
        const keysBefore = (await service().listAffiliateApiKeys({}, { withDeleted: true })).length
        await runFailingAfter(container(), createCampaignWorkflow as AnyWorkflow, issueApiKeyStepId, {
          name: "Compensated",
          handle,
          target_url: "https://shop.example.com/",
          commission_value: "12.5",
        })
        const campaigns = await service().listAffiliateCampaigns({ handle }, { withDeleted: true })
        expect(campaigns).toHaveLength(0)
        expect(await service().listAffiliateApiKeys({}, { withDeleted: true })).toHaveLength(keysBefore)
      })

      it("update: every changed field is put back, the commission to the exact decimal", async () => {
        const { campaign } = await createCampaign(getContainer(), { commission_value: "12.3456", name: "Before" })
        await runFailingAfter(container(), updateCampaignWorkflow as AnyWorkflow, updateCampaignStepId, {
          id: campaign.id,
          name: "After",
          commission_value: "50",
          status: "paused",
        })
        const [after] = await service().listAffiliateCampaigns({ id: campaign.id }, { select: ["name", "status", "raw_commission_value"] as any })
        expect(after).toMatchObject({ name: "Before", status: "active" })
        expect((after as any).raw_commission_value.value).toBe("12.3456")
      })

      it("delete: the campaign is live again and its key still answers", async () => {
        const { campaign, apiKey } = await createCampaign(getContainer())
        await runFailingAfter(container(), deleteCampaignWorkflow as AnyWorkflow, deleteCampaignStepId, { id: campaign.id })
        expect(await service().listAffiliateCampaigns({ id: campaign.id })).toHaveLength(1)
        expect(await service().findS2sContext(apiKey, "")).not.toBeNull()
      })

      it("regenerate: the old key stays live and no new key is left", async () => {
        const { campaign, apiKey } = await createCampaign(getContainer())
        await runFailingAfter(container(), regenerateApiKeyWorkflow as AnyWorkflow, issueApiKeyStepId, { campaign_id: campaign.id })
        const keys = await service().listAffiliateApiKeys({ campaign_id: campaign.id })
        expect(keys).toHaveLength(1)
        expect(keys[0].expires_at).toBeNull()
        expect(await currentApiKey(getContainer(), campaign.id)).toBe(apiKey)
      })
    })

    describe("affiliates", () => {
      it("create: no affiliate is left", async () => {
        const code = `comp${Date.now()}`
        await runFailingAfter(container(), createAffiliateWorkflow as AnyWorkflow, createAffiliateStepId, { code, name: "C", email: "c@example.com" })
        expect(await service().listAffiliates({ code }, { withDeleted: true })).toHaveLength(0)
      })

      it("update: the previous values are back", async () => {
        const affiliate = await createAffiliate(getContainer(), { name: "Before" })
        await runFailingAfter(container(), updateAffiliateWorkflow as AnyWorkflow, updateAffiliateStepId, { id: affiliate.id, name: "After", status: "paused" })
        expect(await service().retrieveAffiliate(affiliate.id)).toMatchObject({ name: "Before", status: "active" })
      })

      it("delete: the affiliate is live again", async () => {
        const affiliate = await createAffiliate(getContainer())
        await runFailingAfter(container(), deleteAffiliateWorkflow as AnyWorkflow, deleteAffiliateStepId, { id: affiliate.id })
        expect(await service().listAffiliates({ id: affiliate.id })).toHaveLength(1)
      })
    })

    describe("clicks and outbound", () => {
      it("test click: the click is removed", async () => {
        const { campaign } = await createCampaign(getContainer())
        await createAffiliate(getContainer())
        await runFailingAfter(container(), createTestClickWorkflow as AnyWorkflow, createTestClickStepId, { campaign_id: campaign.id })
        expect(await service().listAffiliateClicks({ campaign_id: campaign.id })).toHaveLength(0)
      })

      it("test delivery: the queued delivery is removed", async () => {
        const { campaign } = await createCampaign(getContainer(), { outbound_url: "http://127.0.0.1:9/never" })
        await runFailingAfter(container(), sendTestDeliveryWorkflow as AnyWorkflow, createTestDeliveryStepId, { campaign_id: campaign.id })
        expect(await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id })).toHaveLength(0)
      })

      it("delivery job: a claimed delivery's lease is given back", async () => {
        const { campaign } = await createCampaign(getContainer())
        const due = new Date(Date.now() - 60_000)
        const delivery = await service().createAffiliateOutboundDeliveries({
          campaign_id: campaign.id,
          url: "http://127.0.0.1:9/never",
          payload: {},
          max_attempts: 3,
          next_attempt_at: due,
        })
        await runFailingAfter(container(), deliverOutboundWorkflow as AnyWorkflow, claimDeliveriesStepId, { delivery_ids: [delivery.id] })
        const after = await service().retrieveAffiliateOutboundDelivery(delivery.id)
        expect(new Date(after.next_attempt_at!).getTime()).toBe(due.getTime())
        expect(after).toMatchObject({ status: "pending", attempt_count: 0 })
      })
    })

    describe("the store path", () => {
      async function cart() {
        const { cart } = (
          await api.post("/store/carts", { region_id: setup.regionId, sales_channel_id: setup.salesChannelId }, { headers: storeHeaders(setup) })
        ).data
        return cart.id as string
      }

      /** A real order whose cart captured a click with `consent`; order.placed has been handled. */
      async function order(consent: "granted" | "denied") {
        const token = await clickToken(api, campaign.handle, code)
        const handled = subscribersDone(getContainer(), "order.placed")
        const { order, cart_id } = await placeOrder(api as AxiosInstance, setup, {
          beforeComplete: async (cartId) => {
            await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent }, { headers: storeHeaders(setup) })
          },
        })
        await handled
        return { order_id: order.id as string, cart_id }
      }

      const logCount = async (orderId: string) => (await service().listAffiliateRequestLogs({ order_id: orderId })).length

      it("capture: a new attribution is removed, an existing one restored as it was", async () => {
        const cartId = await cart()
        const token = await clickToken(api, campaign.handle, code)
        await runFailingAfter(container(), captureAttributionWorkflow as AnyWorkflow, "release-lock-step", { cart_id: cartId, click_token: token, consent: "granted" })
        expect(await service().listAffiliateAttributions({ cart_id: cartId })).toHaveLength(0)

        await captureAttributionWorkflow(container()).run({ input: { cart_id: cartId, consent: "denied" } })
        await runFailingAfter(container(), captureAttributionWorkflow as AnyWorkflow, "release-lock-step", { cart_id: cartId, click_token: token, consent: "granted" })
        const [after] = await service().listAffiliateAttributions({ cart_id: cartId })
        expect(after).toMatchObject({ consent: "denied", click_token: null, click_id: null })
      })

      it("remove: the attribution is back", async () => {
        const cartId = await cart()
        await captureAttributionWorkflow(container()).run({ input: { cart_id: cartId, consent: "granted" } })
        await runFailingAfter(container(), removeAttributionWorkflow as AnyWorkflow, deleteAttributionStepId, { cart_id: cartId })
        expect(await service().listAffiliateAttributions({ cart_id: cartId })).toHaveLength(1)
      })

      it("record store conversion: a recorded conversion, its outbound delivery and its request-log entry are all removed", async () => {
        const { order_id, cart_id } = await order("denied")
        expect(await service().listAffiliateConversions({ order_id })).toHaveLength(0)
        const logsBefore = await logCount(order_id)
        const deliveriesBefore = (await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id })).length
        // The shopper's consent arrives late (e.g. fixed by support): the replay would record.
        const [attribution] = await service().listAffiliateAttributions({ cart_id })
        await service().updateAffiliateAttributions({ id: attribution.id, consent: "granted" })
        await runFailingAfter(container(), recordStoreConversionWorkflow as AnyWorkflow, enqueueOutboundStepId, { order_id })
        expect(await service().listAffiliateConversions({ order_id }, { withDeleted: true })).toHaveLength(0)
        expect(await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id })).toHaveLength(deliveriesBefore)
        expect(await logCount(order_id)).toBe(logsBefore)
      })

      it("record store conversion: a repeat's duplicate_count and request-log entry are taken back", async () => {
        const { order_id } = await order("granted")
        const [before] = await service().listAffiliateConversions({ order_id })
        const logsBefore = await logCount(order_id)
        await runFailingAfter(container(), recordStoreConversionWorkflow as AnyWorkflow, recordOrderConversionsStepId, { order_id })
        const [after] = await service().listAffiliateConversions({ order_id })
        expect(after.duplicate_count).toBe(before.duplicate_count)
        expect(await logCount(order_id)).toBe(logsBefore)
      })

      it("record store conversion: a skip's request-log entry is taken back", async () => {
        const { order_id } = await order("denied")
        const logsBefore = await logCount(order_id)
        await runFailingAfter(container(), recordStoreConversionWorkflow as AnyWorkflow, recordOrderConversionsStepId, { order_id })
        expect(await logCount(order_id)).toBe(logsBefore)
      })

      it("review: the conversion is pending again with its previous reason", async () => {
        const { order_id } = await order("granted")
        const [conversion] = await service().listAffiliateConversions({ order_id })
        await runFailingAfter(container(), reviewConversionWorkflow as AnyWorkflow, changeConversionStatusStepId, { id: conversion.id, action: "reject", reason: "fraud", actor: "user:test" })
        expect(await service().retrieveAffiliateConversion(conversion.id)).toMatchObject({ status: "pending", status_reason: null })
        expect(await service().listAffiliateConversionChanges({ conversion_id: conversion.id })).toEqual([])
      })

      it("reversal: the conversion's status and commission are back", async () => {
        const { order_id } = await order("granted")
        const [before] = await service().listAffiliateConversions({ order_id })
        await runFailingAfter(container(), reviseOrderConversionsWorkflow as AnyWorkflow, applyRevisionsStepId, { order_id, cause: "canceled" })
        const [after] = await service().listAffiliateConversions({ order_id })
        expect(after).toMatchObject({ status: "pending", status_reason: before.status_reason })
        expect(String(after.commission_amount)).toBe(String(before.commission_amount))
        expect(await service().listAffiliateConversionChanges({ conversion_id: after.id })).toEqual([])
      })
    })

    describe("workflows guard themselves when run from a host's own code", () => {
      const failure = async (workflow: AnyWorkflow, input: unknown) => {
        const { errors } = await workflow(container()).run({ input, throwOnError: false })
        return errors[0]?.error as unknown as MedusaError
      }

      it("refuses a commission rule that is invalid once merged with the stored campaign", async () => {
        const { campaign } = await createCampaign(getContainer(), { commission_type: "percentage", commission_value: 10 })
        const error = await failure(updateCampaignWorkflow as any, { id: campaign.id, commission_type: "flat" })
        expect(error).toMatchObject({ type: MedusaError.Types.INVALID_DATA, message: expect.stringContaining("currency_code is required") })
        expect(await failure(createCampaignWorkflow as any, { name: "x", target_url: "https://a.example/", commission_value: "101" })).toMatchObject({
          type: MedusaError.Types.INVALID_DATA,
        })
      })

      it("refuses a malformed or taken handle and derives a free one when none is given", async () => {
        const { campaign } = await createCampaign(getContainer())
        const base = { name: "Spring Sale", target_url: "https://a.example/", commission_value: 5 }
        expect(await failure(createCampaignWorkflow as any, { ...base, handle: "Not A Handle" })).toMatchObject({ type: MedusaError.Types.INVALID_DATA })
        expect(await failure(createCampaignWorkflow as any, { ...base, handle: campaign.handle })).toMatchObject({ type: MedusaError.Types.DUPLICATE_ERROR })
        const first = await createCampaignWorkflow(container()).run({ input: base as any })
        const second = await createCampaignWorkflow(container()).run({ input: base as any })
        expect(second.result.handle).toBe(`${first.result.handle}-2`)
      })

      it("refuses a taken affiliate code, and anything that does not exist", async () => {
        const affiliate = await createAffiliate(getContainer())
        expect(await failure(createAffiliateWorkflow as any, { code: affiliate.code, name: "n", email: "n@example.com" })).toMatchObject({
          type: MedusaError.Types.DUPLICATE_ERROR,
        })
        expect(await failure(updateAffiliateWorkflow as any, { id: "aff_missing", name: "x" })).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
        expect(await failure(deleteCampaignWorkflow as any, { id: "acmp_missing" })).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
        expect(await failure(regenerateApiKeyWorkflow as any, { campaign_id: "acmp_missing" })).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
        expect(await failure(createTestClickWorkflow as any, { campaign_id: "acmp_missing" })).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
        expect(await failure(captureAttributionWorkflow as any, { cart_id: "cart_missing", consent: "granted" })).toMatchObject({
          type: MedusaError.Types.NOT_FOUND,
        })
        expect(await failure(reviewConversionWorkflow as any, { id: "aconv_missing", action: "approve" })).toMatchObject({
          type: MedusaError.Types.NOT_FOUND,
        })
        // A rejection must say why, whoever asks for it.
        expect(await failure(reviewConversionWorkflow as any, { id: "aconv_missing", action: "reject" })).toMatchObject({
          type: MedusaError.Types.INVALID_DATA,
        })
      })
    })
  },
})
