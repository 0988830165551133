import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { AxiosInstance } from "axios"
import { approveHeldConversionsWorkflow } from "../../src/workflows/payouts/workflows/approve-held-conversions"
import { applyRetentionWorkflow } from "../../src/workflows/retention/workflows/apply-retention"
import { foldDailyStatsWorkflow } from "../../src/workflows/reporting/workflows/fold-daily-stats"
import { trustAffiliateSignalWorkflow } from "../../src/workflows/trust/workflows/trust-affiliate-signal"
import { revokeAffiliateTrustWorkflow } from "../../src/workflows/trust/workflows/revoke-affiliate-trust"
import { trustAffiliateSignalStepId } from "../../src/workflows/trust/steps/trust-affiliate-signal"
import { revokeAffiliateTrustStepId } from "../../src/workflows/trust/steps/revoke-affiliate-trust"
import { AdminAuth, adminCalls, createAdminAndLogin } from "../helpers/admin-auth"
import { subscribersDone } from "../helpers/events"
import { affiliateService, clickLink, createAffiliate } from "../helpers/fixtures"
import { placeOrder, setupStore, storeHeaders, StoreSetup } from "../helpers/store"
import { AnyWorkflow, runFailingAfter } from "../helpers/workflows"

jest.setTimeout(300_000)

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
const COUNTED = ["pending", "approved", "paid"]

