import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance, AxiosRequestConfig } from "axios"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { subscribersDone } from "../helpers/events"
import { affiliateService, clickToken, createAffiliate } from "../helpers/fixtures"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { allowPrivateTargets } from "../helpers/private-targets"

jest.setTimeout(240_000)

// This suite's outbound receivers listen on loopback.
allowPrivateTargets()

const BASE = "/admin/affiliate"

/*
 * Coupon codes and lead campaigns (README, "Coupon codes" and "Lead campaigns"): affiliates' Medusa
 * promotions credited on real orders placed over the Store API, the click/code precedence per
 * campaign, and leads reported over S2S without an order total.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: AdminAuth
    let setup: StoreSetup
    let couponFirst: { id: string; handle: string }
    let clickFirst: { id: string; handle: string }
    let clicker: { id: string; code: string }
    let influencer: { id: string; code: string }
    const CLICK_FIRST_CODE = "CLICKFIRST10"

    const opts = (extra: AxiosRequestConfig = {}): AxiosRequestConfig => ({ ...auth.headers, validateStatus: () => true, ...extra })
    const get = (path: string, params?: Record<string, unknown>) => api.get(`${BASE}${path}`, opts({ params }))
    const post = (path: string, body: unknown = {}) => api.post(`${BASE}${path}`, body, opts())
    const del = (path: string) => api.delete(`${BASE}${path}`, opts())
    const service = () => affiliateService(getContainer())

    async function createCampaign(body: Record<string, unknown>) {
      const res = await post("/campaigns", {
        name: `Campaign ${Math.random().toString(36).slice(2, 8)}`,
        target_url: "https://shop.example.com/landing",
        commission_type: "percentage",
        commission_value: "10",
        ...body,
      })
      expect(res.status).toBe(200)
      return res.data.campaign
    }

    // Made before the runner's database snapshot, which every test starts from.
    beforeAll(async () => {
      const container = getContainer() as unknown as MedusaContainer
      auth = await createAdminAndLogin(api as AxiosInstance, container)
      setup = await setupStore(container)
      // Forwards to a network that is not there: a click's conversion is queued, a code's never.
      couponFirst = await createCampaign({ name: "Coupons first", outbound_url: "http://127.0.0.1:9/never" })
      clickFirst = await createCampaign({ name: "Clicks first", attribution_precedence: "click" })
      clicker = await createAffiliate(container, { code: "clicker", name: "Clicker" })
      influencer = await createAffiliate(container, { code: "influencer", name: "Influencer" })
      const linked = await post(`/affiliates/${influencer.id}/promotions`, { promotion_id: setup.promotionId, campaign_id: couponFirst.id })
      expect(linked.status).toBe(200)
      const created = await post(`/affiliates/${influencer.id}/promotions`, {
        campaign_id: clickFirst.id,
        promotion: { code: CLICK_FIRST_CODE, type: "percentage", value: "10" },
      })
      expect(created.status).toBe(200)
    })

    /** Places a real order over the Store API, optionally with a code and a click captured with consent. */
    async function checkout({ promo, click }: { promo?: string; click?: { campaign: string; consent?: "granted" | "denied" } }) {
      const token = click ? await clickToken(api, click.campaign, clicker.code) : null
      const handled = subscribersDone(getContainer(), "order.placed")
      const { order } = await placeOrder(api as AxiosInstance, setup, {
        promoCode: promo,
        beforeComplete: token
          ? async (cartId) => {
              await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: click!.consent ?? "granted" }, { headers: storeHeaders(setup) })
            }
          : undefined,
      })
      await handled
      return order as { id: string }
    }
    const conversionsOf = (orderId: string) => service().listAffiliateConversions({ order_id: orderId })
    const logOf = async (orderId: string) => (await get(`/orders/${orderId}/attribution`)).data.request_log as { outcome: string; reason: string }[]

    describe("an affiliate's promotion codes", () => {
      it("lists them with each promotion's code, one affiliate per promotion (409), and unlinks without touching Medusa's promotion", async () => {
        const listed = await get(`/affiliates/${influencer.id}/promotions`)
        expect(listed.status).toBe(200)
        expect(listed.data.promotions.map((p: any) => [p.code, p.campaign_id, p.promotion_status])).toEqual([
          [setup.promoCode, couponFirst.id, "active"],
          [CLICK_FIRST_CODE, clickFirst.id, "active"],
        ])
        const taken = await post(`/affiliates/${clicker.id}/promotions`, { promotion_id: setup.promotionId, campaign_id: couponFirst.id })
        expect(taken.status).toBe(409)
        expect(taken.data.message).toContain("already belongs")

        const unlinked = await del(`/affiliates/${influencer.id}/promotions/${setup.promotionId}`)
        expect(unlinked.data).toEqual({ id: setup.promotionId, object: "affiliate_promotion", deleted: true })
        const promotion = await api.get(`/admin/promotions/${setup.promotionId}`, opts())
        expect(promotion.data.promotion.code).toBe(setup.promoCode)
        const relinked = await post(`/affiliates/${clicker.id}/promotions`, { promotion_id: setup.promotionId, campaign_id: couponFirst.id })
        expect(relinked.data.promotion).toMatchObject({ affiliate_id: clicker.id, code: setup.promoCode })
      })

      it("refuses what does not exist (404) or does not make sense (400)", async () => {
        const missing = (body: Record<string, unknown>, affiliateId = clicker.id) => post(`/affiliates/${affiliateId}/promotions`, body)
        expect((await missing({ promotion_id: "promo_nope", campaign_id: couponFirst.id })).status).toBe(404)
        expect((await missing({ promotion_id: setup.promotionId, campaign_id: "acmp_nope" })).status).toBe(404)
        expect((await missing({ promotion_id: setup.promotionId, campaign_id: couponFirst.id }, "aff_nope")).status).toBe(404)
        expect((await del(`/affiliates/${clicker.id}/promotions/${setup.promotionId}`)).status).toBe(404)
        const both = await missing({ promotion_id: setup.promotionId, campaign_id: couponFirst.id, promotion: { code: "X", type: "percentage", value: 5 } })
        expect(both.status).toBe(400)
        const fixedWithoutCurrency = await missing({ campaign_id: couponFirst.id, promotion: { code: "FIVEOFF", type: "fixed", value: 5 } })
        expect(fixedWithoutCurrency.status).toBe(400)
        expect(fixedWithoutCurrency.data.message).toContain("currency_code is required")
        const tooMuch = await missing({ campaign_id: couponFirst.id, promotion: { code: "ALL", type: "percentage", value: "150" } })
        expect(tooMuch.status).toBe(400)
      })

      it("creates a Medusa promotion from the affiliate's page, usable at checkout", async () => {
        const res = await post(`/affiliates/${clicker.id}/promotions`, {
          campaign_id: couponFirst.id,
          promotion: { code: "CLICKER5", type: "fixed", value: "5", currency_code: "USD" },
        })
        expect(res.status).toBe(200)
        expect(res.data.promotion).toMatchObject({ affiliate_id: clicker.id, campaign_id: couponFirst.id, code: "CLICKER5", promotion_status: "active" })
        const order = await checkout({ promo: "CLICKER5" })
        const [conversion] = await conversionsOf(order.id)
        // 100 USD item, 5 USD off: 95; 10 %: 9.50.
        expect(conversion).toMatchObject({ affiliate_id: clicker.id, source: "coupon", promotion_code: "CLICKER5" })
        expect(String(conversion.order_total)).toBe("95")
        expect(String(conversion.commission_amount)).toBe("9.5")
      })
    })

    describe("order.placed with codes and clicks", () => {
      it("a coupon-only order credits the code's affiliate without tracking or consent, and is never forwarded", async () => {
        const order = await checkout({ promo: setup.promoCode })
        const conversions = await conversionsOf(order.id)
        expect(conversions).toHaveLength(1)
        // The store path's amount rule: items after discounts (100 - 10 %), no tax or shipping; 10 % commission.
        expect(conversions[0]).toMatchObject({
          campaign_id: couponFirst.id,
          affiliate_id: influencer.id,
          source: "coupon",
          promotion_code: setup.promoCode,
          click_id: null,
          status: "pending",
          order_currency: "usd",
        })
        expect(String(conversions[0].order_total)).toBe("90")
        expect(String(conversions[0].commission_amount)).toBe("9")
        expect(await service().listAffiliateOutboundDeliveries({ conversion_id: conversions[0].id })).toHaveLength(0)
        expect(await logOf(order.id)).toEqual([expect.objectContaining({ outcome: "success", reason: "coupon" })])
        const widget = await get(`/orders/${order.id}/attribution`)
        expect(widget.data.attribution).toBeNull()
        expect(widget.data.conversions).toEqual([expect.objectContaining({ source: "coupon", promotion_code: setup.promoCode })])
      })

      it("a click-only order credits the click (and is forwarded, with consent)", async () => {
        const order = await checkout({ click: { campaign: couponFirst.handle } })
        const conversions = await conversionsOf(order.id)
        expect(conversions).toHaveLength(1)
        expect(conversions[0]).toMatchObject({ affiliate_id: clicker.id, source: "store", promotion_code: null })
        expect(String(conversions[0].order_total)).toBe("100")
        expect(await service().listAffiliateOutboundDeliveries({ conversion_id: conversions[0].id })).toHaveLength(1)
        expect(await logOf(order.id)).toEqual([expect.objectContaining({ outcome: "success", reason: "recorded" })])
      })

      it("both in a campaign whose precedence is coupon (the default): the code's affiliate is credited, once, and the reason says so", async () => {
        const order = await checkout({ promo: setup.promoCode, click: { campaign: couponFirst.handle } })
        const conversions = await conversionsOf(order.id)
        expect(conversions).toHaveLength(1)
        expect(conversions[0]).toMatchObject({ campaign_id: couponFirst.id, affiliate_id: influencer.id, source: "coupon" })
        expect(await service().listAffiliateOutboundDeliveries({ conversion_id: conversions[0].id })).toHaveLength(0)
        expect(await logOf(order.id)).toEqual([expect.objectContaining({ outcome: "success", reason: "coupon_over_click" })])
      })

      it("both in a campaign whose precedence is click: the click's affiliate is credited, once, and the reason says so", async () => {
        const order = await checkout({ promo: CLICK_FIRST_CODE, click: { campaign: clickFirst.handle } })
        const conversions = await conversionsOf(order.id)
        expect(conversions).toHaveLength(1)
        expect(conversions[0]).toMatchObject({ campaign_id: clickFirst.id, affiliate_id: clicker.id, source: "store" })
        expect(await logOf(order.id)).toEqual([expect.objectContaining({ outcome: "success", reason: "click_over_coupon" })])
      })

      it("the code counts without consent: a click with consent denied and a code credit the code, and only once when the event comes again", async () => {
        const order = await checkout({ promo: CLICK_FIRST_CODE, click: { campaign: clickFirst.handle, consent: "denied" } })
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const again = subscribersDone(getContainer(), "order.placed")
        await eventBus.emit({ name: "order.placed", data: { id: order.id } })
        await again
        const conversions = await conversionsOf(order.id)
        expect(conversions).toHaveLength(1)
        expect(conversions[0]).toMatchObject({ affiliate_id: influencer.id, source: "coupon", duplicate_count: 1 })
        expect((await logOf(order.id)).map((l) => [l.outcome, l.reason]).sort()).toEqual([
          ["duplicate", "order already recorded"],
          ["success", "coupon"],
        ])
      })

      it("a code of a paused affiliate credits no one and the request log says why", async () => {
        await service().updateAffiliates({ id: influencer.id, status: "paused" })
        const order = await checkout({ promo: setup.promoCode })
        expect(await conversionsOf(order.id)).toHaveLength(0)
        expect((await logOf(order.id)).map((l) => [l.outcome, l.reason]).sort()).toEqual([
          ["skipped", "coupon_affiliate_paused"],
          ["skipped", "no_attribution"],
        ])
      })

      it("a canceled coupon order reverses its conversion", async () => {
        const order = await checkout({ promo: setup.promoCode })
        const canceled = subscribersDone(getContainer(), "order.canceled")
        const res = await api.post(`/admin/orders/${order.id}/cancel`, {}, opts())
        expect(res.status).toBe(200)
        await canceled
        const [conversion] = await conversionsOf(order.id)
        expect(conversion).toMatchObject({ source: "coupon", status: "reversed", status_reason: "order canceled" })
      })
    })

    describe("lead campaigns", () => {
      it("refuses a lead campaign with a percentage commission, on create and once merged on update", async () => {
        const created = await post("/campaigns", { name: "Leads", target_url: "https://shop.example.com/", tool_type: "lead", commission_value: "10" })
        expect(created.status).toBe(400)
        expect(created.data.message).toContain("commission_type must be flat for a lead campaign")
        const updated = await post(`/campaigns/${couponFirst.id}`, { tool_type: "lead" })
        expect(updated.status).toBe(400)
        expect(updated.data.message).toContain("flat")
      })

      it("records a lead over S2S without an order total, once; the setup's table and cURL say so", async () => {
        const lead = await createCampaign({ name: "Newsletter sign-ups", tool_type: "lead", commission_type: "flat", commission_value: "2.50", currency_code: "eur" })
        const setupRes = await get(`/campaigns/${lead.id}/s2s`)
        expect(setupRes.data.parameters.filter((p: any) => p.required).map((p: any) => p.name)).toEqual(["api_key", "click_token", "order_id"])
        const example = JSON.parse(setupRes.data.example_curl.match(/-d '(.*)'$/)[1])
        expect(example).toEqual({ click_token: expect.any(String), order_id: "LEAD-1001" })

        const apiKey = setupRes.data.api_key
        const token = await clickToken(api, lead.handle, clicker.code)
        const report = (body: Record<string, unknown>) =>
          api.post("/integration/s2sConvert", { click_token: token, ...body }, { headers: { "X-API-Key": apiKey }, validateStatus: () => true })
        const first = await report({ order_id: "SIGNUP-1" })
        expect(first.data).toMatchObject({ status: "success", conversion_id: expect.stringMatching(/^aconv_/) })
        const [conversion] = await service().listAffiliateConversions({ id: first.data.conversion_id })
        expect(conversion).toMatchObject({ order_id: "SIGNUP-1", order_currency: "eur", commission_currency: "eur", source: "s2s" })
        expect(String(conversion.order_total)).toBe("0")
        expect(String(conversion.commission_amount)).toBe("2.5")

        const again = await report({ order_id: "SIGNUP-1" })
        expect(again.data).toMatchObject({ status: "duplicate", conversion_id: first.data.conversion_id })
        const withTotalOnly = await report({ order_id: "SIGNUP-2", order_total: "12.00" })
        expect(withTotalOnly.status).toBe(400)
        expect(withTotalOnly.data.errors).toEqual([{ field: "order_currency", message: "is required with order_total" }])
        // A sale campaign still needs its total.
        const saleKey = (await get(`/campaigns/${couponFirst.id}/s2s`)).data.api_key
        const saleToken = await clickToken(api, couponFirst.handle, clicker.code)
        const sale = await api.post("/integration/s2sConvert", { click_token: saleToken, order_id: "O-1" }, { headers: { "X-API-Key": saleKey }, validateStatus: () => true })
        expect(sale.status).toBe(400)
        expect(sale.data.errors.map((e: any) => e.field)).toEqual(["order_total", "order_currency"])
      })
    })
  },
})
