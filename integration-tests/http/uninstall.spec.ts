import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance, AxiosRequestConfig } from "axios"
import pg from "pg"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { subscribersDone } from "../helpers/events"
import { placeOrder, setupStore, storeHeaders } from "../helpers/store"
import { allowPrivateTargets } from "../helpers/private-targets"

jest.setTimeout(600_000)

// This suite's outbound receivers listen on loopback.
allowPrivateTargets()

// The tables README "Uninstalling" names, read from it: a table the README does not name fails below.
const README_TABLES = readFileSync(path.join(__dirname, "../../README.md"), "utf8")
  .match(/The plugin's data lives in \d+ tables of its own \(([^)]*)\)/)![1]
  .match(/`([a-z_]+)`/g)!
  .map((t) => t.replace(/`/g, ""))
const MIGRATIONS = readdirSync(path.join(__dirname, "../../src/modules/affiliate/migrations")).filter((f) => /^Migration\d+\.ts$/.test(f))

/*
 * README, "Uninstalling": `npx medusa db:rollback affiliate`, run until nothing is left to revert,
 * on a database that holds what a running program holds (coupon and store conversions, a paid
 * payout, an adjustment, an erased click, deliveries, statement links), then asks Postgres for
 * anything of the plugin. Each rollback is the real CLI against the app's database.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminAuth
    const opts = (): AxiosRequestConfig => ({ ...admin.headers, validateStatus: () => true })
    const post = async (url: string, body: unknown = {}) => {
      const res = await api.post(`/admin/affiliate${url}`, body, opts())
      if (res.status !== 200 && res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${JSON.stringify(res.data)}`)
      return res.data
    }

    /** What a store running the program for a while has in its tables. */
    async function runTheProgram() {
      const container = getContainer() as unknown as MedusaContainer
      admin = await createAdminAndLogin(api as AxiosInstance, container)
      const setup = await setupStore(container)
      const { campaign, apiKey } = await createCampaign(container, { outbound_url: "http://127.0.0.1:9/never" })
      const partner = await createAffiliate(container)
      await post(`/affiliates/${partner.id}/promotions`, { promotion_id: setup.promotionId, campaign_id: campaign.id })
      await post(`/affiliates/${partner.id}/statement-link`)
      // A partner program: its settings, and a webhook whose deliveries share the outbox (no campaign).
      await post("/settings", { applications_open: true })
      await post("/webhooks", { url: "http://127.0.0.1:9/hooks", events: ["affiliate.conversion.created"] })

      const checkout = async (options: { promo?: string; click?: boolean }) => {
        const token = options.click ? await clickToken(api, campaign.handle, partner.code) : null
        const handled = subscribersDone(getContainer(), "order.placed")
        const { order } = await placeOrder(api as AxiosInstance, setup, {
          promoCode: options.promo,
          beforeComplete: token
            ? async (cartId) => void (await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) }))
            : undefined,
        })
        await handled
        return order.id as string
      }
      const couponOrder = await checkout({ promo: setup.promoCode }) // a coupon conversion: no click
      const storeOrder = await checkout({ click: true }) // a store conversion, forwarded (and failed)
      const s2s = await api.post(
        "/integration/s2sConvert",
        { click_token: await clickToken(api, campaign.handle, partner.code), order_id: "SHOP-1001", order_total: "80.00", order_currency: "USD" },
        { headers: { "X-API-Key": apiKey }, validateStatus: () => true }
      )
      expect(s2s.status).toBe(200)

      const service = affiliateService(container)
      const conversions = await service.listAffiliateConversions({ campaign_id: campaign.id })
      const coupon = conversions.find((c) => c.order_id === couponOrder)!
      expect(coupon).toMatchObject({ source: "coupon", click_id: null })
      // What a refund after payment writes: an adjustment on the coupon conversion.
      await service.createAffiliateCommissionAdjustments({ conversion_id: coupon.id, amount: "-1.00", currency_code: "usd", reason: "order partly refunded" })
      for (const c of conversions) await post(`/conversions/${c.id}/approve`)
      const { payouts } = await post("/payouts", {})
      await post(`/payouts/${payouts[0].id}/paid`, { reference: "TRF-1" })
      await post("/erasures", { order_id: storeOrder }) // clears the click's landing URL, among others

      expect(await service.listAffiliateOutboundDeliveries({ campaign_id: campaign.id })).toHaveLength(1)
      expect((await service.listAffiliateOutboundDeliveries({ campaign_id: null })).length).toBeGreaterThan(0) // the webhook's
      expect((await service.listAffiliateClicks({ landing_url: null })).length).toBeGreaterThan(0)
    }

    async function leftovers() {
      const client = new pg.Client({ connectionString: dbConfig.clientUrl })
      await client.connect()
      try {
        const rows = async (sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows.map((r) => Object.values(r).join(" "))
        return {
          relations: await rows(`select relkind::text || ' ' || relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                  where n.nspname = 'public' and c.relname ilike '%affiliate%'`),
          triggers: await rows(`select tgname from pg_trigger where tgname ilike '%affiliate%'`),
          functions: await rows(`select proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                  where n.nspname = 'public' and proname ilike '%affiliate%'`),
          migrations: await rows(`select name from mikro_orm_migrations where name = any($1)`, [MIGRATIONS.map((f) => f.replace(/\.ts$/, ""))]),
        }
      } finally {
        await client.end()
      }
    }

    const medusa = (...args: string[]) =>
      spawnSync("node_modules/.bin/medusa", args, {
        env: { ...process.env, DATABASE_URL: dbConfig.clientUrl, MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "info" },
        encoding: "utf8",
        timeout: 180_000,
      })

    /** The CLI's own words when a migration failed, or null. */
    const failure = (result: ReturnType<typeof medusa>) => `${result.stdout}${result.stderr}`.match(/(Failed with error|error:).{0,300}/i)?.[0] ?? null

    it("rolls every migration back on a database the program has filled, leaves nothing of the plugin behind, and installs again", async () => {
      await runTheProgram()
      const before = await leftovers()
      const ownTables = before.relations.filter((r) => r.startsWith("r affiliate")).map((r) => r.slice(2))
      expect(ownTables.sort()).toEqual([...README_TABLES].sort())
      expect(before.triggers.length).toBeGreaterThanOrEqual(4)
      expect(before.functions.length).toBeGreaterThanOrEqual(3)
      expect(before.migrations).toHaveLength(MIGRATIONS.length)

      // One migration per run, newest first: what the README's loop does.
      for (let left = MIGRATIONS.length; left > 0; left--) {
        const result = medusa("db:rollback", "affiliate")
        expect([left, result.status, failure(result)]).toEqual([left, 0, null])
        expect((await leftovers()).migrations).toHaveLength(left - 1)
      }
      const nothing = medusa("db:rollback", "affiliate")
      expect([nothing.status, `${nothing.stdout}`.includes("Nothing to revert")]).toEqual([0, true])
      expect(await leftovers()).toEqual({ relations: [], triggers: [], functions: [], migrations: [] })

      const again = medusa("db:migrate", "--skip-links")
      expect([again.status, failure(again)]).toEqual([0, null])
      const reinstalled = await leftovers()
      expect(reinstalled.relations).toEqual(expect.arrayContaining(README_TABLES.map((t) => `r ${t}`)))
      expect(reinstalled.migrations).toHaveLength(MIGRATIONS.length)
    })
  },
})
