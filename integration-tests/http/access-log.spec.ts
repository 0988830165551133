import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { generateStatementToken, hashStatementToken } from "../../src/modules/affiliate/utils/statement-token"
import { rotateStatementLinkWorkflow } from "../../src/workflows/statement/workflows/rotate-statement-link"
import { clickLink, createAffiliate, createCampaign } from "../helpers/fixtures"
import { captureLogs } from "../helpers/logs"
import { rawRequest } from "../helpers/raw-http"

jest.setTimeout(120_000)

/*
 * Medusa writes its access log (one line per request: method, URL, referrer) everywhere but under
 * NODE_ENV=test, so this suite boots the app as `medusa develop` does and reads the real lines.
 */
const savedEnv = process.env.NODE_ENV
process.env.NODE_ENV = "development"
afterAll(() => {
  process.env.NODE_ENV = savedEnv
})

const any = { validateStatus: () => true, maxRedirects: 0 }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let apiKey: string
    let handle: string
    let code: string

    beforeAll(async () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER) as unknown as { setLogLevel(l: string): void }
      logger.setLogLevel("http")
    })
    afterAll(() => {
      const logger = getContainer()?.resolve(ContainerRegistrationKeys.LOGGER) as unknown as { unsetLogLevel(): void } | undefined
      logger?.unsetLogLevel()
    })

    beforeEach(async () => {
      const created = await createCampaign(getContainer())
      apiKey = created.apiKey
      handle = created.campaign.handle
      code = (await createAffiliate(getContainer())).code
    })

    const variants = (key: string) => ({
      plain: key,
      "percent-encoded": key.replace("_", "%5F"),
      "lower-case encoding": key.replace("_", "%5f"),
      "double-encoded": key.replace("_", "%255F"),
      "mixed-case prefix": key.replace("s2s_", "S2s%5f"),
      "fully encoded": [...key].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(""),
    })

    it.each(Object.keys(variants("s2s_x")))("never writes a key sent %s to the access log, on any path", async (name) => {
      const sent = variants(apiKey)[name as keyof ReturnType<typeof variants>]
      const secret = apiKey.slice(10)
      const logs = captureLogs(getContainer())
      const paths = [
        `/integration/s2sConvert?api_key=${sent}&order_id=1`,
        `/integration/s2sConvertt?api_key=${sent}`,
        `/integration/nothing/here?x=1&api_key=${sent}`,
        `/admin/affiliate/campaigns?api_key=${sent}`,
        `/store/affiliate/clicks?api_key=${sent}`,
      ]
      for (const path of paths) await api.get(path, any)
      await clickLink(api, handle, { aff: code }, { Referer: `https://shop.example/thanks?api_key=${sent}` })
      await new Promise((r) => setTimeout(r, 200)) // the access log writes when each answer has ended
      logs.stop()
      const access = logs.lines().filter((l) => l.level === "http")
      for (const path of ["/integration/s2sConvert?", "/integration/s2sConvertt?", "/integration/nothing/here?", "/admin/affiliate/campaigns?", "/store/affiliate/clicks?", "/affiliate/click/"]) {
        expect(access.some((l) => l.text.includes(path))).toBe(true)
      }
      expect(logs.text()).not.toContain(secret)
      expect(logs.text().toLowerCase()).toContain(apiKey.slice(4, 10).toLowerCase())
    })

    /**
     * The access log's lines for these request targets, sent as raw bytes (an HTTP client would
     * drop what follows a `#`), read as an operator reads them.
     */
    async function accessLines(paths: string[], expectStatus?: Record<string, number>) {
      const logs = captureLogs(getContainer())
      const host = new URL(api.defaults.baseURL!).host
      for (const path of paths) {
        const res = await rawRequest(api.defaults.baseURL, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
        if (expectStatus?.[path]) expect([path, res.status]).toEqual([path, expectStatus[path]])
      }
      await new Promise((r) => setTimeout(r, 200)) // the access log writes when each answer has ended
      logs.stop()
      return { access: logs.lines().filter((l) => l.level === "http"), all: logs.text() }
    }

    it("never writes a statement token whole, however its prefix is written (issue 15)", async () => {
      const affiliate = await createAffiliate(getContainer())
      const token = generateStatementToken()
      await rotateStatementLinkWorkflow(getContainer()).run({ input: { affiliate_id: affiliate.id, token_hash: hashStatementToken(token) } })
      const body = token.slice(4)
      const live = `/affiliate/statement/stm%5F${body}`
      const paths = [
        live,
        `/affiliate/statement/stm%5f${body}`,
        `/affiliate/statement/STM_${body}`,
        `/affiliate/statement/%73tm_${body}`,
        `/affiliate/statement/stm%u005f${body}`,
        `/affiliate/statement/stm&#95;${body}`,
      ]
      const { access, all } = await accessLines(paths, { [live]: 200 })
      expect(access.filter((l) => l.text.includes("/affiliate/statement/"))).toHaveLength(paths.length)
      expect(all).not.toContain(body.slice(4))
    })

    it("never writes an S2S key's secret part whole, in any of the seven ways it reached the log (issue 15), and the entity percent-encoded", async () => {
      const body = apiKey.slice(4)
      const paths = [
        `/integration/s2sConvert?context=s2s-${body}`,
        `/integration/s2sConvert?context=s2s%20${body}`,
        `/integration/s2sConvert?order_id=1&note=${body}`,
        `/integration/s2sConvert?c=%u0073%u0032%u0073%u005f${body}`,
        `/integration/s2sConvert?c=s2s&#95;${body}`,
        `/integration/s2sConvert?c=s2s%26%2395%3B${body}`,
        `/s2s-${body}`,
        `/x/${body}`,
      ]
      const { access, all } = await accessLines(paths)
      expect(access).toHaveLength(paths.length)
      expect(all).not.toContain(body.slice(6))
      expect(access.filter((l) => !l.text.includes(`${body.slice(0, 6)}…`)).map((l) => l.text)).toEqual([])
    })
  },
})
