import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance, AxiosRequestConfig } from "axios"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"

jest.setTimeout(120_000)

const BASE = "/admin/affiliate"
const KEY = /^s2s_[0-9A-Za-z]{32,}$/
const REQUIRED = ["api_key", "click_token", "order_id", "order_total", "order_currency"]

const campaignBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Summer Sale",
  type: "banner",
  tool_type: "sale",
  target_url: "https://shop.example.com/landing?utm_source=aff",
  commission_type: "percentage",
  commission_value: "12.5",
  ...overrides,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: AdminAuth
    const service = () => getContainer().resolve<AffiliateModuleService>(AFFILIATE_MODULE)

    // Created before the runner snapshots the database, so every test starts with this admin.
    beforeAll(async () => {
      auth = await createAdminAndLogin(api as AxiosInstance, getContainer() as MedusaContainer)
    })

    const opts = (extra: AxiosRequestConfig = {}): AxiosRequestConfig => ({
      ...auth.headers,
      validateStatus: () => true,
      ...extra,
    })
    const get = (path: string, params?: Record<string, unknown>) => api.get(`${BASE}${path}`, opts({ params }))
    const post = (path: string, body: unknown = {}) => api.post(`${BASE}${path}`, body, opts())
    const del = (path: string) => api.delete(`${BASE}${path}`, opts())

    const createCampaign = async (overrides: Record<string, unknown> = {}) => {
      const res = await post("/campaigns", campaignBody(overrides))
      expect(res.status).toBe(200)
      return res.data.campaign
    }
    const createAffiliate = async (overrides: Record<string, unknown> = {}) => {
      const res = await post("/affiliates", { code: "anna_01", name: "Anna", email: "anna@example.com", ...overrides })
      expect(res.status).toBe(200)
      return res.data.affiliate
    }

    /** A campaign, an affiliate, a click and conversions inserted through the module service. */
    const seedConversions = async (
      rows: { order_id: string; status?: string; is_test?: boolean; source?: "s2s" | "store" }[]
    ) => {
      const campaign = await createCampaign()
      const affiliate = await createAffiliate()
      const click = await service().createAffiliateClicks({
        click_token: `tok${Date.now()}${Math.random().toString(36).slice(2)}`,
        landing_url: "https://shop.example.com/landing",
        expires_at: new Date(Date.now() + 86_400_000),
        campaign_id: campaign.id,
        affiliate_id: affiliate.id,
      } as any)
      const conversions = await service().createAffiliateConversions(
        rows.map((r) => ({
          order_total: "100.00",
          order_currency: "usd",
          commission_amount: "12.50",
          commission_currency: "usd",
          source: "s2s",
          occurred_at: new Date(),
          campaign_id: campaign.id,
          affiliate_id: affiliate.id,
          click_id: click.id,
          ...r,
        })) as any
      )
      return { campaign, affiliate, click, conversions }
    }

    describe("authentication", () => {
      it("refuses the admin API without an admin token", async () => {
        const res = await api.get(`${BASE}/campaigns`, { validateStatus: () => true })
        expect(res.status).toBe(401)
      })
    })

    describe("campaigns", () => {
      it("creates a campaign with a derived handle, defaults and an S2S key shown in the setup", async () => {
        const campaign = await createCampaign({ name: "Été Summer Sale!", currency_code: "EUR" })
        expect(campaign).toMatchObject({
          id: expect.stringMatching(/^acmp_/),
          name: "Été Summer Sale!",
          handle: "ete-summer-sale",
          type: "banner",
          tool_type: "sale",
          integration_method: "s2s",
          commission_type: "percentage",
          commission_value: 12.5,
          // A percentage is paid in the order's currency: a campaign currency is dropped.
          currency_code: null,
          attribution_window_days: 30,
          orders_per_click: "every",
          status: "active",
          allowed_redirect_hosts: [],
        })

        const res = await get(`/campaigns/${campaign.id}/s2s`)
        expect(res.status).toBe(200)
        const setup = res.data
        expect(setup.api_key).toMatch(KEY)
        expect(setup.method).toBe("POST")
        expect(setup.endpoint_url).toMatch(/^https?:\/\/[^/]+\/integration\/s2sConvert$/)
        expect(setup.parameters.filter((p: any) => p.required).map((p: any) => p.name)).toEqual(REQUIRED)
        for (const p of setup.parameters) expect(p).toEqual({ name: expect.any(String), required: expect.any(Boolean), description: expect.any(String) })
        expect(setup.example_curl).toContain(setup.api_key)
        expect(setup.example_curl).toContain(setup.endpoint_url)
        expect(setup.example_curl).toMatch(/^curl -X POST /)
        for (const name of ["click_token", "order_id", "order_total", "order_currency"]) {
          expect(setup.example_curl).toContain(`"${name}"`)
        }
        expect(setup.previous_key_expires_at).toBeNull()

        // The key is shown by this endpoint only: no `fields` trick brings the key rows into a campaign.
        for (const fields of ["*api_keys", "+api_keys.key_ciphertext", "api_keys.key_hash"]) {
          const res = await get(`/campaigns/${campaign.id}`, { fields })
          expect(res.status).toBe(200)
          expect(res.data.campaign.id).toBe(campaign.id)
          expect(JSON.stringify(res.data)).not.toMatch(/api_keys|key_ciphertext|key_hash|s2s_/)
        }
      })

      it("numbers a derived handle that is taken, and refuses an explicit one that is taken", async () => {
        const first = await createCampaign({ name: "Black Friday" })
        const second = await createCampaign({ name: "Black Friday" })
        expect([first.handle, second.handle]).toEqual(["black-friday", "black-friday-2"])

        const res = await post("/campaigns", campaignBody({ name: "Other", handle: "black-friday" }))
        expect(res.status).toBe(422)
        expect(res.data.message).toMatch(/handle "black-friday" already exists/)
      })

      it("lists campaigns the Medusa way, with count, limit, offset, search and filters", async () => {
        for (const [name, type, status] of [
          ["Alpha banner", "banner", "active"],
          ["Beta text", "text", "paused"],
          ["Gamma video", "video", "active"],
        ]) {
          await createCampaign({ name, type, status })
        }
        const page = await get("/campaigns", { limit: 2, offset: 1, order: "name" })
        expect(page.status).toBe(200)
        expect(page.data).toMatchObject({ count: 3, limit: 2, offset: 1 })
        expect(page.data.campaigns.map((c: any) => c.name)).toEqual(["Beta text", "Gamma video"])

        const search = await get("/campaigns", { q: "GAMMA" })
        expect(search.data.campaigns.map((c: any) => c.name)).toEqual(["Gamma video"])
        const paused = await get("/campaigns", { status: "paused" })
        expect(paused.data.campaigns.map((c: any) => c.name)).toEqual(["Beta text"])
        const types = await get("/campaigns", { type: ["banner", "video"], order: "name" })
        expect(types.data).toMatchObject({ count: 2 })
        expect(types.data.campaigns.map((c: any) => c.type)).toEqual(["banner", "video"])

        const wildcard = await get("/campaigns", { q: "%" })
        expect(wildcard.data.count).toBe(0)
      })

      it.each([
        ["a relative target_url", { target_url: "/landing" }, /target_url/],
        ["a javascript: target_url", { target_url: "javascript:alert(1)" }, /target_url/],
        ["a percentage above 100", { commission_value: "100.01" }, /commission_value.*100/],
        ["a negative commission", { commission_value: -1 }, /commission_value/],
        ["a commission that is not a number", { commission_value: "ten" }, /commission_value/],
        ["a flat commission without currency", { commission_type: "flat", commission_value: "5" }, /currency_code/],
        ["a flat commission in an unknown currency", { commission_type: "flat", commission_value: "5", currency_code: "xyz" }, /currency_code/],
        ["a flat commission with too many decimals", { commission_type: "flat", commission_value: "5.001", currency_code: "usd" }, /commission_value/],
        ["an unknown type", { type: "popup" }, /type/],
        ["an unknown tool_type", { tool_type: "install" }, /tool_type/],
        ["an attribution window of 0 days", { attribution_window_days: 0 }, /attribution_window_days/],
        ["an attribution window of 366 days", { attribution_window_days: 366 }, /attribution_window_days/],
        ["a bad handle", { handle: "Summer Sale!" }, /handle/],
        ["a bad redirect host", { allowed_redirect_hosts: ["https://evil.example/"] }, /allowed_redirect_hosts/],
        ["an unknown field", { commision_value: 5 }, /commision_value/],
        ["a missing name", { name: undefined }, /name/],
        ["a NUL byte in the name", { name: "Sum\u0000mer" }, /name/],
        ["a NUL byte in metadata", { metadata: { note: "a\u0000b" } }, /metadata\.note/],
      ])("refuses %s with a 400 naming the field", async (_label, overrides, field) => {
        const res = await post("/campaigns", campaignBody(overrides))
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(field)
        expect((await get("/campaigns")).data.count).toBe(0)
      })

      it("stores a flat commission exactly, with its currency lower-cased", async () => {
        const campaign = await createCampaign({
          commission_type: "flat",
          commission_value: "1234567.89",
          currency_code: "EUR",
          allowed_redirect_hosts: ["Blog.Example.com", "shop.example.com:8443"],
        })
        expect(campaign).toMatchObject({ commission_value: 1234567.89, currency_code: "eur" })
        expect(campaign.allowed_redirect_hosts).toEqual(["blog.example.com", "shop.example.com:8443"])
        const [stored] = await service().listAffiliateCampaigns({ id: campaign.id }, { select: ["id", "raw_commission_value"] as any })
        expect((stored as any).raw_commission_value.value).toBe("1234567.89")
      })

      it("retrieves, updates and soft-deletes a campaign", async () => {
        const campaign = await createCampaign()
        expect((await get(`/campaigns/${campaign.id}`)).data.campaign).toMatchObject({ id: campaign.id, name: "Summer Sale" })

        const updated = await post(`/campaigns/${campaign.id}`, { name: "Winter Sale", status: "paused", commission_value: 20, orders_per_click: "first" })
        expect(updated.status).toBe(200)
        expect(updated.data.campaign).toMatchObject({ name: "Winter Sale", status: "paused", commission_value: 20, handle: campaign.handle, orders_per_click: "first" })
        const refused = await post(`/campaigns/${campaign.id}`, { orders_per_click: "second" })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("orders_per_click")

        const deleted = await del(`/campaigns/${campaign.id}`)
        expect(deleted.status).toBe(200)
        expect(deleted.data).toEqual({ id: campaign.id, object: "affiliate_campaign", deleted: true })
        expect((await get(`/campaigns/${campaign.id}`)).status).toBe(404)
        expect((await get("/campaigns")).data.count).toBe(0)
        expect((await del(`/campaigns/${campaign.id}`)).status).toBe(404)
      })

      it("checks an update's commission rule against the stored campaign", async () => {
        const campaign = await createCampaign({ commission_value: "50" })
        const toFlat = await post(`/campaigns/${campaign.id}`, { commission_type: "flat" })
        expect(toFlat.status).toBe(400)
        expect(toFlat.data.message).toMatch(/currency_code/)
        const above = await post(`/campaigns/${campaign.id}`, { commission_value: 101 })
        expect(above.status).toBe(400)
        expect(above.data.message).toMatch(/commission_value.*100/)

        const flat = await post(`/campaigns/${campaign.id}`, { commission_type: "flat", currency_code: "JPY", commission_value: 500 })
        expect(flat.status).toBe(200)
        expect(flat.data.campaign).toMatchObject({ commission_type: "flat", currency_code: "jpy", commission_value: 500 })

        const other = await createCampaign({ name: "Other" })
        const taken = await post(`/campaigns/${other.id}`, { handle: campaign.handle })
        expect(taken.status).toBe(422)
        expect((await post(`/campaigns/${campaign.id}`, { handle: campaign.handle })).status).toBe(200)
        expect((await post("/campaigns/acmp_missing", { name: "x" })).status).toBe(404)
      })

      it("regenerates the key: a new key at once, the old one kept only for the grace period", async () => {
        const campaign = await createCampaign({ commission_type: "flat", commission_value: "5", currency_code: "jpy" })
        const before = (await get(`/campaigns/${campaign.id}/s2s`)).data

        const now = await post(`/campaigns/${campaign.id}/s2s/regenerate`)
        expect(now.status).toBe(200)
        expect(now.data.api_key).toMatch(KEY)
        expect(now.data.api_key).not.toBe(before.api_key)
        expect(now.data.example_curl).toContain(now.data.api_key)
        expect(now.data.example_curl).toContain('"order_currency":"JPY"')
        expect(now.data.previous_key_expires_at).toBeNull()
        expect((await get(`/campaigns/${campaign.id}/s2s`)).data.api_key).toBe(now.data.api_key)

        const graced = await post(`/campaigns/${campaign.id}/s2s/regenerate`, { grace_period_hours: 24 })
        expect(graced.status).toBe(200)
        expect(graced.data.api_key).not.toBe(now.data.api_key)
        const ends = new Date(graced.data.previous_key_expires_at).getTime() - Date.now()
        expect(ends).toBeGreaterThan(23.9 * 3_600_000)
        expect(ends).toBeLessThanOrEqual(24 * 3_600_000)

        const bad = await post(`/campaigns/${campaign.id}/s2s/regenerate`, { grace_period_hours: 721 })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/grace_period_hours/)
        expect((await get("/campaigns/acmp_missing/s2s")).status).toBe(404)
        expect((await post("/campaigns/acmp_missing/s2s/regenerate")).status).toBe(404)
      })

      it("rejects bad list queries with a 400, never a 500", async () => {
        for (const params of [
          { limit: -1 },
          { offset: -5 },
          { limit: "many" },
          { status: "deleted" },
          { order: "api_keys" },
          { unknown_filter: "x" },
          { q: "\u0000" },
          { "a.b.c": "1" },
          { id: "\u0000" },
        ]) {
          const res = await get("/campaigns", params)
          expect([params, res.status]).toEqual([params, 400])
        }
        expect((await get("/campaigns/acmp_%00")).status).toBe(400)
      })
    })

    describe("affiliates", () => {
      it("creates, lists, retrieves, updates and deletes affiliates with their tracking links", async () => {
        const summer = await createCampaign({ name: "Summer" })
        await createCampaign({ name: "Old", status: "archived" })
        const paused = await createCampaign({ name: "Paused", status: "paused" })

        const affiliate = await createAffiliate({ code: "Anna-01_x" })
        expect(affiliate).toMatchObject({ id: expect.stringMatching(/^aff_/), code: "Anna-01_x", status: "active" })
        // No publicUrl is configured here: links use the URL the admin API was called at.
        const publicUrl = service().getOptions().publicUrl ?? `http://${new URL(api.defaults.baseURL!).host}`
        expect(affiliate.tracking_links).toEqual([
          { campaign_id: summer.id, campaign_name: "Summer", url: `${publicUrl}/affiliate/click/summer?aff=Anna-01_x` },
          { campaign_id: paused.id, campaign_name: "Paused", url: `${publicUrl}/affiliate/click/paused?aff=Anna-01_x` },
        ])

        await createAffiliate({ code: "bob", name: "Bob", email: "bob@example.com", status: "paused" })
        const list = await get("/affiliates", { limit: 1, order: "code" })
        expect(list.data).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect(list.data.affiliates.map((a: any) => a.code)).toEqual(["Anna-01_x"])
        expect(list.data.affiliates[0].tracking_links).toBeUndefined()
        const withLinks = await get("/affiliates", { status: "paused", with_tracking_links: "true" })
        expect(withLinks.data.affiliates.map((a: any) => a.code)).toEqual(["bob"])
        expect(withLinks.data.affiliates[0].tracking_links).toHaveLength(2)
        expect((await get("/affiliates", { q: "BOB@" })).data.affiliates.map((a: any) => a.code)).toEqual(["bob"])

        const one = await get(`/affiliates/${affiliate.id}`)
        expect(one.data.affiliate.tracking_links.map((l: any) => l.campaign_id)).toEqual([summer.id, paused.id])

        const updated = await post(`/affiliates/${affiliate.id}`, { name: "Anna B.", status: "paused" })
        expect(updated.status).toBe(200)
        expect(updated.data.affiliate).toMatchObject({ name: "Anna B.", status: "paused", code: "Anna-01_x" })

        const deleted = await del(`/affiliates/${affiliate.id}`)
        expect(deleted.data).toEqual({ id: affiliate.id, object: "affiliate", deleted: true })
        expect((await get(`/affiliates/${affiliate.id}`)).status).toBe(404)
        expect((await get("/affiliates")).data.count).toBe(1)
      })

      it("refuses a duplicate code with a 4xx, on create and on update", async () => {
        const anna = await createAffiliate({ code: "anna" })
        const dup = await post("/affiliates", { code: "anna", name: "Other Anna", email: "other@example.com" })
        expect(dup.status).toBe(422)
        expect(dup.data.message).toMatch(/code "anna" already exists/)

        const bob = await createAffiliate({ code: "bob" })
        const clash = await post(`/affiliates/${bob.id}`, { code: "anna" })
        expect(clash.status).toBe(422)
        expect((await get(`/affiliates/${bob.id}`)).data.affiliate.code).toBe("bob")
        expect((await post(`/affiliates/${anna.id}`, { code: "anna" })).status).toBe(200)
      })

      it.each([
        ["a code with a space", { code: "an na" }, /code/],
        ["a code of 65 characters", { code: "a".repeat(65) }, /code/],
        ["a code with a slash", { code: "a/b" }, /code/],
        ["a bad email", { email: "not-an-email" }, /email/],
        ["an unknown status", { status: "banned" }, /status/],
        ["a missing name", { name: undefined }, /name/],
      ])("refuses %s with a 400 naming the field", async (_label, overrides, field) => {
        const res = await post("/affiliates", { code: "anna", name: "Anna", email: "anna@example.com", ...overrides })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(field)
      })
    })

    describe("clicks", () => {
      it("lists clicks filtered by campaign, affiliate and time, exposing only the model's fields", async () => {
        const { campaign, affiliate, click } = await seedConversions([])
        const other = await createCampaign({ name: "Other" })
        await service().createAffiliateClicks({
          click_token: "other-token",
          landing_url: "https://shop.example.com/",
          expires_at: new Date(Date.now() + 86_400_000),
          campaign_id: other.id,
          affiliate_id: affiliate.id,
        } as any)

        const all = await get("/clicks")
        expect(all.data).toMatchObject({ count: 2, offset: 0, limit: 50 })
        const mine = await get("/clicks", { campaign_id: campaign.id, affiliate_id: affiliate.id })
        expect(mine.data.count).toBe(1)
        expect(mine.data.clicks[0]).toMatchObject({ id: click.id, click_token: click.click_token, campaign_id: campaign.id })
        expect(Object.keys(mine.data.clicks[0])).not.toContain("ip")

        const future = await get("/clicks", { "created_at[gte]": new Date(Date.now() + 60_000).toISOString() })
        expect(future.data.count).toBe(0)
        const past = await get("/clicks", { "created_at[lte]": new Date(Date.now() + 60_000).toISOString() })
        expect(past.data.count).toBe(2)
        expect((await get("/clicks", { "created_at[gte]": "yesterday" })).status).toBe(400)
      })
    })

    describe("conversions", () => {
      it("lists conversions with filters on status, test flag, source, order and campaign", async () => {
        const { campaign, conversions } = await seedConversions([
          { order_id: "A-1" },
          { order_id: "A-2", status: "approved" },
          { order_id: "A-3", is_test: true },
          { order_id: "A-4", source: "store" },
        ])
        const all = await get("/conversions", { campaign_id: campaign.id })
        expect(all.status).toBe(200)
        expect(all.data).toMatchObject({ count: 4, limit: 20, offset: 0 })
        expect(all.data.conversions[0]).toMatchObject({ order_total: 100, commission_amount: 12.5, order_currency: "usd" })

        const orders = async (params: Record<string, unknown>) =>
          (await get("/conversions", { ...params, order: "order_id" })).data.conversions.map((c: any) => c.order_id)
        expect(await orders({ status: "pending" })).toEqual(["A-1", "A-3", "A-4"])
        expect(await orders({ is_test: "true" })).toEqual(["A-3"])
        expect(await orders({ is_test: "false", source: "s2s" })).toEqual(["A-1", "A-2"])
        expect(await orders({ order_id: "A-2" })).toEqual(["A-2"])
        expect(await orders({ campaign_id: "acmp_other" })).toEqual([])

        const one = await get(`/conversions/${conversions[0].id}`)
        expect(one.data.conversion).toMatchObject({ id: conversions[0].id, order_id: "A-1", status: "pending", source: "s2s" })
        expect((await get("/conversions/aconv_missing")).status).toBe(404)
        expect((await get("/conversions", { is_test: "maybe" })).status).toBe(400)
      })

      it("approves and rejects pending conversions, keeping the reason", async () => {
        const { conversions } = await seedConversions([{ order_id: "B-1" }, { order_id: "B-2" }])
        const [first, second] = conversions

        const approved = await post(`/conversions/${first.id}/approve`)
        expect(approved.status).toBe(200)
        expect(approved.data.conversion).toMatchObject({ id: first.id, status: "approved", status_reason: null })

        const noReason = await post(`/conversions/${second.id}/reject`, {})
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toMatch(/reason/)
        const tooLong = await post(`/conversions/${second.id}/reject`, { reason: "x".repeat(501) })
        expect(tooLong.status).toBe(400)

        const rejected = await post(`/conversions/${second.id}/reject`, { reason: "Order refunded by the customer" })
        expect(rejected.status).toBe(200)
        expect(rejected.data.conversion).toMatchObject({ status: "rejected", status_reason: "Order refunded by the customer" })
        const stored = await service().retrieveAffiliateConversion(second.id)
        expect(stored).toMatchObject({ status: "rejected", status_reason: "Order refunded by the customer" })
      })

      it("answers one 200 to reviews sent at once, and 409s that say what won (5 rounds of approve, reject and eight more)", async () => {
        const { conversions } = await seedConversions(Array.from({ length: 5 }, (_, i) => ({ order_id: `RACE-${i}` })))
        for (const { id } of conversions) {
          const answers = await Promise.all([
            post(`/conversions/${id}/approve`),
            post(`/conversions/${id}/reject`, { reason: "fraud" }),
            ...Array.from({ length: 8 }, (_, i) => (i % 2 ? post(`/conversions/${id}/approve`) : post(`/conversions/${id}/reject`, { reason: `fraud ${i}` }))),
          ])
          const winners = answers.filter((a) => a.status === 200)
          expect(winners).toHaveLength(1)
          expect(answers.filter((a) => a.status === 409)).toHaveLength(9)
          const { status, status_reason } = winners[0].data.conversion
          expect(await service().retrieveAffiliateConversion(id)).toMatchObject({ status, status_reason })
          for (const loser of answers.filter((a) => a.status === 409)) expect(loser.data.message).toContain(`is ${status}`)
        }
      })

      it("refuses to review a conversion that is not pending, or to approve a test conversion", async () => {
        const { conversions } = await seedConversions([
          { order_id: "C-1", status: "approved" },
          { order_id: "C-2", is_test: true },
          { order_id: "C-3", status: "paid" },
        ])
        const [approved, test, paid] = conversions

        // A review of a conversion that moved on is a conflict with its state: 409, saying what it is now.
        const again = await post(`/conversions/${approved.id}/approve`)
        expect(again.status).toBe(409)
        expect(again.data.message).toMatch(/is approved: only pending conversions/)
        const rejectPaid = await post(`/conversions/${paid.id}/reject`, { reason: "too late" })
        expect(rejectPaid.status).toBe(409)
        expect(rejectPaid.data.message).toMatch(/is paid/)
        expect((await service().retrieveAffiliateConversion(paid.id)).status).toBe("paid")

        const approveTest = await post(`/conversions/${test.id}/approve`)
        expect(approveTest.status).toBe(400)
        expect(approveTest.data.message).toMatch(/test conversion/)
        expect((await service().retrieveAffiliateConversion(test.id)).status).toBe("pending")
        const rejectTest = await post(`/conversions/${test.id}/reject`, { reason: "Test order" })
        expect(rejectTest.data.conversion).toMatchObject({ status: "rejected", is_test: true })

        expect((await post("/conversions/aconv_missing/approve")).status).toBe(404)
      })
    })

    describe("request log", () => {
      it("lists the request log newest first, with filters", async () => {
        const campaign = await createCampaign()
        const entries = [
          { request_id: "req_1", outcome: "success", reason: "recorded", order_id: "O-1", source: "s2s" },
          { request_id: "req_2", outcome: "error", reason: "Unknown click_token", order_id: "O-2", source: "s2s" },
          { request_id: "req_3", outcome: "skipped", reason: "consent_not_granted", order_id: "O-3", source: "store" },
        ]
        for (const entry of entries) {
          await service().createAffiliateRequestLogs({ ...entry, campaign_id: campaign.id, key_prefix: "s2s_abcdef…" } as any)
        }
        const all = await get("/requests")
        expect(all.status).toBe(200)
        expect(all.data).toMatchObject({ count: 3, limit: 50, offset: 0 })
        expect(all.data.requests.map((r: any) => r.request_id)).toEqual(["req_3", "req_2", "req_1"])
        expect(all.data.requests[0]).toMatchObject({ campaign_id: campaign.id, key_prefix: "s2s_abcdef…", reason: "consent_not_granted" })

        const ids = async (params: Record<string, unknown>) =>
          (await get("/requests", params)).data.requests.map((r: any) => r.request_id)
        expect(await ids({ outcome: "error" })).toEqual(["req_2"])
        expect(await ids({ source: "store" })).toEqual(["req_3"])
        expect(await ids({ order_id: "O-1", campaign_id: campaign.id })).toEqual(["req_1"])
        expect(await ids({ campaign_id: "acmp_other" })).toEqual([])
        expect(await ids({ "created_at[gte]": new Date(Date.now() - 60_000).toISOString() })).toHaveLength(3)
        expect((await get("/requests", { outcome: "exploded" })).status).toBe(400)
      })

      it("shows the S2S calls made with the key the setup shows, by key prefix only", async () => {
        const campaign = await createCampaign()
        const { api_key, endpoint_url } = (await get(`/campaigns/${campaign.id}/s2s`)).data
        const path = new URL(endpoint_url).pathname
        const res = await api.post(
          path,
          { click_token: "no-such-token", order_id: "X-1", order_total: "10.00", order_currency: "USD" },
          { headers: { "X-API-Key": api_key }, validateStatus: () => true }
        )
        expect(res.status).toBe(422)

        const log = await get("/requests", { campaign_id: campaign.id })
        expect(log.data.count).toBe(1)
        expect(log.data.requests[0]).toMatchObject({ outcome: "error", order_id: "X-1" })
        expect(api_key.startsWith(log.data.requests[0].key_prefix.replace("…", ""))).toBe(true)
        expect(JSON.stringify(log.data)).not.toContain(api_key)
      })
    })
  },
})
