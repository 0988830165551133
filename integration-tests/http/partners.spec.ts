import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from "axios"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickToken, createAffiliate } from "../helpers/fixtures"

jest.setTimeout(300_000)

const ADMIN = "/admin/affiliate"
const FORM = { "Content-Type": "application/x-www-form-urlencoded" }
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

type Mail = { to: string; template: string; data: Record<string, any> & { subject: string; text: string } }

/*
 * The partner program (README, "Partner program"): settings, applications with email
 * confirmation, approval on Medusa's auth module, the partner portal and its JSON API, mails
 * through the Notification module, events, and the security around all of it: an authorization
 * matrix over every portal route, cross-site posts, headers, and stored XSS.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let campaign: { id: string; handle: string }
    let apiKey: string
    const container = () => getContainer() as unknown as MedusaContainer
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
    const service = () => affiliateService(getContainer())
    const base = () => (api as AxiosInstance).defaults.baseURL!.replace(/\/$/, "")
    const any = (extra: AxiosRequestConfig = {}): AxiosRequestConfig => ({ validateStatus: () => true, maxRedirects: 0, ...extra })
    const adminGet = (path: string, params?: Record<string, unknown>) => api.get(`${ADMIN}${path}`, any({ ...admin.headers, params }))
    const adminPost = (path: string, body: unknown = {}) => api.post(`${ADMIN}${path}`, body, any(admin.headers))

    /** Every mail sent to `to`, oldest first, as the Notification module kept them. */
    async function mailsTo(to: string): Promise<Mail[]> {
      const rows = await container().resolve(Modules.NOTIFICATION).listNotifications({ to }, { order: { created_at: "ASC" } })
      return rows as unknown as Mail[]
    }
    const lastMail = async (to: string, template: string) => (await mailsTo(to)).filter((m) => m.template === template).pop()
    const pathOf = (url: string) => {
      const u = new URL(url)
      return `${u.pathname}${u.search}`
    }

    /** A browser's form post from this site's own page (same Origin), with an optional cookie. */
    const postForm = (path: string, fields: Record<string, string>, cookie?: string, origin = base()) =>
      api.post(path, form(fields), any({ headers: { ...FORM, Origin: origin, ...(cookie ? { Cookie: cookie } : {}) } }))
    const page = (path: string, cookie?: string) =>
      api.get(path, any({ headers: { Accept: "text/html", ...(cookie ? { Cookie: cookie } : {}) }, responseType: "text", transformResponse: (d) => d }))
    const sessionCookie = (res: AxiosResponse) => (res.headers["set-cookie"] ?? []).map((c: string) => c.split(";")[0]).join("; ")

    async function apply(name: string, email: string, extra: Record<string, unknown> = {}) {
      return api.post("/affiliate/apply", { name, email, website: "https://blog.example.com", promotion_plan: "Reviews on my blog", accept_terms: true, ...extra }, any())
    }
    /** Applies, confirms with the mailed link, and answers the application. */
    async function applyAndConfirm(name: string, email: string) {
      expect((await apply(name, email)).status).toBe(201)
      const mail = await lastMail(email, "affiliate-application-confirm")
      const confirmed = await api.get(pathOf(mail!.data.confirm_url), any())
      expect(confirmed.status).toBe(200)
      return confirmed.data.application as { id: string; status: string }
    }
    /** Sets the password with the link of the approval mail and logs in (session cookie and bearer token). */
    async function becomePartner(email: string, password = "partner-Passw0rd") {
      const mail = await lastMail(email, "affiliate-approved")
      const token = new URL(mail!.data.set_password_url).searchParams.get("token")!
      const set = await postForm("/affiliate/portal/set-password", { token, password, password_confirmation: password })
      expect(set.status).toBe(303)
      const login = await postForm("/affiliate/portal/login", { email, password })
      expect([login.status, login.headers.location]).toEqual([303, "/affiliate/portal"])
      const bearer = await api.post("/auth/affiliate/emailpass", { email, password }, any())
      expect(bearer.status).toBe(200)
      return { cookie: sessionCookie(login), token: bearer.data.token as string }
    }

    beforeAll(async () => {
      admin = await createAdminAndLogin(api as AxiosInstance, container())
      const res = await adminPost("/campaigns", {
        name: "Spring",
        target_url: "https://shop.example.com/landing",
        commission_value: "10",
        show_order_ids_on_statement: true,
      })
      campaign = res.data.campaign
      apiKey = (await adminGet(`/campaigns/${campaign.id}/s2s`)).data.api_key
      // Every test starts from here: the runner restores this database before each one.
      await adminPost("/settings", { applications_open: true, application_campaign_ids: [campaign.id] })
    })

    /** A partner made through the whole flow (apply, confirm, approve, set the password, log in). */
    async function partner(name: string, email: string, code: string) {
      const application = await applyAndConfirm(name, email)
      const approved = await adminPost(`/applications/${application.id}/approve`, { code })
      expect(approved.status).toBe(200)
      return { ...(await becomePartner(email)), id: approved.data.application.affiliate_id as string }
    }

    describe("program settings and applications", () => {
      it("keeps applications closed (404) until an admin opens them", async () => {
        await adminPost("/settings", { applications_open: false, application_campaign_ids: [] })
        expect((await adminGet("/settings")).data).toEqual({
          settings: { applications_open: false, auto_approve: false, terms_url: null, application_campaign_ids: [] },
        })
        expect((await page("/affiliate/apply")).status).toBe(404)
        expect((await apply("Early", "early@example.com")).status).toBe(404)

        const saved = await adminPost("/settings", { applications_open: true, terms_url: "https://shop.example.com/terms", application_campaign_ids: [campaign.id] })
        expect(saved.data.settings).toEqual({
          applications_open: true,
          auto_approve: false,
          terms_url: "https://shop.example.com/terms",
          application_campaign_ids: [campaign.id],
        })
        expect((await adminPost("/settings", { application_campaign_ids: ["acmp_missing"] })).status).toBe(400)
        expect((await adminPost("/settings", { terms_url: "javascript:alert(1)" })).status).toBe(400)
        const form = await page("/affiliate/apply")
        expect(form.status).toBe(200)
        expect(form.data).toContain('action="/affiliate/apply"')
        expect(form.data).toContain('href="https://shop.example.com/terms"')
        expect(form.data).not.toContain("<script")
      })

      it("confirms the email before the application reaches the queue, then an admin approves it", async () => {
        const created = await apply("Anna Berg", "Anna@Example.com")
        expect(created.status).toBe(201)
        expect(created.data).toEqual({ application: { id: expect.stringMatching(/^aapl_/), status: "pending_confirmation" } })

        const queue = async () => (await adminGet("/applications", { status: "pending" })).data.applications.map((a: any) => a.email)
        expect(await queue()).not.toContain("anna@example.com")
        const mail = await lastMail("anna@example.com", "affiliate-application-confirm")
        expect(mail!.data.subject).toBe("Confirm your partner application")
        expect(mail!.data.confirm_url).toMatch(/\/affiliate\/apply\/confirm\?token=apc_/)
        expect(mail!.data.text).toContain(mail!.data.confirm_url)

        const confirmed = await page(pathOf(mail!.data.confirm_url))
        expect(confirmed.status).toBe(200)
        expect(confirmed.data).toContain("Email confirmed")
        // The link works once.
        expect((await page(pathOf(mail!.data.confirm_url))).status).toBe(404)
        expect((await page("/affiliate/apply/confirm?token=apc_nope")).status).toBe(404)
        expect(await queue()).toContain("anna@example.com")

        const [application] = (await adminGet("/applications", { q: "anna@example.com" })).data.applications
        expect(application).toMatchObject({ status: "pending", website: "https://blog.example.com", promotion_plan: "Reviews on my blog" })
        const adminMail = await lastMail("admin@affiliate-test.dev", "affiliate-application-received")
        expect(adminMail!.data.text).toContain("anna@example.com")

        const approved = await adminPost(`/applications/${application.id}/approve`, { code: "anna" })
        expect(approved.status).toBe(200)
        expect(approved.data.application).toMatchObject({ status: "approved", affiliate_id: expect.stringMatching(/^aff_/), reviewed_by: expect.stringMatching(/^user:/) })
        const affiliate = await service().retrieveAffiliate(approved.data.application.affiliate_id)
        expect(affiliate).toMatchObject({ code: "anna", email: "anna@example.com", status: "active", email_notifications: "each" })
        expect(await service().listAffiliateEnrollments({ affiliate_id: affiliate.id })).toEqual([expect.objectContaining({ campaign_id: campaign.id })])
        expect((await adminPost(`/applications/${application.id}/approve`, {})).status).toBe(400)

        // The approval mail invites the partner to set a password, on Medusa's auth module.
        const invite = await lastMail("anna@example.com", "affiliate-approved")
        expect(invite!.data).toMatchObject({ code: "anna", set_password_url: expect.stringContaining("/affiliate/portal/set-password?token=") })
        const login = await becomePartner("anna@example.com")
        const me = await api.get("/affiliate/portal/me", any({ headers: { Authorization: `Bearer ${login.token}` } }))
        expect(me.data.affiliate).toMatchObject({ id: affiliate.id, code: "anna", email_notifications: "each" })
        const bySession = await api.get("/affiliate/portal/me", any({ headers: { Cookie: login.cookie } }))
        expect(bySession.data.affiliate.id).toBe(affiliate.id)
        // No password of the plugin's own: the emailpass provider holds it.
        const columns = await db().raw(`SELECT table_name FROM information_schema.columns WHERE table_name LIKE 'affiliate%' AND column_name ILIKE '%password%'`)
        expect(columns.rows).toEqual([])
      })

      it("answers the same for a known email, mails it differently, and drops a filled honeypot", async () => {
        await createAffiliate(container(), { code: "anna", email: "anna@example.com" })
        const known = await apply("Anna Again", "anna@example.com")
        const fresh = await apply("Carl", "carl@example.com")
        expect(known.status).toBe(fresh.status)
        expect(Object.keys(known.data.application)).toEqual(Object.keys(fresh.data.application))
        expect(known.data.application.status).toBe(fresh.data.application.status)
        expect((await lastMail("anna@example.com", "affiliate-application-known"))!.data.reset_url).toContain("/affiliate/portal/reset-password")
        expect(await lastMail("carl@example.com", "affiliate-application-confirm")).toBeDefined()

        const bot = await apply("Bot", "bot@example.com", { company_fax: "555" })
        expect(bot.status).toBe(201)
        expect(bot.data.application.status).toBe("pending_confirmation")
        expect(await mailsTo("bot@example.com")).toEqual([])
        expect(await service().listAffiliateApplications({ email: "bot@example.com" })).toEqual([])

        // The no-JavaScript form: a thank-you page, and the form again with the messages when invalid.
        const thanks = await postForm("/affiliate/apply", { name: "Dora", email: "dora@example.com", promotion_plan: "Newsletter", accept_terms: "true" })
        expect(thanks.status).toBe(200)
        expect(thanks.data).toContain("Thank you")
        const invalid = await postForm("/affiliate/apply", { name: "Dora", email: "not-an-email", promotion_plan: "" })
        expect(invalid.status).toBe(400)
        expect(invalid.data).toContain("email must be a valid email address")
        expect(invalid.data).toContain("accept_terms must be true")
        expect((await apply("No terms", "noterms@example.com", { accept_terms: false })).status).toBe(400)
      })

      it("limits applications per address", async () => {
        const from = { headers: { "X-Forwarded-For": "203.0.113.77" } }
        const statuses: number[] = []
        for (let i = 0; i < 7; i++) {
          statuses.push((await api.post("/affiliate/apply", { name: `Spam ${i}`, email: `spam${i}@example.com`, promotion_plan: "x", accept_terms: true }, any(from))).status)
        }
        expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(5)
        expect(statuses).toContain(429)
      })

      it("rejects with a reason the applicant is told, and auto-approves when asked", async () => {
        const application = await applyAndConfirm("Eve", "eve@example.com")
        expect((await adminPost(`/applications/${application.id}/reject`, {})).status).toBe(400)
        const rejected = await adminPost(`/applications/${application.id}/reject`, { reason: "No website yet" })
        expect(rejected.data.application).toMatchObject({ status: "rejected", rejection_reason: "No website yet" })
        expect((await lastMail("eve@example.com", "affiliate-rejected"))!.data.text).toContain("No website yet")
        expect(await service().listAffiliates({ email: "eve@example.com" })).toEqual([])

        await adminPost("/settings", { auto_approve: true })
        const auto = await applyAndConfirm("Finn", "finn@example.com")
        expect(auto.status).toBe("approved")
        const [row] = await service().listAffiliateApplications({ id: auto.id })
        expect(row).toMatchObject({ status: "approved", reviewed_by: "auto_approve" })
        expect(await lastMail("finn@example.com", "affiliate-approved")).toBeDefined()
      })
    })

    describe("the portal", () => {
      const bearer = (token: string, extra: AxiosRequestConfig = {}) => any({ ...extra, headers: { Authorization: `Bearer ${token}`, ...(extra.headers ?? {}) } })

      it("lists the partner's links, builds deep links on the target's origin only, and draws their QR code", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        const links = await api.get("/affiliate/portal/links", bearer(anna.token))
        expect(links.data.links).toEqual([
          { campaign_id: campaign.id, campaign_name: "Spring", target_url: "https://shop.example.com/landing", url: `${base()}/affiliate/click/${campaign.handle}?aff=anna` },
        ])
        const deep = await api.post("/affiliate/portal/links", { campaign_id: campaign.id, url: "https://shop.example.com/p/shoes?c=1", sub1: "ig" }, bearer(anna.token))
        expect(deep.status).toBe(200)
        const url = new URL(deep.data.url)
        expect(Object.fromEntries(url.searchParams)).toEqual({ aff: "anna", url: "https://shop.example.com/p/shoes?c=1", sub1: "ig" })
        for (const bad of ["https://evil.example.net/p", "javascript:alert(1)", "//evil.example.net", "https://user@evil.example.net"]) {
          expect((await api.post("/affiliate/portal/links", { campaign_id: campaign.id, url: bad }, bearer(anna.token))).status).toBe(400)
        }
        expect((await api.post("/affiliate/portal/links", { campaign_id: "acmp_other" }, bearer(anna.token))).status).toBe(404)

        // The link works: the click lands on the deep link's page.
        const click = await api.get(pathOf(deep.data.url), any({ headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36" } }))
        expect(click.status).toBe(302)
        expect(click.headers.location).toMatch(/^https:\/\/shop\.example\.com\/p\/shoes\?c=1&click_token=/)

        const qr = await api.get("/affiliate/portal/links/qr", bearer(anna.token, { params: { url: deep.data.url }, responseType: "text", transformResponse: (d) => d }))
        expect(qr.status).toBe(200)
        expect(qr.headers["content-type"]).toMatch(/^image\/svg\+xml/)
        expect(qr.data).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
        expect((await api.get("/affiliate/portal/links/qr", bearer(anna.token, { params: { url: "https://evil.example.net/" } }))).status).toBe(400)

        // The page: a form without script that answers with the link and its QR code.
        const built = await postForm("/affiliate/portal/links", { campaign_id: campaign.id, url: "https://shop.example.com/p/hat", sub1: "" }, anna.cookie)
        expect(built.status).toBe(200)
        expect(built.data).toContain(`value="${base()}/affiliate/click/${campaign.handle}?aff=anna&amp;url=https%3A%2F%2Fshop.example.com%2Fp%2Fhat"`)
        expect(built.data).toContain('<img src="/affiliate/portal/links/qr?url=')
      })

      it("shows the conversions without shopper data and the same figures as the admin", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        const token = await clickToken(api, campaign.handle, "anna")
        const s2s = await api.post(
          "/integration/s2sConvert",
          { click_token: token, order_id: "A-100", order_total: "80.00", order_currency: "USD", user_agent: "Secret UA", ip: "198.51.100.9" },
          { headers: { "X-API-Key": apiKey } }
        )
        expect(s2s.data.status).toBe("success")
        const list = await api.get("/affiliate/portal/conversions", bearer(anna.token))
        expect(list.data.conversions).toEqual([
          {
            id: s2s.data.conversion_id,
            campaign_id: campaign.id,
            campaign_name: "Spring",
            status: "pending",
            source: "s2s",
            order_total: "80.00",
            order_currency: "usd",
            commission_amount: "8.00",
            commission_currency: "usd",
            order_id: "A-100",
            created_at: expect.any(String),
          },
        ])
        expect(JSON.stringify(list.data)).not.toMatch(/Secret UA|ip_hash|user_agent|198\.51/)
        await adminPost(`/campaigns/${campaign.id}`, { show_order_ids_on_statement: false })
        expect((await api.get("/affiliate/portal/conversions", bearer(anna.token))).data.conversions[0].order_id).toBeNull()
        await adminPost(`/campaigns/${campaign.id}`, { show_order_ids_on_statement: true })

        const affiliateId = (await api.get("/affiliate/portal/me", bearer(anna.token))).data.affiliate.id
        const portal = await api.get("/affiliate/portal/stats", bearer(anna.token, { params: { days: 30 } }))
        const adminStats = await adminGet(`/affiliates/${affiliateId}/stats`, { days: 30 })
        expect({ totals: portal.data.totals, series: portal.data.series, balance: portal.data.balance }).toEqual({
          totals: adminStats.data.totals,
          series: adminStats.data.series,
          balance: adminStats.data.balance,
        })
        expect(portal.data.month).toMatchObject({ conversions: 1, commission: [{ currency_code: "usd", amount: "8.00" }] })
      })
    })
  },
})
