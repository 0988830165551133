import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { METHODS } from "node:http"
import { createAdminAndLogin } from "../helpers/admin-auth"
import { clickToken, createAffiliate, createCampaign } from "../helpers/fixtures"
import { encodeSloppily, nastyString, nastyValue, Random, seeded } from "../helpers/fuzz"
import { captureLogs, STACK_LINE } from "../helpers/logs"
import { rawRequest } from "../helpers/raw-http"
import { setupStore, storeHeaders, StoreSetup } from "../helpers/store"

jest.setTimeout(300_000)

// A fixed seed (FUZZ_SEED to try others): the same inputs on every run, so a failure replays.
const SEED = Number(process.env.FUZZ_SEED || 20261122)
const PER_KIND = Number(process.env.FUZZ_PER_KIND || 500)
const CONCURRENCY = 6
const S2S_FIELDS = ["api_key", "click_token", "order_id", "order_total", "order_currency", "consent", "limited_data_use", "test", "user_agent", "ip", "device_type", "context", "occurred_at", "metadata", "items", "customer_type"]
const ITEM_FIELDS = ["sku", "product_id", "category", "collection", "quantity", "item_value", "metadata"]
const ENTRY_FIELDS = ["order_id", "status", "reason", "order_total", "items", "test"]
const KINDS = 9

const saved = process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE
process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE = "1000000" // the fuzzer is one client with one key: let it reach every check
afterAll(() => (saved === undefined ? delete process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE : (process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE = saved)))

type Outcome = { kind: string; index: number; status: number | null; input: string }

