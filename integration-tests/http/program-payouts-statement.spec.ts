import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { hashStatementToken } from "../../src/modules/affiliate/utils/statement-token"
import { approveHeldConversionsWorkflow } from "../../src/workflows/payouts/workflows/approve-held-conversions"
import { createPayoutsStepId } from "../../src/workflows/payouts/steps/create-payouts"
import { markPayoutPaidStepId } from "../../src/workflows/payouts/steps/mark-payout-paid"
import { createPayoutsWorkflow } from "../../src/workflows/payouts/workflows/create-payouts"
import { markPayoutPaidWorkflow } from "../../src/workflows/payouts/workflows/mark-payout-paid"
import { createAffiliatePromotionWorkflow } from "../../src/workflows/promotions/workflows/create-affiliate-promotion"
import { linkAffiliatePromotionWorkflow } from "../../src/workflows/promotions/workflows/link-affiliate-promotion"
import { unlinkAffiliatePromotionWorkflow } from "../../src/workflows/promotions/workflows/unlink-affiliate-promotion"
import { revokeStatementLinkWorkflow } from "../../src/workflows/statement/workflows/revoke-statement-link"
import { rotateStatementLinkWorkflow } from "../../src/workflows/statement/workflows/rotate-statement-link"
import { AdminAuth, adminCalls, createAdminAndLogin } from "../helpers/admin-auth"
import { subscribersDone } from "../helpers/events"
import { affiliateService, clickToken, createAffiliate } from "../helpers/fixtures"
import { expectDocumented } from "../helpers/openapi"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { AnyWorkflow, runFailingAfter } from "../helpers/workflows"
import { approveHeldConversionsStepId } from "../../src/workflows/payouts/steps/approve-held-conversions"
import { createAffiliatePromotionStepId } from "../../src/workflows/promotions/steps/create-affiliate-promotion"
import { deleteAffiliatePromotionStepId } from "../../src/workflows/promotions/steps/delete-affiliate-promotion"
import { revokeStatementLinkStepId } from "../../src/workflows/statement/steps/revoke-statement-link"
import { rotateStatementLinkStepId } from "../../src/workflows/statement/steps/rotate-statement-link"

jest.setTimeout(240_000)

const BASE = "/admin/affiliate"
const DAY = 86_400_000

