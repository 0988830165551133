import * as answer from "../s2s-answers"

/** What the route sends: the builder's body plus the request id. */
const sent = (built: answer.S2sAnswer) => ({ ...built.body, request_id: "req_01" })
const documented = (built: answer.S2sAnswer) => answer.S2S_ANSWERS[built.http as keyof typeof answer.S2S_ANSWERS].body

describe("S2S answers", () => {
  it.each([
    ["recorded", answer.recorded("aconv_1")],
    ["duplicate", answer.duplicate("aconv_1")],
    ["skipped", answer.skipped(answer.CONSENT_NOT_GRANTED)],
    ["400", answer.failed(400, "Invalid order_total: is required", [{ field: "order_total", message: "is required" }])],
    ["401", answer.failed(401, answer.INVALID_API_KEY)],
    ["405", answer.failed(405, "Method PUT not allowed: use POST or GET")],
    ["413", answer.failed(413, "Body is larger than 16 KB")],
    ["415", answer.failed(415, "Send application/json or application/x-www-form-urlencoded")],
    ["422", answer.failed(422, answer.UNKNOWN_CLICK_TOKEN)],
    ["429", answer.failed(429, "Rate limit of 600 calls per minute exceeded")],
    ["500", answer.failed(500, "Internal error: the conversion was not recorded, retry later")],
  ])("%s is an answer the document describes for its status", (_case, built) => {
    expect(documented(built).safeParse(sent(built)).error).toBeUndefined()
  })

  it("documents the seed's success and duplicate messages exactly", () => {
    const ok = answer.S2S_ANSWERS[200].body
    expect(ok.safeParse({ ...sent(answer.recorded("aconv_1")), message: "Recorded" }).success).toBe(false)
    expect(ok.safeParse({ ...sent(answer.duplicate("aconv_1")), message: "Duplicate" }).success).toBe(false)
  })

  it("documents that a 400 always names the fields, and other errors carry no field list", () => {
    expect(answer.S2S_ANSWERS[400].body.safeParse(sent(answer.failed(400, "Invalid body"))).success).toBe(false)
    expect(answer.S2S_ANSWERS[401].body.safeParse(sent(answer.failed(401, "x", [{ field: "a", message: "b" }]))).success).toBe(false)
  })
})
