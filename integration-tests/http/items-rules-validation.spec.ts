import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createCollectionsWorkflow, createProductCategoriesWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance, AxiosRequestConfig } from "axios"
import { foldDailyStatsWorkflow } from "../../src/workflows/reporting/workflows/fold-daily-stats"
import { parseCsv } from "../../src/lib/csv-parse"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { subscribersDone } from "../helpers/events"
import { affiliateService, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { expectDocumented } from "../helpers/openapi"
import { curlRequests, readmeBlocks } from "../helpers/readme"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"

jest.setTimeout(240_000)

const BASE = "/admin/affiliate"

/*
 * What was sold and its validation (contract, sections 8 and 9), over HTTP against the real app:
 * items on S2S calls (JSON, form, GET) and on real Medusa orders, commission rules from the admin
 * API, monthly tiers read from the rollups, the shop's validation by API, its list of conversions,
 * the admin's validation with dry runs and CSV uploads, and the history every path writes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let setup: StoreSetup
    const container = () => getContainer() as unknown as MedusaContainer
    const service = () => affiliateService(container())
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
    const opts = (extra: AxiosRequestConfig = {}): AxiosRequestConfig => ({ ...admin.headers, validateStatus: () => true, ...extra })
    const get = (path: string, params?: Record<string, unknown>) => api.get(`${BASE}${path}`, opts({ params }))
    const post = (path: string, body: unknown = {}, extra: AxiosRequestConfig = {}) => api.post(`${BASE}${path}`, body, opts(extra))
    const any = { validateStatus: () => true }
    const s2s = (key: string, body: Record<string, unknown>) => api.post("/integration/s2sConvert", body, { ...any, headers: { "X-API-Key": key } })
    const validate = (key: string, body: unknown) => api.post("/integration/s2sValidate", body, { ...any, headers: { "X-API-Key": key } })
    const conversion = async (id: string) => (await get(`/conversions/${id}`)).data.conversion
    const history = async (id: string) => (await get(`/conversions/${id}/history`)).data.history.map((h: any) => [h.actor, h.field, h.from, h.to])

    beforeAll(async () => {
      admin = await createAdminAndLogin(api as AxiosInstance, container())
      setup = await setupStore(container())
    })

    /** A campaign made over the admin API, with its key. */
    async function campaign(body: Record<string, unknown>) {
      const res = await post("/campaigns", { name: "Rules", target_url: "https://shop.example.com/", commission_value: "10", ...body })
      expect(res.status).toBe(200)
      const apiKey = (await get(`/campaigns/${res.data.campaign.id}/s2s`)).data.api_key as string
      return { campaign: res.data.campaign, apiKey }
    }

    describe("items on S2S calls and commission rules", () => {
      const rules = [
        { name: "Gift cards", match: { category: ["gift-cards"] }, commission_value: "0" },
        { name: "New apparel", match: { category: ["apparel"], customer_type: "new" }, commission_value: "15" },
        { name: "Electronics", match: { category: ["electronics"] }, commission_value: "5" },
      ]

      it("pays each item by the first rule that matches it, and answers the items with their rule and commission", async () => {
        const { campaign: c, apiKey } = await campaign({ commission_rules: rules })
        expect(c.commission_rules.map((r: any) => [r.name, r.commission_value, r.id])).toEqual([
          ["Gift cards", "0", expect.stringMatching(/^acrl_/)],
          ["New apparel", "15", expect.stringMatching(/^acrl_/)],
          ["Electronics", "5", expect.stringMatching(/^acrl_/)],
        ])
        const affiliate = await createAffiliate(container())
        const token = await clickToken(api, c.handle, affiliate.code)
        const res = await s2s(apiKey, {
          click_token: token,
          order_id: "ITEMS-1",
          order_currency: "USD",
          customer_type: "new",
          items: [
            { sku: "TV", item_value: "499.99", category: "electronics", metadata: { colour: "black" } },
            { sku: "CARD", item_value: 50, category: "gift-cards" },
            { sku: "SHIRT", item_value: "40.00", quantity: 2, category: "apparel", product_id: "prod_shirt", collection: "summer" },
            { sku: "MUG", item_value: "12.50" },
          ],
        })
        expect(res.data).toMatchObject({ status: "success" })
        const stored = await conversion(res.data.conversion_id)
        expect(stored).toMatchObject({ order_total: 602.49, commission_amount: 32.25, customer_type: "new" })
        const [gift, apparel, electronics] = c.commission_rules.map((r: any) => r.id)
        expect(stored.items.map((i: any) => [i.sku, i.item_value, i.quantity, i.category, i.commission_amount, i.rule_id, i.status])).toEqual([
          ["TV", "499.99", 1, ["electronics"], "25.00", electronics, "pending"],
          ["CARD", "50.00", 1, ["gift-cards"], "0.00", gift, "pending"],
          ["SHIRT", "40.00", 2, ["apparel"], "6.00", apparel, "pending"],
          ["MUG", "12.50", 1, [], "1.25", null, "pending"],
        ])
        expect(stored.items[2]).toMatchObject({ product_id: "prod_shirt", collection: "summer" })
      })

      it("takes items as a form and in a query string, and refuses them with the field named", async () => {
        const { campaign: c, apiKey } = await campaign({ commission_rules: rules })
        const affiliate = await createAffiliate(container())
        const form = new URLSearchParams({
          click_token: await clickToken(api, c.handle, affiliate.code),
          order_id: "FORM-1",
          order_currency: "usd",
          "items[0][sku]": "TV",
          "items[0][item_value]": "100.00",
          "items[0][category]": "electronics",
          "items[0][metadata][colour]": "red",
          "items[1][sku]": "MUG",
          "items[1][item_value]": "10.00",
          "items[1][quantity]": "3",
        })
        const viaForm = await api.post("/integration/s2sConvert", form.toString(), { ...any, headers: { "X-API-Key": apiKey, "Content-Type": "application/x-www-form-urlencoded" } })
        expect(viaForm.data).toMatchObject({ status: "success" })
        expect((await conversion(viaForm.data.conversion_id)).items.map((i: any) => [i.sku, i.quantity, i.commission_amount])).toEqual([["TV", 1, "5.00"], ["MUG", 3, "1.00"]])

        form.set("click_token", await clickToken(api, c.handle, affiliate.code))
        form.set("order_id", "GET-1")
        const viaGet = await api.get(`/integration/s2sConvert?${form.toString()}`, { ...any, headers: { "X-API-Key": apiKey } })
        expect(viaGet.data).toMatchObject({ status: "success" })

        const token = await clickToken(api, c.handle, affiliate.code)
        const unknown = await s2s(apiKey, { click_token: token, order_id: "BAD-1", order_currency: "usd", items: [{ sku: "A", item_value: "1" }, { sku: "B", item_value: "1" }, { sku: "C", item_value: "1", colour: "red" }] })
        expect(unknown.status).toBe(400)
        expect(unknown.data).toMatchObject({
          message: "Unknown field items[2].colour: custom fields of an item must be nested under its metadata",
          errors: [{ field: "items[2].colour" }],
        })
        const mismatch = await s2s(apiKey, { click_token: token, order_id: "BAD-2", order_currency: "usd", order_total: "5", items: [{ sku: "A", item_value: "1" }] })
        expect(mismatch.data.errors).toEqual([{ field: "order_total", message: "must equal the sum of the items' item_value (1) when both are given" }])
        const gappy = await api.get(`/integration/s2sConvert?click_token=${token}&order_id=BAD-3&order_currency=usd&items[1][sku]=A&items[1][item_value]=1`, { ...any, headers: { "X-API-Key": apiKey } })
        expect(gappy.status).toBe(400)
        expect(gappy.data.message).toMatch(/items must be numbered from 0/)
        expect(await service().listAffiliateConversions({ order_id: ["BAD-1", "BAD-2", "BAD-3"] })).toEqual([])
      })

      it("refuses rules a flat campaign cannot use, keeps rule ids across updates, and never reprices what was recorded", async () => {
        const flat = await post("/campaigns", { name: "Flat", target_url: "https://shop.example.com/", commission_type: "flat", commission_value: "5", currency_code: "usd", commission_rules: [{ match: { sku: ["A"] }, commission_value: "9" }] })
        expect(flat.status).toBe(400)
        expect(flat.data.message).toMatch(/commission_rules\[0\]\.match\.sku: a flat campaign pays per conversion/)
        const tooMany = await post("/campaigns", { name: "Many", target_url: "https://shop.example.com/", commission_value: "5", commission_rules: Array.from({ length: 51 }, () => ({ match: {}, commission_value: "1" })) })
        expect(tooMany.status).toBe(400)

        const { campaign: c, apiKey } = await campaign({ commission_rules: [{ match: { sku: ["TV"] }, commission_value: "20" }] })
        const ruleId = c.commission_rules[0].id
        const affiliate = await createAffiliate(container())
        const sold = await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id: "KEEP-1", order_currency: "usd", items: [{ sku: "TV", item_value: "100" }] })
        // The rule changes: 20 % → 50 %, and a new rule before it; the recorded item keeps its 20 %.
        const updated = await post(`/campaigns/${c.id}`, { commission_rules: [{ match: { customer_type: "new" }, commission_value: "1" }, { id: ruleId, match: { sku: ["TV"] }, commission_value: "50" }] })
        expect(updated.data.campaign.commission_rules.map((r: any) => r.id)).toEqual([expect.not.stringMatching(ruleId), ruleId])
        expect((await post(`/campaigns/${c.id}`, { commission_type: "flat", currency_code: "usd" })).status).toBe(400)
        const validated = await validate(apiKey, { conversions: [{ order_id: "KEEP-1", items: [{ sku: "TV", item_value: "50.00" }] }] })
        expect(validated.data.results[0]).toMatchObject({ result: "updated", commission_amount: "10.00" })
        expect((await conversion(sold.data.conversion_id)).items[0]).toMatchObject({ item_value: "50.00", commission_amount: "10.00", rule_id: ruleId })
      })

      it("lifts the rate once the affiliate's sales this month cross a tier, read from the rollups, folded or not", async () => {
        const { campaign: c, apiKey } = await campaign({ commission_value: "5", commission_rules: [{ name: "Gold", match: { min_monthly_sales: "150" }, commission_value: "10" }] })
        const affiliate = await createAffiliate(container())
        const sell = async (order_id: string, order_total: string) => {
          const res = await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id, order_total, order_currency: "usd" })
          return (await conversion(res.data.conversion_id)).commission_amount
        }
        expect(await sell("TIER-1", "100")).toBe(5) // 0 sold before: 5 %
        await foldDailyStatsWorkflow(container()).run({ input: {} })
        expect(await sell("TIER-2", "100")).toBe(5) // 100 sold before
        expect(await sell("TIER-3", "100")).toBe(10) // 200 sold before, 100 of it not folded yet: 10 %
        // Another currency's sales do not count toward a tier in this one, nor a test conversion.
        await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id: "TIER-T", order_total: "1000", order_currency: "usd", test: true })
        const other = await createAffiliate(container())
        const res = await s2s(apiKey, { click_token: await clickToken(api, c.handle, other.code), order_id: "TIER-O", order_total: "100", order_currency: "usd" })
        expect((await conversion(res.data.conversion_id)).commission_amount).toBe(5)
      })

      it("exports one row per item with per=item, a conversion without items on one row of its own", async () => {
        const { campaign: c, apiKey } = await campaign({ commission_rules: rules })
        const affiliate = await createAffiliate(container())
        await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id: "EXP-1", order_total: "10", order_currency: "usd" })
        await s2s(apiKey, {
          click_token: await clickToken(api, c.handle, affiliate.code),
          order_id: "EXP-2",
          order_currency: "usd",
          items: [{ sku: "=HYPERLINK", item_value: "5.00", category: "gift-cards" }, { sku: "B", item_value: "20.00" }],
        })
        const csv = await api.get(`${BASE}/conversions/export`, opts({ params: { campaign_id: c.id, per: "item" }, responseType: "text", transformResponse: (d: unknown) => d }))
        const parsed = parseCsv(csv.data)
        if (!("records" in parsed)) throw new Error(parsed.problem)
        const [header, ...rows] = parsed.records
        const at = (row: string[], column: string) => row[header.indexOf(column)]
        expect(rows.map((r) => [at(r, "order_id"), at(r, "item_sku"), at(r, "item_value"), at(r, "item_commission_amount")])).toEqual([
          ["EXP-2", "'=HYPERLINK", "5.00", "0.00"],
          ["EXP-2", "B", "20.00", "2.00"],
          ["EXP-1", "", "", ""],
        ])
        expect((await get("/conversions/export", { per: "line" })).status).toBe(400)
      })

      it("previews what an order would earn under the rules as they are now", async () => {
        const { campaign: c } = await campaign({ commission_rules: rules })
        const preview = await post(`/campaigns/${c.id}/commission-preview`, {
          order_currency: "usd",
          customer_type: "new",
          items: [{ sku: "SHIRT", item_value: "40.00", category: ["apparel"] }, { sku: "X", item_value: "10" }],
        })
        expect(preview.data.preview).toMatchObject({ commission_amount: "7", items: [{ commission_rate: "15", commission_amount: "6" }, { commission_rate: "10", commission_amount: "1" }] })
        expect((await post(`/campaigns/${c.id}/commission-preview`, { order_currency: "usd" })).status).toBe(400)
        expect((await post("/campaigns/acmp_missing/commission-preview", { order_currency: "usd", order_total: "1" })).status).toBe(404)
      })
    })

    describe("items of a real checkout", () => {
      it("records one item per line with the variant's SKU, the product's categories and collection, and the value after discounts, excluding tax; new, then returning", async () => {
        const {
          result: [apparel],
        } = await createProductCategoriesWorkflow(container()).run({ input: { product_categories: [{ name: "Apparel", handle: "apparel", is_active: true }] } })
        const {
          result: [summer],
        } = await createCollectionsWorkflow(container()).run({ input: { collections: [{ title: "Summer", handle: "summer" }] } })
        await updateProductsWorkflow(container()).run({ input: { selector: { id: setup.productId }, update: { category_ids: [apparel.id], collection_id: summer.id } } })
        const { campaign: c } = await createCampaign(container(), { commission_value: 10, commission_rules: [{ id: "acrl_summer", match: { collection: ["summer"], customer_type: "returning" }, commission_value: "20" }] })
        const affiliate = await createAffiliate(container())
        const order = async (email: string) => {
          const token = await clickToken(api, c.handle, affiliate.code)
          const placed = subscribersDone(getContainer(), "order.placed")
          const result = await placeOrder(api as AxiosInstance, setup, {
            email,
            quantity: 2,
            promoCode: setup.promoCode,
            beforeComplete: async (cartId) => {
              await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) })
            },
          })
          await placed
          const [recorded] = await service().listAffiliateConversions({ order_id: result.order.id })
          return conversion(recorded.id)
        }
        const first = await order("items.buyer@example.com")
        // Two shirts at 100, 10 % off: 180, no tax in this store; a new customer: the campaign's 10 %.
        expect(first).toMatchObject({ order_total: 180, commission_amount: 18, customer_type: "new", source: "store" })
        const { data: [variant] } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_variant", fields: ["sku"], filters: { id: setup.variantId } })
        expect(first.items).toEqual([
          expect.objectContaining({ sku: variant.sku, product_id: setup.productId, category: ["apparel"], collection: "summer", quantity: 2, item_value: "180.00", commission_amount: "18.00", rule_id: null }),
        ])
        const second = await order("items.buyer@example.com")
        expect(second).toMatchObject({ customer_type: "returning", commission_amount: 36 })
        expect(second.items[0].rule_id).toMatch(/^acrl_/)
      })
    })

    describe("validation by API", () => {
      async function reported(count: number) {
        const { campaign: c, apiKey } = await campaign({ commission_value: "10", hold_days: 30 })
        const affiliate = await createAffiliate(container())
        const ids: string[] = []
        for (let i = 0; i < count; i++) {
          const res = await s2s(apiKey, {
            click_token: await clickToken(api, c.handle, affiliate.code),
            order_id: `V-${i}`,
            order_currency: "usd",
            ...(i === 3 ? { items: [{ sku: "X", item_value: "30.00" }, { sku: "Y", item_value: "70.00" }] } : { order_total: "100.00" }),
            user_agent: "Mozilla/5.0 ValidationTest/1",
          })
          ids.push(res.data.conversion_id)
        }
        return { campaign: c, apiKey, affiliate, ids }
      }

      it("approves, rejects and adjusts entry by entry, answers one result each, and a repeat changes nothing", async () => {
        const { apiKey, ids } = await reported(5)
        const body = {
          conversions: [
            { order_id: "V-0", status: "approved" },
            { order_id: "V-1", status: "rejected", reason: "returned" },
            { order_id: "V-2", order_total: "80.00" },
            { order_id: "V-3", items: [{ sku: "X", status: "rejected", reason: "returned" }, { sku: "Y", quantity: 1, item_value: "20.00" }] },
            { order_id: "NOPE", status: "approved" },
            { order_id: "V-4", status: "rejected" },
            { order_id: "V-4", colour: "red" },
          ],
        }
        const res = await validate(apiKey, body)
        expect(res.status).toBe(200)
        expectDocumented("post", "/integration/s2sValidate", res)
        expect(res.data).toMatchObject({ status: "success", message: "4 updated, 0 unchanged, 3 failed", request_id: expect.any(String) })
        expect(res.data.results).toEqual([
          { order_id: "V-0", result: "updated", conversion_id: ids[0], conversion_status: "approved", commission_amount: "10.00" },
          { order_id: "V-1", result: "updated", conversion_id: ids[1], conversion_status: "rejected", commission_amount: "10.00" },
          { order_id: "V-2", result: "updated", conversion_id: ids[2], conversion_status: "pending", commission_amount: "8.00" },
          { order_id: "V-3", result: "updated", conversion_id: ids[3], conversion_status: "pending", commission_amount: "2.00" },
          { order_id: "NOPE", result: "not_found", message: "No conversion of this campaign has order_id NOPE" },
          { order_id: "V-4", result: "invalid", conversion_id: ids[4], conversion_status: "pending", commission_amount: "10.00", message: "reason is required to reject a conversion" },
          { order_id: "V-4", result: "invalid", message: expect.stringMatching(/unknown field colour/) },
        ])
        expect(await history(ids[3])).toEqual([
          ["s2s", "commission_amount", "10.00", "2.00"],
          ["s2s", "order_total", "100.00", "20.00"],
          ["s2s", "items.X.status", "pending", "rejected"],
          ["s2s", "items.X.commission_amount", "3.00", "0.00"],
          ["s2s", "items.Y.item_value", "70.00", "20.00"],
          ["s2s", "items.Y.commission_amount", "7.00", "2.00"],
        ])
        const again = await validate(apiKey, body)
        expect(again.data.message).toBe("0 updated, 4 unchanged, 3 failed")
        expect(await history(ids[0])).toEqual([["s2s", "status", "pending", "approved"]])
        const [log] = await db()("affiliate_request_log").where({ request_id: again.data.request_id })
        expect(log).toMatchObject({ source: "s2s_validate", outcome: "success", reason: "0 updated, 4 unchanged, 3 failed", http_status: 200 })
      })

      it("answers the key, method, media type, size and entry count as the contract says", async () => {
        const { apiKey } = await reported(1)
        expect((await validate("s2s_nope", { conversions: [{ order_id: "V-0", status: "approved" }] })).status).toBe(401)
        expect((await api.get("/integration/s2sValidate", { ...any, headers: { "X-API-Key": apiKey } })).status).toBe(405)
        const form = await api.post("/integration/s2sValidate", "conversions=1", { ...any, headers: { "X-API-Key": apiKey, "Content-Type": "application/x-www-form-urlencoded" } })
        expect(form.status).toBe(415)
        const tooMany = await validate(apiKey, { conversions: Array.from({ length: 1001 }, (_, i) => ({ order_id: `V-${i}`, status: "approved" })) })
        expect(tooMany.status).toBe(400)
        expect(tooMany.data.errors).toEqual([{ field: "conversions", message: "conversions holds more than 1000 entries" }])
        expect((await validate(apiKey, [{ order_id: "V-0" }])).status).toBe(400)
        const huge = await api.post("/integration/s2sValidate", JSON.stringify({ conversions: [{ order_id: "x".repeat(1024 * 1024) }] }), { ...any, headers: { "X-API-Key": apiKey, "Content-Type": "application/json" } })
        expect(huge.status).toBe(413)
        const nul = await validate(apiKey, { conversions: [{ order_id: "V-0\u0000", status: "approved" }] })
        expect(nul.status).toBe(400)
      })

      it("turns the rejection of a paid conversion into a negative balance for the next payout", async () => {
        const { apiKey, affiliate, ids } = await reported(2)
        await validate(apiKey, { conversions: [{ order_id: "V-0", status: "approved" }, { order_id: "V-1", status: "approved" }] })
        const { data: { payouts: [payout] } } = await post("/payouts", { affiliate_id: affiliate.id })
        expect((await post(`/payouts/${payout.id}/paid`, { reference: "TRF-V" })).status).toBe(200)
        const res = await validate(apiKey, { conversions: [{ order_id: "V-0", status: "rejected", reason: "chargeback" }, { order_id: "V-1", order_total: "40.00" }] })
        expect(res.data.results.map((r: any) => [r.result, r.conversion_status])).toEqual([["updated", "reversed"], ["updated", "paid"]])
        expect((await get("/balances", { affiliate_id: affiliate.id })).data.balances).toEqual([{ affiliate_id: affiliate.id, currency_code: "usd", amount: "-16.00" }])
        expect(await history(ids[0])).toEqual(
          expect.arrayContaining([["s2s", "status", "paid", "reversed"], ["s2s", "adjustment", null, "-10.00"]])
        )
      })

      it("keeps two validations of one conversion at once consistent: no lost update, one history row per change", async () => {
        const { apiKey, ids } = await reported(1)
        const [a, b] = await Promise.all([
          validate(apiKey, { conversions: [{ order_id: "V-0", order_total: "50.00" }] }),
          validate(apiKey, { conversions: [{ order_id: "V-0", status: "approved" }] }),
        ])
        expect([a.data.results[0].result, b.data.results[0].result]).toEqual(["updated", "updated"])
        const stored = await service().retrieveAffiliateConversion(ids[0])
        expect({ status: stored.status, total: MathBN.convert(stored.order_total).toFixed(2), commission: MathBN.convert(stored.commission_amount).toFixed(2) }).toEqual({ status: "approved", total: "50.00", commission: "5.00" })
        expect((await history(ids[0])).map((h: unknown[]) => h[1]).sort()).toEqual(["commission_amount", "order_total", "status"])
      })

      it("lists the campaign's conversions by cursor, as JSON or CSV, with items and no visitor data", async () => {
        const { apiKey, ids } = await reported(5)
        await validate(apiKey, { conversions: [{ order_id: "V-1", status: "approved" }] })
        const list = (params: Record<string, string>, headers: Record<string, string> = {}) =>
          api.get("/integration/s2sConversions", { ...any, params, headers: { "X-API-Key": apiKey, ...headers } })
        const first = await list({ limit: "2" })
        expect(first.status).toBe(200)
        expectDocumented("get", "/integration/s2sConversions", first)
        expect(first.data.conversions.map((c: any) => c.order_id)).toEqual(["V-4", "V-3"])
        expect(first.data.conversions[1].items.map((i: any) => [i.sku, i.item_value])).toEqual([["X", "30.00"], ["Y", "70.00"]])
        expect(JSON.stringify(first.data)).not.toMatch(/ValidationTest|user_agent|ip_hash|device_type/)
        const second = await list({ limit: "2", after: first.data.next_cursor })
        expect(second.data.conversions.map((c: any) => c.order_id)).toEqual(["V-2", "V-1"])
        expect((await list({ status: "approved" })).data.conversions.map((c: any) => c.id)).toEqual([ids[1]])
        expect((await list({ limit: "1001" })).status).toBe(400)
        expect((await list({ after: "not-a-cursor" })).status).toBe(400)
        expect((await list({ colour: "red" })).status).toBe(400)
        const csv = await list({ limit: "5" }, { Accept: "text/csv" })
        expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
        const parsed = parseCsv(csv.data)
        if (!("records" in parsed)) throw new Error(parsed.problem)
        expect(parsed.records[0]).toEqual(["id", "order_id", "status", "order_total", "order_currency", "commission_amount", "commission_currency", "created_at", "items"])
        expect(parsed.records).toHaveLength(6)
        expect(parsed.records.find((r) => r[1] === "V-3")![8]).toBe("X × 1 = 30.00 (pending) | Y × 1 = 70.00 (pending)")
        expect((await api.get("/integration/s2sConversions", any)).status).toBe(401)
      })
    })

    describe("the README's validation snippets, run as written", () => {
      const base = () => String(api.defaults.baseURL).replace(/\/$/, "")

      it("the cURL commands validate three orders, then list what is still pending; the Node job rejects a returned line", async () => {
        const { campaign: c, apiKey } = await campaign({})
        const affiliate = await createAffiliate(container())
        for (const order_id of ["ORDER-1001", "ORDER-1002", "ORDER-1003"]) {
          await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id, order_total: "100.00", order_currency: "usd" })
        }
        await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id: "ORDER-1004", order_currency: "usd", items: [{ sku: "SHOE-42", item_value: "60.00" }, { sku: "SOCK", item_value: "5.00" }] })
        const blocks = readmeBlocks("## Validating conversions")
        const curl = blocks.find((b) => b.lang === "bash")!
        const node = blocks.find((b) => b.lang === "js")!
        const script = curl.code.replaceAll("https://api.example.com", base()).replaceAll("s2s_…", apiKey)
        const answers = []
        for (const { url, init } of curlRequests(script)) {
          const res = await fetch(url, init)
          answers.push([res.status, await res.json()])
        }
        expect(answers[0]).toEqual([200, expect.objectContaining({ message: "3 updated, 0 unchanged, 0 failed" })])
        expect(answers[1][1].conversions.map((x: any) => x.order_id)).toEqual(["ORDER-1004", "ORDER-1003"])

        const validateReturns = new Function("fetch", "process", "console", `${node.code.replaceAll("https://api.example.com", base())}\nreturn validateReturns`)(
          fetch,
          { env: { AFFILIATE_S2S_KEY: apiKey } },
          { warn: () => undefined }
        )
        const body = await validateReturns([{ orderId: "ORDER-1004", everything: false, reason: "returned", lines: [{ sku: "SOCK" }] }])
        expect(body.message).toBe("1 updated, 0 unchanged, 0 failed")
        expect((await service().listAffiliateConversionItems({ sku: "SOCK" }))[0].status).toBe("rejected")
      })
    })

    describe("validation from the admin", () => {
      it("answers a dry run without changing anything, then applies the same entries", async () => {
        const { campaign: c, apiKey } = await campaign({})
        const affiliate = await createAffiliate(container())
        const res = await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id: "ADM-1", order_total: "100", order_currency: "usd" })
        const body = { campaign_id: c.id, conversions: [{ order_id: "ADM-1", status: "rejected", reason: "test order" }] }
        const dry = await post("/conversions/validate", { ...body, dry_run: true })
        expect(dry.data).toMatchObject({ dry_run: true, message: "1 would be updated, 0 unchanged, 0 failed", results: [{ result: "updated", conversion_status: "rejected" }] })
        expect((await service().retrieveAffiliateConversion(res.data.conversion_id)).status).toBe("pending")
        const applied = await post("/conversions/validate", body)
        expect(applied.data.message).toBe("1 updated, 0 unchanged, 0 failed")
        const me = `user:${(await api.get("/admin/users/me", opts())).data.user.id}`
        expect(await history(res.data.conversion_id)).toEqual([[me, "status", "pending", "rejected"]])
        expect((await post("/conversions/validate", { conversions: body.conversions })).status).toBe(400)
        expect((await post("/conversions/validate", { ...body, campaign_id: "acmp_missing" })).status).toBe(404)
      })

      it("takes a CSV upload: previews it, applies it, and refuses a file that is not UTF-8, has unknown columns or too many rows", async () => {
        const { campaign: c, apiKey } = await campaign({})
        const affiliate = await createAffiliate(container())
        for (const order_id of ["CSV-1", "CSV-2"]) {
          await s2s(apiKey, { click_token: await clickToken(api, c.handle, affiliate.code), order_id, order_total: "100", order_currency: "usd" })
        }
        const upload = (text: string | Buffer, query: string) =>
          post(`/conversions/validate?campaign_id=${c.id}${query}`, text, { headers: { ...admin.headers.headers, "Content-Type": "text/csv" } })
        const csv = 'order_id,status,reason,order_total\r\nCSV-1,approved,,\r\nCSV-2,rejected,"returned, damaged",\r\nCSV-9,approved,,\r\n'
        const preview = await upload(csv, "&dry_run=true")
        expect(preview.data.results.map((r: any) => [r.order_id, r.result])).toEqual([["CSV-1", "updated"], ["CSV-2", "updated"], ["CSV-9", "not_found"]])
        expect(await service().listAffiliateConversions({ campaign_id: c.id, status: "pending" })).toHaveLength(2)
        const applied = await upload(csv, "")
        expect(applied.data.message).toBe("2 updated, 0 unchanged, 1 failed")
        const [rejected] = await service().listAffiliateConversions({ campaign_id: c.id, order_id: "CSV-2" })
        expect(rejected).toMatchObject({ status: "rejected", status_reason: "returned, damaged" })

        const latin1 = Buffer.from("order_id,status,reason\r\nCSV-1,rejected,r\xe9clamation\r\n", "latin1")
        expect((await upload(latin1, "")).data.message).toMatch(/not UTF-8/)
        expect((await upload("order_id,colour\r\nCSV-1,red\r\n", "")).data.message).toBe("Unknown column colour: the columns are order_id, status, reason, order_total")
        const many = "order_id,status\r\n" + Array.from({ length: 10_001 }, (_, i) => `X-${i},approved\r\n`).join("")
        const refused = await upload(many, "")
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("The file has 10,001 rows: at most 10,000 at a time")
        expect((await upload(csv, "&dry_run=maybe")).status).toBe(400)
        expect((await service().retrieveAffiliateConversion(rejected.id)).status).toBe("rejected")
      })
    })
  },
})
