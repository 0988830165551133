import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, clickLink, clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { captureLogs, STACK_LINE } from "../helpers/logs"
import { abortMidBody, rawRequest } from "../helpers/raw-http"
import { setupStore, storeHeaders, StoreSetup } from "../helpers/store"

jest.setTimeout(180_000)

const ENDPOINT = "/integration/s2sConvert"
const any = { validateStatus: () => true }
const JSON_HEADERS = { "Content-Type": "application/json" }
const FORM_HEADERS = { "Content-Type": "application/x-www-form-urlencoded" }
const raw = { headers: JSON_HEADERS, transformRequest: (d: unknown) => d }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let apiKey: string
    let campaign: { id: string; handle: string }
    let code: string
    let admin: { headers: { Authorization: string } }
    let store: StoreSetup

    beforeAll(async () => {
      const container = getContainer()
      admin = (await createAdminAndLogin(api, container)).headers.headers
      store = await setupStore(container)
    })

    beforeEach(async () => {
      const container = getContainer()
      const created = await createCampaign(container)
      apiKey = created.apiKey
      campaign = created.campaign
      code = (await createAffiliate(container)).code
    })

    const service = () => affiliateService(getContainer())
    const logged = async (requestId: string) => (await service().listAffiliateRequestLogs({ request_id: requestId }))[0]
    const order = async () => ({
      api_key: apiKey,
      click_token: await clickToken(api, campaign.handle, code),
      order_id: `ORD-${Math.random().toString(36).slice(2)}`,
      order_total: "10.00",
      order_currency: "USD",
    })

    describe("text PostgreSQL cannot store (NUL, unpaired surrogates)", () => {
      // JSON escapes, as a client sends them: JSON.parse turns "\\ud800" into a lone surrogate.
      const jsonCases: [string, (o: Record<string, unknown>) => string, string][] = [
        ["a NUL in click_token", (o) => JSON.stringify({ ...o, click_token: "ab\u0000c" }), "click_token"],
        ["a NUL in order_id", (o) => JSON.stringify({ ...o, order_id: "A\u0000" }), "order_id"],
        ["a NUL in user_agent", (o) => JSON.stringify({ ...o, user_agent: "Mozilla\u0000" }), "user_agent"],
        ["a NUL in context", (o) => JSON.stringify({ ...o, context: "\u0000" }), "context"],
        ["a NUL in a metadata value", (o) => JSON.stringify({ ...o, metadata: { coupon: "SP\u0000RING" } }), "metadata.coupon"],
        ["a NUL in a metadata key", (o) => JSON.stringify({ ...o, metadata: { "cou\u0000pon": "x" } }), "metadata.cou\\u0000pon"],
        ["a lone surrogate in metadata", (o) => JSON.stringify(o).replace(/}$/, ',"metadata":{"k":"\\ud800"}}'), "metadata.k"],
        ["a lone surrogate in order_id", (o) => JSON.stringify(o).replace(/}$/, ',"context":"x\\udc00y"}'), "context"],
      ]

      it.each(jsonCases)("answers 400 naming the field for %s in JSON, and logs it", async (_label, body, field) => {
        const res = await api.post(ENDPOINT, body(await order()), { ...any, ...raw })
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({ status: "error", errors: [{ field, message: expect.stringMatching(/NUL|surrogate/) }] })
        expect(res.data.message).toContain(field)
        expect(await logged(res.data.request_id)).toMatchObject({ http_status: 400, outcome: "error" })
        expect(await service().listAffiliateConversions({ campaign_id: campaign.id })).toHaveLength(0)
      })

      it("answers 400 for a NUL in a form body, a query string and a form metadata key, with or without a key", async () => {
        const body = await order()
        const form = new URLSearchParams({ ...body, order_id: "A\u0000" }).toString()
        const inForm = await api.post(ENDPOINT, form, { ...any, headers: FORM_HEADERS })
        expect([inForm.status, inForm.data.errors[0].field]).toEqual([400, "order_id"])
        const inQuery = await api.get(`${ENDPOINT}?${new URLSearchParams({ ...body, click_token: "\u0000" })}`, any)
        expect([inQuery.status, inQuery.data.errors[0].field]).toEqual([400, "click_token"])
        const key = await api.post(ENDPOINT, `${new URLSearchParams(body)}&metadata[k%00]=v`, { ...any, headers: FORM_HEADERS })
        expect([key.status, key.data.errors[0].field]).toEqual([400, "metadata.k\\u0000"])
        const noKey = await api.post(ENDPOINT, JSON.stringify({ click_token: "\u0000" }), { ...any, ...raw })
        expect(noKey.status).toBe(400)
      })

      it("answers 400 naming the field on the store routes", async () => {
        const headers = storeHeaders(store)
        const click = await api.post("/store/affiliate/clicks", { campaign: campaign.handle, aff: code, sub1: "a\u0000b" }, { ...any, headers })
        expect(click.status).toBe(400)
        expect(click.data.message).toContain("sub1")
        const { data: cart } = await api.post("/store/carts", { region_id: store.regionId }, { headers })
        const capture = await api.post(`/store/carts/${cart.cart.id}/affiliate`, { consent: "granted", consent_source: "banner\u0000" }, { ...any, headers })
        expect(capture.status).toBe(400)
        expect(capture.data.message).toContain("consent_source")
        const inPath = await api.post("/store/carts/cart%00x/affiliate", { consent: "granted" }, { ...any, headers })
        expect([inPath.status, inPath.data.message]).toEqual([400, expect.stringContaining("path")])
      })

      it("answers 400 naming the field for admin bodies and filters", async () => {
        const surrogate = '{"name":"Summer","target_url":"https://shop.example.com/","commission_type":"percentage","commission_value":5,"metadata":{"note":"\\ud800"}}'
        const created = await api.post("/admin/affiliate/campaigns", surrogate, { ...any, headers: { ...admin, ...JSON_HEADERS }, transformRequest: (d: unknown) => d })
        expect(created.status).toBe(400)
        expect(created.data.message).toContain("metadata.note")
        const affiliate = '{"code":"p-x","name":"P","email":"p@example.com","metadata":{"\\udc00":"x"}}'
        const partner = await api.post("/admin/affiliate/affiliates", affiliate, { ...any, headers: { ...admin, ...JSON_HEADERS }, transformRequest: (d: unknown) => d })
        expect(partner.status).toBe(400)
        expect(partner.data.message).toContain("metadata.\\udc00")
        const filter = await api.get("/admin/affiliate/clicks?click_token=%00", { ...any, headers: admin })
        expect(filter.status).toBe(400)
        expect(filter.data.message).toContain("click_token")
      })

      it("drops them from sub1-sub5 and aff on the affiliate link and still redirects with a token", async () => {
        const res = await clickLink(api, campaign.handle, { aff: `${code}\u0000`, sub1: "news\u0000letter", sub2: "\u0000", sub3: "ok" })
        expect(res.status).toBe(302)
        const token = new URL(res.headers.location).searchParams.get("click_token")
        expect(token).toMatch(/^[0-9A-Za-z]{22}$/)
        const [click] = await service().listAffiliateClicks({ click_token: token! })
        expect(click).toMatchObject({ sub1: "newsletter", sub2: null, sub3: "ok" })
        const badCampaign = await api.get(`/affiliate/click/%00?aff=${code}`, { ...any, maxRedirects: 0 })
        expect(badCampaign.status).toBe(404)
      })
    })

    describe("paths and the plugin's error handler", () => {
      it("answers 400 for paths that are not valid percent-encoding, with one warning line and no stack trace", async () => {
        const logs = captureLogs(getContainer())
        const requestId = "req-hardening-1"
        const answers = [
          await api.get("/affiliate/click/%E0%A4%A?aff=x", { ...any, maxRedirects: 0, headers: { "x-request-id": requestId } }),
          await api.get("/admin/affiliate/campaigns/%E0%A4%A", { ...any, headers: { ...admin, "x-request-id": requestId } }),
          await api.post("/admin/affiliate/conversions/%FF/approve", {}, { ...any, headers: { ...admin, "x-request-id": requestId } }),
        ]
        logs.stop()
        expect(answers.map((a) => a.status)).toEqual([400, 400, 400])
        for (const a of answers) expect(a.data.message).toMatch(/percent-encoding/)
        const text = logs.text()
        expect(text).not.toMatch(STACK_LINE)
        expect(logs.lines().filter((l) => l.level === "warn" && l.text.includes(requestId)).length).toBeGreaterThanOrEqual(1)
      })

      it("logs no stack trace for any refused input on the plugin's routes", async () => {
        const body = await order()
        const logs = captureLogs(getContainer())
        await api.post(ENDPOINT, { ...body, order_id: "A\u0000" }, any)
        await api.post(ENDPOINT, JSON.stringify(body).replace(/}$/, ',"metadata":{"k":"\\ud800"}}'), { ...any, ...raw })
        await clickLink(api, campaign.handle, { aff: code, sub1: "\u0000" })
        await api.post("/store/affiliate/clicks", { campaign: campaign.handle, aff: code, sub2: "\u0000" }, { ...any, headers: storeHeaders(store) })
        await api.post("/admin/affiliate/affiliates", '{"code":"q","name":"Q","email":"q@example.com","metadata":{"a":"\\ud800"}}', {
          ...any,
          headers: { ...admin, ...JSON_HEADERS },
          transformRequest: (d: unknown) => d,
        })
        await api.get("/admin/affiliate/outbound-deliveries?offset=-1", { ...any, headers: admin })
        logs.stop()
        expect(logs.text()).not.toMatch(STACK_LINE)
      })

      it("keeps Medusa's own answers on other paths", async () => {
        const res = await api.get("/admin/products/%E0%A4%A", { ...any, headers: admin })
        // Whatever Medusa answers there, it is Medusa's answer, not the plugin's.
        expect(res.data.message ?? "").not.toMatch(/percent-encoding/)
      })
    })

    describe("other methods and cut-short bodies on the S2S endpoint", () => {
      it.each(["TRACE", "PROPFIND", "SEARCH", "PURGE", "PUT", "DELETE", "PATCH", "OPTIONS", "M-SEARCH"])(
        "answers %s with the contract's JSON 405 and logs it",
        async (method) => {
          const res = await rawRequest(api.defaults.baseURL, `${method} ${ENDPOINT}?api_key=${apiKey} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
          expect(res.status).toBe(405)
          expect(res.headers["content-type"]).toMatch(/^application\/json/)
          expect(res.headers.allow).toBe("GET, POST")
          const body = JSON.parse(res.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ""))
          expect(body).toMatchObject({ status: "error", message: expect.stringContaining(method), request_id: expect.any(String) })
          expect(await logged(body.request_id)).toMatchObject({ method, http_status: 405 })
        }
      )

      it("logs a body the client abandons as client_aborted with 400, not as a fault", async () => {
        const head = `POST ${ENDPOINT} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n`
        const before = new Date()
        await abortMidBody(api.defaults.baseURL, head, '{"api_key":"s2s_x","order_id":')
        let entry: Record<string, unknown> | undefined
        for (let i = 0; i < 50 && !entry; i++) {
          await new Promise((r) => setTimeout(r, 100))
          entry = (await service().listAffiliateRequestLogs({ created_at: { $gte: before } }))[0]
        }
        expect(entry).toMatchObject({ http_status: 400, reason: "client_aborted", outcome: "error" })
      })
    })
  },
})
