import { choosePublicBase, REQUEST_URL_NOTICE } from "../public-base"

describe("choosePublicBase: where the URLs shown to admins come from", () => {
  it("uses the publicUrl option whenever it is set, without a notice", () => {
    expect(choosePublicBase({ publicUrl: "https://api.shop.example/", requestOrigin: "http://10.0.0.4:9000", medusaBackendUrl: "http://localhost:9000" })).toEqual({
      url: "https://api.shop.example",
      source: "public_url",
      notice: null,
    })
  })

  it("prefers the request's own URL to MEDUSA_BACKEND_URL, and says it passed that over (issue 15: a starter's default showed port 9000 on an app on 9520)", () => {
    const base = choosePublicBase({ publicUrl: null, requestOrigin: "http://localhost:9520", medusaBackendUrl: "http://localhost:9000" })
    expect(base).toMatchObject({ url: "http://localhost:9520", source: "request" })
    expect(base.notice).toBe(`${REQUEST_URL_NOTICE} MEDUSA_BACKEND_URL (http://localhost:9000) was not used: it differs from the address this admin is served from.`)
  })

  it("does not mention MEDUSA_BACKEND_URL when it is unset or agrees with the request", () => {
    for (const medusaBackendUrl of [null, "http://localhost:9520/"]) {
      expect(choosePublicBase({ publicUrl: null, requestOrigin: "http://localhost:9520", medusaBackendUrl }).notice).toBe(REQUEST_URL_NOTICE)
    }
  })

  it("falls back to MEDUSA_BACKEND_URL only when the request's address cannot be used, and says so", () => {
    const base = choosePublicBase({ publicUrl: null, requestOrigin: null, medusaBackendUrl: "https://api.shop.example" })
    expect(base).toMatchObject({ url: "https://api.shop.example", source: "medusa_backend_url", notice: expect.stringContaining("comes from MEDUSA_BACKEND_URL") })
  })
})
