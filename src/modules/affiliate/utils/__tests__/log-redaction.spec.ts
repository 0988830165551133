import { generateApiKey } from "../api-key"
import { decodeEscapes } from "../escapes"
import { redactForLog } from "../log-redaction"
import { generateStatementToken, redactStatementTokens } from "../statement-token"

describe("redactForLog: statement tokens", () => {
  const token = generateStatementToken()
  const body = token.slice(4)
  // Each was written to the access log whole (issue 15): decoded and matched in any case now.
  const variants: Record<string, string> = {
    "percent-encoded underscore (answers 200)": `stm%5F${body}`,
    "lower-case percent-encoding": `stm%5f${body}`,
    "upper-case prefix (answers 404, but is the live token's body)": `STM_${body}`,
    "mixed-case prefix, encoded": `StM%5F${body}`,
    "every prefix character encoded": `%73%74%6D%5F${body}`,
    "double-encoded": `stm%255F${body}`,
    "IIS %u encoding": `stm%u005f${body}`,
    "HTML decimal entity": `stm&#95;${body}`,
    "HTML hex entity": `stm&#x5F;${body}`,
  }

  it.each(Object.keys(variants))("cuts a token sent %s from a logged URL", (name) => {
    const out = redactForLog(`/affiliate/statement/${variants[name]}?days=30`)
    expect(out).not.toContain(body.slice(4))
    expect(out).toMatch(/^\/affiliate\/statement\/.{0,12}…\?days=30$/)
  })

  it("keeps the first characters of a plain token, as before", () => {
    expect(redactStatementTokens(`/affiliate/statement/${token}`)).toBe(`/affiliate/statement/${token.slice(0, 8)}…`)
  })
})

describe("redactForLog: an S2S key's secret part, however it is dressed", () => {
  const key = generateApiKey()
  const body = key.slice(4) // 40 base62 characters
  const visible = body.slice(0, 6)
  // The seven ways it reached the access log (issue 15), and a few more.
  const urls: Record<string, string> = {
    "a changed prefix in a parameter": `/integration/s2sConvert?context=s2s-${body}`,
    "an encoded space for the underscore": `/integration/s2sConvert?context=s2s%20${body}`,
    "the bare secret part": `/integration/s2sConvert?order_id=1&note=${body}`,
    "IIS %u escapes for the whole prefix": `/integration/s2sConvert?c=%u0073%u0032%u0073%u005f${body}`,
    "an HTML entity for the underscore": `/integration/s2sConvert?c=s2s&#95;${body}`,
    "a path with a changed prefix": `/s2s-${body}`,
    "a path segment alone": `/x/${body}`,
    "the named HTML entity": `/x?c=s2s&lowbar;${body}`,
    "percent-encoded characters inside the secret": `/x?c=${body.slice(0, 20)}%${body.charCodeAt(20).toString(16)}${body.slice(21)}`,
    "a referrer": `https://shop.example/thanks?ref=${body}#done`,
  }

  it.each(Object.keys(urls))("never logs it whole: %s", (name) => {
    const out = redactForLog(urls[name])
    expect(out).not.toContain(body.slice(6))
    expect(out).toContain(`${visible}…`)
  })

  it("keeps what is not a secret: click tokens, Medusa ids, request ids, text without escapes", () => {
    const clickToken = "Ab3dE5gH7jK9mN1pQ3sT5v" // 22 characters
    const url = `/affiliate/click/summer?aff=anna&click_token=${clickToken}&order=order_01JDXV7K8Q9R0S1T2U3V4W5X6Y&x=%E2%82%AC`
    expect(redactForLog(url)).toBe(url)
    expect(redactForLog("request 3f2a1b7c-9d4e-4f6a-8b2c-1d3e5f7a9b0c answered 400")).toBe("request 3f2a1b7c-9d4e-4f6a-8b2c-1d3e5f7a9b0c answered 400")
  })

  it("keeps a log line one line", () => {
    expect(redactForLog(`/x?a=%0Aforged%20line&k=${body}`)).toBe(`/x?a=%0Aforged line&k=${visible}…`)
  })
})

describe("decodeEscapes", () => {
  it("decodes percent, %u, JSON and HTML escapes of ASCII, as often as they were applied", () => {
    expect(decodeEscapes("s2s%255F %u0041 \\u0042 &#67; &#x44; &lowbar;")).toBe("s2s_ A B C D _")
  })

  it("never breaks what it does not decode", () => {
    for (const text of ["&#x1F600;", "&#128512;", "%E2%82%AC", "%zz", "&#;", "100%"]) expect(decodeEscapes(text)).toBe(text)
  })
})
