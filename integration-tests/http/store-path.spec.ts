import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { recordStoreConversionWorkflow } from "../../src/workflows/store/workflows/record-store-conversion"
import { affiliateService, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { expectDocumented } from "../helpers/openapi"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { subscribersDone } from "../helpers/events"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let campaign: { id: string; handle: string }
    let apiKey: string
    let code: string

    beforeAll(async () => {
      const container = getContainer()
      setup = await setupStore(container)
      const created = await createCampaign(container, { commission_value: 10 })
      campaign = created.campaign
      apiKey = created.apiKey
      code = (await createAffiliate(container)).code
    })

    const headers = () => storeHeaders(setup)
    const capture = (cartId: string, body: Record<string, unknown>, extra: Record<string, string> = {}) =>
      api.post(`/store/carts/${cartId}/affiliate`, body, { headers: { ...headers(), ...extra }, validateStatus: () => true })
    const service = () => affiliateService(getContainer())
    const conversions = () => service().listAffiliateConversions({ campaign_id: campaign.id })
    const requestLog = (orderId: string) => service().listAffiliateRequestLogs({ order_id: orderId, source: "store" })

    /** Places a real order, waiting for the plugin's order.placed subscriber to finish. */
    async function checkout(beforeComplete?: (cartId: string) => Promise<unknown>, promo = true) {
      const handled = subscribersDone(getContainer(), "order.placed")
      const { order, cart_id } = await placeOrder(api as AxiosInstance, setup, {
        promoCode: promo ? setup.promoCode : undefined,
        beforeComplete: beforeComplete ? async (cartId) => void (await beforeComplete(cartId)) : undefined,
      })
      await handled
      return { order, cart_id }
    }

    describe("capture", () => {
      it("stores the token and consent on the cart, joined by a module link; the newest token wins", async () => {
        const first = await clickToken(api, campaign.handle, code)
        const second = await clickToken(api, campaign.handle, code)
        const { data: cart } = await api.post("/store/carts", { region_id: setup.regionId }, { headers: headers() })
        const cartId = cart.cart.id
        expect((await capture(cartId, { click_token: first, consent: "denied" })).status).toBe(200)
        const res = await capture(cartId, { click_token: second, consent: "granted", consent_source: "cookie-banner" })
        expect(res.status).toBe(200)
        expect(res.data.attribution).toMatchObject({ click_token: second, consent: "granted", token_source: "body", consent_source: "cookie-banner" })
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "cart", fields: ["id", "affiliate_attribution.*"], filters: { id: cartId } })
        expect(data[0].affiliate_attribution).toMatchObject({ click_token: second, consent: "granted" })
      })

      it("refuses an unknown, case-altered or expired token with 422 and leaves the cart unchanged", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { data: cart } = await api.post("/store/carts", { region_id: setup.regionId }, { headers: headers() })
        const cartId = cart.cart.id
        await capture(cartId, { click_token: token, consent: "granted" })
        const flipped = token.replace(/[A-Za-z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
        for (const bad of ["nope", flipped, token + " "]) {
          const res = await capture(cartId, { click_token: bad, consent: "denied" })
          expect(res.status).toBe(422)
          expect(res.data.message).toBe("Unknown click_token")
        }
        const expiring = await clickToken(api, campaign.handle, code)
        const [click] = await service().listAffiliateClicks({ click_token: expiring })
        await service().updateAffiliateClicks({ id: click.id, expires_at: new Date(Date.now() - 1000) })
        expect((await capture(cartId, { click_token: expiring, consent: "granted" })).data.message).toBe("click_token expired")
        const [attribution] = await service().listAffiliateAttributions({ cart_id: cartId })
        expect(attribution).toMatchObject({ click_token: token, consent: "granted" })
      })

      it("takes the token from the affiliate link's cookie, updates consent alone, and DELETE removes it", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { data: cart } = await api.post("/store/carts", { region_id: setup.regionId }, { headers: headers() })
        const cartId = cart.cart.id
        const viaCookie = await capture(cartId, { consent: "denied" }, { Cookie: `affiliate_click_token=${token}` })
        expect(viaCookie.data.attribution).toMatchObject({ click_token: token, token_source: "cookie", consent: "denied" })
        const consentOnly = await capture(cartId, { consent: "granted" })
        expect(consentOnly.data.attribution).toMatchObject({ click_token: token, consent: "granted" })
        const removed = await api.delete(`/store/carts/${cartId}/affiliate`, { headers: headers() })
        expect(removed.data.deleted).toBe(true)
        expect(await service().listAffiliateAttributions({ cart_id: cartId })).toHaveLength(0)
      })

      it("takes concurrent captures for a new cart without a server error, keeping one attribution", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { data: cart } = await api.post("/store/carts", { region_id: setup.regionId }, { headers: headers() })
        const answers = await Promise.all([1, 2, 3, 4, 5].map(() => capture(cart.cart.id, { click_token: token, consent: "granted" })))
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
        expect(await service().listAffiliateAttributions({ cart_id: cart.cart.id })).toHaveLength(1)
      })

      it("answers 400 without consent and 404 for an unknown cart", async () => {
        const { data: cart } = await api.post("/store/carts", { region_id: setup.regionId }, { headers: headers() })
        expect((await capture(cart.cart.id, { click_token: "x" })).status).toBe(400)
        expect((await capture("cart_nope", { consent: "granted" })).status).toBe(404)
      })

      it("records a click for storefronts that receive affiliate traffic directly", async () => {
        const res = await api.post(
          "/store/affiliate/clicks",
          { campaign: campaign.handle, aff: code, sub1: "spring", user_agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15" },
          { headers: headers() }
        )
        expect(res.status).toBe(201)
        expect(res.data.click_token).toMatch(/^[0-9A-Za-z]{22}$/)
        expect(new Date(res.data.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)
        const [click] = await service().listAffiliateClicks({ click_token: res.data.click_token })
        expect(click).toMatchObject({ sub1: "spring", device_type: "desktop" })
      })
    })

    describe("OpenAPI", () => {
      it("answers the store routes as the public document describes", async () => {
        const CART_PATH = "/store/carts/{id}/affiliate"
        const { data: cart } = await api.post("/store/carts", { region_id: setup.regionId }, { headers: headers() })
        const cartId = cart.cart.id
        const token = await clickToken(api, campaign.handle, code)
        expectDocumented("post", CART_PATH, await capture(cartId, { click_token: token, consent: "granted", consent_source: "banner" }))
        expectDocumented("post", CART_PATH, await capture(cartId, { click_token: "unknown", consent: "granted" }))
        expectDocumented("post", CART_PATH, await capture(cartId, { consent: "maybe" }))
        expectDocumented("post", CART_PATH, await capture("cart_nope", { consent: "granted" }))
        const remove = (id: string) => api.delete(`/store/carts/${id}/affiliate`, { headers: headers(), validateStatus: () => true })
        expectDocumented("delete", CART_PATH, await remove(cartId))
        expectDocumented("delete", CART_PATH, await remove("cart_nope"))

        const click = (body: Record<string, unknown>, extra: Record<string, string> = {}) =>
          api.post("/store/affiliate/clicks", body, { headers: { ...headers(), ...extra }, validateStatus: () => true })
        const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15"
        const recorded = await click({ campaign: campaign.handle, aff: code, user_agent: browser })
        expect(recorded.status).toBe(201)
        expectDocumented("post", "/store/affiliate/clicks", recorded)
        const crawler = await click({ campaign: campaign.handle, aff: code, user_agent: "Googlebot/2.1 (+http://www.google.com/bot.html)" })
        expect(crawler.status).toBe(200)
        expectDocumented("post", "/store/affiliate/clicks", crawler)
        expectDocumented("post", "/store/affiliate/clicks", await click({ campaign: "no-such-campaign", aff: code, user_agent: browser }))
      })
    })

    describe("order.placed", () => {
      it("records exactly one conversion with the item total after discounts, its currency and commission", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { order } = await checkout((cartId) => capture(cartId, { click_token: token, consent: "granted" }))
        const rows = await conversions()
        expect(rows).toHaveLength(1)
        // 100 USD item, 10 % promotion, 10 USD shipping not counted: 90; 10 % commission: 9.
        expect(rows[0]).toMatchObject({ order_id: order.id, order_currency: "usd", source: "store", status: "pending" })
        expect(String(rows[0].order_total)).toBe("90")
        expect(String(rows[0].commission_amount)).toBe("9")
        const [decision] = await requestLog(order.id)
        expect(decision).toMatchObject({ outcome: "success", conversion_id: rows[0].id })
      })

      it.each([
        ["consent denied", "denied", "consent_not_granted"],
        ["consent absent", null, "no_click_token_or_consent"],
        ["no attribution", undefined, "no_attribution"],
      ])("records nothing with %s, and says why", async (_label, consent, reason) => {
        const token = await clickToken(api, campaign.handle, code)
        const { order } = await checkout(
          consent === undefined
            ? undefined
            : consent === null
              ? (cartId) => capture(cartId, { click_token: token, consent: "denied" }).then(() => service().listAffiliateAttributions({ cart_id: cartId })).then(([a]) => service().updateAffiliateAttributions({ id: a.id, consent: null } as any))
              : (cartId) => capture(cartId, { click_token: token, consent })
        )
        expect(await conversions()).toHaveLength(0)
        const [decision] = await requestLog(order.id)
        expect(decision.outcome).toBe("skipped")
        expect(decision.reason).toBe(reason === "no_click_token_or_consent" ? "consent_not_granted" : reason)
        expect(await service().listAffiliateOutboundDeliveries({})).toHaveLength(0)
      })

      it("records one conversion when consent is denied, then granted before checkout", async () => {
        const token = await clickToken(api, campaign.handle, code)
        await checkout(async (cartId) => {
          await capture(cartId, { click_token: token, consent: "denied" })
          await capture(cartId, { consent: "granted" })
        })
        expect(await conversions()).toHaveLength(1)
      })

      it("records nothing for a click whose window ended before the order", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { order } = await checkout(async (cartId) => {
          await capture(cartId, { click_token: token, consent: "granted" })
          const [click] = await service().listAffiliateClicks({ click_token: token })
          await service().updateAffiliateClicks({ id: click.id, expires_at: new Date(Date.now() - 1000) })
        })
        expect(await conversions()).toHaveLength(0)
        expect((await requestLog(order.id))[0].reason).toBe("click_expired")
      })

      it("records one conversion when the event comes twice and the workflow runs twice at once", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { order } = await checkout((cartId) => capture(cartId, { click_token: token, consent: "granted" }))
        const container = getContainer()
        await Promise.all([1, 2, 3].map(() => recordStoreConversionWorkflow(container).run({ input: { order_id: order.id } })))
        const eventBus = container.resolve(Modules.EVENT_BUS)
        const again = subscribersDone(getContainer(), "order.placed")
        await eventBus.emit({ name: "order.placed", data: { id: order.id } })
        await again
        const rows = await conversions()
        expect(rows).toHaveLength(1)
        expect(rows[0].duplicate_count).toBe(4)
        const outcomes = (await requestLog(order.id)).map((d) => d.outcome).sort()
        expect(outcomes).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "success"])
      })

      it("credits a newer click sent after consent was already granted with an older one", async () => {
        const older = await clickToken(api, campaign.handle, code)
        const newer = await clickToken(api, campaign.handle, code)
        const { order } = await checkout(async (cartId) => {
          expect((await capture(cartId, { click_token: older, consent: "granted" })).data.attribution.click_token).toBe(older)
          // What the storefront helper sends at checkout: the newest kept token, with the same answer.
          const res = await capture(cartId, { click_token: newer, consent: "granted", consent_source: "consent-cookie" })
          expect(res.data.attribution).toMatchObject({ click_token: newer, consent: "granted", consent_source: "consent-cookie" })
        })
        const [row] = (await conversions()).filter((c) => c.order_id === order.id)
        const [click] = await service().listAffiliateClicks({ click_token: newer })
        expect(row.click_id).toBe(click.id)
      })

      it("credits every order of a click by default; orders_per_click first skips the next one as click_already_converted", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const grant = (cartId: string) => capture(cartId, { click_token: token, consent: "granted" })
        const first = await checkout(grant, false)
        const second = await checkout(grant, false)
        expect((await conversions()).map((c) => c.order_id).sort()).toEqual([first.order.id, second.order.id].sort())

        await service().updateAffiliateCampaigns({ id: campaign.id, orders_per_click: "first" })
        try {
          const third = await checkout(grant, false)
          expect((await conversions()).some((c) => c.order_id === third.order.id)).toBe(false)
          const [decision] = await requestLog(third.order.id)
          expect(decision).toMatchObject({ outcome: "skipped", reason: "click_already_converted", campaign_id: campaign.id })
          // The event delivered again for the first order is still its duplicate, not a repeat order.
          await recordStoreConversionWorkflow(getContainer()).run({ input: { order_id: first.order.id } })
          expect((await requestLog(first.order.id)).map((d) => d.outcome).sort()).toEqual(["duplicate", "success"])
          // A newer click of the same shopper starts again.
          const newer = await clickToken(api, campaign.handle, code)
          const fourth = await checkout((cartId) => capture(cartId, { click_token: newer, consent: "granted" }), false)
          expect((await conversions()).some((c) => c.order_id === fourth.order.id)).toBe(true)
        } finally {
          await service().updateAffiliateCampaigns({ id: campaign.id, orders_per_click: "every" })
        }
      })

      it("answers duplicate to an external S2S call for an order the store already recorded", async () => {
        const token = await clickToken(api, campaign.handle, code)
        const { order } = await checkout((cartId) => capture(cartId, { click_token: token, consent: "granted" }))
        const res = await api.post("/integration/s2sConvert", {
          api_key: apiKey, click_token: token, order_id: order.id, order_total: "90", order_currency: "usd",
        })
        expect(res.data.status).toBe("duplicate")
        expect(await conversions()).toHaveLength(1)
      })
    })
  },
})