/** A CSV body's records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ",") record.push(field), (field = "")
    else if (c === "\r" && text[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++
    else field += c
  }
  if (field || record.length) throw new Error(`the CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`)
  return records
}

/** The records as objects keyed by the header row. */
const csvObjects = (text: string) => {
  const [header, ...rows] = parseCsv(text)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

/*
 * Payouts, exports and the affiliate's statement (README, "Payouts", "Exports", "The affiliate's
 * statement"), over the admin API and the public statement link, with conversions reported over
 * S2S and real orders placed over the Store API; and every new workflow's compensation.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: AdminAuth
    let setup: StoreSetup
    let campaign: { id: string; handle: string }
    let apiKey: string
    let anna: { id: string; code: string }
    let ben: { id: string; code: string }

    const container = () => getContainer() as unknown as MedusaContainer
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
    const service = () => affiliateService(getContainer())
    const { opts, get, post, del } = adminCalls(api as AxiosInstance, () => auth, BASE)
    const text = (path: string, params?: Record<string, unknown>) => api.get(`${BASE}${path}`, opts({ params, responseType: "text", transformResponse: (d) => d }))

    beforeAll(async () => {
      auth = await createAdminAndLogin(api as AxiosInstance, container())
      setup = await setupStore(container())
      // These tests convert right after each click: the hold period is what they are about, not the fraud signals.
      const res = await post("/campaigns", { name: "Spring", target_url: "https://shop.example.com/", commission_value: "10", fraud_rules: { disabled: ["fast_conversion"] } })
      campaign = res.data.campaign
      apiKey = (await get(`/campaigns/${campaign.id}/s2s`)).data.api_key
      anna = await createAffiliate(container(), { code: "anna", name: "Anna Zoë" })
      ben = await createAffiliate(container(), { code: "ben", name: "Ben" })
    })

    /** Reports a sale over S2S for the affiliate (a real click first); answers the conversion id. */
    async function sale(affiliate: { code: string }, orderId: string, total: string, extra: Record<string, unknown> = {}, key = apiKey, handle = campaign.handle) {
      const token = await clickToken(api, handle, affiliate.code)
      const res = await api.post("/integration/s2sConvert", { click_token: token, order_id: orderId, order_total: total, order_currency: "USD", ...extra }, { headers: { "X-API-Key": key } })
      expect(res.data.status).toBe("success")
      return res.data.conversion_id as string
    }
    const approve = async (id: string) => expect((await post(`/conversions/${id}/approve`)).status).toBe(200)
    const statusOf = async (id: string) => (await service().retrieveAffiliateConversion(id)).status
    const sumOf = (amounts: string[]) => MathBN.sum(...amounts).toFixed(2)

    describe("hold period", () => {
      it("approves live pending conversions older than the campaign's hold_days, and nothing else", async () => {
        const due = await sale(anna, "HOLD-DUE", "100.00")
        const recent = await sale(anna, "HOLD-RECENT", "100.00")
        const rejected = await sale(anna, "HOLD-REJECTED", "100.00")
        const test = await sale(anna, "HOLD-TEST", "100.00", { test: true })
        const refunded = await sale(anna, "HOLD-REFUNDED", "100.00")
        expect((await post(`/conversions/${rejected}/reject`, { reason: "fraud" })).status).toBe(200)
        // A partial refund during the hold recomputed the commission; a reversal ended it.
        await service().updateAffiliateConversions({ id: refunded, commission_amount: "4.00" as unknown as number })
        const reversed = await sale(anna, "HOLD-REVERSED", "100.00")
        await service().updateAffiliateConversions({ id: reversed, status: "reversed", commission_amount: 0 })
        await db().raw(`UPDATE affiliate_conversion SET created_at = now() - interval '31 days' WHERE id <> ?`, [recent])

        const { result } = await approveHeldConversionsWorkflow(container()).run({ input: {} })
        expect(result).toEqual({ approved: 2 })
        expect(await statusOf(due)).toBe("approved")
        expect((await service().retrieveAffiliateConversion(due)).status_reason).toBe("approved after the hold period")
        expect(await statusOf(refunded)).toBe("approved")
        expect(String((await service().retrieveAffiliateConversion(refunded)).commission_amount)).toBe("4")
        expect(await statusOf(recent)).toBe("pending")
        expect(await statusOf(rejected)).toBe("rejected")
        expect(await statusOf(test)).toBe("pending")
        expect(await statusOf(reversed)).toBe("reversed")

        // A campaign's own hold: 0 days approves at the next run.
        await post(`/campaigns/${campaign.id}`, { hold_days: 0 })
        await approveHeldConversionsWorkflow(container()).run({ input: {} })
        expect(await statusOf(recent)).toBe("approved")
        expect((await post(`/campaigns/${campaign.id}`, { hold_days: -1 })).status).toBe(400)
      })
    })

    describe("a conversion's history", () => {
      it("records every change by whatever path, with who made it: the hold period, an admin, a payout run and its payment", async () => {
        const me = `user:${(await api.get("/admin/users/me", opts())).data.user.id}`
        const held = await sale(ben, "HIST-1", "40.00")
        const rejected = await sale(ben, "HIST-2", "10.00")
        await db().raw(`UPDATE affiliate_conversion SET created_at = now() - interval '31 days' WHERE id = ?`, [held])
        await approveHeldConversionsWorkflow(container()).run({ input: {} })
        expect((await post(`/conversions/${rejected}/reject`, { reason: "duplicate order" })).status).toBe(200)
        const { data: { payouts: [payout] } } = await post("/payouts", { affiliate_id: ben.id })
        expect((await post(`/payouts/${payout.id}/paid`, { reference: "TRF-H1" })).status).toBe(200)

        const history = async (id: string) => (await get(`/conversions/${id}/history`)).data.history.map((h: any) => [h.actor, h.field, h.from, h.to, h.reason])
        expect(await history(held)).toEqual([
          ["system", "status", "pending", "approved", "approved after the hold period"],
          [me, "payout", null, payout.id, "in a payout"],
          [me, "status", "approved", "paid", `paid in payout ${payout.id} (reference TRF-H1)`],
        ])
        expect(await history(rejected)).toEqual([[me, "status", "pending", "rejected", "duplicate order"]])
        const answer = await get(`/conversions/${held}/history`)
        expect(answer.data.history[0].created_at).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/))
        expect((await get("/conversions/aconv_missing/history")).status).toBe(404)
      })
    })

    describe("payouts", () => {
      it("pays each affiliate's balance per currency in a payout whose amount is the sum of its lines, and marks it paid", async () => {
        const annaUsd = [await sale(anna, "P-1", "100.00"), await sale(anna, "P-2", "55.00"), await sale(anna, "P-3", "22.50")]
        const annaEur = await sale(anna, "P-4", "30.00", { order_currency: "EUR" })
        const annaPending = await sale(anna, "P-5", "70.00")
        const benSmall = await sale(ben, "P-6", "10.00")
        for (const id of [...annaUsd, annaEur, benSmall]) await approve(id)

        const balances = await get("/balances")
        expect(balances.status).toBe(200)
        expect(balances.data.balances).toEqual([
          ...[
            { affiliate_id: anna.id, currency_code: "eur", amount: "3.00" },
            { affiliate_id: anna.id, currency_code: "usd", amount: "17.75" },
            { affiliate_id: ben.id, currency_code: "usd", amount: "1.00" },
          ].sort((a, b) => a.affiliate_id.localeCompare(b.affiliate_id) || a.currency_code.localeCompare(b.currency_code)),
        ])
        expect((await get("/balances", { affiliate_id: ben.id })).data.balances).toEqual([{ affiliate_id: ben.id, currency_code: "usd", amount: "1.00" }])

        const created = await post("/payouts", { minimum_amount: "2" })
        expect(created.status).toBe(200)
        const payouts = created.data.payouts as any[]
        expect(payouts.map((p) => [p.affiliate_id, p.currency_code, p.amount, p.status]).sort()).toEqual([
          [anna.id, "eur", "3.00", "open"],
          [anna.id, "usd", "17.75", "open"],
        ])
        for (const payout of payouts) {
          expect(sumOf(payout.lines.map((l: any) => l.amount))).toBe(MathBN.convert(payout.amount).toFixed(2))
        }
        const usd = payouts.find((p) => p.currency_code === "usd")
        expect(usd.lines.map((l: any) => l.conversion_id).sort()).toEqual([...annaUsd].sort())
        expect(usd.lines.every((l: any) => l.type === "conversion" && l.adjustment_id === null)).toBe(true)
        expect(annaPending).not.toBeUndefined()
        // In a payout: no longer in the balance, and a second run pays nothing twice.
        expect((await get("/balances")).data.balances).toEqual([{ affiliate_id: ben.id, currency_code: "usd", amount: "1.00" }])
        expect((await post("/payouts", { minimum_amount: "2" })).data.payouts).toEqual([])

        const list = await get("/payouts", { affiliate_id: anna.id, status: "open" })
        expect(list.data).toMatchObject({ count: 2, count_type: "exact" })
        expect(list.data.payouts.map((p: any) => p.amount).sort()).toEqual(["17.75", "3.00"])

        expect((await post(`/payouts/${usd.id}/paid`, {})).status).toBe(400)
        const paid = await post(`/payouts/${usd.id}/paid`, { reference: "  TRF-2026-001  " })
        expect(paid.status).toBe(200)
        expect(paid.data.payout).toMatchObject({ id: usd.id, status: "paid", reference: "TRF-2026-001", amount: "17.75", paid_at: expect.any(String) })
        for (const id of annaUsd) expect(await statusOf(id)).toBe("paid")
        expect(await statusOf(annaEur)).toBe("approved")
        const again = await post(`/payouts/${usd.id}/paid`, { reference: "TRF-AGAIN" })
        expect(again.status).toBe(409)
        expect(again.data.message).toBe(`Payout ${usd.id} is already paid`)
        expect((await get(`/payouts/${usd.id}`)).data.payout.reference).toBe("TRF-2026-001")
        // Paid commission still counts in the reports (the rollups follow the status).
        const stats = (await get(`/affiliates/${anna.id}/stats`, { days: 7 })).data
        expect(stats.totals.commission).toEqual(expect.arrayContaining([{ currency_code: "usd", amount: expect.stringMatching(/^24\.75?0*$/) }]))

        expect((await get("/payouts/apay_nope")).status).toBe(404)
        expect((await post("/payouts", { currency_code: "xyz" })).status).toBe(400)
        expect((await post("/payouts", { affiliate_id: "aff_nope" })).status).toBe(404)
        expect((await post("/payouts", { minimum_amount: "-1" })).status).toBe(400)
      })

      it("turns a reversal after payment into a negative adjustment that the next payout carries", async () => {
        // A real order, credited to Anna by her click, approved and paid out.
        const token = await clickToken(api, campaign.handle, anna.code)
        const placed = subscribersDone(getContainer(), "order.placed")
        const { order } = await placeOrder(api as AxiosInstance, setup, {
          promoCode: setup.promoCode,
          beforeComplete: async (cartId) => {
            await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) })
          },
        })
        await placed
        const [conversion] = await service().listAffiliateConversions({ order_id: order.id })
        await approve(conversion.id)
        const first = (await post("/payouts", { affiliate_id: anna.id })).data.payouts
        expect(first.map((p: any) => p.amount)).toEqual(["9.00"])
        expect((await post(`/payouts/${first[0].id}/paid`, { reference: "TRF-1" })).status).toBe(200)

        // The order is canceled after the payment: the paid conversion stays paid, the affiliate owes 9.00.
        const canceled = subscribersDone(getContainer(), "order.canceled")
        expect((await api.post(`/admin/orders/${order.id}/cancel`, {}, opts())).status).toBe(200)
        await canceled
        expect(await statusOf(conversion.id)).toBe("paid")
        expect((await get("/balances", { affiliate_id: anna.id })).data.balances).toEqual([{ affiliate_id: anna.id, currency_code: "usd", amount: "-9.00" }])
        // A negative balance waits for later earnings.
        expect((await post("/payouts", { affiliate_id: anna.id })).data.payouts).toEqual([])

        const later = await sale(anna, "AFTER-REFUND", "200.00")
        await approve(later)
        const [next] = (await post("/payouts", { affiliate_id: anna.id })).data.payouts
        expect(next.amount).toBe("11.00")
        expect(next.lines.map((l: any) => [l.type, l.amount, l.order_id]).sort()).toEqual([
          ["adjustment", "-9.00", order.id],
          ["conversion", "20.00", "AFTER-REFUND"],
        ])
        expect(next.lines.find((l: any) => l.type === "adjustment").reason).toBe("order canceled")
        expect(sumOf(next.lines.map((l: any) => l.amount))).toBe(next.amount)

        // The payout's lines as CSV: the negative amount is a number, not a neutralised formula.
        const csv = await text(`/payouts/${next.id}/export`)
        expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8")
        const lines = csvObjects(csv.data)
        expect(lines.map((l) => l.amount).sort()).toEqual(["-9.00", "20.00"])
        expect(sumOf(lines.map((l) => l.amount))).toBe("11.00")
      })

      it("freezes a conversion in an open payout: a refund before it is paid becomes an adjustment too", async () => {
        const token = await clickToken(api, campaign.handle, ben.code)
        const placed = subscribersDone(getContainer(), "order.placed")
        const { order } = await placeOrder(api as AxiosInstance, setup, {
          beforeComplete: async (cartId) => {
            await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) })
          },
        })
        await placed
        const [conversion] = await service().listAffiliateConversions({ order_id: order.id })
        await approve(conversion.id)
        const [payout] = (await post("/payouts", { affiliate_id: ben.id })).data.payouts
        const canceled = subscribersDone(getContainer(), "order.canceled")
        await api.post(`/admin/orders/${order.id}/cancel`, {}, opts())
        await canceled
        expect(await statusOf(conversion.id)).toBe("approved")
        expect((await post(`/payouts/${payout.id}/paid`, { reference: "TRF-B" })).data.payout.amount).toBe("10.00")
        expect((await get("/balances", { affiliate_id: ben.id })).data.balances).toEqual([{ affiliate_id: ben.id, currency_code: "usd", amount: "-10.00" }])
      })
    })

    describe("exports", () => {
      it("streams conversions as RFC 4180 CSV in UTF-8, with the list's filters and formulas neutralised", async () => {
        const other = (await post("/campaigns", { name: '=HYPERLINK("http://evil.example","Click, me")', target_url: "https://shop.example.com/", commission_value: "10" })).data.campaign
        const otherKey = (await get(`/campaigns/${other.id}/s2s`)).data.api_key
        const formula = await sale(anna, "@SUM(1+1)", "10.00", {}, otherKey, other.handle)
        const plain = await sale(anna, "ORDER-\u00e9\u00e8-1", "20.00")
        const minus = await sale(ben, "-2+3", "30.00")
        await approve(plain)

        const res = await text("/conversions/export")
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8")
        expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="conversions-\d{4}-\d{2}-\d{2}\.csv"$/)
        const [header] = parseCsv(res.data)
        expect(header).toEqual([
          "id", "created_at", "occurred_at", "campaign_id", "campaign_name", "affiliate_id", "affiliate_code", "affiliate_name",
          "source", "promotion_code", "status", "status_reason", "order_id", "order_total", "order_currency",
          "commission_amount", "commission_currency", "is_test", "click_id",
        ])
        const rows = csvObjects(res.data)
        expect(rows.map((r) => r.id).sort()).toEqual([formula, plain, minus].sort())
        const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
        // A formula-looking cell starts with a quote; the comma and the quotes in it are quoted as RFC 4180 says.
        expect(byId[formula].campaign_name).toBe(`'=HYPERLINK("http://evil.example","Click, me")`)
        expect(res.data).toContain(`"'=HYPERLINK(""http://evil.example"",""Click, me"")"`)
        expect(byId[formula].order_id).toBe("'@SUM(1+1)")
        expect(byId[minus].order_id).toBe("'-2+3")
        expect(byId[plain]).toMatchObject({ order_id: "ORDER-éè-1", affiliate_name: "Anna Zoë", order_total: "20.00", status: "approved", is_test: "false" })
        expect(res.data).not.toContain("user_agent")

        const approvedOnly = csvObjects((await text("/conversions/export", { status: "approved" })).data)
        expect(approvedOnly.map((r) => r.id)).toEqual([plain])
        expect(csvObjects((await text("/conversions/export", { campaign_id: other.id })).data).map((r) => r.id)).toEqual([formula])
        expect((await text("/conversions/export", { status: "nope" })).status).toBe(400)
      })

      it("reads every row exactly once across batches, newest first, even when many share one timestamp", async () => {
        await sale(anna, "SEED", "1.00")
        const [seed] = await service().listAffiliateClicks({ affiliate_id: anna.id }, { take: 1 })
        await db().raw(
          `INSERT INTO affiliate_conversion (id, campaign_id, affiliate_id, click_id, order_id, order_total, raw_order_total, order_currency,
             commission_amount, raw_commission_amount, commission_currency, source, occurred_at, created_at)
           SELECT 'aconv_bulk_' || lpad(i::text, 5, '0'), ?, ?, ?, 'BULK-' || i, 10, '{"value":"10","precision":20}', 'usd',
                  1, '{"value":"1","precision":20}', 'usd', 's2s', now(), '2026-01-01T00:00:00Z'
             FROM generate_series(1, 4500) i`,
          [campaign.id, anna.id, seed.id]
        )
        const rows = csvObjects((await text("/conversions/export", { affiliate_id: anna.id })).data)
        const bulk = rows.filter((r) => r.order_id.startsWith("BULK-"))
        expect(bulk).toHaveLength(4500)
        expect(new Set(bulk.map((r) => r.id)).size).toBe(4500)
        // Newest first, ties broken by id descending, as the list pages them.
        expect(bulk[0].id).toBe("aconv_bulk_04500")
        expect(bulk[4499].id).toBe("aconv_bulk_00001")
      })

      it("streams one campaign's clicks in a date range, with the affiliate's sub ids neutralised", async () => {
        const res = await api.get(`/affiliate/click/${campaign.handle}`, {
          params: { aff: anna.code, sub1: "=cmd|' /C calc'!A0", sub2: "+1", sub3: "\tTAB", sub4: "line\nbreak" },
          headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36" },
          maxRedirects: 0,
          validateStatus: () => true,
        })
        expect(res.status).toBe(302)
        // An older click, outside today's range.
        await clickToken(api, campaign.handle, ben.code)
        await db().raw(`UPDATE affiliate_click SET created_at = '2026-03-01T12:00:00Z' WHERE sub1 IS NULL`)
        const today = new Date().toISOString().slice(0, 10)
        const csv = await text("/clicks/export", { campaign_id: campaign.id, from: today, to: today })
        expect(csv.status).toBe(200)
        const rows = csvObjects(csv.data)
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({ affiliate_code: "anna", sub1: "'=cmd|' /C calc'!A0", sub2: "'+1", sub3: "'\tTAB", sub4: "line\nbreak" })
        expect(Object.keys(rows[0])).not.toContain("user_agent")
        const march = csvObjects((await text("/clicks/export", { campaign_id: campaign.id, from: "2026-03-01", to: "2026-03-01" })).data)
        expect(march.map((r) => [r.affiliate_code, r.created_at])).toEqual([["ben", "2026-03-01T12:00:00.000Z"]])
        expect((await text("/clicks/export")).status).toBe(400)
        expect((await text("/clicks/export", { campaign_id: "acmp_nope" })).status).toBe(404)
        expect((await text("/clicks/export", { campaign_id: campaign.id, from: "yesterday" })).status).toBe(400)
      })
    })

    describe("the affiliate's statement", () => {
      const statement = (url: string, accept = "application/json", params?: Record<string, unknown>) =>
        api.get(url.replace(/^https?:\/\/[^/]+/, ""), { headers: { Accept: accept }, params, validateStatus: () => true, responseType: "text", transformResponse: (d) => d })

      it("shows the affiliate's links and the admin's numbers, no shopper data, and refuses a rotated or revoked link", async () => {
        const shown = (await post("/campaigns", { name: "Shows orders", target_url: "https://shop.example.com/", commission_value: "5", show_order_ids_on_statement: true })).data.campaign
        const shownKey = (await get(`/campaigns/${shown.id}/s2s`)).data.api_key
        const a = await sale(anna, "HIDDEN-ORDER-1", "100.00", { user_agent: "Mozilla/5.0 SecretAgentBrowser/1.0", ip: "203.0.113.7" })
        await sale(anna, "SHOWN-ORDER-2", "40.00", {}, shownKey, shown.handle)
        await sale(ben, "BEN-ORDER", "10.00")
        await approve(a)
        await clickToken(api, campaign.handle, anna.code)

        expect((await get(`/affiliates/${anna.id}/statement-link`)).data).toEqual({ statement_link: null })
        const created = await post(`/affiliates/${anna.id}/statement-link`)
        expect(created.status).toBe(200)
        const url: string = created.data.url
        expect(url).toMatch(/\/affiliate\/statement\/stm_[0-9A-Za-z]{43}$/)
        const token = url.split("/").pop()!
        // Only the hash is stored.
        const [stored] = await db()("affiliate_statement_link").where({ affiliate_id: anna.id }).whereNull("deleted_at")
        expect(stored.token_hash).toBe(hashStatementToken(token))
        expect(JSON.stringify(stored)).not.toContain(token)
        expect((await get(`/affiliates/${anna.id}/statement-link`)).data.statement_link.created_at).toEqual(expect.any(String))

        const json = await statement(url)
        expect(json.status).toBe(200)
        expect(json.headers["cache-control"]).toBe("no-store, private")
        expect(json.headers["referrer-policy"]).toBe("no-referrer")
        const body = JSON.parse(json.data)
        expectDocumented("get", "/affiliate/statement/{token}", { ...json, data: body })
        expect(body.affiliate).toEqual({ name: "Anna Zoë", code: "anna" })
        expect(body.links).toEqual(
          expect.arrayContaining([{ campaign_id: campaign.id, campaign_name: "Spring", url: expect.stringMatching(new RegExp(`/affiliate/click/${campaign.handle}\\?aff=anna$`)) }])
        )
        // The same figures as the admin's affiliate stats, from the same rollups...
        const admin = (await get(`/affiliates/${anna.id}/stats`, { days: 30 })).data
        expect({ totals: body.totals, series: body.series, balance: body.balance }).toEqual({ totals: admin.totals, series: admin.series, balance: admin.balance })
        // ...and they are the right ones: a recount of the raw rows.
        const [{ clicks }] = await db()("affiliate_click").where({ affiliate_id: anna.id }).count({ clicks: "*" })
        expect(body.totals.clicks).toBe(Number(clicks))
        expect(body.totals.conversions).toBe(2)
        expect(body.totals.commission.map((c: any) => [c.currency_code, MathBN.convert(c.amount).toFixed(2)])).toEqual([["usd", "12.00"]])
        expect(body.balance).toEqual([{ currency_code: "usd", amount: "10.00" }])
        expect(body.series).toHaveLength(30)
        expect(body.series[29]).toMatchObject({ date: new Date().toISOString().slice(0, 10), conversions: 2 })
        expect(body.conversions.map((c: any) => c.order_id).sort()).toEqual(["SHOWN-ORDER-2", null].sort())
        expect(json.data).not.toContain("HIDDEN-ORDER-1")
        expect(json.data).not.toContain("SecretAgent")
        expect(json.data).not.toContain("BEN-ORDER")
        expect(JSON.parse((await statement(url, "application/json", { days: 7 })).data).series).toHaveLength(7)

        const html = await statement(url, "text/html,application/xhtml+xml")
        expect(html.status).toBe(200)
        expect(html.headers["content-type"]).toMatch(/^text\/html/)
        expect(html.headers["content-security-policy"]).toContain("default-src 'none'")
        expect(html.data).toContain("Anna Zoë")
        expect(html.data).toContain("SHOWN-ORDER-2")
        expect(html.data).not.toContain("HIDDEN-ORDER-1")
        expect(html.data).not.toContain("SecretAgent")
        expect(html.data).not.toMatch(/<script/i)

        // Rotating ends the old link at once; revoking ends the new one.
        const rotated = (await post(`/affiliates/${anna.id}/statement-link`)).data.url
        expect(rotated).not.toBe(url)
        expect((await statement(url)).status).toBe(404)
        const notFound = await statement(url, "text/html")
        expect(notFound.status).toBe(404)
        expect(notFound.data).toContain("Statement not found")
        expect(notFound.data).not.toContain("Anna")
        expectDocumented("get", "/affiliate/statement/{token}", { ...(await statement(url)), data: { message: "Statement not found" } })
        expect((await statement(rotated)).status).toBe(200)
        expect((await del(`/affiliates/${anna.id}/statement-link`)).data).toEqual({ id: anna.id, object: "affiliate_statement_link", deleted: true })
        expect((await statement(rotated)).status).toBe(404)
        expect((await get(`/affiliates/${anna.id}/statement-link`)).data).toEqual({ statement_link: null })
        expect((await statement(`/affiliate/statement/stm_${"x".repeat(43)}`)).status).toBe(404)
        expect((await statement("/affiliate/statement/not-a-token")).status).toBe(404)
        expect((await post("/affiliates/aff_nope/statement-link")).status).toBe(404)
      })
    })

    describe("compensations: a failed run leaves nothing behind", () => {
      const failAfter = async (workflow: unknown, step: string, input: unknown) =>
        await runFailingAfter(container(), workflow as AnyWorkflow, step, input)

      it("link, create and unlink a promotion", async () => {
        await failAfter(linkAffiliatePromotionWorkflow, createAffiliatePromotionStepId, {
          affiliate_id: anna.id, campaign_id: campaign.id, promotion_id: setup.promotionId,
        })
        expect(await service().listAffiliatePromotions({ promotion_id: setup.promotionId })).toHaveLength(0)

        await failAfter(createAffiliatePromotionWorkflow, "link-affiliate-promotion-as-step", {
          affiliate_id: anna.id, campaign_id: campaign.id, promotion: { code: "GONE10", type: "percentage", value: "10" },
        })
        expect(await service().listAffiliatePromotions({ affiliate_id: anna.id })).toHaveLength(0)
        expect((await api.get("/admin/promotions", opts({ params: { q: "GONE10" } }))).data.promotions).toEqual([])

        await linkAffiliatePromotionWorkflow(container()).run({ input: { affiliate_id: anna.id, campaign_id: campaign.id, promotion_id: setup.promotionId } })
        await failAfter(unlinkAffiliatePromotionWorkflow, deleteAffiliatePromotionStepId, { affiliate_id: anna.id, promotion_id: setup.promotionId })
        expect(await service().listAffiliatePromotions({ promotion_id: setup.promotionId })).toHaveLength(1)
      })

      it("approve held conversions, create payouts, mark a payout paid", async () => {
        const held = await sale(anna, "COMP-1", "100.00")
        await db().raw(`UPDATE affiliate_conversion SET created_at = now() - interval '40 days' WHERE id = ?`, [held])
        await failAfter(approveHeldConversionsWorkflow, approveHeldConversionsStepId, {})
        expect(await statusOf(held)).toBe("pending")
        expect(await service().listAffiliateConversionChanges({ conversion_id: held })).toEqual([])

        await approve(held)
        const reviewed = (await service().listAffiliateConversionChanges({ conversion_id: held })).length
        await failAfter(createPayoutsWorkflow, createPayoutsStepId, {})
        expect(await service().listAffiliatePayouts({})).toHaveLength(0)
        expect(await service().listAffiliatePayoutLines({})).toHaveLength(0)
        expect(await service().listAffiliateConversionChanges({ conversion_id: held })).toHaveLength(reviewed)

        const { result: [payoutId] } = await createPayoutsWorkflow(container()).run({ input: {} })
        await failAfter(markPayoutPaidWorkflow, markPayoutPaidStepId, { id: payoutId, reference: "TRF-X" })
        expect(await service().retrieveAffiliatePayout(payoutId)).toMatchObject({ status: "open", reference: null, paid_at: null })
        expect(await statusOf(held)).toBe("approved")
        expect(await service().listAffiliateConversionChanges({ conversion_id: held, to_value: "paid" })).toEqual([])
      })

      it("rotate and revoke a statement link: the link before still works", async () => {
        const url = (await post(`/affiliates/${anna.id}/statement-link`)).data.url as string
        const path = url.replace(/^https?:\/\/[^/]+/, "")
        await failAfter(rotateStatementLinkWorkflow, rotateStatementLinkStepId, { affiliate_id: anna.id, token_hash: hashStatementToken("stm_other") })
        expect((await api.get(path, { headers: { Accept: "application/json" }, validateStatus: () => true })).status).toBe(200)
        await failAfter(revokeStatementLinkWorkflow, revokeStatementLinkStepId, { affiliate_id: anna.id })
        expect((await api.get(path, { headers: { Accept: "application/json" }, validateStatus: () => true })).status).toBe(200)
        expect(await db()("affiliate_statement_link").where({ affiliate_id: anna.id }).whereNull("deleted_at")).toHaveLength(1)
      })
    })
  },
})
