import type dns from "node:dns"
import { createServer, Server } from "node:http"
import { AddressInfo } from "node:net"
import { addressProblem, sendToTarget, targetProblem } from "../target-guard"

const closed = { allowPrivateTargets: false }
const open = { allowPrivateTargets: true }

describe("targetProblem: what an outbound target may be", () => {
  // The spellings from issue 15, then the other ways to write the same hosts.
  const refused: Record<string, string> = {
    "loopback": "http://127.0.0.1:9620/integration/s2sConvert",
    "localhost": "http://localhost:9620/admin/users",
    "cloud metadata address": "http://169.254.169.254/latest/meta-data/",
    "Google metadata name": "http://metadata.google.internal/computeMetadata/v1/",
    "IPv6 loopback": "http://[::1]/",
    "unspecified": "http://0.0.0.0/",
    "decimal": "http://2130706433/",
    "hexadecimal": "http://0x7f000001/",
    "10/8": "http://10.1.2.3/",
    "192.168/16": "http://192.168.1.10/",
    "fd00::/8": "http://[fd00::1]/",
    "octal": "http://0177.0.0.1/",
    "short form": "http://127.1/",
    "short hex form": "http://0x7f.1/",
    "single zero": "http://0/",
    "percent-encoded host": "http://%31%32%37.0.0.1/",
    "full-width digits": "http://\uff11\uff12\uff17.0.0.1/",
    "IPv4-mapped IPv6": "http://[::ffff:127.0.0.1]/",
    "IPv4-mapped IPv6, hex": "http://[::ffff:7f00:1]/",
    "IPv4-mapped metadata": "http://[::ffff:169.254.169.254]/",
    "NAT64 of loopback": "http://[64:ff9b::127.0.0.1]/",
    "6to4 of loopback": "http://[2002:7f00:1::]/",
    "IPv6 unspecified": "http://[::]/",
    "IPv6 link-local": "http://[fe80::1]/",
    "AWS IPv6 metadata": "http://[fd00:ec2::254]/",
    "172.16/12": "http://172.31.255.1/",
    "CGNAT (Alibaba metadata)": "http://100.100.100.200/",
    "localhost with a trailing dot": "http://localhost./",
    "localhost in capitals": "http://LOCALHOST:9000/",
    "a subdomain of localhost": "http://api.localhost/",
    "metadata name with a trailing dot": "http://metadata.google.internal./",
    "metadata address with a trailing dot": "http://169.254.169.254./latest/",
    "an .internal name": "https://billing.internal/",
    "a name without a domain": "http://redis:6379/",
    "https to loopback": "https://127.0.0.1/",
  }

  it.each(Object.entries(refused))("refuses %s (%s)", (_name, url) => {
    expect(targetProblem(url, closed)).toMatch(/^must not point at .+allowPrivateTargets/)
  })

  it.each([
    ["user and password", "http://user:pass@network.example.com/"],
    ["a user alone", "https://admin@network.example.com/"],
    ["a user on loopback", "http://x@127.0.0.1/"],
  ])("refuses user info (%s), even with private targets allowed", (_name, url) => {
    expect(targetProblem(url, closed)).toMatch(/user name or password/)
    expect(targetProblem(url, open)).toMatch(/user name or password/)
  })

  it.each(["ftp://network.example.com/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_", "not a url"])("refuses %s: http(s) only", (url) => {
    expect(targetProblem(url, open)).toMatch(/http/)
  })

  it.each([
    "https://network.example.com/integration/s2sConvert",
    "http://partner.example.org:8080/s2s?x=1",
    "http://8.8.8.8/",
    "http://[2606:4700:4700::1111]/",
    "http://[::ffff:8.8.8.8]/",
    "http://[64:ff9b::808:808]/", // what DNS64 answers for 8.8.8.8 on an IPv6-only host
  ])("accepts the public target %s", (url) => {
    expect(targetProblem(url, closed)).toBeNull()
  })

  it("accepts the host's own network when allowPrivateTargets is on", () => {
    for (const url of Object.values(refused)) expect(targetProblem(url, open)).toBeNull()
  })
})

describe("addressProblem: what a resolved address may be", () => {
  it.each([
    ["127.0.0.1", /loopback/],
    ["169.254.169.254", /link-local/],
    ["::1", /loopback/],
    ["::ffff:10.0.0.1", /private.+inside an IPv6 address/],
    ["fe80::1%eth0", /link-local/],
    ["fc00::1", /unique-local/],
  ])("names what %s is", (address, label) => {
    expect(addressProblem(address)).toMatch(label)
  })

  it("passes public addresses", () => {
    for (const address of ["93.184.215.14", "1.1.1.1", "2606:4700::6810:84e5", "::ffff:1.1.1.1"]) expect(addressProblem(address)).toBeNull()
  })
})

