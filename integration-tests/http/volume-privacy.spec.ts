import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AxiosInstance } from "axios"
import { applyRetentionWorkflow } from "../../src/workflows/retention/workflows/apply-retention"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickLink, createAffiliate, createCampaign } from "../helpers/fixtures"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { subscribersDone } from "../helpers/events"
import { allowPrivateTargets } from "../helpers/private-targets"

jest.setTimeout(180_000)

// The erasure test's network echoes on loopback.
allowPrivateTargets()

const SHOPPER_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 ErasureTestBrowser/1.0"
const REFERRER = "https://blog.example.org/erasure-test-post"

/*
 * The admin at volume (lists paged by cursor, totals that say whether they are exact), retention
 * of the request log and of click details, and erasure on request, over the admin API.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let setup: StoreSetup
    const container = () => getContainer() as unknown as MedusaContainer
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
    const get = (path: string, params: Record<string, unknown> = {}) =>
      api.get(`/admin/affiliate${path}`, { ...admin.headers, params, validateStatus: () => true })

    beforeAll(async () => {
      admin = await createAdminAndLogin(api as AxiosInstance, container())
      setup = await setupStore(getContainer())
    })

    // Each a shopper of their own (one browser through one link within an hour reuses its click).
    let shoppers = 0
    async function shopperClick(handle: string, code: string, query: Record<string, string> = {}, referrer = REFERRER) {
      const res = await clickLink(api, handle, { aff: code, ...query }, { "User-Agent": `${SHOPPER_UA} shopper/${++shoppers}`, Referer: referrer })
      return new URL(res.headers.location).searchParams.get("click_token")!
    }

    /** A network that echoes what it was sent in its answer, as some do: the attempt's excerpt then holds the token. */
    async function echoingNetwork(): Promise<{ url: string; close: () => void }> {
      const server: Server = createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", () => res.writeHead(200, { "Content-Type": "text/plain" }).end(`received ${req.url} ${body}`))
      })
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/postback`, close: () => server.close() }
    }

    describe("lists of the tables that grow", () => {
      it("page newest first by cursor, say whether the total is exact, and refuse what they cannot page", async () => {
        const { campaign } = await createCampaign(container())
        const affiliate = await createAffiliate(container())
        for (let i = 0; i < 5; i++) await shopperClick(campaign.handle, affiliate.code)

        const seen: string[] = []
        let after: string | undefined
        do {
          const page = await get("/clicks", { campaign_id: campaign.id, limit: 2, ...(after ? { after } : {}) })
          expect(page.status).toBe(200)
          expect(page.data).toMatchObject({ count: 5, count_type: "exact", limit: 2 })
          seen.push(...page.data.clicks.map((c: { id: string }) => c.id))
          after = page.data.next_cursor ?? undefined
        } while (after)
        expect(new Set(seen).size).toBe(5)
        const all = await get("/clicks", { campaign_id: campaign.id })
        expect(all.data.clicks.map((c: { id: string }) => c.id)).toEqual(seen)
        expect(all.data.next_cursor).toBeNull()

        for (const params of [{ after: "not a cursor!" }, { after: "bm90LWEtY3Vyc29y" }, { offset: 20_000 }, { order: "created_at", after: seen[0] }]) {
          const res = await get("/clicks", params)
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(/after|offset/)
        }
        // Another order pages with offset and an exact count.
        const oldest = await get("/clicks", { campaign_id: campaign.id, order: "created_at", limit: 2 })
        expect(oldest.data).toMatchObject({ count: 5, count_type: "exact", next_cursor: null })
        expect(oldest.data.clicks.map((c: { id: string }) => c.id)).toEqual([seen[4], seen[3]])
      })

      it("validates limit and offset the same way on every list", async () => {
        for (const list of ["/campaigns", "/affiliates", "/clicks", "/conversions", "/requests", "/outbound-deliveries", "/erasures"]) {
          for (const params of [{ limit: -1 }, { offset: -1 }, { limit: 1001 }, { limit: "many" }]) {
            const res = await get(list, params)
            expect([list, res.status]).toEqual([list, 400])
          }
          expect((await get(list, { limit: 1 })).status).toBe(200)
        }
        expect((await get("/campaigns", { after: "abc" })).status).toBe(400)
      })
    })

    describe("retention", () => {
      it("shows its settings, runs on request, and reports what it removed", async () => {
        const { campaign } = await createCampaign(container())
        const affiliate = await createAffiliate(container())
        const token = await shopperClick(campaign.handle, affiliate.code)
        // A click whose window ended 40 days ago (grace 30) and a request-log row of 100 days ago.
        await db()("affiliate_click").where({ click_token: token }).update({ expires_at: db().raw("now() - interval '40 days'") })
        await affiliateService(container()).logRequest({
          request_id: "req_old", source: "s2s", method: "POST", outcome: "error", http_status: 401, reason: "missing API key",
          campaign_id: campaign.id, key_prefix: null, order_id: null, click_token: null, conversion_id: null, is_test: false,
        })
        await db()("affiliate_request_log").where({ request_id: "req_old" }).update({ created_at: db().raw("now() - interval '100 days'") })

        const before = await get("/retention")
        expect(before.data).toMatchObject({ request_log_days: 90, click_details_grace_days: 30, runs: [] })
        const started = await api.post("/admin/affiliate/retention/run", {}, { ...admin.headers, validateStatus: () => true })
        expect(started.status).toBe(202)
        let runs: any[] = []
        for (let i = 0; i < 50 && !(runs[0]?.status === "finished"); i++) {
          await new Promise((r) => setTimeout(r, 200))
          runs = (await get("/retention")).data.runs
        }
        expect(runs[0]).toMatchObject({ status: "finished", request_logs_deleted: 1, clicks_cleared: 1, request_log_days: 90, click_details_grace_days: 30 })
        expect(runs[0].finished_at).toBeTruthy()
        const [click] = await db()("affiliate_click").where({ click_token: token })
        expect(click).toMatchObject({ user_agent: null, referrer: null, ip_hash: null, landing_url: null })
        expect(click.details_cleared_at).toBeTruthy()
        expect(await db()("affiliate_request_log").where({ request_id: "req_old" })).toHaveLength(0)
        // The click still counts.
        expect((await get("/stats/campaigns", { campaign_id: campaign.id })).data.stats[0].clicks).toBe(1)

        // The job's workflow: a second pass finds nothing left to do.
        const { result } = await applyRetentionWorkflow(container()).run({ input: {} })
        expect(result).toMatchObject({ status: "finished", request_logs_deleted: 0, clicks_cleared: 0 })
        expect((await api.get("/admin/affiliate/retention", { validateStatus: () => true })).status).toBe(401)
      })
    })

    describe("erasure on request", () => {
      it("erases one shopper's data everywhere by email in any case, keeps what the affiliate is owed, and logs counts only", async () => {
        const network = await echoingNetwork()
        const { campaign, apiKey } = await createCampaign(container(), { commission_value: 10, outbound_url: network.url, outbound_method: "GET" })
        const affiliate = await createAffiliate(container())
        // Medusa keeps an order's email as the shopper typed it; the erasure request comes in lower case.
        const typed = "Erase.Me@Shopper.Example"
        const email = "erase.me@shopper.example"
        const token = await shopperClick(campaign.handle, affiliate.code, { sub1: typed }, `${REFERRER}?from=${encodeURIComponent(typed)}`)
        const placed = subscribersDone(getContainer(), "order.placed")
        const { order } = await placeOrder(api as AxiosInstance, setup, {
          email: typed,
          beforeComplete: async (cartId) => {
            await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) })
          },
        })
        await placed
        // The shop's own system also reported the order over S2S, with browser context (a duplicate).
        await api.post(
          "/integration/s2sConvert",
          { click_token: token, order_id: order.id, order_total: "100", order_currency: "USD", user_agent: SHOPPER_UA, ip: "198.51.100.23", context: "checkout-erasure-test", metadata: { note: email } },
          { headers: { "X-API-Key": apiKey }, validateStatus: () => true }
        )
        const [conversion] = await affiliateService(container()).listAffiliateConversions({ order_id: order.id })
        const [attempt] = await db()("affiliate_outbound_attempt")
        expect(attempt.response_excerpt).toContain(token)
        network.close()
        const statsBefore = (await get("/stats/campaigns", { campaign_id: campaign.id })).data.stats

        const refused = await api.post("/admin/affiliate/erasures", { email, order_id: order.id }, { ...admin.headers, validateStatus: () => true })
        expect(refused.status).toBe(400)
        const erased = await api.post("/admin/affiliate/erasures", { email }, admin.headers)
        expect(erased.data).toMatchObject({ matched: true, message: expect.stringMatching(/^Erased: 1 order/) })
        expect(erased.data.erasure).toMatchObject({ scope: "email", orders_matched: 1, conversions_cleared: 1, clicks_cleared: 1, attributions_deleted: 1, deliveries_cleared: 1 })
        expect(erased.data.erasure.request_logs_deleted).toBeGreaterThanOrEqual(2)

        // Nothing personal remains in any of the plugin's tables.
        const tables = (await db().raw(`select tablename from pg_tables where schemaname = 'public' and tablename like 'affiliate%'`)).rows
        const dump: string[] = []
        for (const { tablename } of tables) {
          dump.push(JSON.stringify((await db().raw(`select row_to_json(t)::text as r from "${tablename}" t`)).rows))
        }
        const everything = dump.join("\n")
        for (const personal of [SHOPPER_UA, REFERRER, email, typed, encodeURIComponent(typed), "198.51.100.23", "checkout-erasure-test", token]) {
          expect(everything).not.toContain(personal)
        }
        const [kept] = await affiliateService(container()).listAffiliateConversions({ order_id: order.id })
        expect(String(kept.commission_amount)).toBe(String(conversion.commission_amount))
        expect(kept.user_agent).toBeNull()
        expect((await get("/stats/campaigns", { campaign_id: campaign.id })).data.stats).toEqual(statsBefore)

        const log = await get("/erasures")
        expect(log.data).toMatchObject({ count: 1, erasures: [expect.objectContaining({ scope: "email", orders_matched: 1 })] })
        expect(JSON.stringify(log.data)).not.toContain(email)
        expect(JSON.stringify(log.data)).not.toContain(order.id)
      })

      it("says plainly when nothing matched, by email or by order id", async () => {
        const byEmail = await api.post("/admin/affiliate/erasures", { email: "nobody@nowhere.example" }, admin.headers)
        expect(byEmail.data).toMatchObject({ matched: false, erasure: { orders_matched: 0, conversions_cleared: 0 } })
        expect(byEmail.data.message).toMatch(/^Nothing matched: no order was placed with this email/)
        const byOrder = await api.post("/admin/affiliate/erasures", { order_id: "EXT-UNKNOWN-1" }, admin.headers)
        expect(byOrder.data).toMatchObject({ matched: false })
        expect(byOrder.data.message).toMatch(/^Nothing matched: the plugin holds nothing about this order id/)
      })
    })
  },
})
