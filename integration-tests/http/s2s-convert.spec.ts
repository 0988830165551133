import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig } from "axios"
import { regenerateApiKeyWorkflow } from "../../src/workflows/campaigns/workflows/regenerate-api-key"
import { affiliateService, clickToken, createAffiliate, createCampaign, currentApiKey } from "../helpers/fixtures"
import { expectDocumented, publicDocument } from "../helpers/openapi"
import { curlRequests, readmeBlocks } from "../helpers/readme"

jest.setTimeout(120_000)

const RATE_LIMIT = 400
const ENDPOINT = "/integration/s2sConvert"
const any = { validateStatus: () => true }
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const FORM_HEADERS = { "Content-Type": "application/x-www-form-urlencoded" }

// Read by medusa-config.ts when the runner loads it, before the runner's own `env` is applied.
const previousLimit = process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE
process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT)
afterAll(() => {
  if (previousLimit === undefined) delete process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE
  else process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE = previousLimit
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let apiKey: string
    let campaignId: string
    let affiliateCode: string
    let handle: string

    beforeEach(async () => {
      const container = getContainer()
      const created = await createCampaign(container, { commission_value: 10 })
      apiKey = created.apiKey
      campaignId = created.campaign.id
      handle = created.campaign.handle
      affiliateCode = (await createAffiliate(container)).code
    })

    const post = (body: unknown, config: AxiosRequestConfig = {}) => api.post(ENDPOINT, body, { ...any, ...config })
    const order = async (extra: Record<string, unknown> = {}) => ({
      api_key: apiKey,
      click_token: await clickToken(api, handle, affiliateCode),
      order_id: `ORD-${Math.random().toString(36).slice(2)}`,
      order_total: "129.99",
      order_currency: "USD",
      ...extra,
    })
    const conversions = () => affiliateService(getContainer()).listAffiliateConversions({ campaign_id: campaignId })

    describe("the README's S2S snippets, run as written", () => {
      const base = () => String(api.defaults.baseURL).replace(/\/$/, "")
      const here = (text: string) => text.replaceAll("https://api.example.com", base())

      it("the cURL commands record a conversion, then answer duplicate for the same order", async () => {
        const [curl] = readmeBlocks("### cURL")
        const token = await clickToken(api, handle, affiliateCode)
        const script = here(curl.code).replaceAll("s2s_…", apiKey).replaceAll("3kTq9ZxY…", token)
        const answers = []
        for (const { url, init } of curlRequests(script)) {
          const res = await fetch(url, init)
          answers.push([res.status, (await res.json()).status])
        }
        expect(answers).toEqual([
          [200, "success"],
          [200, "duplicate"],
        ])
      })

      it("the Node example records a conversion and hands back the answer", async () => {
        const [node] = readmeBlocks("### Node (18+, built-in fetch)")
        const reportConversion = new Function("fetch", "process", `${here(node.code)}\nreturn reportConversion`)(
          fetch,
          { env: { AFFILIATE_S2S_KEY: apiKey } }
        )
        const token = await clickToken(api, handle, affiliateCode)
        const answer = await reportConversion({ id: "README-1", subtotalAfterDiscounts: "129.99", currency: "USD", marketingConsent: true }, token)
        expect(answer).toMatchObject({ status: "success", conversion_id: expect.stringMatching(/^aconv_/) })
        const [recorded] = (await conversions()).filter((c) => c.order_id === "README-1")
        expect(String(recorded.order_total)).toBe("129.99")
      })
    })

    describe("recording", () => {
      it("records a conversion with its commission and answers the seed's success body", async () => {
        const body = await order()
        const res = await post(body)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          status: "success",
          message: "S2S conversion recorded successfully",
          conversion_id: expect.stringMatching(/^aconv_/),
          request_id: expect.any(String),
        })
        const [conversion] = await conversions()
        expect(conversion).toMatchObject({
          id: res.data.conversion_id,
          order_id: body.order_id,
          order_currency: "usd",
          status: "pending",
          source: "s2s",
          is_test: false,
        })
        expect(String(conversion.order_total)).toBe("129.99")
        // 10 % of 129.99 is 12.999: rounded half-up to the cent.
        expect(String(conversion.commission_amount)).toBe("13")
      })

      it("accepts the key in X-API-Key, as a Bearer token, in a form body and in a GET query", async () => {
        const { api_key, ...viaHeader } = await order()
        expect((await post(viaHeader, { headers: { "X-API-Key": api_key } })).data.status).toBe("success")
        const bearer = await order()
        delete (bearer as any).api_key
        expect((await post(bearer, { headers: { Authorization: `Bearer ${apiKey}` } })).data.status).toBe("success")
        const viaForm = (await order()) as Record<string, string>
        expect((await post(form(viaForm), { headers: FORM_HEADERS })).data.status).toBe("success")
        const viaGet = (await order()) as Record<string, string>
        const res = await api.get(`${ENDPOINT}?${form(viaGet)}`, any)
        expect(res.data.status).toBe("success")
        expect(await conversions()).toHaveLength(4)
      })

      it("answers duplicate with the first conversion's id for the same order, whatever the totals or click", async () => {
        const first = await post(await order({ order_id: "A-1" }))
        const again = await post(await order({ order_id: "A-1", order_total: "5.00" }))
        expect(again.status).toBe(200)
        expect(again.data).toEqual({
          status: "duplicate",
          message: "Order already recorded",
          conversion_id: first.data.conversion_id,
          request_id: expect.any(String),
        })
        const rows = await conversions()
        expect(rows).toHaveLength(1)
        expect(rows[0].duplicate_count).toBe(1)
      })

      it("records exactly one conversion for 50 concurrent identical calls", async () => {
        const body = await order({ order_id: "RACE-1" })
        const answers = await Promise.all(Array.from({ length: 50 }, () => post(body)))
        const statuses = answers.map((a) => a.data.status)
        expect(statuses.filter((s) => s === "success")).toHaveLength(1)
        expect(statuses.filter((s) => s === "duplicate")).toHaveLength(49)
        expect(new Set(answers.map((a) => a.data.conversion_id)).size).toBe(1)
        expect(await conversions()).toHaveLength(1)
      })

      it("takes a JSON number order_id as its digits and a JSON number total", async () => {
        const res = await post(await order({ order_id: 100234, order_total: 20.5 }))
        expect(res.data.status).toBe("success")
        const [conversion] = await conversions()
        expect(conversion.order_id).toBe("100234")
        expect(String(conversion.order_total)).toBe("20.5")
      })

      it("answers skipped and records nothing when consent is denied", async () => {
        const res = await post(await order({ consent: "denied" }))
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          status: "skipped",
          message: "Consent not granted: conversion not recorded",
          request_id: expect.any(String),
        })
        expect(await conversions()).toHaveLength(0)
      })

      it("keeps a test conversion apart from the live one and never gives it a commission", async () => {
        const test = await post(await order({ order_id: "T-1", test: true }))
        const live = await post(await order({ order_id: "T-1" }))
        expect(test.data.status).toBe("success")
        expect(live.data.status).toBe("success")
        const rows = await conversions()
        const testRow = rows.find((r) => r.is_test)!
        expect(String(testRow.commission_amount)).toBe("0")
        expect(rows.filter((r) => !r.is_test)).toHaveLength(1)
      })

      it("stores no user agent, IP, device or metadata under limited_data_use", async () => {
        const browser = { user_agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", ip: "203.0.113.9", metadata: { coupon: "X" } }
        await post(await order({ order_id: "L-1", limited_data_use: true, ...browser }))
        await post(await order({ order_id: "L-2", ...browser }))
        const rows = await conversions()
        const limited = rows.find((r) => r.order_id === "L-1")!
        const full = rows.find((r) => r.order_id === "L-2")!
        expect(limited).toMatchObject({ limited_data_use: true, user_agent: null, ip_hash: null, device_type: null, metadata: null })
        expect(full).toMatchObject({ user_agent: browser.user_agent, device_type: "mobile", metadata: { coupon: "X" } })
        expect(full.ip_hash).toMatch(/^[0-9a-f]{32}$/)
        expect(JSON.stringify(full)).not.toContain("203.0.113.9")
      })

      it("pays a flat commission in the campaign's currency", async () => {
        const container = getContainer()
        const flat = await createCampaign(container, { commission_type: "flat", commission_value: "7.50", currency_code: "eur" })
        const token = await clickToken(api, flat.campaign.handle, affiliateCode)
        const res = await post({ api_key: flat.apiKey, click_token: token, order_id: "F-1", order_total: "1000", order_currency: "JPY" })
        expect(res.data.status).toBe("success")
        const [row] = await affiliateService(container).listAffiliateConversions({ campaign_id: flat.campaign.id })
        expect(String(row.commission_amount)).toBe("7.5")
        expect(row.commission_currency).toBe("eur")
      })

      it("credits every order of a click by default; with orders_per_click first, a later order is skipped and logged", async () => {
        const token = await clickToken(api, handle, affiliateCode)
        const call = (order_id: string, extra: Record<string, unknown> = {}) =>
          post({ api_key: apiKey, click_token: token, order_id, order_total: "20.00", order_currency: "usd", ...extra })
        expect((await call("R-1")).data.status).toBe("success")
        expect((await call("R-2")).data.status).toBe("success")

        const service = affiliateService(getContainer())
        await service.updateAffiliateCampaigns({ id: campaignId, orders_per_click: "first" })
        const third = await call("R-3")
        expect(third.status).toBe(200)
        expect(third.data).toEqual({
          status: "skipped",
          message: "Click already converted: this campaign credits only the first order of a click",
          request_id: expect.any(String),
        })
        // A repeat of an order already recorded is still that order's duplicate, not a repeat order.
        expect((await call("R-1")).data.status).toBe("duplicate")
        // A test call is kept apart: the live orders do not use up the click's first test order.
        expect((await call("R-3", { test: true })).data.status).toBe("success")
        // A new click starts again.
        const newer = await clickToken(api, handle, affiliateCode)
        expect((await post({ api_key: apiKey, click_token: newer, order_id: "R-4", order_total: "20.00", order_currency: "usd" })).data.status).toBe("success")
        expect((await conversions()).filter((c) => !c.is_test).map((c) => c.order_id).sort()).toEqual(["R-1", "R-2", "R-4"])
        const [log] = await service.listAffiliateRequestLogs({ request_id: third.data.request_id })
        expect(log).toMatchObject({ outcome: "skipped", reason: "click_already_converted", order_id: "R-3", http_status: 200 })
      })

      it("counts a reversed conversion as no order: the click's next order converts under orders_per_click first", async () => {
        const service = affiliateService(getContainer())
        await service.updateAffiliateCampaigns({ id: campaignId, orders_per_click: "first" })
        const token = await clickToken(api, handle, affiliateCode)
        const call = (order_id: string) => post({ api_key: apiKey, click_token: token, order_id, order_total: "20.00", order_currency: "usd" })
        const first = await call("C-1")
        expect(first.data.status).toBe("success")
        expect((await call("C-2")).data.status).toBe("skipped")
        await service.updateAffiliateConversions({ id: first.data.conversion_id, status: "reversed" })
        expect((await call("C-3")).data.status).toBe("success")
      })

      it("answers skipped for a paused campaign", async () => {
        const body = await order()
        await affiliateService(getContainer()).updateAffiliateCampaigns({ id: campaignId, status: "paused" })
        const res = await post(body)
        expect(res.data).toMatchObject({ status: "skipped", message: expect.stringContaining("paused") })
        expect(await conversions()).toHaveLength(0)
      })
    })

    describe("refusals", () => {
      it("answers 401 for a missing, unknown or revoked key", async () => {
        const body = await order()
        const { api_key, ...noKey } = body
        for (const res of [await post(noKey), await post({ ...body, api_key: "s2s_" + "x".repeat(40) })]) {
          expect(res.status).toBe(401)
          expect(res.data).toEqual({ status: "error", message: "Invalid API key", request_id: expect.any(String) })
        }
      })

      it("refuses a case-altered token, a token with a trailing space and another campaign's token", async () => {
        const body = await order()
        const i = body.click_token.search(/[A-Za-z]/)
        const c = body.click_token[i]
        const swapped = body.click_token.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + body.click_token.slice(i + 1)
        expect(swapped).not.toBe(body.click_token)
        const other = await createCampaign(getContainer())
        const foreign = await clickToken(api, other.campaign.handle, affiliateCode)
        for (const token of [swapped, body.click_token + " ", foreign, "no-such-token"]) {
          const res = await post({ ...body, click_token: token })
          expect(res.status).toBe(422)
          expect(res.data).toMatchObject({ status: "error", message: "Unknown click_token" })
        }
        expect(await conversions()).toHaveLength(0)
      })

      it("answers 422 click_token expired once the attribution window has passed", async () => {
        const body = await order()
        const service = affiliateService(getContainer())
        const [click] = await service.listAffiliateClicks({ click_token: body.click_token })
        await service.updateAffiliateClicks({ id: click.id, expires_at: new Date(Date.now() - 1000) })
        const res = await post(body)
        expect(res.status).toBe(422)
        expect(res.data.message).toBe("click_token expired")
      })

      it.each([
        ["a missing order_id", { order_id: undefined }, "order_id"],
        ["JPY with decimals", { order_total: "100.5", order_currency: "JPY" }, "order_total"],
        ["KWD with four decimals", { order_total: "1.2345", order_currency: "kwd" }, "order_total"],
        ["an unknown currency", { order_currency: "XYZ" }, "order_currency"],
        ["a negative total", { order_total: "-1.00" }, "order_total"],
        ["a comma decimal", { order_total: "12,50" }, "order_total"],
        ["an order_id over 255 characters", { order_id: "x".repeat(256) }, "order_id"],
        ["a bad consent value", { consent: "yes" }, "consent"],
        ["a non-scalar metadata value", { metadata: { nested: { a: 1 } } }, "metadata.nested"],
        ["occurred_at without a time zone", { occurred_at: "2026-01-01T10:00:00" }, "occurred_at"],
        ["occurred_at in the future", { occurred_at: new Date(Date.now() + 3_600_000).toISOString() }, "occurred_at"],
      ])("answers 400 naming the field for %s", async (_label, change, field) => {
        const res = await post({ ...(await order()), ...change })
        expect(res.status).toBe(400)
        expect(res.data.status).toBe("error")
        expect(res.data.message).toContain(field.split(".")[0])
        expect(res.data.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]))
        expect(await conversions()).toHaveLength(0)
      })

      it("points unknown top-level parameters to metadata", async () => {
        const res = await post({ ...(await order()), coupon: "SPRING" })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/coupon.*metadata/)
        expect(res.data.errors).toEqual([{ field: "coupon", message: expect.stringContaining("metadata") }])
      })

      it("answers 400, never 5xx, for malformed JSON and malformed percent-encoding", async () => {
        const badJson = await post('{"order_id": "1",', { headers: { "Content-Type": "application/json" }, transformRequest: (d: unknown) => d })
        expect(badJson.status).toBe(400)
        expect(badJson.data.message).toMatch(/JSON/)
        const badForm = await post(`api_key=${apiKey}&order_id=%E0%A4%A&click_token=x`, { headers: FORM_HEADERS })
        expect(badForm.status).toBe(400)
        expect(badForm.data.errors[0].field).toBe("order_id")
        const badQuery = await api.get(`${ENDPOINT}?api_key=${apiKey}&order_id=%ZZ`, any)
        expect(badQuery.status).toBe(400)
        const array = await post("[1,2]", { headers: { "Content-Type": "application/json" }, transformRequest: (d: unknown) => d })
        expect(array.status).toBe(400)
      })

      it("answers 413 over 16 KB, 415 for another content type and 405 for another method", async () => {
        const big = await post({ ...(await order()), metadata: { blob: "x".repeat(17 * 1024) } })
        expect(big.status).toBe(413)
        expect(big.data.status).toBe("error")
        const text = await post("order_id=1", { headers: { "Content-Type": "text/plain" } })
        expect(text.status).toBe(415)
        const put = await api.put(ENDPOINT, await order(), any)
        expect(put.status).toBe(405)
        expect(put.headers.allow).toBe("GET, POST")
        expect(put.data).toMatchObject({ status: "error", request_id: expect.any(String) })
      })

      it("answers 429 with Retry-After past the key's rate limit", async () => {
        const limited = await createCampaign(getContainer())
        const body = { api_key: limited.apiKey, click_token: "t", order_id: "1", order_total: "1", order_currency: "usd" }
        const answers = []
        for (let i = 0; i < RATE_LIMIT + 5; i += 50) {
          answers.push(...(await Promise.all(Array.from({ length: 50 }, () => post(body)))))
        }
        const tooMany = answers.filter((a) => a.status === 429)
        expect(tooMany.length).toBeGreaterThanOrEqual(5)
        expect(Number(tooMany[0].headers["retry-after"])).toBeGreaterThan(0)
        expect(tooMany[0].data.status).toBe("error")
        // The limit is per key: the suite's main key is unaffected.
        expect((await post(await order())).data.status).toBe("success")
      })
    })

    describe("server faults", () => {
      it("answers 500 with a generic message and the request_id, never a stack trace", async () => {
        const body = await order()
        // A real fault: the conversions table is gone (the runner restores the database after each test).
        await dbConnection.raw("ALTER TABLE affiliate_conversion RENAME TO affiliate_conversion_gone")
        const res = await post(body)
        expect(res.status).toBe(500)
        expect(res.data).toEqual({
          status: "error",
          message: "Internal error: the conversion was not recorded, retry later",
          request_id: expect.stringMatching(/^req_/),
        })
        expect(JSON.stringify(res.data)).not.toMatch(/affiliate_conversion|at .*\.ts/)
        const [logged] = await affiliateService(getContainer()).listAffiliateRequestLogs({ request_id: res.data.request_id })
        expect(logged).toMatchObject({ outcome: "error", http_status: 500, reason: "internal_error" })
      })
    })

    describe("OpenAPI", () => {
      it("serves the committed public document to anyone, cacheable", async () => {
        const res = await api.get("/integration/openapi.json", any)
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toMatch(/^application\/json/)
        expect(res.headers["cache-control"]).toBe("public, max-age=3600")
        expect(res.data).toEqual(publicDocument)
        const again = await api.get("/integration/openapi.json", { ...any, headers: { "If-None-Match": res.headers.etag } })
        expect(again.status).toBe(304)
      })

      it("answers every outcome as the public document describes it", async () => {
        const documented = (res: Awaited<ReturnType<typeof post>>) => expectDocumented(res.config.method as "get" | "post", ENDPOINT, res)
        const first = await order()
        documented(await post(first))
        documented(await post(first))
        documented(await post(await order({ consent: "denied" })))
        documented(await api.get(ENDPOINT, { ...any, params: await order() }))
        documented(await post({ ...(await order()), order_total: "12,50" }))
        documented(await api.get(ENDPOINT, { ...any, params: { ...(await order()), coupon: "SPRING" } }))
        documented(await post({ ...(await order()), api_key: "s2s_unknown" }))
        documented(await post({ ...(await order()), metadata: { note: "x".repeat(17 * 1024) } }))
        documented(await post("order_id=1", { headers: { "Content-Type": "text/plain" } }))
        documented(await post({ ...(await order()), click_token: "unknown" }))
        const put = await api.put(ENDPOINT, {}, any)
        expect(put.status).toBe(405)
        expectDocumented("post", ENDPOINT, put, publicDocument.components.responses.S2sMethodNotAllowed)
      })
    })

    describe("API keys", () => {
      it("refuses the old key at once after regeneration and accepts the new one", async () => {
        const container = getContainer()
        const body = await order()
        await regenerateApiKeyWorkflow(container).run({ input: { campaign_id: campaignId } })
        const newKey = await currentApiKey(container, campaignId)
        expect(newKey).toMatch(/^s2s_[0-9A-Za-z]{32,}$/)
        expect(newKey).not.toBe(apiKey)
        expect((await post(body)).status).toBe(401)
        expect((await post({ ...body, api_key: newKey })).data.status).toBe("success")
      })

      it("keeps the old key valid during a grace period, and not after it", async () => {
        const container = getContainer()
        await regenerateApiKeyWorkflow(container).run({ input: { campaign_id: campaignId, grace_period_hours: 2 } })
        const newKey = await currentApiKey(container, campaignId)
        expect((await post(await order())).data.status).toBe("success")
        expect((await post(await order({ api_key: newKey }))).data.status).toBe("success")
        // The grace period ends: move the old key's end into the past.
        const service = affiliateService(container)
        const old = (await service.listAffiliateApiKeys({ campaign_id: campaignId })).filter((k) => k.expires_at)
        await service.updateAffiliateApiKeys(old.map((k) => ({ id: k.id, expires_at: new Date(Date.now() - 1000) })))
        expect((await post(await order())).status).toBe(401)
        expect((await post(await order({ api_key: newKey }))).data.status).toBe("success")
      })

      it("stores the key only encrypted and hashed", async () => {
        const [row] = await affiliateService(getContainer()).listAffiliateApiKeys({ campaign_id: campaignId })
        expect(JSON.stringify(row)).not.toContain(apiKey)
        expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/)
      })
    })

    describe("request log", () => {
      it("keeps every call with its outcome and reason, and never the whole key", async () => {
        const written: string[] = []
        const capture = (stream: NodeJS.WriteStream) => {
          const original = stream.write.bind(stream)
          jest.spyOn(stream, "write").mockImplementation(((chunk: any, ...rest: any[]) => {
            written.push(String(chunk))
            return original(chunk, ...rest)
          }) as any)
        }
        capture(process.stdout)
        capture(process.stderr)
        const body = await order({ order_id: "LOG-1" })
        const answers = [
          await post(body),
          await post(body),
          await post({ ...body, consent: "denied" }),
          await post({ ...body, click_token: "unknown" }),
          await post({ ...body, order_total: "1,5" }),
          await api.get(`${ENDPOINT}?${form({ ...body, order_id: "LOG-2" } as any)}`, any),
          await post({ ...body, api_key: apiKey + "x" }),
          await post({ ...body, click_token: apiKey }),
        ]
        jest.restoreAllMocks()
        const log = await affiliateService(getContainer()).listAffiliateRequestLogs({}, { order: { created_at: "ASC" } })
        for (const a of answers) {
          expect(log.map((l) => l.request_id)).toContain(a.data.request_id)
        }
        const outcomes = answers.map((a) => log.find((l) => l.request_id === a.data.request_id)!)
        expect(outcomes.map((l) => l.outcome)).toEqual(["success", "duplicate", "skipped", "error", "error", "success", "error", "error"])
        expect(outcomes[2].reason).toBe("consent_not_granted")
        expect(outcomes[3]).toMatchObject({ http_status: 422, campaign_id: campaignId, order_id: "LOG-1" })
        expect(outcomes[6]).toMatchObject({ http_status: 401, campaign_id: null })
        expect(JSON.stringify(log)).not.toContain(apiKey)
        expect(written.join("")).not.toContain(apiKey)
        expect(outcomes[0].key_prefix).toBe(apiKey.slice(0, 10) + "…")
      })
    })
  },
})
