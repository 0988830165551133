import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { generateApiKey, hashApiKey } from "../../src/modules/affiliate/utils/api-key"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import type { ConversionInsert } from "../../src/modules/affiliate/types"

jest.setTimeout(60_000)

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const DAY_MS = 24 * 60 * 60 * 1000

/*
 * The module service's own methods, the ones the hot paths use, against a real Postgres with the
 * module's real migrations (the partial unique indexes the upsert relies on come from there).
 */
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(process.cwd(), "src/modules/affiliate"),
  pathToMigrations: path.join(process.cwd(), "src/modules/affiliate/migrations"),
  moduleOptions: { encryptionKey: "module-test-secret" },
  testSuite: ({ service, MikroOrmWrapper }) => {
    async function world(overrides: { campaign?: Record<string, unknown>; affiliate?: Record<string, unknown> } = {}) {
      const campaign = await service.createAffiliateCampaigns({
        name: "Spring",
        handle: `spring-${Math.random().toString(36).slice(2, 8)}`,
        target_url: "https://shop.example.com/landing?x=1",
        commission_type: "percentage",
        commission_value: 10,
        attribution_window_days: 7,
        ...overrides.campaign,
      } as any)
      const affiliate = await service.createAffiliates({
        code: `aff-${Math.random().toString(36).slice(2, 8)}`,
        name: "Ada",
        email: "ada@example.com",
        ...overrides.affiliate,
      } as any)
      const key = generateApiKey()
      await service.createAffiliateApiKeys({ campaign_id: campaign.id, key_hash: hashApiKey(key), key_ciphertext: "x", key_prefix: key.slice(0, 10) })
      return { campaign, affiliate, key }
    }

    async function click(campaign: { handle: string }, affiliate: { code: string }) {
      const outcome = await service.recordClick({ campaign: campaign.handle, affiliate_code: affiliate.code, subs: [], user_agent: BROWSER_UA })
      if (outcome.result !== "recorded") throw new Error(`no click: ${outcome.result}`)
      return outcome
    }

    function conversion(ctx: { campaign_id: string; affiliate_id: string; click_id: string }, orderId: string): ConversionInsert {
      return {
        ...ctx,
        order_id: orderId,
        order_total: "129.99",
        order_currency: "usd",
        source: "s2s",
        is_test: false,
        limited_data_use: false,
        user_agent: null,
        ip_hash: null,
        device_type: null,
        context: null,
        occurred_at: new Date(),
        metadata: { coupon: "SPRING" },
        customer_type: null,
        commission: {
          commission_type: "percentage",
          commission_amount: "13",
          commission_currency: "usd",
          commission_rate: "10",
          commission_rule_id: null,
          items: [],
        },
        signals: [],
      }
    }

    const logFields = (campaignId: string, orderId: string) => ({
      request_id: `req_${orderId}`,
      source: "s2s" as const,
      method: "POST",
      http_status: 200,
      campaign_id: campaignId,
      key_prefix: "s2s_abcdef…",
      order_id: orderId,
      click_token: null,
      is_test: false,
    })

    describe("recordClick", () => {
      it("records a click with its token, a hashed IP and subs cut to 255 characters, expiring after the window", async () => {
        const { campaign, affiliate } = await world()
        const before = Date.now()
        const outcome = await service.recordClick({
          campaign: campaign.handle,
          affiliate_code: affiliate.code,
          subs: ["a".repeat(300), "two"],
          user_agent: BROWSER_UA,
          referrer: "https://blog.example.org/post",
          ip: "203.0.113.7",
          deep_link: "https://evil.example.net/",
        })
        expect(outcome.result).toBe("recorded")
        if (outcome.result !== "recorded") return
        // An off-origin deep link never wins: the campaign's target is used.
        expect(outcome.destination.href).toBe("https://shop.example.com/landing?x=1")
        const [stored] = await service.listAffiliateClicks({ click_token: outcome.click_token })
        expect(stored).toMatchObject({ campaign_id: campaign.id, affiliate_id: affiliate.id, sub2: "two", device_type: "desktop" })
        expect(stored.sub1).toHaveLength(255)
        expect(stored.ip_hash).toMatch(/^[0-9a-f]{32}$/)
        expect(JSON.stringify(stored)).not.toContain("203.0.113.7")
        const expiresIn = new Date(stored.expires_at).getTime() - before
        expect(expiresIn).toBeGreaterThanOrEqual(7 * DAY_MS - 1000)
        expect(expiresIn).toBeLessThanOrEqual(7 * DAY_MS + 5000)
      })

      it("finds the campaign by id as well as by handle", async () => {
        const { campaign, affiliate } = await world()
        const outcome = await service.recordClick({ campaign: campaign.id, affiliate_code: affiliate.code, subs: [], user_agent: BROWSER_UA })
        expect(outcome.result).toBe("recorded")
      })

      it("answers unknown campaign / affiliate and records nothing", async () => {
        const { campaign, affiliate } = await world()
        expect(await service.recordClick({ campaign: "nope", affiliate_code: affiliate.code, subs: [] })).toMatchObject({ result: "unknown_campaign" })
        expect(await service.recordClick({ campaign: campaign.handle, affiliate_code: "nobody", subs: [] })).toMatchObject({ result: "unknown_affiliate" })
        expect(await service.listAffiliateClicks({})).toHaveLength(0)
      })

      it("gives paused partners and crawlers no click, but still a destination", async () => {
        const paused = await world({ campaign: { status: "paused" } })
        const bot = await world()
        const pausedOutcome = await service.recordClick({ campaign: paused.campaign.handle, affiliate_code: paused.affiliate.code, subs: [], user_agent: BROWSER_UA })
        const botOutcome = await service.recordClick({ campaign: bot.campaign.handle, affiliate_code: bot.affiliate.code, subs: [], user_agent: "Googlebot/2.1 (+http://www.google.com/bot.html)" })
        expect(pausedOutcome).toMatchObject({ result: "not_billable" })
        expect(botOutcome).toMatchObject({ result: "not_billable" })
        expect(await service.listAffiliateClicks({})).toHaveLength(0)
      })
    })

    describe("findS2sContext", () => {
      it("finds the live key's campaign and the token's click, byte for byte", async () => {
        const { campaign, affiliate, key } = await world()
        const { click_token } = await click(campaign, affiliate)
        const ctx = await service.findS2sContext(key, click_token)
        expect(ctx).toMatchObject({ campaign_id: campaign.id, campaign_status: "active", commission_type: "percentage", affiliate_id: affiliate.id, affiliate_status: "active" })
        expect(ctx!.click_campaign_id).toBe(campaign.id)
        expect((await service.findS2sContext(key, click_token.toLowerCase()))!.click_id).toBeNull()
        expect((await service.findS2sContext(key, `${click_token} `))!.click_id).toBeNull()
      })

      it("is null for an unknown key, an expired key and a deleted campaign's key", async () => {
        const live = await world()
        expect(await service.findS2sContext(generateApiKey(), "")).toBeNull()
        const [row] = await service.listAffiliateApiKeys({ campaign_id: live.campaign.id })
        await service.updateAffiliateApiKeys({ id: row.id, expires_at: new Date(Date.now() - 1000) })
        expect(await service.findS2sContext(live.key, "")).toBeNull()
        const deleted = await world()
        await service.softDeleteAffiliateCampaigns(deleted.campaign.id)
        expect(await service.findS2sContext(deleted.key, "")).toBeNull()
      })

      it("tells a token of another campaign by its click_campaign_id", async () => {
        const mine = await world()
        const other = await world()
        const { click_token } = await click(other.campaign, other.affiliate)
        const ctx = await service.findS2sContext(mine.key, click_token)
        expect(ctx!.campaign_id).toBe(mine.campaign.id)
        expect(ctx!.click_campaign_id).toBe(other.campaign.id)
      })
    })

    describe("recordConversion, undoRecordedConversion and logRequest", () => {
      async function recordedWorld() {
        const w = await world()
        const c = await click(w.campaign, w.affiliate)
        const [stored] = await service.listAffiliateClicks({ click_token: c.click_token })
        return { ...w, ids: { campaign_id: w.campaign.id, affiliate_id: w.affiliate.id, click_id: stored.id } }
      }

      it("records once per campaign and order: a repeat counts a duplicate and returns the first id", async () => {
        const { campaign, ids } = await recordedWorld()
        const first = await service.recordConversion(conversion(ids, "O-1"), logFields(campaign.id, "O-1"))
        const again = await service.recordConversion({ ...conversion(ids, "O-1"), order_total: "1" }, logFields(campaign.id, "O-1"))
        expect(first.created).toBe(true)
        expect(again).toMatchObject({ created: false, conversion_id: first.conversion_id })
        const [row] = await service.listAffiliateConversions({ order_id: "O-1" })
        expect(row).toMatchObject({ id: first.conversion_id, duplicate_count: 1, commission_currency: "usd", metadata: { coupon: "SPRING" } })
        expect(String(row.order_total)).toBe("129.99")
        const logs = await service.listAffiliateRequestLogs({ order_id: "O-1" }, { order: { created_at: "ASC" } })
        expect(logs.map((l) => [l.id, l.outcome, l.conversion_id])).toEqual([
          [first.request_log_id, "success", first.conversion_id],
          [again.request_log_id, "duplicate", first.conversion_id],
        ])
      })

      it("stores each item's amounts as Medusa's big numbers: exact, with the raw columns Medusa writes, null where there is none", async () => {
        const { campaign, ids } = await recordedWorld()
        const item = { product_id: null, category: ["home"], collection: null, quantity: 1, metadata: null }
        const base = conversion(ids, "I-1")
        const items = [
          { ...item, sku: "MUG", item_value: "19.90", commission_amount: "1.99", commission_rate: "10", rule_id: null },
          { ...item, sku: "GIFT", item_value: "0.05", commission_amount: null, commission_rate: null, rule_id: null },
        ]
        const recorded = await service.recordConversion({ ...base, commission: { ...base.commission, items } }, logFields(campaign.id, "I-1"))
        const byOrm = await service.listAffiliateConversionItems({ conversion_id: recorded.conversion_id }, { order: { sku: "ASC" } })
        expect(byOrm.map((i) => [i.sku, String(i.item_value), i.commission_amount === null ? null : String(i.commission_amount)])).toEqual([
          ["GIFT", "0.05", null],
          ["MUG", "19.9", "1.99"],
        ])
        const raw = await (MikroOrmWrapper.getManager().getKnex() as Knex).raw(
          "SELECT sku, raw_item_value, raw_commission_amount, raw_commission_rate FROM affiliate_conversion_item WHERE conversion_id = ? ORDER BY sku",
          [recorded.conversion_id]
        )
        expect(raw.rows).toEqual([
          { sku: "GIFT", raw_item_value: { value: "0.05", precision: 20 }, raw_commission_amount: null, raw_commission_rate: null },
          { sku: "MUG", raw_item_value: { value: "19.90", precision: 20 }, raw_commission_amount: { value: "1.99", precision: 20 }, raw_commission_rate: { value: "10", precision: 20 } },
        ])
      })

      it("records one row when 20 identical calls race", async () => {
        const { campaign, ids } = await recordedWorld()
        const results = await Promise.all(
          Array.from({ length: 20 }, () => service.recordConversion(conversion(ids, "RACE"), logFields(campaign.id, "RACE")))
        )
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.conversion_id)).size).toBe(1)
        const [row] = await service.listAffiliateConversions({ order_id: "RACE" })
        expect(row.duplicate_count).toBe(19)
      })

      it("undo takes back a created conversion with its log entry, or a counted repeat with its own", async () => {
        const { campaign, ids } = await recordedWorld()
        const first = await service.recordConversion(conversion(ids, "U-1"), logFields(campaign.id, "U-1"))
        const repeat = await service.recordConversion(conversion(ids, "U-1"), logFields(campaign.id, "U-1"))
        await service.undoRecordedConversion(repeat)
        const [row] = await service.listAffiliateConversions({ order_id: "U-1" })
        expect(row.duplicate_count).toBe(0)
        expect((await service.listAffiliateRequestLogs({ order_id: "U-1" })).map((l) => l.id)).toEqual([first.request_log_id])
        await service.undoRecordedConversion(first)
        expect(await service.listAffiliateConversions({ order_id: "U-1" }, { withDeleted: true })).toHaveLength(0)
        expect(await service.listAffiliateRequestLogs({ order_id: "U-1" })).toHaveLength(0)
      })

      it("joins the caller's transaction: rolled back, nothing it wrote remains", async () => {
        const { campaign, ids } = await recordedWorld()
        const repository = (service as any).baseRepository_
        await expect(
          repository.transaction(async (transactionManager: unknown) => {
            await service.recordConversion(conversion(ids, "TX-1"), logFields(campaign.id, "TX-1"), { transactionManager })
            await service.logRequest({ ...logFields(campaign.id, "TX-1"), outcome: "skipped", reason: "test", conversion_id: null }, { transactionManager })
            expect(await service.listAffiliateConversions({ order_id: "TX-1" }, {}, { transactionManager })).toHaveLength(1)
            throw new Error("roll back")
          })
        ).rejects.toThrow("roll back")
        expect(await service.listAffiliateConversions({ order_id: "TX-1" })).toHaveLength(0)
        expect(await service.listAffiliateRequestLogs({ order_id: "TX-1" })).toHaveLength(0)
      })

      it("logRequest keeps an entry and answers its id", async () => {
        const { campaign } = await world()
        const id = await service.logRequest({ ...logFields(campaign.id, "L-1"), outcome: "error", http_status: 401, reason: "missing API key", conversion_id: null })
        const [entry] = await service.listAffiliateRequestLogs({ id })
        expect(entry).toMatchObject({ outcome: "error", http_status: 401, reason: "missing API key", campaign_id: campaign.id })
      })
    })

    describe("what an event's subscribers check before running a workflow", () => {
      it("hasWebhooksFor: only an enabled, not deleted webhook that asked for the event", async () => {
        const type = "affiliate.conversion.created"
        expect(await service.hasWebhooksFor(type, "aconv_unknown")).toBe(false)
        const other = await service.createAffiliateWebhooks({ url: "https://hooks.example/a", events: ["affiliate.payout.paid"], secret_ciphertext: "x" })
        expect(await service.hasWebhooksFor(type, "aconv_unknown")).toBe(false)
        const listening = await service.createAffiliateWebhooks({ url: "https://hooks.example/b", events: ["affiliate.payout.paid", type], secret_ciphertext: "x" })
        expect(await service.hasWebhooksFor(type, "aconv_unknown")).toBe(true)
        await service.updateAffiliateWebhooks({ id: listening.id, status: "disabled" })
        expect(await service.hasWebhooksFor(type, "aconv_unknown")).toBe(false)
        await service.updateAffiliateWebhooks({ id: listening.id, status: "enabled" })
        await service.softDeleteAffiliateWebhooks([listening.id])
        expect(await service.hasWebhooksFor(type, "aconv_unknown")).toBe(false)
        expect(await service.hasWebhooksFor("affiliate.payout.paid", "apay_unknown")).toBe(true)
        await service.deleteAffiliateWebhooks([other.id, listening.id])
      })

      it("wantsConversionMail: a live conversion whose partner wants a mail per conversion", async () => {
        const { campaign, affiliate } = await world({ affiliate: { email_notifications: "each" } })
        const c = await click(campaign, affiliate)
        const [stored] = await service.listAffiliateClicks({ click_token: c.click_token })
        const ids = { campaign_id: campaign.id, affiliate_id: affiliate.id, click_id: stored.id }
        const live = await service.recordConversion(conversion(ids, "MAIL-1"), logFields(campaign.id, "MAIL-1"))
        const test = await service.recordConversion({ ...conversion(ids, "MAIL-2"), is_test: true }, logFields(campaign.id, "MAIL-2"))
        expect(await service.wantsConversionMail(live.conversion_id)).toBe(true)
        expect(await service.wantsConversionMail(test.conversion_id)).toBe(false)
        expect(await service.wantsConversionMail("aconv_unknown")).toBe(false)
        await service.updateAffiliates({ id: affiliate.id, email_notifications: "daily" })
        expect(await service.wantsConversionMail(live.conversion_id)).toBe(false)
      })
    })

    describe("claimOutboundDeliveries", () => {
      it("claims due deliveries once, with a lease, and the named ones whatever their time", async () => {
        const { campaign } = await world()
        const now = new Date()
        const delivery = (at: Date) => ({ campaign_id: campaign.id, url: "https://network.example/s2s", payload: {}, max_attempts: 3, next_attempt_at: at })
        const [due, later] = await service.createAffiliateOutboundDeliveries([delivery(new Date(now.getTime() - 1000)), delivery(new Date(now.getTime() + 60_000))])
        const first = await service.claimOutboundDeliveries(now, null)
        expect(first.map((d) => d.id)).toEqual([due.id])
        // Leased: a second worker at the same moment gets nothing.
        expect(await service.claimOutboundDeliveries(now, null)).toEqual([])
        const named = await service.claimOutboundDeliveries(now, [later.id])
        expect(named.map((d) => d.id)).toEqual([later.id])
      })
    })
  },
})
