import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { generateApiKey, hashApiKey } from "../../src/modules/affiliate/utils/api-key"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import { EXACT_COUNT_LIMIT } from "../../src/modules/affiliate/sql/list-filters"
import type AffiliateModuleService from "../../src/modules/affiliate/service"

jest.setTimeout(120_000)

const DAY_MS = 24 * 60 * 60 * 1000

/*
 * What keeps the tables usable at volume: index-backed pages with cursors and honest totals,
 * retention in batches, and erasure that keeps the money. Against the module's real migrations.
 */
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(process.cwd(), "src/modules/affiliate"),
  pathToMigrations: path.join(process.cwd(), "src/modules/affiliate/migrations"),
  moduleOptions: { encryptionKey: "module-test-secret", requestLogRetentionDays: 90, clickDetailsGraceDays: 30 },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (text: string, params: unknown[] = []) => MikroOrmWrapper.forkManager().execute(text, params as any[])

    async function world() {
      const campaign = await service.createAffiliateCampaigns({ name: "V", handle: `v-${Date.now()}`, target_url: "https://shop.example.com/", commission_value: 10 } as any)
      const affiliate = await service.createAffiliates({ code: `a${Date.now()}`, name: "A", email: "a@example.com" })
      const key = generateApiKey()
      await service.createAffiliateApiKeys({ campaign_id: campaign.id, key_hash: hashApiKey(key), key_ciphertext: "x", key_prefix: "s2s_" })
      return { campaign, affiliate, key }
    }

    /** `n` clicks, one a minute back from now (the last ones share one instant, to test ties). */
    async function clicks(campaignId: string, affiliateId: string, n: number, { tiedLast = 0, ageDays = 0 } = {}) {
      await sql(
        `insert into affiliate_click (id, click_token, campaign_id, affiliate_id, landing_url, user_agent, referrer, ip_hash, device_type, expires_at, created_at)
         select 'aclk_t' || lpad(i::text, 8, '0'), 'tok' || i, ?, ?, ? || i, 'UA-' || i, 'https://ref.example/' || i,
                md5(i::text), 'mobile', t + interval '30 days', t
           from generate_series(1, ?) i,
                lateral (select now() - interval '${ageDays} days' - (case when i > ? then 0 else (? - i) end) * interval '1 minute' as t) x`,
        [campaignId, affiliateId, "https://shop.example.com/?gclid=x", n, n - tiedLast, n - tiedLast]
      )
    }

    /** The campaign's clicks as reports see them: the rollups plus the deltas not folded yet. */
    async function rolledClicks(campaignId: string): Promise<number> {
      const [row] = await sql(
        `select coalesce(sum(clicks), 0)::int as n from (select campaign_id, clicks from affiliate_stat_daily
           union all select campaign_id, clicks from affiliate_stat_delta) s where campaign_id = ?`,
        [campaignId]
      )
      return row.n
    }

    describe("listPage", () => {
      it("walks every row once, newest first, across pages and ties, with an exact total", async () => {
        const { campaign, affiliate } = await world()
        await clicks(campaign.id, affiliate.id, 45, { tiedLast: 7 })
        const seen: string[] = []
        let after: string | undefined
        let pages = 0
        do {
          const page = await service.listPage("affiliate_click", { filters: { campaign_id: campaign.id }, limit: 10, after })
          expect(page).toMatchObject({ count: 45, count_type: "exact" })
          seen.push(...page.ids)
          after = page.next_cursor ?? undefined
          pages++
        } while (after)
        expect(pages).toBe(5)
        expect(new Set(seen).size).toBe(45)
        const { rows } = { rows: await sql(`select id from affiliate_click where campaign_id = ? order by created_at desc, id desc`, [campaign.id]) }
        expect(seen).toEqual(rows.map((r: { id: string }) => r.id))
        // offset paging gives the same second page
        const second = await service.listPage("affiliate_click", { filters: { campaign_id: campaign.id }, limit: 10, offset: 10 })
        expect(second.ids).toEqual(seen.slice(10, 20))
      })

      it("filters by id lists, operators and values, and forgets a cleared click's token", async () => {
        const { campaign, affiliate } = await world()
        await clicks(campaign.id, affiliate.id, 12)
        const since = new Date(Date.now() - 5.5 * 60_000)
        const recent = await service.listPage("affiliate_click", { filters: { campaign_id: [campaign.id, "acmp_other"], created_at: { $gte: since } }, limit: 50 })
        expect(recent.count).toBe(6)
        const one = await service.listPage("affiliate_click", { filters: { click_token: "tok3" }, limit: 5 })
        expect(one.ids).toEqual(["aclk_t00000003"])
        await sql(`update affiliate_click set details_cleared_at = now() where click_token = 'tok3'`)
        expect((await service.listPage("affiliate_click", { filters: { click_token: "tok3" }, limit: 5 })).ids).toEqual([])
      })

      it("estimates the total above the exact-count limit, and says so", async () => {
        const { campaign, affiliate } = await world()
        await clicks(campaign.id, affiliate.id, EXACT_COUNT_LIMIT + 500)
        // One statement wrote them all: the rollups took them as one delta per day.
        expect(await rolledClicks(campaign.id)).toBe(EXACT_COUNT_LIMIT + 500)
        // Folding moves them into the rollups without changing the figure.
        expect(await service.foldDailyStats()).toBe(EXACT_COUNT_LIMIT + 500)
        expect(await rolledClicks(campaign.id)).toBe(EXACT_COUNT_LIMIT + 500)
        const [pending] = await sql(`select count(*)::int as n from affiliate_stat_delta`)
        expect(pending.n).toBe(0)
        await sql("analyze affiliate_click")
        const page = await service.listPage("affiliate_click", { filters: { campaign_id: campaign.id }, limit: 20 })
        expect(page.count_type).toBe("estimate")
        expect(page.count).toBeGreaterThan(EXACT_COUNT_LIMIT)
        expect(page.ids).toHaveLength(20)
        const few = await service.listPage("affiliate_click", { filters: { campaign_id: campaign.id, created_at: { $gte: new Date(Date.now() - 90_000) } }, limit: 20 })
        expect(few).toMatchObject({ count_type: "exact", count: 2 })
      })

      it("refuses a cursor it did not give and a column it does not filter", async () => {
        await expect(service.listPage("affiliate_click", { filters: {}, limit: 5, after: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ type: "invalid_data" })
        await expect(service.listPage("affiliate_click", { filters: { user_agent: "x" }, limit: 5 })).rejects.toMatchObject({ type: "invalid_data" })
      })
    })

    describe("retention", () => {
      it("clears only clicks past their window plus the grace, in batches; they still count and can no longer convert", async () => {
        const { campaign, affiliate, key } = await world()
        // 25 clicks made 100 days ago (window 30 + grace 30 is over) and 5 made 40 days ago (not yet).
        await clicks(campaign.id, affiliate.id, 25, { ageDays: 100 })
        await sql(
          `insert into affiliate_click (id, click_token, campaign_id, affiliate_id, landing_url, user_agent, ip_hash, expires_at, created_at)
           select 'aclk_r' || i, 'recent' || i, ?, ?, 'https://shop.example.com/', 'UA', 'h', now() - interval '10 days', now() - interval '40 days'
             from generate_series(1, 5) i`,
          [campaign.id, affiliate.id]
        )
        const before = await rolledClicks(campaign.id)
        const expiredBefore = new Date(Date.now() - 30 * DAY_MS)
        const batches: number[] = []
        for (let n = -1; n !== 0; ) batches.push((n = await service.clearClickDetailsExpiredBefore(expiredBefore, 10)))
        expect(batches).toEqual([10, 10, 5, 0])
        const [old] = await sql(`select count(*)::int as n from affiliate_click where campaign_id = ? and details_cleared_at is not null
          and user_agent is null and referrer is null and ip_hash is null and landing_url is null`, [campaign.id])
        expect(old.n).toBe(25)
        const [kept] = await sql(`select count(*)::int as n from affiliate_click where click_token like 'recent%' and user_agent = 'UA'`)
        expect(kept.n).toBe(5)
        expect(await rolledClicks(campaign.id)).toBe(before)
        expect((await service.findS2sContext(key, "tok1"))!.click_id).toBeNull()
        expect((await service.findS2sContext(key, "recent1"))!.click_id).not.toBeNull()
      })

      it("deletes request-log rows older than the retention, oldest first, in batches", async () => {
        await sql(
          `insert into affiliate_request_log (id, request_id, outcome, reason, created_at)
           select 'areq_t' || i, 'req' || i, 'success', 'recorded', now() - (79.5 + i) * interval '1 day' from generate_series(1, 30) i`
        )
        const cutoff = new Date(Date.now() - 90 * DAY_MS)
        expect(await service.deleteRequestLogsBefore(cutoff, 15)).toBe(15)
        expect(await service.deleteRequestLogsBefore(cutoff, 15)).toBe(5)
        expect(await service.deleteRequestLogsBefore(cutoff, 15)).toBe(0)
        const [left] = await sql(`select count(*)::int as n, min(created_at) > ? as all_recent from affiliate_request_log where id like 'areq_t%'`, [cutoff])
        expect(left).toEqual({ n: 10, all_recent: true })
      })
    })

    describe("eraseShopper", () => {
      it("erases the shopper's details in every table, keeps the money, and logs counts only", async () => {
        const { campaign, affiliate } = await world()
        await clicks(campaign.id, affiliate.id, 2)
        await sql(`update affiliate_click set sub1 = 'jane@example.com' where id = 'aclk_t00000001'`)
        await sql(
          `insert into affiliate_conversion (id, campaign_id, affiliate_id, click_id, order_id, order_total, raw_order_total, order_currency,
             commission_amount, raw_commission_amount, commission_currency, source, occurred_at, user_agent, ip_hash, device_type, context, metadata)
           values ('aconv_t1', ?, ?, 'aclk_t00000001', 'order_1', 100, '{"value":"100"}', 'usd', 10, '{"value":"10"}', 'usd', 'store', now(),
                   'UA-1', 'iphash', 'mobile', 'checkout', '{"email":"jane@example.com"}')`,
          [campaign.id, affiliate.id]
        )
        await service.createAffiliateAttributions({ cart_id: "cart_1", click_id: "aclk_t00000001", click_token: "tok1", consent: "granted" })
        await service.logRequest({ request_id: "r1", source: "store", method: null, outcome: "success", http_status: null, reason: "recorded", campaign_id: campaign.id, key_prefix: null, order_id: "order_1", click_token: "tok1", conversion_id: "aconv_t1", is_test: false })

        const erasure = await service.eraseShopper({ scope: "email", order_ids: ["order_1"], cart_ids: ["cart_1"], orders_matched: 1, requested_by: "user_1" })
        expect(erasure).toMatchObject({ conversions_cleared: 1, clicks_cleared: 1, attributions_deleted: 1, request_logs_deleted: 1, orders_matched: 1 })

        const everything = JSON.stringify([
          await sql(`select * from affiliate_conversion where id = 'aconv_t1'`),
          await sql(`select * from affiliate_click where id = 'aclk_t00000001'`),
          await sql(`select * from affiliate_attribution`),
          await sql(`select * from affiliate_request_log`),
          await sql(`select * from affiliate_erasure`),
        ])
        for (const personal of ["UA-1", "iphash", "jane@example.com", "checkout", "https://ref.example/1", "gclid=x1", "cart_1"]) {
          expect(everything).not.toContain(personal)
        }
        const [money] = await sql(`select commission_amount::text as c, order_total::text as t, status from affiliate_conversion where id = 'aconv_t1'`)
        expect(money).toEqual({ c: "10", t: "100", status: "pending" })
        // The other click of the campaign is untouched.
        const [other] = await sql(`select user_agent from affiliate_click where id = 'aclk_t00000002'`)
        expect(other.user_agent).toBe("UA-2")
      })
    })
  },
})
