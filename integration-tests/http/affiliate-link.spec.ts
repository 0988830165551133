import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { affiliateService, clickLink, createAffiliate, createCampaign } from "../helpers/fixtures"
import { expectDocumented } from "../helpers/openapi"

jest.setTimeout(120_000)

const TARGET = "https://shop.example.com/landing?utm_source=aff#top"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let campaign: { id: string; handle: string }
    let code: string

    beforeEach(async () => {
      const container = getContainer()
      campaign = (await createCampaign(container, { target_url: TARGET, allowed_redirect_hosts: ["blog.example.com"], attribution_window_days: 7 })).campaign
      code = (await createAffiliate(container)).code
    })

    const clicks = () => affiliateService(getContainer()).listAffiliateClicks({ campaign_id: campaign.id })

    it("records the click and redirects to the target with click_token, keeping its query and fragment", async () => {
      const res = await clickLink(api, campaign.handle, { aff: code, sub1: "newsletter", sub2: "x".repeat(300) }, {
        Referer: "https://partner.example.org/post",
        "X-Forwarded-For": "198.51.100.7",
      })
      expect(res.status).toBe(302)
      const location = new URL(res.headers.location)
      expect(location.origin + location.pathname).toBe("https://shop.example.com/landing")
      expect(location.searchParams.get("utm_source")).toBe("aff")
      expect(location.hash).toBe("#top")
      const token = location.searchParams.get("click_token")!
      expect(token).toMatch(/^[0-9A-Za-z]{22,}$/)

      const [click] = await clicks()
      expect(click).toMatchObject({
        click_token: token,
        sub1: "newsletter",
        referrer: "https://partner.example.org/post",
        device_type: "desktop",
      })
      expect(click.sub2).toHaveLength(255)
      expect(JSON.stringify(click)).not.toContain("198.51.100.7")
      const windowMs = new Date(click.expires_at).getTime() - new Date(click.created_at).getTime()
      expect(Math.round(windowMs / 86_400_000)).toBe(7)
    })

    it("says beside the token when its attribution window ends (click_expires_at, Unix seconds), so a storefront keeps it as long", async () => {
      const res = await clickLink(api, campaign.handle, { aff: code })
      expect(res.headers.location).toMatch(/^https:\/\/shop\.example\.com\/landing\?utm_source=aff&click_token=[0-9A-Za-z]+&click_expires_at=\d+#top$/)
      const location = new URL(res.headers.location)
      const [click] = await clicks()
      expect(location.searchParams.get("click_token")).toBe(click.click_token)
      expect(Number(location.searchParams.get("click_expires_at"))).toBe(Math.floor(new Date(click.expires_at).getTime() / 1000))
    })

    it("sets a first-party HttpOnly, SameSite=Lax cookie lasting the attribution window", async () => {
      const res = await clickLink(api, campaign.handle, { aff: code })
      const token = new URL(res.headers.location).searchParams.get("click_token")
      const cookie = (res.headers["set-cookie"] ?? []).find((c: string) => c.startsWith("affiliate_click_token="))!
      expect(cookie).toContain(`affiliate_click_token=${token}`)
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
      expect(cookie).toContain(`Max-Age=${7 * 86_400}`)
      expect(cookie).not.toMatch(/Secure/i)
    })

    it("accepts the campaign id as well as its handle, and gives every click its own token", async () => {
      const a = await clickLink(api, campaign.id, { aff: code })
      const b = await clickLink(api, campaign.handle, { aff: code })
      const tokens = [a, b].map((r) => new URL(r.headers.location).searchParams.get("click_token"))
      expect(tokens[0]).not.toBe(tokens[1])
      expect(await clicks()).toHaveLength(2)
    })

    it("follows a deep link on the target's origin or an allowed host, and nothing else", async () => {
      const follow = async (url: string) => new URL((await clickLink(api, campaign.handle, { aff: code, url })).headers.location)
      const same = await follow("https://shop.example.com/products/shirt?size=m")
      expect(same.pathname).toBe("/products/shirt")
      expect(same.searchParams.get("size")).toBe("m")
      expect(same.searchParams.get("click_token")).toBeTruthy()
      expect((await follow("https://blog.example.com/story")).host).toBe("blog.example.com")
      for (const hostile of [
        "https://evil.example/phish",
        "//evil.example/phish",
        "https://shop.example.com@evil.example/",
        "http://shop.example.com/downgrade",
        "javascript:alert(1)",
        "https:\\\\evil.example",
        "https://shop.example.com.evil.example/",
      ]) {
        const location = await follow(hostile)
        expect([location.origin, hostile]).toEqual(["https://shop.example.com", hostile])
      }
    })

    it("answers 404 for an unknown campaign or affiliate, and 400 without an affiliate code", async () => {
      expect((await clickLink(api, "no-such-campaign", { aff: code })).status).toBe(404)
      expect((await clickLink(api, campaign.handle, { aff: "nobody" })).status).toBe(404)
      expect((await clickLink(api, campaign.handle, {})).status).toBe(400)
      expect(await clicks()).toHaveLength(0)
    })

    it("redirects without a token and records nothing for a paused campaign or affiliate", async () => {
      const service = affiliateService(getContainer())
      await service.updateAffiliateCampaigns({ id: campaign.id, status: "paused" })
      const paused = await clickLink(api, campaign.handle, { aff: code })
      expect(paused.status).toBe(302)
      expect(paused.headers.location).toBe(TARGET)
      await service.updateAffiliateCampaigns({ id: campaign.id, status: "active" })
      const [affiliate] = await service.listAffiliates({ code })
      await service.updateAffiliates({ id: affiliate.id, status: "paused" })
      const pausedAffiliate = await clickLink(api, campaign.handle, { aff: code })
      expect(new URL(pausedAffiliate.headers.location).searchParams.has("click_token")).toBe(false)
      expect(await clicks()).toHaveLength(0)
    })

    it("follows a campaign edited between two visits: its new target, allowed hosts and window; paused, no click", async () => {
      // A visit before the edit: nothing of the campaign may be kept from it for the next ones.
      expect((await clickLink(api, campaign.handle, { aff: code })).status).toBe(302)
      const service = affiliateService(getContainer())
      await service.updateAffiliateCampaigns({
        id: campaign.id, target_url: "https://shop.example.com/winter", allowed_redirect_hosts: ["news.example.com"], attribution_window_days: 14,
      })
      const deep = await clickLink(api, campaign.handle, { aff: code, url: "https://news.example.com/gift-guide" })
      expect(new URL(deep.headers.location).host).toBe("news.example.com")
      const plain = await clickLink(api, campaign.handle, { aff: code })
      expect(new URL(plain.headers.location).pathname).toBe("/winter")
      const edited = (await clicks()).filter((c) => c.landing_url !== TARGET)
      expect(edited.map((c) => c.landing_url).sort()).toEqual(["https://news.example.com/gift-guide", "https://shop.example.com/winter"])
      for (const click of edited) {
        expect(Math.round((new Date(click.expires_at).getTime() - new Date(click.created_at).getTime()) / 86_400_000)).toBe(14)
      }
      await service.updateAffiliateCampaigns({ id: campaign.id, status: "paused" })
      const paused = await clickLink(api, campaign.handle, { aff: code })
      expect(new URL(paused.headers.location).searchParams.has("click_token")).toBe(false)
      expect(await clicks()).toHaveLength(3)
    })

    it("sends known bots on without a billable click", async () => {
      const res = await clickLink(api, campaign.handle, { aff: code }, {
        "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      })
      expect(res.status).toBe(302)
      expect(new URL(res.headers.location).searchParams.has("click_token")).toBe(false)
      expect(await clicks()).toHaveLength(0)
    })

    it("answers as the public OpenAPI document describes", async () => {
      const documented = async (campaignRef: string, query: Record<string, string>, headers?: Record<string, string>) =>
        expectDocumented("get", "/affiliate/click/{campaign}", await clickLink(api, campaignRef, query, headers))
      await documented(campaign.handle, { aff: code, sub1: "newsletter" })
      await documented(campaign.handle, { aff: code }, { "User-Agent": "curl/8.5.0" })
      await documented(campaign.handle, {})
      await documented("no-such-campaign", { aff: code })
      await documented(campaign.handle, { aff: "nobody" })
    })
  },
})
