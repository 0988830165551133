import { RecentConversionListeners } from "../listeners"

describe("RecentConversionListeners", () => {
  it("answers what was remembered for a conversion, and nothing for one it never saw", () => {
    const recent = new RecentConversionListeners()
    recent.remember("aconv_1", { webhooks: true, partner_mail: false })
    expect(recent.get("aconv_1")).toEqual({ webhooks: true, partner_mail: false })
    expect(recent.get("aconv_2")).toBeUndefined()
  })

  it("keeps the newest entries only, where nobody reads them", () => {
    const recent = new RecentConversionListeners(3)
    for (const id of ["a", "b", "c", "d"]) recent.remember(id, { webhooks: false, partner_mail: true })
    expect(["a", "b", "c", "d"].map((id) => recent.get(id) !== undefined)).toEqual([false, true, true, true])
  })
})
