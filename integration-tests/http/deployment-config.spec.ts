import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomBytes } from "node:crypto"
import { decryptApiKey, encryptApiKey } from "../../src/modules/affiliate/utils/api-key"
import { resolveOptions } from "../../src/modules/affiliate/options"
import { createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickLink, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { IN_APP, MOBILE_BROWSERS, PLATFORM_CRAWLERS } from "../helpers/user-agents"

jest.setTimeout(180_000)

const RATE_LIMIT = 30
const ENDPOINT = "/integration/s2sConvert"
const any = { validateStatus: () => true }

// Read by medusa-config.ts when the runner loads it; put back after the suite.
const ENV: Record<string, string> = {
  AFFILIATE_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
  AFFILIATE_ENCRYPTION_KEY: "hardening-current-key",
  AFFILIATE_PREVIOUS_ENCRYPTION_KEYS: "hardening-previous-key",
  // The starters' default, while this app runs on another port: it must not win over the request.
  MEDUSA_BACKEND_URL: "http://localhost:9000",
}
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]))
Object.assign(process.env, ENV)
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v)
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Record<string, string>
    let apiKey: string
    let campaign: { id: string; handle: string }
    let code: string

    beforeAll(async () => {
      admin = (await createAdminAndLogin(api, getContainer())).headers.headers
    })

    beforeEach(async () => {
      const container = getContainer()
      const created = await createCampaign(container)
      apiKey = created.apiKey
      campaign = created.campaign
      code = (await createAffiliate(container)).code
    })

    const service = () => affiliateService(getContainer())

    describe("the S2S rate limit", () => {
      const call = () => api.post(ENDPOINT, { api_key: apiKey, click_token: "none", order_id: "1", order_total: "1", order_currency: "usd" }, any)

      it("accepts the limit, then refuses for the rest of the minute: no refill burst", async () => {
        const first = await Promise.all(Array.from({ length: RATE_LIMIT + 10 }, call))
        expect(first.filter((a) => a.status !== 429)).toHaveLength(RATE_LIMIT)
        // A token bucket refills one call every 2 s at 30/min; a 60-second window does not.
        await new Promise((r) => setTimeout(r, 2_500))
        const later = await call()
        expect(later.status).toBe(429)
        expect(Number(later.headers["retry-after"])).toBeGreaterThanOrEqual(50)
      })

      it("logs refused calls with their campaign, so the campaign's request log shows them", async () => {
        const answers = await Promise.all(Array.from({ length: RATE_LIMIT + 3 }, call))
        const refused = answers.filter((a) => a.status === 429)
        expect(refused).toHaveLength(3)
        const log = await service().listAffiliateRequestLogs({ request_id: refused.map((a) => a.data.request_id) })
        expect(log).toHaveLength(3)
        for (const entry of log) expect(entry).toMatchObject({ campaign_id: campaign.id, http_status: 429, reason: "rate_limited" })
        const viaAdmin = await api.get(`/admin/affiliate/requests?campaign_id=${campaign.id}&limit=100`, { headers: admin })
        expect(viaAdmin.data.requests.filter((r: { http_status: number }) => r.http_status === 429)).toHaveLength(3)
      })
    })

    describe("crawlers and in-app browsers on the affiliate link", () => {
      it("gives crawlers no token and no click, but counts them as filtered clicks the admin sees", async () => {
        for (const ua of Object.values(PLATFORM_CRAWLERS)) {
          const res = await clickLink(api, campaign.handle, { aff: code }, { "User-Agent": ua })
          expect(res.status).toBe(302)
          expect(new URL(res.headers.location).searchParams.get("click_token")).toBeNull()
        }
        expect(await service().listAffiliateClicks({ campaign_id: campaign.id })).toHaveLength(0)
        const stats = await api.get(`/admin/affiliate/campaigns/${campaign.id}/stats?days=7`, { headers: admin })
        expect(stats.data.totals).toMatchObject({ clicks: 0, filtered_clicks: Object.keys(PLATFORM_CRAWLERS).length })
        expect(stats.data.series.at(-1)).toMatchObject({ filtered_clicks: Object.keys(PLATFORM_CRAWLERS).length })
        const all = await api.get("/admin/affiliate/stats/campaigns", { headers: admin })
        expect(all.data.stats.find((s: { campaign_id: string }) => s.campaign_id === campaign.id)).toMatchObject({ filtered_clicks: 5 })
      })

      it("always gives a token to the in-app browsers of social apps and to mobile Safari and Chrome", async () => {
        const agents = { ...IN_APP, ...MOBILE_BROWSERS }
        for (const [name, ua] of Object.entries(agents)) {
          const res = await clickLink(api, campaign.handle, { aff: code }, { "User-Agent": ua })
          expect([name, new URL(res.headers.location).searchParams.get("click_token")]).toEqual([name, expect.stringMatching(/^[0-9A-Za-z]{22}$/)])
        }
        expect(await service().listAffiliateClicks({ campaign_id: campaign.id })).toHaveLength(Object.keys(agents).length)
      })
    })

    describe("URLs shown to admins without publicUrl", () => {
      it("uses the URL the admin is served from rather than MEDUSA_BACKEND_URL, and says so", async () => {
        const res = await api.get(`/admin/affiliate/campaigns/${campaign.id}/s2s`, { headers: admin })
        const host = new URL(api.defaults.baseURL!).host
        expect(host).not.toBe("localhost:9000")
        expect(res.data).toMatchObject({
          endpoint_url: `http://${host}/integration/s2sConvert`,
          endpoint_url_source: "request",
          endpoint_url_notice: expect.stringContaining("publicUrl"),
        })
        expect(res.data.endpoint_url_notice).toContain("MEDUSA_BACKEND_URL (http://localhost:9000) was not used")
        const link = await api.post(`/admin/affiliate/affiliates/${(await createAffiliate(getContainer())).id}/statement-link`, {}, { headers: admin })
        expect(link.data.url).toMatch(new RegExp(`^http://${host}/affiliate/statement/stm_`))
        expect(res.data.example_curl).toContain(`http://${host}/integration/s2sConvert`)
        const affiliate = await api.get(`/admin/affiliate/affiliates?with_tracking_links=true`, { headers: admin })
        expect(affiliate.data.affiliates[0].tracking_links[0].url).toMatch(new RegExp(`^http://${host}/affiliate/click/`))
      })

      it("follows X-Forwarded-Proto and X-Forwarded-Host from the proxy Medusa trusts", async () => {
        const headers = { ...admin, "X-Forwarded-Proto": "https", "X-Forwarded-Host": "api.shop.example" }
        const res = await api.get(`/admin/affiliate/campaigns/${campaign.id}/s2s`, { headers })
        expect(res.data.endpoint_url).toBe("https://api.shop.example/integration/s2sConvert")
      })
    })

    describe("rotating the encryption key", () => {
      const aes = (secret: string) => resolveOptions({ encryptionKey: secret }).encryptionKey
      const keyRow = async (campaignId: string) => (await service().listAffiliateApiKeys({ campaign_id: campaignId, expires_at: null }))[0]

      it("shows keys a previous key encrypted, shows unreadable ones without a 500, and re-encrypts on request", async () => {
        const other = await createCampaign(getContainer())
        // One key stored under the previous encryption key, one under a key nobody configured.
        const row = await keyRow(campaign.id)
        await service().updateAffiliateApiKeys({ id: row.id, key_ciphertext: encryptApiKey(apiKey, aes("hardening-previous-key")) })
        const lost = await keyRow(other.campaign.id)
        await service().updateAffiliateApiKeys({ id: lost.id, key_ciphertext: encryptApiKey(other.apiKey, randomBytes(32)) })

        const readable = await api.get(`/admin/affiliate/campaigns/${campaign.id}/s2s`, { headers: admin })
        expect(readable.status).toBe(200)
        expect(readable.data.api_key).toBe(apiKey)
        const unreadable = await api.get(`/admin/affiliate/campaigns/${other.campaign.id}/s2s`, { ...any, headers: admin })
        expect(unreadable.status).toBe(200)
        expect(unreadable.data).toMatchObject({ api_key: null, key_problem: expect.stringContaining("previousEncryptionKeys") })

        // A webhook's signing secret and a partner's payout details, stored under the previous key too.
        const previous = aes("hardening-previous-key")
        const webhook = await service().createAffiliateWebhooks({ url: "https://hooks.example/rotate", events: ["affiliate.payout.paid"], secret_ciphertext: encryptApiKey("whsec_rotate", previous) })
        const partner = await createAffiliate(getContainer())
        const details = await service().createAffiliatePayoutDetails({ affiliate_id: partner.id, method: "paypal", details_ciphertext: encryptApiKey('{"paypal_email":"p@example.com"}', previous) })

        const rotated = await api.post("/admin/affiliate/encryption/reencrypt", {}, { headers: admin })
        expect(rotated.data.api_keys).toMatchObject({ reencrypted: 1, unreadable: 1 })
        expect(rotated.data.webhook_secrets).toMatchObject({ reencrypted: 1, unreadable: 0 })
        expect(rotated.data.payout_details).toMatchObject({ reencrypted: 1, unreadable: 0 })
        const current = aes("hardening-current-key")
        expect(decryptApiKey((await keyRow(campaign.id)).key_ciphertext, current)).toBe(apiKey)
        expect(decryptApiKey((await service().retrieveAffiliateWebhook(webhook.id)).secret_ciphertext, current)).toBe("whsec_rotate")
        expect(decryptApiKey((await service().retrieveAffiliatePayoutDetails(details.id)).details_ciphertext, current)).toBe('{"paypal_email":"p@example.com"}')
        const again = await api.post("/admin/affiliate/encryption/reencrypt", {}, { headers: admin })
        expect(again.data.api_keys).toMatchObject({ reencrypted: 0, unreadable: 1 })
        expect(again.data.webhook_secrets).toMatchObject({ reencrypted: 0, already_current: 1 })
        expect(again.data.payout_details).toMatchObject({ reencrypted: 0, already_current: 1 })
        await service().deleteAffiliateWebhooks([webhook.id])

        // The key itself never changed: shops keep converting throughout.
        const token = await clickToken(api, campaign.handle, code)
        const res = await api.post(ENDPOINT, { api_key: apiKey, click_token: token, order_id: "ROT-1", order_total: "5", order_currency: "usd" }, any)
        expect(res.data.status).toBe("success")
      })
    })
  },
})
