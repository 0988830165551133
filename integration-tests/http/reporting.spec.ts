import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow, capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { foldDailyStatsWorkflow } from "../../src/workflows/reporting/workflows/fold-daily-stats"
import { STAT_COLUMNS } from "../../src/modules/affiliate/sql/rollups"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { subscribersDone } from "../helpers/events"

jest.setTimeout(240_000)

const COUNTED = ["pending", "approved", "paid"]

/*
 * Reports come from daily rollups the database keeps as rows are written. After a mixed history
 * (clicks on several days, S2S and store conversions, a test conversion, a duplicate, approvals,
 * rejections, a cancel, a partial and a full refund), the rollups and the admin's figures equal a
 * full recount of the raw rows.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: AdminAuth
    const container = () => getContainer() as unknown as MedusaContainer
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex

    beforeAll(async () => {
      admin = await createAdminAndLogin(api as AxiosInstance, container())
      setup = await setupStore(getContainer())
    })

    const waitFor = (event: string) => subscribersDone(getContainer(), event)

    async function s2s(apiKey: string, body: Record<string, unknown>) {
      const res = await api.post("/integration/s2sConvert", body, { headers: { "X-API-Key": apiKey }, validateStatus: () => true })
      expect(res.status).toBe(200)
      return res.data
    }

    async function storeOrder(handle: string, code: string) {
      const token = await clickToken(api, handle, code)
      const placed = waitFor("order.placed")
      const { order } = await placeOrder(api as AxiosInstance, setup, {
        beforeComplete: async (cartId) => {
          await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) })
        },
      })
      await placed
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: order.id } })
      return { orderId: order.id as string, paymentId: data[0].payment_collections[0].payments[0].id as string }
    }

    /** The rollups recomputed from scratch, row for row, as the rollup table lays them out. */
    async function recount() {
      const { rows } = await db().raw(`
        select campaign_id, affiliate_id, to_char((created_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, '' as currency_code, '' as status,
               count(*)::int as clicks, 0 as conversions, '0' as commission
          from affiliate_click where deleted_at is null group by 1, 2, 3
        union all
        select campaign_id, affiliate_id, to_char((created_at at time zone 'UTC')::date, 'YYYY-MM-DD'), commission_currency, status,
               0, count(*)::int, sum(commission_amount)::text
          from affiliate_conversion where deleted_at is null and not is_test group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5`)
      return rows
    }

    /** The rollups as reports read them: folded rows plus the deltas not folded yet, summed. */
    async function rollups(table = `(select ${STAT_COLUMNS} from affiliate_stat_daily union all select ${STAT_COLUMNS} from affiliate_stat_delta)`) {
      const { rows } = await db().raw(`
        select campaign_id, affiliate_id, to_char(day, 'YYYY-MM-DD') as day, currency_code, status,
               sum(clicks)::int as clicks, sum(conversions)::int as conversions, sum(commission)::text as commission
          from ${table} s group by 1, 2, 3, 4, 5 having sum(clicks) <> 0 or sum(conversions) <> 0
        order by 1, 2, 3, 4, 5`)
      return rows.map((r: any) => ({ ...r, commission: String(Number(r.commission) === 0 ? "0" : r.commission) }))
    }

    it("keeps rollups and the admin's figures equal to a full recount through a mixed history", async () => {
      const service = affiliateService(container())
      const percent = await createCampaign(container(), { commission_value: 10 })
      const flat = await createCampaign(container(), { commission_type: "flat", commission_value: "5", currency_code: "eur" })
      const ada = await createAffiliate(container())
      const bo = await createAffiliate(container())

      // Clicks on both campaigns, by both affiliates; two of them moved back three days.
      const tokens: string[] = []
      for (const [campaign, affiliate] of [[percent, ada], [percent, ada], [percent, bo], [flat, bo], [flat, ada], [percent, bo]] as const) {
        tokens.push(await clickToken(api, campaign.campaign.handle, affiliate.code))
      }
      await db()("affiliate_click").whereIn("click_token", tokens.slice(0, 2)).update({ created_at: db().raw("created_at - interval '3 days'") })

      // S2S conversions: recorded, repeated, a test one, and one per campaign on the flat campaign.
      const first = await s2s(percent.apiKey, { click_token: tokens[0], order_id: "R-1", order_total: "200", order_currency: "USD" })
      await s2s(percent.apiKey, { click_token: tokens[0], order_id: "R-1", order_total: "999", order_currency: "USD" })
      const second = await s2s(percent.apiKey, { click_token: tokens[2], order_id: "R-2", order_total: "50.55", order_currency: "EUR" })
      await s2s(percent.apiKey, { click_token: tokens[1], order_id: "R-3", order_total: "10", order_currency: "USD", test: true })
      const flatOne = await s2s(flat.apiKey, { click_token: tokens[3], order_id: "F-1", order_total: "80", order_currency: "USD" })
      await s2s(flat.apiKey, { click_token: tokens[4], order_id: "F-2", order_total: "20", order_currency: "USD" })

      // The minute job folds what was written so far; what follows stays as deltas until the end.
      expect((await foldDailyStatsWorkflow(container()).run()).result.moved).toBeGreaterThan(0)

      // Reviews through the admin API.
      expect((await api.post(`/admin/affiliate/conversions/${first.conversion_id}/approve`, {}, admin.headers)).status).toBe(200)
      expect((await api.post(`/admin/affiliate/conversions/${second.conversion_id}/reject`, { reason: "fraud" }, admin.headers)).status).toBe(200)
      expect((await api.post(`/admin/affiliate/conversions/${flatOne.conversion_id}/approve`, {}, admin.headers)).status).toBe(200)

      // Store orders: one canceled (reversed), one partly then fully refunded, one left alone.
      const canceled = await storeOrder(percent.campaign.handle, ada.code)
      const refunded = await storeOrder(percent.campaign.handle, bo.code)
      await storeOrder(flat.campaign.handle, ada.code)
      let done = waitFor("order.canceled")
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: canceled.orderId } })
      await done
      await capturePaymentWorkflow(getContainer()).run({ input: { payment_id: refunded.paymentId } })
      done = waitFor("payment.refunded")
      await refundPaymentWorkflow(getContainer()).run({ input: { payment_id: refunded.paymentId, amount: 30 } })
      await done
      const [partly] = await service.listAffiliateConversions({ order_id: refunded.orderId })
      // 100 of items, 30 refunded: 10 % of the 70 that remain.
      expect(String(partly.commission_amount)).toBe("7")
      done = waitFor("payment.refunded")
      await refundPaymentWorkflow(getContainer()).run({ input: { payment_id: refunded.paymentId, amount: 80 } })
      await done
      const [reversed] = await service.listAffiliateConversions({ order_id: refunded.orderId })
      expect(reversed.status).toBe("reversed")

      // Row for row, the rollups (with the deltas not folded yet) are the recount; and after a fold.
      const expected = (await recount()).map((r: any) => ({ ...r, commission: String(Number(r.commission) === 0 ? "0" : r.commission) }))
      expect(await rollups()).toEqual(expected)

      // And the admin's figures are the recount's.
      const stats = (await api.get("/admin/affiliate/stats/campaigns", admin.headers)).data.stats
      for (const { campaign } of [percent, flat]) {
        const { rows: [clicks] } = await db().raw(`select count(*)::int as n from affiliate_click where campaign_id = ? and deleted_at is null`, [campaign.id])
        const { rows: perCurrency } = await db().raw(
          `select commission_currency as currency_code, count(*)::int as n, coalesce(sum(commission_amount) filter (where status = any(?)), 0)::text as amount
             from affiliate_conversion where campaign_id = ? and deleted_at is null and not is_test group by 1 order by 1`,
          [COUNTED, campaign.id]
        )
        const mine = stats.find((s: any) => s.campaign_id === campaign.id)
        expect(mine.clicks).toBe(clicks.n)
        expect(mine.conversions).toBe(perCurrency.reduce((n: number, r: any) => n + r.n, 0))
        const amounts = Object.fromEntries(mine.commission.map((c: any) => [c.currency_code, Number(c.amount)]))
        expect(amounts).toEqual(Object.fromEntries(perCurrency.map((r: any) => [r.currency_code, Number(r.amount)])))
      }
      // The percentage campaign: four link clicks and two store checkouts; and both store orders.
      expect(stats.find((s: any) => s.campaign_id === percent.campaign.id)).toMatchObject({ clicks: 6, conversions: 4 })

      const chart = (await api.get(`/admin/affiliate/campaigns/${percent.campaign.id}/stats?days=7`, admin.headers)).data
      const threeDaysAgo = chart.series[chart.series.length - 4]
      expect(threeDaysAgo.clicks).toBe(2)
      expect(chart.series.reduce((n: number, p: any) => n + p.clicks, 0)).toBe(6)
      expect(chart.totals).toMatchObject({ clicks: 6, conversions: 4 })

      await foldDailyStatsWorkflow(container()).run()
      expect(await rollups("affiliate_stat_daily")).toEqual(expected)
      expect((await db().raw("select count(*)::int as n from affiliate_stat_delta")).rows[0].n).toBe(0)
    })
  },
})
