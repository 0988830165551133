import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance, AxiosRequestConfig } from "axios"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, createAffiliate, createCampaign, currentApiKey } from "../helpers/fixtures"

jest.setTimeout(120_000)

/* The endpoints the admin dashboard adds: campaign totals, a campaign's daily series, the test click. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let auth: AdminAuth
    const container = () => getContainer() as MedusaContainer

    beforeAll(async () => {
      auth = await createAdminAndLogin(api as AxiosInstance, container())
    })

    const opts = (extra: AxiosRequestConfig = {}): AxiosRequestConfig => ({ ...auth.headers, validateStatus: () => true, ...extra })

    /** A campaign with clicks and conversions in two statuses, plus a test conversion that must not count. */
    const seed = async () => {
      const { campaign, apiKey } = await createCampaign(container())
      const affiliate = await createAffiliate(container())
      const service = affiliateService(container())
      const clicks = await service.createAffiliateClicks(
        [1, 2, 3, 4].map((i) => ({
          click_token: `dash${i}${Date.now()}${Math.random().toString(36).slice(2)}`,
          landing_url: "https://shop.example.com/landing",
          expires_at: new Date(Date.now() + 86_400_000),
          campaign_id: campaign.id,
          affiliate_id: affiliate.id,
        })) as any
      )
      const conversion = (order_id: string, extra: Record<string, unknown>) => ({
        order_id,
        order_total: "100.00",
        order_currency: "usd",
        commission_amount: "10.00",
        commission_currency: "usd",
        source: "s2s",
        occurred_at: new Date(),
        campaign_id: campaign.id,
        affiliate_id: affiliate.id,
        click_id: clicks[0].id,
        ...extra,
      })
      await service.createAffiliateConversions([
        conversion("A-1", { status: "approved" }),
        conversion("A-2", { status: "pending", commission_amount: "2.50" }),
        conversion("A-3", { status: "rejected" }),
        conversion("A-4", { is_test: true }),
      ] as any)
      return { campaign, affiliate, apiKey }
    }

    it("refuses the dashboard endpoints without an admin session", async () => {
      for (const [method, path] of [
        ["get", "/admin/affiliate/stats/campaigns"],
        ["get", "/admin/affiliate/campaigns/acmp_x/stats"],
        ["post", "/admin/affiliate/campaigns/acmp_x/test-click"],
      ] as const) {
        const res = await (api as AxiosInstance).request({ method, url: path, validateStatus: () => true })
        expect(res.status).toBe(401)
      }
    })

    describe("GET /admin/affiliate/stats/campaigns", () => {
      it("counts clicks and live conversions and sums the commission still owed or paid", async () => {
        const { campaign } = await seed()
        const res = await api.get("/admin/affiliate/stats/campaigns", opts())
        expect(res.status).toBe(200)
        const row = res.data.stats.find((s: { campaign_id: string }) => s.campaign_id === campaign.id)
        expect(row.clicks).toBe(4)
        expect(row.conversions).toBe(3)
        expect(row.commission).toEqual([{ currency_code: "usd", amount: "12.5" }])
      })

      it("narrows to the campaigns asked for and refuses an empty id", async () => {
        const { campaign } = await seed()
        const { campaign: other } = await createCampaign(container())
        const res = await api.get("/admin/affiliate/stats/campaigns", opts({ params: { campaign_id: other.id } }))
        expect(res.status).toBe(200)
        expect(res.data.stats.map((s: { campaign_id: string }) => s.campaign_id)).not.toContain(campaign.id)
        const bad = await api.get("/admin/affiliate/stats/campaigns?campaign_id=", opts())
        expect(bad.status).toBe(400)
      })
    })

    describe("GET /admin/affiliate/campaigns/:id/stats", () => {
      it("answers one point per day for 7, 30 or 90 days with today's numbers last", async () => {
        const { campaign } = await seed()
        for (const days of [7, 30, 90]) {
          const res = await api.get(`/admin/affiliate/campaigns/${campaign.id}/stats`, opts({ params: { days } }))
          expect(res.status).toBe(200)
          expect(res.data.series).toHaveLength(days)
          const today = res.data.series[days - 1]
          expect(today.date).toBe(new Date().toISOString().slice(0, 10))
          expect(today).toMatchObject({ clicks: 4, conversions: 3, conversion_rate: 75, commission: { usd: "12.5" } })
          expect(res.data.totals).toMatchObject({ clicks: 4, conversions: 3 })
        }
      })

      it("refuses another period and an unknown campaign", async () => {
        const { campaign } = await seed()
        expect((await api.get(`/admin/affiliate/campaigns/${campaign.id}/stats?days=14`, opts())).status).toBe(400)
        expect((await api.get(`/admin/affiliate/campaigns/${campaign.id}/stats?days=abc`, opts())).status).toBe(400)
        expect((await api.get(`/admin/affiliate/campaigns/acmp_missing/stats`, opts())).status).toBe(404)
      })
    })

    describe("POST /admin/affiliate/campaigns/:id/test-click", () => {
      it("issues a marked click whose token records a test conversion through the real endpoint", async () => {
        const { campaign } = await createCampaign(container())
        const affiliate = await createAffiliate(container())
        const res = await api.post(`/admin/affiliate/campaigns/${campaign.id}/test-click`, {}, opts())
        expect(res.status).toBe(200)
        expect(res.data.click_token).toMatch(/^[0-9A-Za-z]{22}$/)
        expect(res.data.affiliate_id).toBe(affiliate.id)
        const [click] = await affiliateService(container()).listAffiliateClicks({ click_token: res.data.click_token })
        expect(click.sub1).toBe("admin-test")

        const convert = await api.post(
          "/integration/s2sConvert",
          { click_token: res.data.click_token, order_id: "TEST-1", order_total: "10.00", order_currency: "USD", test: true },
          { headers: { "X-API-Key": await currentApiKey(container(), campaign.id) }, validateStatus: () => true }
        )
        expect(convert.status).toBe(200)
        expect(convert.data.status).toBe("success")
        const [conversion] = await affiliateService(container()).listAffiliateConversions({ campaign_id: campaign.id })
        expect(conversion.is_test).toBe(true)
      })

      it("uses the affiliate asked for, and says what is missing otherwise", async () => {
        const { campaign } = await createCampaign(container())
        const none = await api.post(`/admin/affiliate/campaigns/${campaign.id}/test-click`, {}, opts())
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/active affiliate/)
        await createAffiliate(container())
        const chosen = await createAffiliate(container())
        const res = await api.post(`/admin/affiliate/campaigns/${campaign.id}/test-click`, { affiliate_id: chosen.id }, opts())
        expect(res.status).toBe(200)
        expect(res.data.affiliate_id).toBe(chosen.id)
        const unknown = await api.post(`/admin/affiliate/campaigns/${campaign.id}/test-click`, { affiliate_id: "aff_missing" }, opts())
        expect(unknown.status).toBe(400)
        expect((await api.post(`/admin/affiliate/campaigns/acmp_missing/test-click`, {}, opts())).status).toBe(404)
        expect((await api.post(`/admin/affiliate/campaigns/${campaign.id}/test-click`, { affiliate_id: 5 }, opts())).status).toBe(400)
      })
    })
  },
})