/** Runs `count` generated requests, a few at a time; returns every answer's status. */
async function run(kind: string, count: number, make: (r: Random, index: number) => Promise<{ status: number | null; input: string }>) {
  const r = seeded(SEED + kind.length * 7919 + kind.charCodeAt(0))
  const outcomes: Outcome[] = []
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      const { status, input } = await make(r, index)
      outcomes.push({ kind, index, status, input })
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return outcomes
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Record<string, string>
    let store: StoreSetup
    let apiKey: string
    let campaignId: string
    let handle: string
    let code: string
    let token: string

    beforeAll(async () => {
      const container = getContainer()
      admin = (await createAdminAndLogin(api, container)).headers.headers
      store = await setupStore(container)
      const created = await createCampaign(container)
      apiKey = created.apiKey
      campaignId = created.campaign.id
      handle = created.campaign.handle
      code = (await createAffiliate(container)).code
      token = await clickToken(api, handle, code)
      // The conversion the validation entries name, with items, so they reach every check.
      const items = [{ sku: "SKU-0", item_value: "6.00" }, { sku: "SKU-1", item_value: "4.00", quantity: 2 }]
      const recorded = await api.post("/integration/s2sConvert", { click_token: token, order_id: "R-1", order_total: "10.00", order_currency: "USD", items }, { headers: { "X-API-Key": apiKey } })
      expect(recorded.data.status).toBe("success")
    })

    /** A hostile path segment that stays one segment: no raw "/", "?", "#" or white space. */
    const segment = (r: Random) => encodeSloppily(r, nastyString(r, 12)).replace(/[/?#\s]/g, (c) => encodeURIComponent(c)) || "x"
    const any = { validateStatus: () => true, maxRedirects: 0, transformRequest: (d: unknown) => d }

    /** A real-looking object with some fields replaced by hostile values, some dropped, some unknown. */
    const spoil = (r: Random, base: Record<string, unknown>, fields: string[]) => {
      for (let i = r.int(3); i > 0; i--) {
        const field = r.chance(0.85) ? r.pick(fields) : nastyString(r, 10)
        if (r.chance(0.2)) delete base[field]
        else base[field] = nastyValue(r, 1)
      }
      return base
    }
    /** An S2S call's items (section 8): up to 12, most of them sound. */
    const itemsOf = (r: Random) =>
      Array.from({ length: r.int(13) }, (_, i) =>
        spoil(r, { sku: `SKU-${i}`, item_value: "5.00", quantity: 1 + r.int(3), category: "apparel", metadata: { size: "M" } }, ITEM_FIELDS)
      )

    /** Mostly real parameters, some missing, some replaced, some unknown: every check gets reached. */
    const s2sParams = (r: Random): Record<string, unknown> => {
      const params: Record<string, unknown> = { api_key: apiKey, click_token: token, order_id: `F-${r.int(1e9)}`, order_total: "10.00", order_currency: "USD" }
      for (let i = r.int(4); i > 0; i--) {
        const field = r.chance(0.85) ? r.pick(S2S_FIELDS) : nastyString(r, 10)
        if (r.chance(0.15)) delete params[field]
        else if (field === "items" && r.chance(0.7)) params.items = itemsOf(r)
        else if (field === "customer_type" && r.chance(0.5)) params.customer_type = r.pick(["new", "returning", "NEW", ""])
        else params[field] = field === "metadata" && r.chance(0.6) ? { [nastyString(r, 8)]: nastyValue(r, 0) } : nastyValue(r)
      }
      return params
    }
    /** Form encoding as shops write it: `metadata[key]=…`, `items[0][sku]=…`. */
    const formOf = (r: Random, params: Record<string, unknown>): string =>
      Object.entries(params)
        .map(([k, v]) =>
          Array.isArray(v) && v.some((e) => e && typeof e === "object")
            ? v.map((e, i) => formOf(r, Object.fromEntries(Object.entries(e ?? {}).map(([ek, ev]) => [`${k}[${i}][${ek}]`, ev])))).join("&")
            : v && typeof v === "object" && !Array.isArray(v)
              ? Object.entries(v).map(([mk, mv]) => `${encodeSloppily(r, `${k}[${mk}]`)}=${encodeSloppily(r, String(mv))}`).join("&")
              : `${encodeSloppily(r, k)}=${encodeSloppily(r, String(v))}`
        )
        .join("&")
    /** A validation entry (section 9): approve, reject, a new total or item changes, some of it hostile. */
    const entryOf = (r: Random) =>
      spoil(
        r,
        r.pick([
          { order_id: r.pick(["R-1", `F-${r.int(1e9)}`]), status: "approved" },
          { order_id: "R-1", status: "rejected", reason: "returned" },
          { order_id: "R-1", order_total: "7.50" },
          { order_id: "R-1", items: [{ sku: "SKU-0", status: "rejected", reason: "returned" }, { sku: "SKU-1", quantity: 1 }] },
        ]),
        ENTRY_FIELDS
      )

    it(`answers ${PER_KIND * KINDS} seeded hostile inputs (JSON, form, GET, raw sockets, link, store, admin, validation, CSV) without a 5xx or a stack trace`, async () => {
      const logs = captureLogs(getContainer())
      const outcomes: Outcome[] = []

      outcomes.push(...(await run("s2s-json", PER_KIND, async (r) => {
        const body = r.chance(0.9) ? JSON.stringify(s2sParams(r)) : r.pick(["{", "[]", "null", '"x"', "{\"a\":1}}", JSON.stringify(nastyValue(r, 3))])
        const res = await api.post("/integration/s2sConvert", body, { ...any, headers: { "Content-Type": r.pick(["application/json", "application/json; charset=utf-8", "APPLICATION/JSON"]) } })
        return { status: res.status, input: body }
      })))

      outcomes.push(...(await run("s2s-form", PER_KIND, async (r) => {
        const body = formOf(r, s2sParams(r))
        const res = await api.post("/integration/s2sConvert", body, { ...any, headers: { "Content-Type": "application/x-www-form-urlencoded" } })
        return { status: res.status, input: body }
      })))

      outcomes.push(...(await run("s2s-get", PER_KIND, async (r) => {
        const query = formOf(r, s2sParams(r))
        const res = await api.get(`/integration/s2sConvert?${query}`, any)
        return { status: res.status, input: query }
      })))

      outcomes.push(...(await run("raw-socket", PER_KIND, async (r) => {
        const method = r.chance(0.7) ? r.pick(["GET", "POST", "POST", ...METHODS.filter((m) => m !== "CONNECT")]) : nastyString(r, 8).replace(/[\s\r\n]/g, "") || "X"
        const path = r.pick(["/integration/s2sConvert", `/affiliate/click/${handle}`, "/store/affiliate/clicks", "/integration/", `/affiliate/click/${segment(r)}`])
        const query = r.chance(0.6) ? `?${formOf(r, s2sParams(r))}` : ""
        const body = r.chance(0.6) ? (r.chance(0.5) ? JSON.stringify(s2sParams(r)) : formOf(r, s2sParams(r))) : ""
        const length = r.pick([Buffer.byteLength(body), Buffer.byteLength(body), 0, Buffer.byteLength(body) + 5, -1])
        const headers = [
          "Host: localhost",
          `Content-Type: ${r.pick(["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "", "application/json; charset=latin1"])}`,
          length >= 0 ? `Content-Length: ${length}` : "Transfer-Encoding: chunked",
          r.chance(0.3) ? `X-API-Key: ${r.chance(0.5) ? apiKey : nastyString(r, 20).replace(/[\r\n\u0000]/g, "")}` : "",
          r.chance(0.1) ? `User-Agent: ${nastyString(r, 30).replace(/[\r\n\u0000]/g, "")}` : "",
          "Connection: close",
        ].filter(Boolean)
        const payload = length >= 0 ? body : `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n${r.chance(0.8) ? "0\r\n\r\n" : "zz\r\n"}`
        const request = Buffer.from(`${method} ${path}${query} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n${payload}`, "utf8")
        const res = await rawRequest(api.defaults.baseURL, request, { timeoutMs: 3_000 })
        return { status: res.status, input: request.toString("latin1").slice(0, 300) }
      })))

      outcomes.push(...(await run("affiliate-link", PER_KIND, async (r) => {
        const query = formOf(r, { aff: r.chance(0.7) ? code : nastyString(r), [r.pick(["sub1", "sub2", "sub3", "sub4", "sub5", "url", nastyString(r, 6)])]: nastyValue(r, 0) })
        const campaign = r.chance(0.7) ? handle : segment(r)
        const res = await api.get(`/affiliate/click/${campaign}?${query}`, { ...any, headers: { "User-Agent": r.pick(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1", "curl/8", "Mozilla/5.0 (Windows NT 10.0) Chrome/126.0 Safari/537.36"]) } })
        return { status: res.status, input: `${campaign}?${query}` }
      })))

      outcomes.push(...(await run("store", PER_KIND, async (r) => {
        const body: Record<string, unknown> = { campaign: handle, aff: code, consent: "granted" }
        for (let i = r.int(4); i > 0; i--) body[r.pick(["campaign", "aff", "sub1", "sub5", "url", "user_agent", "referrer", "click_token", "consent", "consent_source", nastyString(r, 6)])] = nastyValue(r)
        const path = r.chance(0.5) ? "/store/affiliate/clicks" : `/store/carts/${r.chance(0.5) ? "cart_missing" : segment(r)}/affiliate`
        const res = await api.post(path, JSON.stringify(body), { ...any, headers: { ...storeHeaders(store), "Content-Type": "application/json" } })
        return { status: res.status, input: `${path} ${JSON.stringify(body)}` }
      })))

      outcomes.push(...(await run("admin", PER_KIND, async (r) => {
        const list = r.pick(["campaigns", "affiliates", "clicks", "conversions", "requests", "outbound-deliveries", "erasures", "stats/campaigns"])
        if (r.chance(0.6)) {
          const params = [r.pick(["limit", "offset", "q", "order", "status", "campaign_id", "created_at[gte]", "after", "is_test", "with_tracking_links", nastyString(r, 6)])]
          const query = params.map((p) => `${encodeSloppily(r, p)}=${encodeSloppily(r, String(nastyValue(r, 0)))}`).join("&")
          const res = await api.get(`/admin/affiliate/${list}?${query}`, { ...any, headers: admin })
          return { status: res.status, input: `GET ${list}?${query}` }
        }
        const target = r.pick(["campaigns", "affiliates", `campaigns/${segment(r)}`, `conversions/${segment(r)}/reject`])
        const body = JSON.stringify(Object.fromEntries(Array.from({ length: 1 + r.int(5) }, () => [r.pick(["name", "code", "email", "target_url", "commission_value", "metadata", "handle", "reason", "status", nastyString(r, 6)]), nastyValue(r)])))
        const res = await api.post(`/admin/affiliate/${target}`, body, { ...any, headers: { ...admin, "Content-Type": "application/json" } })
        return { status: res.status, input: `POST ${target} ${body}` }
      })))

      outcomes.push(...(await run("s2s-validate", PER_KIND, async (r) => {
        const body = r.chance(0.9)
          ? JSON.stringify(spoil(r, { conversions: Array.from({ length: 1 + r.int(5) }, () => entryOf(r)), test: false }, ["conversions", "test"]))
          : r.pick(["{", "[]", '{"conversions":[]}', JSON.stringify({ conversions: nastyValue(r, 2) }), JSON.stringify(nastyValue(r, 3))])
        const res = await api.post("/integration/s2sValidate", body, { ...any, headers: { "Content-Type": "application/json", "X-API-Key": r.chance(0.9) ? apiKey : nastyString(r, 20).replace(/[\r\n\u0000]/g, "") } })
        return { status: res.status, input: body }
      })))

      outcomes.push(...(await run("admin-csv", PER_KIND, async (r) => {
        const header = r.chance(0.85) ? "order_id,status,reason,order_total" : [r.pick(["order_id", "status", nastyString(r, 6)]), "reason"].join(",")
        const cell = (v: unknown) => (r.chance(0.3) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
        const rows = Array.from({ length: r.int(6) }, () => [r.pick(["R-1", nastyString(r, 12)]), r.pick(["approved", "rejected", "", nastyString(r, 6)]), nastyString(r, 20), r.pick(["", "5.00", String(nastyValue(r, 0))])].map(cell).join(","))
        let body: string | Buffer = [header, ...rows].join(r.pick(["\n", "\r\n"]))
        // Now and then a file a spreadsheet saved as Latin-1, or cut mid-quote.
        if (r.chance(0.1)) body = Buffer.from(`${body}\né`, "latin1")
        else if (r.chance(0.1)) body = `${body}\n"unclosed`
        const res = await api.post(`/admin/affiliate/conversions/validate?campaign_id=${r.chance(0.8) ? campaignId : segment(r)}&dry_run=${r.pick(["true", "false", "maybe"])}`, body, { ...any, headers: { ...admin, "Content-Type": "text/csv" } })
        return { status: res.status, input: String(body).slice(0, 300) }
      })))

      logs.stop()
      if (process.env.FUZZ_REPORT) {
        const counts: Record<string, Record<string, number>> = {}
        for (const o of outcomes) (counts[o.kind] ??= {})[String(o.status)] = (counts[o.kind][String(o.status)] ?? 0) + 1
        process.stdout.write(`${JSON.stringify(counts)}\n`)
      }
      const serverErrors = outcomes.filter((o) => o.status !== null && o.status >= 500)
      expect(serverErrors.slice(0, 5)).toEqual([])
      // Every generated request got an HTTP answer, except raw ones Node's parser refuses by closing.
      expect(outcomes.filter((o) => o.kind !== "raw-socket" && o.status === null)).toEqual([])
      expect(outcomes.length).toBe(PER_KIND * KINDS)
      const stack = logs.lines().find((l) => STACK_LINE.test(l.text))
      expect(stack?.text.slice(0, 1500)).toBeUndefined()
    })
  },
})
