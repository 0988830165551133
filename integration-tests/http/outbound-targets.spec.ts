import dns from "node:dns"
import { createServer, Server } from "node:http"
import { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { deliverOutboundWorkflow } from "../../src/workflows/outbound/workflows/deliver-outbound"
import { AdminAuth, createAdminAndLogin } from "../helpers/admin-auth"
import { affiliateService, createCampaign } from "../helpers/fixtures"
import { captureLogs, STACK_LINE } from "../helpers/logs"

jest.setTimeout(120_000)

/*
 * Outbound targets with the default options (no allowPrivateTargets): an admin account must not be
 * able to make the server call its own network (SSRF), however the address is written, and DNS
 * must not be able to point a configured name there later.
 */
const previousAllowPrivate = process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS
delete process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS
afterAll(() => {
  if (previousAllowPrivate !== undefined) process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS = previousAllowPrivate
})

// Each spelling reported in issue 15.
const INTERNAL_TARGETS = [
  "http://127.0.0.1:9620/integration/s2sConvert",
  "http://localhost:9620/admin/users",
  "http://169.254.169.254/latest/meta-data/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://[::1]:9620/",
  "http://0.0.0.0:9620/",
  "http://2130706433:9620/",
  "http://0x7f000001:9620/",
  "http://10.0.0.5/s2s",
  "http://192.168.1.20/s2s",
  "http://[fd00::1]/s2s",
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminAuth
    let receiver: Server
    let port: number
    let connections = 0
    const any = () => ({ ...admin.headers, validateStatus: () => true })

    beforeAll(async () => {
      admin = await createAdminAndLogin(api as AxiosInstance, getContainer() as MedusaContainer)
      receiver = createServer((_req, res) => res.end('{"status":"success"}'))
      receiver.on("connection", () => (connections += 1))
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
      port = (receiver.address() as AddressInfo).port
    })
    afterAll(() => new Promise((r) => receiver.close(r)))
    afterEach(() => jest.restoreAllMocks())

    const campaignBody = (outbound_url: string) => ({
      name: "Forwarding",
      target_url: "https://shop.example.com/",
      commission_type: "percentage",
      commission_value: "10",
      outbound_url,
    })

    describe("configuration", () => {
      it("refuses every internal spelling and user info on create and update: 400 naming outbound_url", async () => {
        const { campaign } = await createCampaign(getContainer())
        for (const url of [...INTERNAL_TARGETS, "https://user:secret@network.example.com/s2s"]) {
          const created = await api.post("/admin/affiliate/campaigns", campaignBody(url), any())
          const updated = await api.post(`/admin/affiliate/campaigns/${campaign.id}`, { outbound_url: url }, any())
          for (const res of [created, updated]) {
            expect([url, res.status, res.data.type]).toEqual([url, 400, "invalid_data"])
            expect(res.data.message).toMatch(/^outbound_url must not (point at|contain a user name)/)
          }
        }
        expect(await affiliateService(getContainer()).listAffiliateCampaigns({ outbound_url: { $ne: null } })).toEqual([])
      })

      it("says what to do, and accepts a public target", async () => {
        const refused = await api.post("/admin/affiliate/campaigns", campaignBody("http://127.0.0.1:9620/"), any())
        expect(refused.data.message).toBe(
          "outbound_url must not point at a loopback address; targets in the host's own network are refused unless the allowPrivateTargets option (AFFILIATE_ALLOW_PRIVATE_TARGETS) is on"
        )
        const accepted = await api.post("/admin/affiliate/campaigns", campaignBody("https://network.example.com/integration/s2sConvert"), any())
        expect(accepted.status).toBe(200)
        expect(accepted.data.campaign.outbound_url).toBe("https://network.example.com/integration/s2sConvert")
      })
    })

    describe("sending", () => {
      /*
       * A public-looking name passes the configuration check; at send time DNS answers 127.0.0.1.
       * Only the resolver is replaced (this machine has no outside DNS): the request, the socket and
       * the receiver listening on 127.0.0.1 are real.
       */
      const rebindTo127 = () => {
        const original = dns.lookup
        return jest.spyOn(dns, "lookup").mockImplementation(((name: string, options: unknown, callback: (...a: unknown[]) => void) => {
          if (name !== "rebind.example.com") return (original as (...a: unknown[]) => void)(name, options, callback)
          callback(null, [{ address: "127.0.0.1", family: 4 }])
        }) as never)
      }

      it("refuses a name that resolves to 127.0.0.1 at send time: the attempt says why, nothing connects, no 5xx", async () => {
        const res = await api.post("/admin/affiliate/campaigns", campaignBody(`http://rebind.example.com:${port}/s2s`), any())
        expect(res.status).toBe(200)
        const lookup = rebindTo127()
        const logs = captureLogs(getContainer())
        const before = connections
        const test = await api.post(`/admin/affiliate/campaigns/${res.data.campaign.id}/outbound/test`, {}, any())
        logs.stop()
        expect(lookup).toHaveBeenCalledWith("rebind.example.com", expect.anything(), expect.any(Function))
        expect(test.status).toBe(200)
        expect(test.data.delivery).toMatchObject({ status: "failed", attempt_count: 1 })
        expect(test.data.delivery.attempts[0]).toMatchObject({
          http_status: null,
          response_excerpt: null,
          error: expect.stringMatching(/^Refused: rebind\.example\.com resolves to 127\.0\.0\.1, a loopback address; .*allowPrivateTargets/),
        })
        expect(connections).toBe(before)
        expect(logs.text()).not.toMatch(STACK_LINE)
      })

      it("counts a refused attempt like a failed one: retried with backoff, then failed", async () => {
        const { campaign } = await createCampaign(getContainer())
        // Queued before the guard existed, or stored by a host's own code: refused when sent.
        const delivery = await affiliateService(getContainer()).createAffiliateOutboundDeliveries({
          campaign_id: campaign.id,
          url: `http://127.0.0.1:${port}/s2s`,
          method: "POST",
          payload: { order_id: "A-1" },
          max_attempts: 2,
          next_attempt_at: new Date(Date.now() - 1000),
        })
        const before = connections
        await deliverOutboundWorkflow(getContainer()).run({ input: { now: new Date().toISOString() } })
        const [first] = await affiliateService(getContainer()).listAffiliateOutboundDeliveries({ id: delivery.id }, { relations: ["attempts"] })
        expect(first).toMatchObject({ status: "pending", attempt_count: 1 })
        expect(first.attempts[0].error).toMatch(/^Refused: the target http:\/\/127\.0\.0\.1:\d+ must not point at a loopback address/)
        await deliverOutboundWorkflow(getContainer()).run({ input: { now: new Date(Date.now() + 10 * 60_000).toISOString() } })
        const [last] = await affiliateService(getContainer()).listAffiliateOutboundDeliveries({ id: delivery.id })
        expect(last).toMatchObject({ status: "failed", attempt_count: 2 })
        expect(connections).toBe(before)
      })
    })
  },
})
