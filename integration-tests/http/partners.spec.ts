import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from "axios"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickToken, createAffiliate } from "../helpers/fixtures"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { renderTemplate } from "../../src/lib/notification-templates"
import { verifyWebhook } from "../../src/modules/affiliate/utils/webhooks"
import { deliverOutboundWorkflow } from "../../src/workflows/outbound/workflows/deliver-outbound"
import { queueWebhookDeliveriesWorkflow } from "../../src/workflows/webhooks/workflows/webhooks"
import { subscribersDone } from "../helpers/events"
import { allowPrivateTargets } from "../helpers/private-targets"
import { sendConversionDigestsWorkflow } from "../../src/workflows/partners/workflows/notify-partners"

jest.setTimeout(300_000)
// The webhook receivers below listen on loopback, which the target guard refuses by default.
allowPrivateTargets()

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

        // A code another affiliate has is refused, and the application stays in the queue.
        await createAffiliate(container(), { code: "anna-taken" })
        const taken = await adminPost(`/applications/${application.id}/approve`, { code: "anna-taken" })
        expect([taken.status, taken.data.message]).toEqual([422, 'An affiliate with code "anna-taken" already exists: choose another code'])
        expect(await queue()).toContain("anna@example.com")

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

    const bearer = (token: string, extra: AxiosRequestConfig = {}) => any({ ...extra, headers: { Authorization: `Bearer ${token}`, ...(extra.headers ?? {}) } })

    describe("the portal", () => {
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

      it("keeps payout details encrypted, shows them masked to the partner and whole on the admin's payout page, and lists payouts with lines", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        expect((await api.post("/affiliate/portal/payout-details", { method: "bank", iban: "DE00 0000", account_name: "A" }, bearer(anna.token))).status).toBe(400)
        const saved = await api.post("/affiliate/portal/payout-details", { method: "bank", iban: "de89 3704 0044 0532 0130 00", account_name: "Anna Berg" }, bearer(anna.token))
        expect(saved.data.payout_details).toEqual({ method: "bank", iban: "DE89 **** **** 3000", account_name: "Anna Berg", updated_at: expect.any(String) })
        const [row] = (await db().raw(`SELECT details_ciphertext FROM affiliate_payout_details WHERE affiliate_id = ?`, [anna.id])).rows
        expect(row.details_ciphertext).not.toMatch(/DE89|3704|Anna/)

        const token = await clickToken(api, campaign.handle, "anna")
        const s2s = await api.post("/integration/s2sConvert", { click_token: token, order_id: "A-200", order_total: "50.00", order_currency: "USD" }, { headers: { "X-API-Key": apiKey } })
        await adminPost(`/conversions/${s2s.data.conversion_id}/approve`)
        const [payout] = (await adminPost("/payouts", { affiliate_id: anna.id })).data.payouts
        const adminView = await adminGet(`/payouts/${payout.id}`)
        expect(adminView.data.payout_details).toEqual({ method: "bank", iban: "DE89370400440532013000", account_name: "Anna Berg", updated_at: expect.any(String) })
        await adminPost(`/payouts/${payout.id}/paid`, { reference: "TRX-1" })

        const payouts = await api.get("/affiliate/portal/payouts", bearer(anna.token))
        expect(payouts.data.payouts).toEqual([
          expect.objectContaining({ id: payout.id, amount: "5.00", currency_code: "usd", status: "paid", reference: "TRX-1", lines: [expect.objectContaining({ type: "conversion", amount: "5.00", order_id: "A-200" })] }),
        ])
        expect((await lastMail("anna@example.com", "affiliate-payout-paid"))!.data).toMatchObject({ reference: "TRX-1", amount: { currency_code: "usd", amount: "5.00" } })
        const html = await page("/affiliate/portal/payouts", anna.cookie)
        expect(html.data).toContain("TRX-1")
      })

      it("mails each conversion or a daily digest, as the partner chose, and emits the events", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        const bus = container().resolve(Modules.EVENT_BUS) as any
        const seen: { name: string; data: unknown }[] = []
        const spy = async (event: { name: string; data: unknown }) => void seen.push({ name: event.name, data: event.data })
        for (const name of ["affiliate.conversion.created", "affiliate.conversion.updated"]) bus.subscribe(name, spy, { subscriberId: `test-${name}` })

        const sale = async (orderId: string) => {
          const token = await clickToken(api, campaign.handle, "anna")
          const res = await api.post("/integration/s2sConvert", { click_token: token, order_id: orderId, order_total: "100.00", order_currency: "USD" }, { headers: { "X-API-Key": apiKey } })
          return res.data.conversion_id as string
        }
        const first = await sale("M-1")
        await new Promise((r) => setTimeout(r, 300))
        expect((await lastMail("anna@example.com", "affiliate-conversion"))!.data).toMatchObject({ campaign_name: "Spring", commission: { currency_code: "usd", amount: "10.00" } })
        expect(seen).toContainEqual({ name: "affiliate.conversion.created", data: { id: first } })
        // A repeat of the same order creates nothing and says nothing.
        const token = await clickToken(api, campaign.handle, "anna")
        await api.post("/integration/s2sConvert", { click_token: token, order_id: "M-1", order_total: "100.00", order_currency: "USD" }, { headers: { "X-API-Key": apiKey } })
        await adminPost(`/conversions/${first}/approve`)
        await new Promise((r) => setTimeout(r, 300))
        expect(seen.filter((e) => e.name === "affiliate.conversion.created")).toHaveLength(1)
        expect(seen).toContainEqual({ name: "affiliate.conversion.updated", data: { id: first } })

        // The daily digest instead: no mail per conversion, one mail for the day, once.
        expect((await postForm("/affiliate/portal/me", { email_notifications: "daily" }, anna.cookie)).status).toBe(303)
        await sale("M-2")
        await sale("M-3")
        await new Promise((r) => setTimeout(r, 300))
        expect((await mailsTo("anna@example.com")).filter((m) => m.template === "affiliate-conversion")).toHaveLength(1)
        const today = new Date().toISOString().slice(0, 10)
        await sendConversionDigestsWorkflow(container()).run({ input: { day: today, public_url: null } })
        await sendConversionDigestsWorkflow(container()).run({ input: { day: today, public_url: null } })
        const digests = (await mailsTo("anna@example.com")).filter((m) => m.template === "affiliate-digest")
        expect(digests).toHaveLength(1)
        expect(digests[0].data).toMatchObject({ day: today, conversions: 3, commission: [{ currency_code: "usd", amount: "30.00" }] })
        expect(digests[0].data.text).toContain("3 conversions")
      })

      it("resets a password through Medusa's route and auth.password_reset, and logs out", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        expect((await api.post("/auth/affiliate/emailpass/reset-password", { identifier: "anna@example.com" }, any())).status).toBe(201)
        expect((await api.post("/auth/affiliate/emailpass/reset-password", { identifier: "nobody@example.com" }, any())).status).toBe(201)
        await new Promise((r) => setTimeout(r, 300))
        expect(await mailsTo("nobody@example.com")).toEqual([])
        const mail = await lastMail("anna@example.com", "affiliate-password-reset")
        const token = new URL(mail!.data.set_password_url).searchParams.get("token")!
        // Medusa's own password route takes the same token as a bearer.
        const updated = await api.post("/auth/affiliate/emailpass/update", { password: "new-Passw0rd-99" }, any({ headers: { Authorization: `Bearer ${token}` } }))
        expect(updated.status).toBe(200)
        expect((await api.post("/auth/affiliate/emailpass", { email: "anna@example.com", password: "new-Passw0rd-99" }, any())).status).toBe(200)
        expect((await postForm("/affiliate/portal/set-password", { token, password: "x-Passw0rd-123", password_confirmation: "x-Passw0rd-123" })).status).toBe(404)

        const out = await postForm("/affiliate/portal/logout", {}, anna.cookie)
        expect([out.status, out.headers.location]).toEqual([303, "/affiliate/portal/login?done=out"])
        expect((await api.get("/affiliate/portal/me", any({ headers: { Cookie: anna.cookie } }))).status).toBe(401)
      })
    })

    describe("security", () => {
      it("lets a partner's session or token reach only its own data, and nobody else in (every portal route)", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        const ben = await partner("Ben", "ben@example.com", "ben")
        await api.post("/affiliate/portal/payout-details", { method: "paypal", paypal_email: "anna.pay@example.com" }, bearer(anna.token))
        const token = await clickToken(api, campaign.handle, "anna")
        await api.post("/integration/s2sConvert", { click_token: token, order_id: "SEC-1", order_total: "10.00", order_currency: "USD" }, { headers: { "X-API-Key": apiKey } })

        // A customer's token (Medusa's own customer auth) and a publishable key.
        await api.post("/auth/customer/emailpass/register", { email: "shopper@example.com", password: "shopper-Passw0rd" }, any())
        const customer = (await api.post("/auth/customer/emailpass", { email: "shopper@example.com", password: "shopper-Passw0rd" }, any())).data.token
        const { result: keys } = await createApiKeysWorkflow(container()).run({ input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] } })
        const annaLink = `${base()}/affiliate/click/${campaign.handle}?aff=anna`
        const routes: [method: "get" | "post", path: string, body?: unknown][] = [
          ["get", "/affiliate/portal"],
          ["get", "/affiliate/portal/me"],
          ["post", "/affiliate/portal/me", { email_notifications: "off" }],
          ["get", "/affiliate/portal/links"],
          ["post", "/affiliate/portal/links", { campaign_id: campaign.id }],
          ["get", `/affiliate/portal/links/qr?url=${encodeURIComponent(annaLink)}`],
          ["get", "/affiliate/portal/stats"],
          ["get", "/affiliate/portal/conversions"],
          ["get", "/affiliate/portal/payouts"],
          ["get", "/affiliate/portal/payout-details"],
          ["post", "/affiliate/portal/payout-details", { method: "paypal", paypal_email: "thief@example.com" }],
        ]
        const callers: Record<string, AxiosRequestConfig> = {
          nobody: any(),
          admin: any(admin.headers),
          customer: any({ headers: { Authorization: `Bearer ${customer}` } }),
          publishable_key: any({ headers: { "x-publishable-api-key": keys[0].token } }),
          forged_bearer: any({ headers: { Authorization: `Bearer ${anna.token.slice(0, -4)}AAAA` } }),
        }
        const answers: Record<string, number[]> = {}
        for (const [who, config] of Object.entries(callers)) {
          answers[who] = []
          for (const [method, path, body] of routes) {
            const res = method === "get" ? await api.get(path, config) : await api.post(path, body, config)
            answers[who].push(res.status)
          }
        }
        const denied = routes.map(() => 401)
        expect(answers).toEqual({ nobody: denied, admin: denied, customer: denied, publishable_key: denied, forged_bearer: denied })

        // Another partner, by token and by session: its own data, never Anna's.
        for (const config of [bearer(ben.token), any({ headers: { Cookie: ben.cookie, Origin: base() } })]) {
          const me = await api.get("/affiliate/portal/me", config)
          expect(me.data.affiliate.code).toBe("ben")
          expect(me.data.payout_details).toBeNull()
          expect((await api.get("/affiliate/portal/conversions", config)).data.conversions).toEqual([])
          expect((await api.get("/affiliate/portal/links", config)).data.links.map((l: any) => new URL(l.url).searchParams.get("aff"))).toEqual(["ben"])
          expect((await api.get("/affiliate/portal/links/qr", { ...config, params: { url: annaLink } })).status).toBe(400)
          expect((await api.get("/affiliate/portal/stats", config)).data.totals.conversions).toBe(0)
          expect((await api.get("/affiliate/portal/payouts", config)).data.payouts).toEqual([])
          const cursor = (await api.get("/affiliate/portal/conversions", bearer(anna.token, { params: { limit: 1 } }))).data.next_cursor
          expect((await api.get("/affiliate/portal/conversions", { ...config, params: { after: cursor ?? undefined } })).data.conversions).toEqual([])
        }
        expect((await api.get("/affiliate/portal/me", bearer(anna.token))).data.payout_details.paypal_email).toBe("a***@example.com")
        // A browser without a session is sent to the login page.
        const redirected = await page("/affiliate/portal/conversions")
        expect([redirected.status, redirected.headers.location]).toEqual([303, "/affiliate/portal/login"])
      })

      it("refuses cross-site form posts and sends strict headers on every partner page", async () => {
        const anna = await partner("Anna", "anna@example.com", "anna")
        const evil = "https://evil.example.net"
        const crossSite = await postForm("/affiliate/portal/payout-details", { method: "paypal", paypal_email: "thief@example.com" }, anna.cookie, evil)
        expect(crossSite.status).toBe(403)
        const noOrigin = await api.post("/affiliate/portal/me", form({ email_notifications: "off" }), any({ headers: { ...FORM, Cookie: anna.cookie } }))
        expect(noOrigin.status).toBe(403)
        expect((await postForm("/affiliate/portal/logout", {}, anna.cookie, evil)).status).toBe(403)
        // A browser posting the portal's own form (it sends no referrer, so Origin is "null") says so in Sec-Fetch-Site.
        const sameOrigin = { ...FORM, Cookie: anna.cookie, Origin: "null", "Sec-Fetch-Site": "same-origin" }
        expect((await api.post("/affiliate/portal/me", form({ email_notifications: "daily" }), any({ headers: sameOrigin }))).status).toBe(303)
        const crossNull = { ...FORM, Cookie: anna.cookie, Origin: "null", "Sec-Fetch-Site": "cross-site" }
        expect((await api.post("/affiliate/portal/me", form({ email_notifications: "off" }), any({ headers: crossNull }))).status).toBe(403)
        expect((await api.get("/affiliate/portal/me", bearer(anna.token))).data.affiliate.email_notifications).toBe("daily")
        expect((await postForm("/affiliate/apply", { name: "X", email: "x@example.com", promotion_plan: "x", accept_terms: "true" }, undefined, evil)).status).toBe(403)
        expect((await api.get("/affiliate/portal/me", bearer(anna.token))).data.payout_details).toBeNull()
        // The session cookie itself is Medusa's: HttpOnly (SameSite=Lax in production).
        expect(anna.cookie).toMatch(/^connect\.sid=/)

        for (const path of ["/affiliate/apply", "/affiliate/portal/login", "/affiliate/portal", "/affiliate/portal/links", "/affiliate/portal/me", "/affiliate/portal/reset-password"]) {
          const res = await page(path, /login|reset|apply/.test(path) ? undefined : anna.cookie)
          expect({ path, status: res.status }).toEqual({ path, status: 200 })
          expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'")
          expect(res.headers["content-security-policy"]).toContain("default-src 'none'")
          expect(res.headers["content-security-policy"]).not.toContain("script-src")
          expect(res.headers["referrer-policy"]).toBe("no-referrer")
          expect(res.headers["cache-control"]).toBe("private, no-store")
          expect(res.data).not.toMatch(/<script/i)
        }
      })

      it("escapes what partners and applicants typed, wherever it is shown (portal, confirmation page, mails)", async () => {
        const name = `Eve <script>alert(1)</script>" onmouseover="alert(2)`
        const application = await applyAndConfirm(name, "eve@example.com")
        const approved = await adminPost(`/applications/${application.id}/approve`, { code: "eve" })
        expect(approved.data.application.name).toBe(name)
        const eve = await becomePartner("eve@example.com")
        await api.post("/affiliate/portal/payout-details", { method: "bank", iban: "DE89370400440532013000", account_name: `"><img src=x onerror=alert(3)>` }, bearer(eve.token))
        for (const path of ["/affiliate/portal", "/affiliate/portal/me"]) {
          const html = (await page(path, eve.cookie)).data as string
          expect(html).not.toContain("<script>alert(1)")
          expect(html).not.toContain('" onmouseover="alert(2)')
          expect(html).not.toContain("<img src=x")
          expect(html).toContain("Eve &lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)")
        }
        const again = await postForm("/affiliate/apply", { name: `"><script>alert(4)</script>`, email: "bad", promotion_plan: "x" })
        expect(again.data).not.toContain("<script>alert(4)")
        expect(again.data).toContain('value="&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"')
        const adminMail = (await mailsTo("admin@affiliate-test.dev")).filter((m) => m.template === "affiliate-application-received").pop()
        const rendered = renderTemplate("affiliate-application-received", adminMail!.data as any)
        expect(rendered.html).not.toContain("<script>alert(1)")
        expect(rendered.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)")
      })
    })

    describe("webhooks", () => {
      type Received = { path: string; signature: string; body: string; verified: boolean }
      let receiver: Server
      let received: Received[]
      let secret = ""
      let receiverUrl = ""
      beforeEach(async () => {
        received = []
        receiver = createServer((req, res) => {
          let body = ""
          req.on("data", (c) => (body += c))
          req.on("end", () => {
            // What a merchant's receiver runs: the README's verification, on the raw body.
            const signature = String(req.headers["affiliate-signature"] ?? "")
            const verified = verifyWebhook(secret, body, signature, Math.floor(Date.now() / 1000))
            received.push({ path: req.url ?? "", signature, body, verified })
            res.statusCode = req.url === "/fail" ? 500 : verified ? 200 : 400
            res.end(res.statusCode === 200 ? "ok" : "no")
          })
        })
        await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
        receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
      })
      afterEach(async () => new Promise<void>((r) => receiver.close(() => r())))

      const s2sSale = async (orderId: string, code = "anna") => {
        const token = await clickToken(api, campaign.handle, code)
        const res = await api.post("/integration/s2sConvert", { click_token: token, order_id: orderId, order_total: "20.00", order_currency: "USD" }, { headers: { "X-API-Key": apiKey } })
        return res.data.conversion_id as string
      }

      it("signs each delivery so the receiver can verify it, and a tampered body fails", async () => {
        await createAffiliate(container(), { code: "anna" })
        const created = await adminPost("/webhooks", { url: `${receiverUrl}/hooks`, events: ["affiliate.conversion.created", "affiliate.conversion.updated"] })
        expect(created.status).toBe(200)
        secret = created.data.webhook.secret
        expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/)
        expect(JSON.stringify((await adminGet(`/webhooks/${created.data.webhook.id}`)).data)).not.toContain(secret)
        expect(JSON.stringify((await adminGet("/webhooks")).data)).not.toContain(secret)
        const [row] = (await db().raw(`SELECT secret_ciphertext FROM affiliate_webhook`)).rows
        expect(row.secret_ciphertext).not.toContain(secret.slice(6))
        expect((await adminPost("/webhooks", { url: "ftp://example.com/x", events: ["affiliate.payout.paid"] })).status).toBe(400)
        expect((await adminPost("/webhooks", { url: receiverUrl, events: ["order.placed"] })).status).toBe(400)

        const done = subscribersDone(container(), "affiliate.conversion.created")
        const conversionId = await s2sSale("W-1")
        await done
        expect(received).toHaveLength(1)
        const [hit] = received
        expect(hit).toMatchObject({ path: "/hooks", verified: true, signature: expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/) })
        const body = JSON.parse(hit.body)
        expect(body).toMatchObject({ id: expect.stringMatching(/^evt_/), type: "affiliate.conversion.created", created_at: expect.any(String) })
        expect(body.data).toMatchObject({ id: conversionId, status: "pending", order_id: "W-1", commission_amount: "2.00", commission_currency: "usd" })
        expect(JSON.stringify(body.data)).not.toMatch(/user_agent|ip_hash/)

        // The same signature over a changed body fails, at the receiver and by the function itself.
        const tampered = hit.body.replace('"2.00"', '"200.00"')
        expect(verifyWebhook(secret, tampered, hit.signature, Math.floor(Date.now() / 1000))).toBe(false)
        const forged = await fetch(`${receiverUrl}/hooks`, { method: "POST", headers: { "Affiliate-Signature": hit.signature }, body: tampered })
        expect(forged.status).toBe(400)
        expect(verifyWebhook("whsec_other", hit.body, hit.signature, Math.floor(Date.now() / 1000))).toBe(false)

        const deliveries = await adminGet(`/webhooks/${created.data.webhook.id}/deliveries`)
        expect(deliveries.data.deliveries).toEqual([
          expect.objectContaining({ event_type: "affiliate.conversion.created", status: "delivered", attempt_count: 1, payload: body, attempts: [expect.objectContaining({ http_status: 200 })] }),
        ])
        // The outbound S2S list stays outbound S2S only.
        expect((await adminGet("/outbound-deliveries")).data.deliveries).toEqual([])

        const updated = subscribersDone(container(), "affiliate.conversion.updated")
        await adminPost(`/conversions/${conversionId}/approve`)
        await updated
        const bodies = received.filter((r) => r.verified).map((r) => JSON.parse(r.body))
        expect(bodies.map((b) => b.type)).toEqual(["affiliate.conversion.created", "affiliate.conversion.updated"])
        expect(bodies[1].data).toMatchObject({ id: conversionId, status: "approved" })
      })

      it("retries a failing receiver with backoff, then disables the webhook after 20 failed deliveries in a row", async () => {
        await createAffiliate(container(), { code: "anna" })
        const created = await adminPost("/webhooks", { url: `${receiverUrl}/fail`, events: ["affiliate.conversion.created"] })
        const webhookId = created.data.webhook.id
        secret = created.data.webhook.secret
        const done = subscribersDone(container(), "affiliate.conversion.created")
        const conversionId = await s2sSale("F-1")
        await done
        const deliveries = async () => (await adminGet(`/webhooks/${webhookId}/deliveries`, { limit: 100 })).data.deliveries
        const [first] = await deliveries()
        expect(first).toMatchObject({ status: "pending", attempt_count: 1, attempts: [expect.objectContaining({ http_status: 500 })] })
        const firstDue = new Date(first.next_attempt_at).getTime()

        // Not due yet: nothing is sent. Then every try when due, with growing gaps, 10 tries over 3 days.
        await deliverOutboundWorkflow(container()).run({ input: { now: new Date(firstDue - 1000).toISOString() } })
        expect((await deliveries())[0].attempt_count).toBe(1)
        const gaps: number[] = []
        let due = firstDue
        for (let i = 0; i < 12; i++) {
          await deliverOutboundWorkflow(container()).run({ input: { now: new Date(due).toISOString() } })
          const [d] = await deliveries()
          if (d.status !== "pending") break
          gaps.push(new Date(d.next_attempt_at).getTime() - due)
          due = new Date(d.next_attempt_at).getTime()
        }
        const [failed] = await deliveries()
        expect(failed).toMatchObject({ status: "failed", attempt_count: 10 })
        expect(failed.attempts).toHaveLength(10)
        expect(gaps.every((g, i) => i === 0 || g >= gaps[i - 1])).toBe(true)
        expect(due - (firstDue - 60_000)).toBeGreaterThan(24 * 3600_000)
        expect(received.filter((r) => r.path === "/fail" && r.verified)).toHaveLength(10)
        expect((await adminGet(`/webhooks/${webhookId}`)).data.webhook).toMatchObject({ status: "enabled", consecutive_failures: 1 })

        // 19 more deliveries that fail for good: the 20th in a row disables the webhook, with the reason.
        for (let i = 0; i < 19; i++) await queueWebhookDeliveriesWorkflow(container()).run({ input: { type: "affiliate.conversion.created", id: conversionId } })
        let now = Date.now()
        for (let i = 0; i < 11; i++) {
          now += 4 * 24 * 3600_000
          await deliverOutboundWorkflow(container()).run({ input: { now: new Date(now).toISOString() } })
        }
        const webhook = (await adminGet(`/webhooks/${webhookId}`)).data.webhook
        expect(webhook).toMatchObject({ status: "disabled", consecutive_failures: 20, disabled_reason: expect.stringContaining("20 failed deliveries in a row") })
        expect(webhook.disabled_reason).toContain("HTTP 500")
        // A disabled webhook gets nothing new; enabling it again starts the count over.
        const { result: none } = await queueWebhookDeliveriesWorkflow(container()).run({ input: { type: "affiliate.conversion.created", id: conversionId } })
        expect(none).toEqual([])
        const enabled = await adminPost(`/webhooks/${webhookId}`, { enabled: true, url: `${receiverUrl}/hooks` })
        expect(enabled.data.webhook).toMatchObject({ status: "enabled", consecutive_failures: 0, disabled_reason: null })
        expect((await api.delete(`${ADMIN}/webhooks/${webhookId}`, any(admin.headers))).data).toEqual({ id: webhookId, object: "affiliate_webhook", deleted: true })
        expect((await adminGet(`/webhooks/${webhookId}`)).status).toBe(404)
      })
    })
  },
})
