import { requestOrigin } from "../request-origin"

describe("requestOrigin", () => {
  it("is the Host the admin request was addressed to", () => {
    expect(requestOrigin({ protocol: "http", host: "localhost:9000", forwardedHost: undefined, proxyTrusted: false })).toBe("http://localhost:9000")
  })

  it("takes X-Forwarded-Host only from a trusted proxy (the protocol comes from Express, which already applies the trust)", () => {
    const forwarded = { protocol: "https", host: "10.0.0.5:9000", forwardedHost: "api.shop.example, proxy.internal" }
    expect(requestOrigin({ ...forwarded, proxyTrusted: true })).toBe("https://api.shop.example")
    expect(requestOrigin({ ...forwarded, proxyTrusted: false })).toBe("https://10.0.0.5:9000")
  })

  it("refuses a host that is not a host name or address, rather than put it in a cURL", () => {
    for (const host of ["evil.example/'; rm -rf ~; '", "a b", "", "x.example@y", "[::1"]) {
      expect(requestOrigin({ protocol: "http", host, forwardedHost: undefined, proxyTrusted: false })).toBeNull()
    }
    expect(requestOrigin({ protocol: "http", host: "[::1]:9000", forwardedHost: undefined, proxyTrusted: false })).toBe("http://[::1]:9000")
  })
})
