import { createServer, Server } from "node:http"
import { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { deliverOutboundWorkflow } from "../../src/workflows/outbound/workflows/deliver-outbound"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { subscribersDone } from "../helpers/events"
import { allowPrivateTargets } from "../helpers/private-targets"

jest.setTimeout(180_000)

// This suite's outbound receivers listen on loopback.
allowPrivateTargets()

// Read by medusa-config.ts when the runner loads it.
const MAX_ATTEMPTS = 3
const previous = process.env.AFFILIATE_OUTBOUND_MAX_ATTEMPTS
process.env.AFFILIATE_OUTBOUND_MAX_ATTEMPTS = String(MAX_ATTEMPTS)
afterAll(() => {
  if (previous === undefined) delete process.env.AFFILIATE_OUTBOUND_MAX_ATTEMPTS
  else process.env.AFFILIATE_OUTBOUND_MAX_ATTEMPTS = previous
})

/** A stand-in for an external network's S2S endpoint. */
function network() {
  const received: Record<string, unknown>[] = []
  let status = 503
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      received.push(JSON.parse(body || "{}"))
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ status: status < 300 ? "success" : "error" }))
    })
  })
  return {
    received,
    setStatus: (s: number) => (status = s),
    start: () => new Promise<string>((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/integration/s2sConvert`))),
    stop: () => new Promise((r) => server.close(r)),
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let code: string
    const net = network()
    let networkUrl: string
    let admin: AdminAuth

    beforeAll(async () => {
      networkUrl = await net.start()
      admin = await createAdminAndLogin(api as AxiosInstance, getContainer() as any)
      setup = await setupStore(getContainer())
      code = (await createAffiliate(getContainer())).code
    })
    afterAll(() => net.stop())
    beforeEach(() => {
      net.received.length = 0
      net.setStatus(503)
    })

    const service = () => affiliateService(getContainer())
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()

    async function checkout(campaignHandle: string, consent: "granted" | "denied" = "granted") {
      const token = await clickToken(api, campaignHandle, code)
      const handled = subscribersDone(getContainer(), "order.placed")
      const { order } = await placeOrder(api as AxiosInstance, setup, {
        promoCode: setup.promoCode,
        beforeComplete: async (cartId) => {
          await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent }, { headers: storeHeaders(setup) })
        },
      })
      await handled
      return { order, token }
    }

    describe("outbound S2S", () => {
      const forwarding = () =>
        createCampaign(getContainer(), { commission_value: 10, outbound_url: networkUrl, outbound_api_key: "partner-network-key" })

      it("retries a network that is down and delivers exactly once after it recovers", async () => {
        const { campaign } = await forwarding()
        const { order, token } = await checkout(campaign.handle)
        // The subscriber tried at once; the network answered 503.
        expect(net.received).toHaveLength(1)
        const [delivery] = await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id })
        expect(delivery).toMatchObject({ status: "pending", attempt_count: 1 })
        expect(new Date(delivery.next_attempt_at!).getTime()).toBeGreaterThan(Date.now())

        net.setStatus(200)
        await deliverOutboundWorkflow(getContainer()).run({ input: { now: new Date().toISOString() } })
        expect(net.received).toHaveLength(1) // not due yet: backoff
        await deliverOutboundWorkflow(getContainer()).run({ input: { now: inMinutes(2) } })
        await deliverOutboundWorkflow(getContainer()).run({ input: { now: inMinutes(600) } })
        expect(net.received).toHaveLength(2)
        expect(net.received[1]).toEqual({
          api_key: "partner-network-key",
          click_token: token,
          order_id: order.id,
          order_total: "90",
          order_currency: "USD",
        })
        const [after] = await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id }, { relations: ["attempts"] })
        expect(after).toMatchObject({ status: "delivered", attempt_count: 2 })
        expect(after.attempts.map((a) => a.http_status).sort()).toEqual([200, 503])
        expect(after.attempts.find((a) => a.http_status === 503)!.response_excerpt).toContain("error")
      })

      it("gives up after the configured number of attempts", async () => {
        const { campaign } = await forwarding()
        net.setStatus(500)
        await checkout(campaign.handle)
        for (const minutes of [2, 60, 24 * 60, 7 * 24 * 60]) {
          await deliverOutboundWorkflow(getContainer()).run({ input: { now: inMinutes(minutes) } })
        }
        expect(net.received).toHaveLength(MAX_ATTEMPTS)
        const [delivery] = await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id })
        expect(delivery).toMatchObject({ status: "failed", attempt_count: MAX_ATTEMPTS, next_attempt_at: null })
      })

      it("sends a test delivery from the admin and shows the network's answer", async () => {
        const { campaign } = await forwarding()
        net.setStatus(200)
        const res = await api.post(`/admin/affiliate/campaigns/${campaign.id}/outbound/test`, {}, admin.headers)
        expect(res.data.delivery).toMatchObject({ status: "delivered", is_test: true, attempt_count: 1 })
        expect(res.data.delivery.attempts[0]).toMatchObject({ http_status: 200, response_excerpt: expect.stringContaining("success") })
        expect(net.received[0]).toMatchObject({ test: "true", api_key: "partner-network-key" })
        expect(JSON.stringify(res.data)).not.toContain("partner-network-key")
        const list = await api.get(`/admin/affiliate/outbound-deliveries?campaign_id=${campaign.id}`, admin.headers)
        expect(list.data.count).toBe(1)
        const plain = await createCampaign(getContainer())
        const refused = await api.post(`/admin/affiliate/campaigns/${plain.campaign.id}/outbound/test`, {}, { ...admin.headers, validateStatus: () => true })
        expect(refused.status).toBe(400)
      })

      it("shows the order's attribution, conversion, deliveries and request log to the admin", async () => {
        const { campaign } = await forwarding()
        net.setStatus(200)
        const { order, token } = await checkout(campaign.handle)
        const { data } = await api.get(`/admin/affiliate/orders/${order.id}/attribution`, admin.headers)
        expect(data.attribution).toMatchObject({ click_token: token, consent: "granted", click: { campaign: { id: campaign.id } } })
        expect(data.conversions).toEqual([expect.objectContaining({ order_id: order.id, status: "pending" })])
        expect(data.deliveries).toEqual([expect.objectContaining({ status: "delivered" })])
        expect(data.request_log[0]).toMatchObject({ source: "store", outcome: "success" })
        const denied = await checkout(campaign.handle, "denied")
        const why = await api.get(`/admin/affiliate/orders/${denied.order.id}/attribution`, admin.headers)
        expect(why.data.conversions).toEqual([])
        expect(why.data.request_log[0]).toMatchObject({ outcome: "skipped", reason: "consent_not_granted" })
      })

      it("keeps the outbound key out of the stored answer of a network that echoes it, in the encoding it was sent in", async () => {
        // A network that answers with the request it received, query string included.
        const echo = createServer((req, res) => res.writeHead(400).end(`unknown token in ${req.url}; raw=${decodeURIComponent(req.url!.split("token=")[1]?.split("&")[0] ?? "")}`))
        await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r))
        const key = "net/Key+with=special&chars 42"
        try {
          const { campaign } = await createCampaign(getContainer(), {
            outbound_url: `http://127.0.0.1:${(echo.address() as AddressInfo).port}/postback`,
            outbound_method: "GET",
            outbound_parameter_names: { api_key: "token" },
            outbound_api_key: key,
          })
          const res = await api.post(`/admin/affiliate/campaigns/${campaign.id}/outbound/test`, {}, admin.headers)
          const [attempt] = res.data.delivery.attempts
          expect(attempt.http_status).toBe(400)
          expect(attempt.response_excerpt).toContain("unknown token in /postback?")
          expect(attempt.response_excerpt).toContain("[outbound key]")
          for (const sent of [key, encodeURIComponent(key), new URLSearchParams({ token: key }).toString().slice(6), "with=special", "with%3Dspecial"]) {
            expect(attempt.response_excerpt).not.toContain(sent)
          }
        } finally {
          await new Promise((r) => echo.close(r))
        }
      })

      it("sends nothing without consent", async () => {
        const { campaign } = await forwarding()
        await checkout(campaign.handle, "denied")
        expect(net.received).toHaveLength(0)
        expect(await service().listAffiliateOutboundDeliveries({ campaign_id: campaign.id })).toHaveLength(0)
      })
    })

    describe("reversal", () => {
      const waitFor = (event: string) => subscribersDone(getContainer(), event)
      const paymentOf = async (orderId: string) => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: orderId } })
        return data[0].payment_collections[0].payments[0].id as string
      }

      const historyOf = async (id: string) =>
        (await service().listAffiliateConversionChanges({ conversion_id: id }, { order: { created_at: "ASC", id: "ASC" } })).map((h) => [h.actor, h.field, h.from_value, h.to_value, h.reason])

      it("reverses the conversion of a canceled order", async () => {
        const { campaign } = await createCampaign(getContainer(), { commission_value: 10 })
        const { order } = await checkout(campaign.handle)
        const canceled = waitFor("order.canceled")
        await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
        await canceled
        const [conversion] = await service().listAffiliateConversions({ order_id: order.id })
        expect(conversion).toMatchObject({ status: "reversed", status_reason: "order canceled" })
        expect(String(conversion.commission_amount)).toBe("0")
        expect(await historyOf(conversion.id)).toEqual([
          ["store", "status", "pending", "reversed", "order canceled"],
          ["store", "commission_amount", "9.00", "0.00", "order canceled"],
        ])
      })

      it("recomputes the commission after a partial refund and records an adjustment once paid", async () => {
        const { campaign } = await createCampaign(getContainer(), { commission_value: 10 })
        const { order } = await checkout(campaign.handle)
        const paymentId = await paymentOf(order.id)
        await capturePaymentWorkflow(getContainer()).run({ input: { payment_id: paymentId } })
        let refunded = waitFor("payment.refunded")
        await refundPaymentWorkflow(getContainer()).run({ input: { payment_id: paymentId, amount: 45 } })
        await refunded
        let [conversion] = await service().listAffiliateConversions({ order_id: order.id })
        // 90 of items, 45 refunded: 10 % of the 45 that remain.
        expect(conversion.status).toBe("pending")
        expect(String(conversion.commission_amount)).toBe("4.5")
        expect(String(conversion.refunded_total)).toBe("45")

        await service().updateAffiliateConversions({ id: conversion.id, status: "paid" })
        refunded = waitFor("payment.refunded")
        await refundPaymentWorkflow(getContainer()).run({ input: { payment_id: paymentId, amount: 45 } })
        await refunded
        ;[conversion] = await service().listAffiliateConversions({ order_id: order.id }, { relations: ["adjustments"] })
        expect(conversion.status).toBe("paid")
        expect(String(conversion.commission_amount)).toBe("4.5")
        expect(conversion.adjustments.map((a) => [String(a.amount), a.reason])).toEqual([["-4.5", "order fully refunded"]])
        expect(await historyOf(conversion.id)).toEqual([
          ["store", "commission_amount", "9.00", "4.50", "order partly refunded (45 of 90)"],
          ["store", "adjustment", null, "-4.50", "order fully refunded"],
        ])
      })
    })
  },
})