describe("sendToTarget", () => {
  let server: Server
  let port: number
  const received: { method: string; url: string; body: string; headers: Record<string, unknown> }[] = []
  let answer: (res: import("node:http").ServerResponse) => void

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        received.push({ method: req.method!, url: req.url!, body, headers: req.headers })
        answer(res)
      })
    })
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise((r) => server.close(r)))
  beforeEach(() => {
    received.length = 0
    answer = (res) => res.writeHead(202, { "content-type": "application/json" }).end('{"status":"success"}')
  })

  /** DNS as a test controls it: only the resolver is replaced; the request, the socket and the server are real. */
  const resolver = (table: Record<string, string[]>): typeof dns.lookup =>
    ((name: string, _options: unknown, callback: (e: Error | null, a?: dns.LookupAddress[]) => void) => {
      const addresses = table[name]
      if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: "ENOTFOUND" }))
      callback(null, addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })))
    }) as unknown as typeof dns.lookup

  it("sends the method, headers and body, and answers the status, the body and the time taken", async () => {
    const result = await sendToTarget(
      { url: `http://127.0.0.1:${port}/integration/s2sConvert?x=1`, method: "POST", headers: { "Content-Type": "application/json" }, body: '{"a":1}', timeoutMs: 5000 },
      open
    )
    expect(result).toEqual({ outcome: "answered", status: 202, body: '{"status":"success"}', durationMs: expect.any(Number) })
    expect(received).toEqual([expect.objectContaining({ method: "POST", url: "/integration/s2sConvert?x=1", body: '{"a":1}' })])
    expect(received[0].headers["content-type"]).toBe("application/json")
  })

  it("refuses a loopback address without connecting", async () => {
    const result = await sendToTarget({ url: `http://127.0.0.1:${port}/`, method: "GET", timeoutMs: 5000 }, closed)
    expect(result).toMatchObject({ outcome: "refused", reason: expect.stringMatching(/loopback/) })
    expect(received).toHaveLength(0)
  })

  it("refuses a public-looking name that resolves to 127.0.0.1 at send time (DNS rebinding), without connecting", async () => {
    const url = `http://rebind.example.com:${port}/s2s`
    expect(targetProblem(url, closed)).toBeNull() // the configuration check cannot know what DNS will say
    const resolve = resolver({ "rebind.example.com": ["127.0.0.1"] })
    const result = await sendToTarget({ url, method: "GET", timeoutMs: 5000 }, { ...closed, resolve })
    expect(result).toMatchObject({ outcome: "refused", reason: expect.stringContaining("rebind.example.com resolves to 127.0.0.1, a loopback address") })
    expect(received).toHaveLength(0)
  })

  it("refuses a name when any of its addresses is private, whichever comes first", async () => {
    const resolve = resolver({ "mixed.example.com": ["93.184.215.14", "10.0.0.7"] })
    const result = await sendToTarget({ url: `http://mixed.example.com:${port}/`, method: "GET", timeoutMs: 5000 }, { ...closed, resolve })
    expect(result).toMatchObject({ outcome: "refused", reason: expect.stringContaining("10.0.0.7, a private address") })
  })

  it("connects to the address the lookup answered (so the address checked is the one connected to)", async () => {
    const resolve = resolver({ "receiver.example.com": ["127.0.0.1"] })
    const result = await sendToTarget({ url: `http://receiver.example.com:${port}/here`, method: "GET", timeoutMs: 5000 }, { ...open, resolve })
    expect(result).toMatchObject({ outcome: "answered", status: 202 })
    expect(received).toEqual([expect.objectContaining({ url: "/here" })])
    expect(received[0].headers.host).toBe(`receiver.example.com:${port}`)
  })

  it("says when the name does not resolve, when nothing listens, and when no answer comes in time", async () => {
    const resolve = resolver({})
    expect(await sendToTarget({ url: "http://nowhere.example.com/", method: "GET", timeoutMs: 5000 }, { ...closed, resolve })).toMatchObject({
      outcome: "failed",
      error: expect.stringContaining("ENOTFOUND"),
    })
    const closedPort = await new Promise<number>((r) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as AddressInfo).port
        s.close(() => r(p))
      })
    })
    expect(await sendToTarget({ url: `http://127.0.0.1:${closedPort}/`, method: "GET", timeoutMs: 5000 }, open)).toMatchObject({
      outcome: "failed",
      error: expect.stringContaining("ECONNREFUSED"),
    })
    answer = () => undefined // never answers
    const slow = await sendToTarget({ url: `http://127.0.0.1:${port}/`, method: "GET", timeoutMs: 200 }, open)
    expect(slow).toMatchObject({ outcome: "failed", error: "no answer within 200 ms" })
    expect(slow.durationMs).toBeGreaterThanOrEqual(190)
  })

  it("reads at most maxResponseBytes of the answer, and never follows a redirect", async () => {
    answer = (res) => res.writeHead(200).end("x".repeat(100_000))
    const big = await sendToTarget({ url: `http://127.0.0.1:${port}/`, method: "GET", timeoutMs: 5000, maxResponseBytes: 1000 }, open)
    expect(big).toMatchObject({ outcome: "answered", status: 200 })
    expect((big as { body: string }).body).toHaveLength(1000)
    answer = (res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end()
    const redirect = await sendToTarget({ url: `http://127.0.0.1:${port}/`, method: "GET", timeoutMs: 5000 }, open)
    expect(redirect).toMatchObject({ outcome: "answered", status: 302 })
    expect(received).toHaveLength(2)
  })
})