/*
 * Trust (contract, section 11; README, "Trust"), over the real app: unique clicks through the
 * link, fraud signals on S2S calls and on real orders placed over the Store API, the review queue
 * and the hold period, trusting an affiliate for a signal, breakdowns by where traffic came from
 * against a recount of the raw rows, and what retention and erasure clear.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: AdminAuth
    let setup: StoreSetup
    const container = () => getContainer() as unknown as MedusaContainer
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
    const service = () => affiliateService(getContainer())
    const { opts, get, post, del } = adminCalls(api as AxiosInstance, () => auth)

    beforeAll(async () => {
      auth = await createAdminAndLogin(api as AxiosInstance, container())
      setup = await setupStore(container())
    })

    async function campaign(body: Record<string, unknown> = {}) {
      const res = await post("/campaigns", { name: `Trust ${Math.random().toString(36).slice(2, 8)}`, target_url: "https://shop.example.com/", commission_value: "10", ...body })
      expect(res.status).toBe(200)
      const apiKey: string = (await get(`/campaigns/${res.data.campaign.id}/s2s`)).data.api_key
      return { ...res.data.campaign, apiKey } as { id: string; handle: string; apiKey: string; fraud_rules: Record<string, unknown> }
    }

    /** Follows the link as a browser (or as `headers` say); the token it answered, or null. */
    async function visit(handle: string, code: string, headers: Record<string, string> = {}, query: Record<string, string> = {}, method: "get" | "head" = "get") {
      const res =
        method === "head"
          ? await api.head(`/affiliate/click/${handle}`, { params: { aff: code, ...query }, headers: { "User-Agent": CHROME, ...headers }, maxRedirects: 0, validateStatus: () => true })
          : await clickLink(api, handle, { aff: code, ...query }, { "User-Agent": CHROME, ...headers })
      expect(res.status).toBe(302)
      return new URL(res.headers.location).searchParams.get("click_token")
    }

    async function s2s(apiKey: string, body: Record<string, unknown>) {
      const res = await api.post("/integration/s2sConvert", body, { headers: { "X-API-Key": apiKey }, validateStatus: () => true })
      expect(res.status).toBe(200)
      return res.data
    }

    const conversion = async (id: string) => (await get(`/conversions/${id}`)).data.conversion
    const codesOf = async (id: string) => ((await conversion(id)).signals as { code: string }[]).map((s) => s.code).sort()
    /** Moves a click back in time, so a conversion now is not a fast one. */
    const age = (token: string, interval = "1 minute") => db()("affiliate_click").where({ click_token: token }).update({ created_at: db().raw(`created_at - interval '${interval}'`) })

    async function storeOrder(handle: string | null, code: string | null, options: { email?: string; promoCode?: string; before?: (token: string) => Promise<void>; query?: Record<string, string> } = {}) {
      const token = handle && code ? await visit(handle, code, {}, options.query) : null
      if (token && options.before) await options.before(token)
      const placed = subscribersDone(getContainer(), "order.placed")
      const { order } = await placeOrder(api as AxiosInstance, setup, {
        email: options.email ?? "sam.shopper@gmail.com",
        promoCode: options.promoCode,
        beforeComplete: token
          ? async (cartId) => {
              await api.post(`/store/carts/${cartId}/affiliate`, { click_token: token, consent: "granted" }, { headers: storeHeaders(setup) })
            }
          : undefined,
      })
      await placed
      const rows = await service().listAffiliateConversions({ order_id: order.id })
      expect(rows).toHaveLength(1)
      return { orderId: order.id as string, conversionId: rows[0].id as string, token }
    }

    describe("unique clicks", () => {
      it("a reload reuses the click and its token; a HEAD, both prefetch headers and link previews get the redirect and no click; another visitor or the window's end is a new click", async () => {
        const c = await campaign()
        const ada = await createAffiliate(container())
        const first = await visit(c.handle, ada.code)
        expect(first).toMatch(/^[0-9A-Za-z]{22}$/)
        // A reload, and a visit through a deep link: the same visitor, the same link.
        expect(await visit(c.handle, ada.code)).toBe(first)
        const deep = await clickLink(api, c.handle, { aff: ada.code, url: "https://shop.example.com/shoes" }, { "User-Agent": CHROME })
        expect(deep.headers.location).toBe(`https://shop.example.com/shoes?click_token=${first}&click_expires_at=${new URL(deep.headers.location).searchParams.get("click_expires_at")}`)
        expect(deep.headers["set-cookie"]?.[0]).toContain(`affiliate_click_token=${first}`)

        // Not visits: the redirect to the target, no token, no click.
        for (const headers of [{ "Sec-Purpose": "prefetch" }, { "Sec-Purpose": "prefetch;prerender" }, { Purpose: "prefetch" }, { "User-Agent": "WhatsApp/2.23.20.0 A" }, { "User-Agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" }]) {
          const res = await clickLink(api, c.handle, { aff: ada.code }, { "User-Agent": CHROME, ...headers })
          expect([res.status, res.headers.location, res.headers["set-cookie"]]).toEqual([302, "https://shop.example.com/", undefined])
        }
        const head = await api.head(`/affiliate/click/${c.handle}`, { params: { aff: ada.code }, headers: { "User-Agent": FIREFOX }, maxRedirects: 0, validateStatus: () => true })
        expect([head.status, head.headers.location]).toEqual([302, "https://shop.example.com/"])

        // Another browser on the same IP is another visitor.
        const other = await visit(c.handle, ada.code, { "User-Agent": FIREFOX })
        expect(other).not.toBe(first)
        // After the campaign's window (60 minutes), the same visitor makes a new click.
        await db()("affiliate_click").where({ click_token: first }).update({ created_at: db().raw("created_at - interval '61 minutes'") })
        const later = await visit(c.handle, ada.code)
        expect([later === first, later === other]).toEqual([false, false])

        const rows = await db()("affiliate_click").where({ campaign_id: c.id }).select("click_token", "visitor_hash", "country", "referrer_host")
        // Three click rows: the first visit, Firefox, the visit after the window; no row for the head, prefetches and previews.
        expect(rows).toHaveLength(3)
        expect(rows.every((r) => /^[0-9a-f]{32}$/.test(r.visitor_hash))).toBe(true)
        // Raw clicks count the reload and the deep link too; unique clicks do not; link previews are filtered clicks.
        const { totals } = (await get(`/campaigns/${c.id}/stats`, { days: 7 })).data
        expect(totals).toMatchObject({ clicks: 5, unique_clicks: 3, filtered_clicks: 2 })
        const affiliateStats = (await get(`/affiliates/${ada.id}/stats`, { days: 7 })).data
        expect(affiliateStats.totals).toMatchObject({ clicks: 5, unique_clicks: 3 })
        const sum = (key: "clicks" | "unique_clicks") => affiliateStats.series.reduce((n: number, p: any) => n + p[key], 0)
        expect([sum("clicks"), sum("unique_clicks")]).toEqual([5, 3])
      })

      it("a campaign's window of 0 makes every visit a click; a storefront server's POST /store/affiliate/clicks is never merged", async () => {
        const c = await campaign({ unique_click_window_minutes: 0 })
        expect(c).toMatchObject({ unique_click_window_minutes: 0 })
        const ada = await createAffiliate(container())
        const tokens = [await visit(c.handle, ada.code), await visit(c.handle, ada.code)]
        expect(new Set(tokens).size).toBe(2)
        const standard = await campaign()
        const viaStore = async () =>
          (await api.post("/store/affiliate/clicks", { campaign: standard.handle, aff: ada.code, user_agent: CHROME }, { headers: storeHeaders(setup) })).data.click_token
        // Its IP is the storefront server's, not the shopper's: two shoppers must not share a click.
        expect(await viaStore()).not.toBe(await viaStore())
        expect((await post(`/campaigns/${c.id}`, { unique_click_window_minutes: 10_081 })).status).toBe(400)
        expect((await post(`/campaigns/${c.id}`, { unique_click_window_minutes: 30 })).data.campaign.unique_click_window_minutes).toBe(30)
      })
    })

    describe("where traffic comes from", () => {
      it("reads the country from each CDN header, else unknown; the countryHeader option names the only header read", async () => {
        const c = await campaign()
        const ada = await createAffiliate(container())
        const byHeader: [Record<string, string>, string][] = [
          [{ "CF-IPCountry": "de" }, "DE"],
          [{ "CloudFront-Viewer-Country": "FR" }, "FR"],
          [{ "X-Vercel-IP-Country": "NL" }, "NL"],
          [{ "CF-IPCountry": "XX" }, "unknown"],
          [{}, "unknown"],
        ]
        for (const [i, [headers, country]] of byHeader.entries()) {
          // A browser each, so every visit is a click of its own.
          const token = await visit(c.handle, ada.code, { ...headers, "User-Agent": `${CHROME} visitor/${i}` })
          const [row] = await db()("affiliate_click").where({ click_token: token! }).select("country")
          expect([headers, row.country]).toEqual([headers, country])
        }
        const options = (service() as unknown as { options_: { countryHeader: string | null } }).options_
        options.countryHeader = "x-country"
        try {
          const named = await visit(c.handle, ada.code, { "X-Country": "se", "CF-IPCountry": "DE", "User-Agent": `${CHROME} visitor/named` })
          const cdnOnly = await visit(c.handle, ada.code, { "CF-IPCountry": "DE", "User-Agent": `${CHROME} visitor/cdn` })
          const countries = await db()("affiliate_click").whereIn("click_token", [named!, cdnOnly!]).select("click_token", "country")
          expect(Object.fromEntries(countries.map((r) => [r.click_token, r.country]))).toEqual({ [named!]: "SE", [cdnOnly!]: "unknown" })
        } finally {
          options.countryHeader = null
        }
      })

      it("breakdowns by country, device and referrer equal a recount of the raw rows, folded midway or not; per campaign and per affiliate", async () => {
        const c = await campaign()
        const other = await campaign()
        const ada = await createAffiliate(container())
        const bo = await createAffiliate(container())
        const visits: [typeof c, typeof ada, Record<string, string>][] = [
          [c, ada, { "CF-IPCountry": "DE", Referer: "https://www.blog.example.org/post/1" }],
          [c, ada, { "CF-IPCountry": "DE", Referer: "https://www.blog.example.org/post/1" }], // the reload: a raw click only
          [c, ada, { "CF-IPCountry": "US", "User-Agent": IPHONE, Referer: "https://news.example.net/" }],
          [c, bo, { "CF-IPCountry": "US", "User-Agent": FIREFOX }],
          [c, bo, { "CF-IPCountry": "US", "User-Agent": FIREFOX }], // the reload
          [other, ada, { "CF-IPCountry": "FR" }],
        ]
        const tokens: (string | null)[] = []
        for (const [i, [campaign_, affiliate, headers]] of visits.entries()) {
          tokens.push(await visit(campaign_.handle, affiliate.code, headers))
          if (i === 2) await foldDailyStatsWorkflow(container()).run()
        }
        // Conversions through three clicks: approved, rejected (counted, earns nothing), and one on the other campaign.
        for (const token of tokens) await age(token!)
        const one = await s2s(c.apiKey, { click_token: tokens[0], order_id: "B-1", order_total: "100.00", order_currency: "USD" })
        const two = await s2s(c.apiKey, { click_token: tokens[2], order_id: "B-2", order_total: "50.00", order_currency: "EUR" })
        await s2s(other.apiKey, { click_token: tokens[5], order_id: "B-3", order_total: "10.00", order_currency: "USD" })
        expect((await post(`/conversions/${one.conversion_id}/approve`)).status).toBe(200)
        expect((await post(`/conversions/${two.conversion_id}/reject`, { reason: "returned" })).status).toBe(200)

        const recount = async (dimension: "country" | "device" | "referrer", scope: { campaign_id?: string; affiliate_id?: string }) => {
          const column = { country: "k.country", device: "k.device_type", referrer: "k.referrer_host" }[dimension]
          const where = scope.campaign_id ? ["k.campaign_id = ?", scope.campaign_id] : ["k.affiliate_id = ?", scope.affiliate_id]
          const { rows: clicks } = await db().raw(`select ${column} as key, count(*)::int as n from affiliate_click k where ${where[0]} group by 1`, [where[1]])
          const { rows: conversions } = await db().raw(
            `select ${column} as key, c.commission_currency as currency, count(*)::int as n,
                    coalesce(sum(c.commission_amount) filter (where c.status = any(?)), 0)::numeric as amount
               from affiliate_conversion c join affiliate_click k on k.id = c.click_id
              where ${where[0].replace("k.", "c.")} and not c.is_test group by 1, 2`,
            [COUNTED, where[1]]
          )
          return { clicks, conversions }
        }
        // Repeat visits are no rows: each answered the earlier token, and counts once more in raw clicks.
        const repeats: Record<string, number> = { DE: 1, US: 1, desktop: 2, "blog.example.org": 1, direct: 1 }
        for (const scope of [{ campaign_id: c.id }, { affiliate_id: ada.id }, { affiliate_id: bo.id }]) {
          for (const by of ["country", "device", "referrer"] as const) {
            const path = scope.campaign_id ? `/campaigns/${scope.campaign_id}/breakdown` : `/affiliates/${scope.affiliate_id}/breakdown`
            const res = await get(path, { by, days: 7 })
            expect(res.status).toBe(200)
            const { clicks, conversions } = await recount(by, scope)
            const expected = clicks.map((r: { key: string; n: number }) => {
              const mine = conversions.filter((x: { key: string }) => x.key === r.key)
              return {
                key: r.key,
                unique_clicks: r.n,
                conversions: mine.reduce((n: number, x: { n: number }) => n + x.n, 0),
                commission: mine.map((x: { currency: string; amount: string }) => [x.currency, Number(x.amount)]).sort(),
              }
            })
            const answered = res.data.rows.map((r: any) => ({
              key: r.key,
              unique_clicks: r.unique_clicks,
              conversions: r.conversions,
              commission: r.commission.map((m: any) => [m.currency_code, Number(m.amount)]).sort(),
            }))
            expect([scope, by, answered.sort((a: any, b: any) => a.key.localeCompare(b.key))]).toEqual([scope, by, expected.sort((a: any, b: any) => a.key.localeCompare(b.key))])
            // Raw clicks are the unique ones plus the campaign's repeat visits with that key.
            if (scope.campaign_id) for (const row of res.data.rows) expect([by, row.key, row.clicks - row.unique_clicks]).toEqual([by, row.key, repeats[row.key] ?? 0])
          }
        }
        const devices = (await get(`/campaigns/${c.id}/breakdown`, { by: "device" })).data.rows
        expect(devices.map((r: any) => [r.key, r.clicks, r.unique_clicks])).toEqual([["desktop", 4, 2], ["mobile", 1, 1]])
        const referrers = (await get(`/campaigns/${c.id}/breakdown`, { by: "referrer" })).data.rows
        expect(referrers.map((r: any) => r.key).sort()).toEqual(["blog.example.org", "direct", "news.example.net"])
        // The same answers once everything is folded.
        const before = (await get(`/campaigns/${c.id}/breakdown`, { by: "country" })).data
        await foldDailyStatsWorkflow(container()).run()
        expect((await get(`/campaigns/${c.id}/breakdown`, { by: "country" })).data).toEqual(before)
        const figures = (key: string) => {
          const row = before.rows.find((r: any) => r.key === key)
          return [row.clicks, row.unique_clicks, row.conversions, row.commission.map((m: any) => [m.currency_code, Number(m.amount)])]
        }
        // DE: the approved USD sale earns 10; US: the rejected EUR sale counts and earns nothing.
        expect([figures("DE"), figures("US")]).toEqual([[2, 1, 1, [["usd", 10]]], [3, 2, 1, [["eur", 0]]]])

        expect((await get(`/campaigns/${c.id}/breakdown`, { by: "city" })).status).toBe(400)
        expect((await get(`/campaigns/${c.id}/breakdown`, { by: "country", days: 0 })).status).toBe(400)
        expect((await get(`/campaigns/acmp_missing/breakdown`, { by: "country" })).status).toBe(404)
        expect((await get(`/affiliates/aff_missing/breakdown`, { by: "device" })).status).toBe(404)
      })
    })

    describe("fraud signals on S2S calls", () => {
      it("fast_conversion, ip_velocity, self_referral_ip and paid_search fire, and do not, without changing the answer", async () => {
        const c = await campaign({ fraud_rules: { ip_velocity_per_hour: 2, forbid_paid_search: true } })
        expect(c.fraud_rules).toEqual({ fast_conversion_seconds: 10, ip_velocity_per_hour: 2, forbid_paid_search: true, leaked_code_share: 0.5, disabled: [] })
        const ada = await createAffiliate(container())

        // fast_conversion: a second after the click; not a minute after it.
        const quick = await visit(c.handle, ada.code)
        const answer = await s2s(c.apiKey, { click_token: quick, order_id: "S-FAST", order_total: "10.00", order_currency: "USD" })
        expect(answer).toEqual({ status: "success", message: "S2S conversion recorded successfully", conversion_id: expect.any(String), request_id: expect.any(String) })
        const fast = await conversion(answer.conversion_id)
        expect(fast).toMatchObject({ flagged: true, status: "pending", signals: [{ code: "fast_conversion", reason: expect.stringMatching(/^Converted \d+ s after the click/), evidence: { seconds: expect.any(Number), threshold: 10 } }] })
        const slow = await visit(c.handle, ada.code, { "User-Agent": FIREFOX })
        await age(slow!)
        const calm = await s2s(c.apiKey, { click_token: slow, order_id: "S-CALM", order_total: "10.00", order_currency: "USD" })
        expect(await conversion(calm.conversion_id)).toMatchObject({ flagged: false, signals: [] })

        // ip_velocity: the third conversion from one IP within the hour, for this affiliate (the campaign allows 2).
        const fromIp = async (order: string, ip: string) => s2s(c.apiKey, { click_token: slow, order_id: order, order_total: "5.00", order_currency: "USD", ip })
        const velocity = [await fromIp("V-1", "198.51.100.7"), await fromIp("V-2", "198.51.100.7"), await fromIp("V-3", "198.51.100.7"), await fromIp("V-4", "198.51.100.8")]
        expect(await Promise.all(velocity.map((v) => codesOf(v.conversion_id)))).toEqual([[], [], ["ip_velocity"], []])
        const [flood] = (await conversion(velocity[2].conversion_id)).signals
        expect(flood.evidence).toEqual({ conversions_last_hour: 3, threshold: 2 })
        // A test conversion is never flagged, nor counted.
        expect(await codesOf((await s2s(c.apiKey, { click_token: quick, order_id: "V-T", order_total: "5.00", order_currency: "USD", ip: "198.51.100.7", test: true })).conversion_id)).toEqual([])

        // self_referral_ip: the affiliate was seen at the call's IP (their application, a portal login).
        await service().rememberAffiliateIp(ada.id, { ip: "203.0.113.50", source: "portal_login" })
        const own = await s2s(c.apiKey, { click_token: slow, order_id: "SELF-IP", order_total: "5.00", order_currency: "USD", ip: "203.0.113.50" })
        expect((await conversion(own.conversion_id)).signals).toEqual([
          { code: "self_referral_ip", reason: "The conversion came from an IP address the affiliate logged into the partner portal from", evidence: { seen: "portal_login" } },
        ])
        // Only the keyed hash is kept, never the IP.
        expect(JSON.stringify(await db()("affiliate_known_ip").where({ affiliate_id: ada.id }))).not.toContain("203.0.113.50")
        expect(await codesOf((await s2s(c.apiKey, { click_token: slow, order_id: "OTHER-IP", order_total: "5.00", order_currency: "USD", ip: "203.0.113.51" })).conversion_id)).toEqual([])
        // limited_data_use: the call's IP is neither kept nor used.
        expect(await codesOf((await s2s(c.apiKey, { click_token: slow, order_id: "LIMITED", order_total: "5.00", order_currency: "USD", ip: "203.0.113.50", limited_data_use: true })).conversion_id)).toEqual([])

        // paid_search: the link came with gclid (or a deep link with msclkid) and the campaign forbids it.
        const ad = await visit(c.handle, ada.code, { "User-Agent": `${CHROME} ad` }, { gclid: "Cj0KCQiA" })
        const bing = await visit(c.handle, ada.code, { "User-Agent": `${CHROME} bing` }, { url: "https://shop.example.com/p?msclkid=abc" })
        for (const token of [ad, bing]) await age(token!)
        const paid = await s2s(c.apiKey, { click_token: ad, order_id: "PAID", order_total: "5.00", order_currency: "USD" })
        expect((await conversion(paid.conversion_id)).signals).toEqual([
          { code: "paid_search", reason: "The click came from a paid search ad (gclid), which this campaign forbids", evidence: { parameter: "gclid" } },
        ])
        expect(await codesOf((await s2s(c.apiKey, { click_token: bing, order_id: "PAID-2", order_total: "5.00", order_currency: "USD" })).conversion_id)).toEqual(["paid_search"])
        // Only the parameter's name is kept with the click, never its value.
        expect(await db()("affiliate_click").where({ click_token: ad! }).first("paid_search_param", "landing_url")).toEqual({ paid_search_param: "gclid", landing_url: "https://shop.example.com/" })
        const allowed = await campaign()
        const adElsewhere = await visit(allowed.handle, ada.code, {}, { gclid: "Cj0KCQiA" })
        await age(adElsewhere!)
        expect(await codesOf((await s2s(allowed.apiKey, { click_token: adElsewhere, order_id: "PAID-OK", order_total: "5.00", order_currency: "USD" })).conversion_id)).toEqual([])

        // A duplicate answers as always.
        expect(await s2s(c.apiKey, { click_token: quick, order_id: "S-FAST", order_total: "10.00", order_currency: "USD" })).toMatchObject({ status: "duplicate", conversion_id: answer.conversion_id })
      })
    })

    describe("fraud signals on real orders", () => {
      it("self_referral_email, fast_conversion, self_referral_ip, paid_search, disposable_email and ip_velocity on store orders, and an order that raises none", async () => {
        // Two minutes count as fast here: a checkout on a busy machine can take longer than the default 10 s.
        const strict = await campaign({ fraud_rules: { forbid_paid_search: true, ip_velocity_per_hour: 1, fast_conversion_seconds: 120 } })
        const ada = await createAffiliate(container(), { email: "ada@acme-widgets.com" })
        const bo = await createAffiliate(container(), { email: "bo@gmail.com" })

        // Ada orders through her own ad, with her company's address, at once.
        const noisy = await storeOrder(strict.handle, ada.code, {
          email: "buyer@Acme-Widgets.com",
          query: { gclid: "Cj0KCQiA" },
          before: async (token) => {
            const [click] = await db()("affiliate_click").where({ click_token: token }).select("ip_hash")
            await service().rememberAffiliateIp(ada.id, { ip_hash: click.ip_hash, source: "application" })
          },
        })
        expect(await codesOf(noisy.conversionId)).toEqual(["fast_conversion", "paid_search", "self_referral_email", "self_referral_ip"])
        const row = await conversion(noisy.conversionId)
        expect(row.signals.find((s: any) => s.code === "self_referral_email")).toEqual({
          code: "self_referral_email",
          reason: "The order's email is at the affiliate's own mail domain",
          evidence: { match: "domain" },
        })
        // The store conversion carries its click's IP hash (what velocity counts by); never the address.
        expect(row.ip_hash).toMatch(/^[0-9a-f]{32}$/)
        expect(JSON.stringify(row)).not.toMatch(/buyer@|acme-widgets/i)

        // Bo, a minute after the click, a gmail shopper: nothing. Then a disposable address: only that.
        const quiet = await storeOrder(strict.handle, bo.code, { before: (token) => age(token, "5 minutes") })
        expect(await conversion(quiet.conversionId)).toMatchObject({ signals: [], flagged: false })
        const throwaway = await storeOrder(strict.handle, bo.code, { email: "x7@mailinator.com", before: (token) => age(token, "5 minutes") })
        // The campaign allows one conversion an hour from one IP: Bo's second from this browser is one too many.
        expect(await codesOf(throwaway.conversionId)).toEqual(["disposable_email", "ip_velocity"])
        const calm = await campaign()
        const elsewhere = await storeOrder(calm.handle, bo.code, { email: "x8@mailinator.com", before: (token) => age(token) })
        expect(await codesOf(elsewhere.conversionId)).toEqual(["disposable_email"])
      })

      it("leaked_code: a code's order without a click from its affiliate, while such orders pass the share; not one through their link", async () => {
        const c = await campaign({ attribution_precedence: "coupon" })
        const cy = await createAffiliate(container())
        expect((await post(`/affiliates/${cy.id}/promotions`, { promotion_id: setup.promotionId, campaign_id: c.id })).status).toBe(200)
        const leaked = await storeOrder(null, null, { promoCode: setup.promoCode })
        const [signal] = (await conversion(leaked.conversionId)).signals
        expect(signal).toEqual({
          code: "leaked_code",
          reason: `1 of the 1 orders with the code ${setup.promoCode} never came through the affiliate's links: the code may be on coupon sites`,
          evidence: { code: setup.promoCode, without_click: 1, conversions: 1, share: 1, threshold: 0.5 },
        })
        // Cy's own link, then the code: the shopper came through Cy; the code is credited and was not leaked.
        const through = await storeOrder(c.handle, cy.code, { promoCode: setup.promoCode, before: (token) => age(token) })
        expect((await service().retrieveAffiliateConversion(through.conversionId)).source).toBe("coupon")
        expect(await codesOf(through.conversionId)).toEqual([])
        const [counts] = await db()("affiliate_promotion").where({ affiliate_id: cy.id }).select("conversions", "conversions_without_click")
        expect(counts).toEqual({ conversions: 2, conversions_without_click: 1 })
      })
    })

    describe("the review queue, the hold period and trust", () => {
      it("the hold period never approves a flagged conversion; the queue lists it; trusting the affiliate for its signal releases it, with history", async () => {
        const c = await campaign()
        const ada = await createAffiliate(container())
        const flaggedToken = await visit(c.handle, ada.code)
        const flagged = (await s2s(c.apiKey, { click_token: flaggedToken, order_id: "H-FLAGGED", order_total: "20.00", order_currency: "USD" })).conversion_id
        const cleanToken = await visit(c.handle, ada.code, { "User-Agent": FIREFOX })
        await age(cleanToken!)
        const clean = (await s2s(c.apiKey, { click_token: cleanToken, order_id: "H-CLEAN", order_total: "20.00", order_currency: "USD" })).conversion_id
        await db()("affiliate_conversion").whereIn("id", [flagged, clean]).update({ created_at: db().raw("created_at - interval '31 days'") })

        const queue = await get("/conversions", { flagged: true, campaign_id: c.id })
        expect(queue.data.conversions.map((r: any) => [r.id, r.flagged, r.signals.map((s: any) => s.code)])).toEqual([[flagged, true, ["fast_conversion"]]])
        expect((await get("/conversions", { flagged: false, campaign_id: c.id })).data.conversions.map((r: any) => r.id)).toEqual([clean])

        await approveHeldConversionsWorkflow(container()).run({ input: {} })
        expect((await conversion(clean)).status).toBe("approved")
        expect((await conversion(flagged)).status).toBe("pending")

        // The statement shows it as pending, never its signals.
        const url: string = (await post(`/affiliates/${ada.id}/statement-link`)).data.url
        // 90 days: the conversions were moved 31 days back.
        const statement = await api.get(`${new URL(url).pathname}?days=90`, { headers: { Accept: "application/json" } })
        expect(statement.data.conversions.map((r: any) => r.status).sort()).toEqual(["approved", "pending"])
        expect(statement.data.totals).toMatchObject({ clicks: 2, unique_clicks: 2 })
        expect(JSON.stringify(statement.data)).not.toMatch(/fast_conversion|signal|flagged/)
        const page = await api.get(`${new URL(url).pathname}?days=90`, { headers: { Accept: "text/html" } })
        expect(page.data).not.toMatch(/fast_conversion|Converted \d+ s/)

        // Trust Ada for fast_conversion: her pending conversion loses it and leaves the queue.
        const trusted = await post(`/affiliates/${ada.id}/trust`, { code: "fast_conversion" })
        expect(trusted.status).toBe(200)
        const me = `user:${(await api.get("/admin/users/me", opts())).data.user.id}`
        expect(trusted.data).toEqual({
          trust: { id: expect.any(String), affiliate_id: ada.id, code: "fast_conversion", created_by: me, created_at: expect.any(String), revoked_at: null, revoked_by: null },
          conversions_updated: 1,
        })
        expect(await conversion(flagged)).toMatchObject({ flagged: false, signals: [], status: "pending" })
        expect((await get("/conversions", { flagged: true, campaign_id: c.id })).data.conversions).toEqual([])
        const history = (await get(`/conversions/${flagged}/history`)).data.history.map((h: any) => [h.actor, h.field, h.from, h.to, h.reason])
        expect(history).toEqual([[me, "signals", "fast_conversion", null, "affiliate trusted for fast_conversion"]])
        // Trusting again changes nothing.
        expect((await post(`/affiliates/${ada.id}/trust`, { code: "fast_conversion" })).data).toEqual({ ...trusted.data, conversions_updated: 0 })
        // The hold period now approves it as usual.
        await approveHeldConversionsWorkflow(container()).run({ input: {} })
        expect((await conversion(flagged)).status).toBe("approved")

        // Her later conversions no longer raise it; other affiliates' still do.
        const next = await s2s(c.apiKey, { click_token: await visit(c.handle, ada.code, { "User-Agent": `${CHROME} next` }), order_id: "H-NEXT", order_total: "5.00", order_currency: "USD" })
        expect(await codesOf(next.conversion_id)).toEqual([])
        const bo = await createAffiliate(container())
        expect(await codesOf((await s2s(c.apiKey, { click_token: await visit(c.handle, bo.code), order_id: "H-BO", order_total: "5.00", order_currency: "USD" })).conversion_id)).toEqual(["fast_conversion"])

        // Revoking: later conversions raise it again; the decisions stay listed.
        const revoked = await del(`/affiliates/${ada.id}/trust/fast_conversion`)
        expect(revoked.status).toBe(200)
        expect(revoked.data.trust).toMatchObject({ code: "fast_conversion", revoked_by: me, revoked_at: expect.any(String) })
        expect((await del(`/affiliates/${ada.id}/trust/fast_conversion`)).status).toBe(404)
        expect(await codesOf((await s2s(c.apiKey, { click_token: await visit(c.handle, ada.code, { "User-Agent": `${CHROME} again` }), order_id: "H-AGAIN", order_total: "5.00", order_currency: "USD" })).conversion_id)).toEqual(["fast_conversion"])
        const listed = await get(`/affiliates/${ada.id}/trust`)
        expect(listed.data.trust.map((t: any) => [t.code, !!t.revoked_at])).toEqual([["fast_conversion", true]])

        expect((await post(`/affiliates/${ada.id}/trust`, { code: "nonsense" })).status).toBe(400)
        expect((await post(`/affiliates/${ada.id}/trust`, {})).status).toBe(400)
        expect((await post(`/affiliates/aff_missing/trust`, { code: "fast_conversion" })).status).toBe(404)
        expect((await del(`/affiliates/${ada.id}/trust/nonsense`)).status).toBe(400)
      })

      it("approve and reject are the usual review of a flagged conversion, each in its history; trusting lifts one signal of several", async () => {
        const c = await campaign({ fraud_rules: { ip_velocity_per_hour: 1 } })
        const ada = await createAffiliate(container())
        const token = await visit(c.handle, ada.code)
        const sale = async (order: string) => (await s2s(c.apiKey, { click_token: token, order_id: order, order_total: "10.00", order_currency: "USD", ip: "198.51.100.20" })).conversion_id
        const [a, b, d] = [await sale("Q-1"), await sale("Q-2"), await sale("Q-3")]
        expect(await codesOf(b)).toEqual(["fast_conversion", "ip_velocity"])
        expect((await post(`/conversions/${a}/approve`, {})).status).toBe(200)
        expect((await post(`/conversions/${b}/reject`, { reason: "same shopper, many orders" })).status).toBe(200)
        const queue = (await get("/conversions", { flagged: true, campaign_id: c.id })).data.conversions.map((r: any) => r.id)
        expect(queue).toEqual([d])
        expect((await get(`/conversions/${b}/history`)).data.history.map((h: any) => [h.field, h.to, h.reason])).toEqual([["status", "rejected", "same shopper, many orders"]])
        // Trusting one signal of two: d keeps the other and stays in the queue.
        expect((await post(`/affiliates/${ada.id}/trust`, { code: "fast_conversion" })).data.conversions_updated).toBe(1)
        expect(await conversion(d)).toMatchObject({ flagged: true, signals: [{ code: "ip_velocity" }] })
        expect((await get(`/conversions/${d}/history`)).data.history.map((h: any) => [h.field, h.from, h.to])).toEqual([["signals", "fast_conversion, ip_velocity", "ip_velocity"]])
      })

      it("a campaign can turn a signal off and set its thresholds; partial updates keep the rest", async () => {
        const c = await campaign({ fraud_rules: { disabled: ["fast_conversion"] } })
        const ada = await createAffiliate(container())
        expect(await codesOf((await s2s(c.apiKey, { click_token: await visit(c.handle, ada.code), order_id: "OFF", order_total: "5.00", order_currency: "USD" })).conversion_id)).toEqual([])
        const updated = await post(`/campaigns/${c.id}`, { fraud_rules: { fast_conversion_seconds: 3 } })
        expect(updated.data.campaign.fraud_rules).toEqual({ fast_conversion_seconds: 3, ip_velocity_per_hour: 10, forbid_paid_search: false, leaked_code_share: 0.5, disabled: ["fast_conversion"] })
        for (const bad of [{ leaked_code_share: 2 }, { disabled: ["nope"] }, { fast_conversion_seconds: -1 }, { colour: "red" }]) {
          expect([bad, (await post(`/campaigns/${c.id}`, { fraud_rules: bad })).status]).toEqual([bad, 400])
        }
      })

      it("the trust workflows take back all they wrote when a later step fails", async () => {
        const c = await campaign()
        const ada = await createAffiliate(container())
        const id = (await s2s(c.apiKey, { click_token: await visit(c.handle, ada.code), order_id: "COMP", order_total: "5.00", order_currency: "USD" })).conversion_id
        const input = { affiliate_id: ada.id, code: "fast_conversion", actor: "user:test" }
        await runFailingAfter(container(), trustAffiliateSignalWorkflow as unknown as AnyWorkflow, trustAffiliateSignalStepId, input)
        expect(await conversion(id)).toMatchObject({ flagged: true, signals: [{ code: "fast_conversion" }] })
        expect(await db()("affiliate_trust").where({ affiliate_id: ada.id })).toEqual([])
        expect(await db()("affiliate_conversion_change").where({ conversion_id: id })).toEqual([])

        await trustAffiliateSignalWorkflow(container()).run({ input })
        await runFailingAfter(container(), revokeAffiliateTrustWorkflow as unknown as AnyWorkflow, revokeAffiliateTrustStepId, input)
        expect((await db()("affiliate_trust").where({ affiliate_id: ada.id }).first("revoked_at")).revoked_at).toBeNull()
      })
    })

    describe("the partner program feeds self_referral_ip", () => {
      /** The latest mail of a template to an address, as the Notification module kept it. */
      const mail = async (to: string, template: string) =>
        ((await container().resolve(Modules.NOTIFICATION).listNotifications({ to }, { order: { created_at: "ASC" } })) as any[]).filter((m) => m.template === template).pop()
      const formPost = (path: string, fields: Record<string, string>) =>
        api.post(path, new URLSearchParams(fields).toString(), {
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: (api as AxiosInstance).defaults.baseURL!.replace(/\/$/, "") },
          maxRedirects: 0,
          validateStatus: () => true,
        })

      it("the IP an affiliate applied from, then logged into the portal from, flags their own orders and S2S calls", async () => {
        const c = await campaign()
        expect((await post("/settings", { applications_open: true, application_campaign_ids: [c.id] })).status).toBe(200)
        const email = "dee@dee-deals.com"
        const applied = await api.post("/affiliate/apply", { name: "Dee", email, promotion_plan: "Deals blog", accept_terms: true }, { validateStatus: () => true })
        expect(applied.status).toBe(201)
        const confirmUrl = new URL((await mail(email, "affiliate-application-confirm")).data.confirm_url)
        expect((await api.get(`${confirmUrl.pathname}${confirmUrl.search}`, { validateStatus: () => true })).status).toBe(200)
        const application = (await get("/applications", { status: "pending" })).data.applications.find((a: any) => a.email === email)
        const approved = await post(`/applications/${application.id}/approve`, { code: "dee" })
        expect(approved.status).toBe(200)
        const dee = approved.data.application.affiliate_id as string

        // Approval kept the application's address (its keyed hash) as Dee's own.
        const [fromApplication] = await db()("affiliate_known_ip").where({ affiliate_id: dee })
        const [stored] = await db()("affiliate_application").where({ id: application.id }).select("ip_hash")
        expect(fromApplication).toMatchObject({ ip_hash: stored.ip_hash, source: "application" })

        // Dee orders through her own link from there: held for review.
        const own = await storeOrder(c.handle, "dee", { before: (token) => age(token) })
        expect((await conversion(own.conversionId)).signals).toEqual([
          { code: "self_referral_ip", reason: "The conversion came from an IP address the affiliate applied from", evidence: { seen: "application" } },
        ])

        // Her portal login: the same address, now last seen at a login.
        const token = new URL((await mail(email, "affiliate-approved")).data.set_password_url).searchParams.get("token")!
        expect((await formPost("/affiliate/portal/set-password", { token, password: "dee-Passw0rd!", password_confirmation: "dee-Passw0rd!" })).status).toBe(303)
        expect((await formPost("/affiliate/portal/login", { email, password: "dee-Passw0rd!" })).status).toBe(303)
        const known = await db()("affiliate_known_ip").where({ affiliate_id: dee })
        expect(known.map((k) => [k.ip_hash, k.source])).toEqual([[stored.ip_hash, "portal_login"]])

        // An S2S call that passes the shopper's IP: flagged when it is Dee's, not otherwise.
        const ip = ["127.0.0.1", "::ffff:127.0.0.1", "::1"].find((candidate) => service().hashVisitorIp(candidate) === stored.ip_hash)!
        expect(ip).toBeDefined()
        const clickOf = async () => {
          const t = await visit(c.handle, "dee", { "User-Agent": `${CHROME} s2s/${Math.random()}` })
          await age(t!)
          return t
        }
        const s2sOwn = await s2s(c.apiKey, { click_token: await clickOf(), order_id: "DEE-S2S", order_total: "9.00", order_currency: "USD", ip })
        expect((await conversion(s2sOwn.conversion_id)).signals).toEqual([
          { code: "self_referral_ip", reason: "The conversion came from an IP address the affiliate logged into the partner portal from", evidence: { seen: "portal_login" } },
        ])
        const s2sOther = await s2s(c.apiKey, { click_token: await clickOf(), order_id: "DEE-S2S-2", order_total: "9.00", order_currency: "USD", ip: "198.51.100.99" })
        expect(await codesOf(s2sOther.conversion_id)).toEqual([])

        // The portal shows the held conversion as pending, never its signal; and both click counts.
        const portalToken = (await api.post("/auth/affiliate/emailpass", { email, password: "dee-Passw0rd!" })).data.token
        const bearer = { headers: { Authorization: `Bearer ${portalToken}` } }
        const listed = await api.get("/affiliate/portal/conversions", bearer)
        expect(listed.data.conversions.map((r: any) => r.status)).toEqual(["pending", "pending", "pending"])
        expect(JSON.stringify(listed.data)).not.toMatch(/self_referral|signal|flagged/)
        const stats = await api.get("/affiliate/portal/stats", { ...bearer, params: { days: 7 } })
        expect(stats.data.totals).toMatchObject({ clicks: 3, unique_clicks: 3 })
        expect(stats.data.month).toMatchObject({ unique_clicks: 3 })
      })
    })

    describe("privacy", () => {
      it("retention clears visitor hashes, the store conversions' copy of the IP hash and stale affiliate IPs; erasure clears the visitor hash", async () => {
        const c = await campaign()
        const ada = await createAffiliate(container())
        const order = await storeOrder(c.handle, ada.code, { before: (token) => age(token) })
        expect((await service().retrieveAffiliateConversion(order.conversionId)).ip_hash).toMatch(/^[0-9a-f]{32}$/)
        await service().rememberAffiliateIp(ada.id, { ip: "203.0.113.70", source: "application" })
        await service().rememberAffiliateIp(ada.id, { ip: "203.0.113.71", source: "portal_login" })
        // The click's window ended 31 days ago (grace 30); the first IP was last seen longer ago than the longest window plus the grace.
        await db()("affiliate_click").where({ click_token: order.token! }).update({ expires_at: db().raw("now() - interval '31 days'") })
        const longest = (await db()("affiliate_campaign").whereNull("deleted_at").max({ days: "attribution_window_days" }))[0].days
        await db()("affiliate_known_ip").where({ affiliate_id: ada.id, source: "application" }).update({ last_seen_at: db().raw(`now() - interval '${longest + 31} days'`) })

        await applyRetentionWorkflow(container()).run({ input: {} })
        const [click] = await db()("affiliate_click").where({ id: (await service().retrieveAffiliateConversion(order.conversionId)).click_id })
        expect(click).toMatchObject({ visitor_hash: null, ip_hash: null, user_agent: null })
        // Report dimensions stay, as the device type does.
        expect(click.device_type).toBe("desktop")
        expect((await service().retrieveAffiliateConversion(order.conversionId)).ip_hash).toBeNull()
        expect((await db()("affiliate_known_ip").where({ affiliate_id: ada.id })).map((r) => r.source)).toEqual(["portal_login"])

        const other = await storeOrder(c.handle, ada.code, { email: "erase.me@gmail.com", before: (token) => age(token) })
        expect((await post("/erasures", { order_id: other.orderId })).status).toBe(200)
        const [erased] = await db()("affiliate_click").where({ id: (await service().retrieveAffiliateConversion(other.conversionId)).click_id })
        expect(erased.visitor_hash).toBeNull()
      })
    })
  },
})
