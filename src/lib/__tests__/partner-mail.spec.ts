import { maskIban, normalizeIban } from "../iban"
import { partnerMail, renderTemplate } from "../notification-templates"
import { codeFromName, redactPartnerTokens } from "../partner-links"
import { readmeBlocks } from "../../../integration-tests/helpers/readme"
import { renderApplyPage } from "../partner-pages"
import { signWebhook, verifyWebhook, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from "../../modules/affiliate/utils/webhooks"

const HOSTILE = `Eve <script>alert(1)</script>" onmouseover="alert(2)`

describe("partner mails", () => {
  it("escape what applicants typed in the HTML and keep it as typed in the plain text", () => {
    const mail = renderTemplate("affiliate-application-received", {
      name: HOSTILE,
      email: "eve@example.com",
      website: `javascript:alert(3)`,
      promotion_plan: `<img src=x onerror=alert(4)>`,
      admin_url: "https://api.example.com/app/affiliate/applications",
    })
    expect(mail.html).not.toMatch(/<script|<img|" onmouseover/)
    expect(mail.html).toContain("Eve &lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)")
    expect(mail.text).toContain(HOSTILE)
    expect(mail.subject).toBe(`New partner application: ${HOSTILE}`)
  })

  it("carry the link in the text, the HTML and the record's data", () => {
    const mail = partnerMail("a@example.com", "affiliate-approved", { name: "Anna", code: "anna", set_password_url: "https://x.test/p?token=a&b", portal_url: "https://x.test/p" }, { trigger: "t", id: "aff_1", type: "affiliate" })
    expect(mail.content.text).toContain("Set my password: https://x.test/p?token=a&b")
    expect(mail.content.html).toContain('href="https://x.test/p?token=a&amp;b"')
    expect(mail.data).toMatchObject({ set_password_url: "https://x.test/p?token=a&b", subject: "Welcome to our partner program", text: mail.content.text })
  })
})

describe("partner helpers", () => {
  it("check IBANs by their check digits and mask them", () => {
    expect(normalizeIban("de89 3704 0044 0532 0130 00")).toBe("DE89370400440532013000")
    expect(normalizeIban("DE88 3704 0044 0532 0130 00")).toBeNull()
    expect(normalizeIban("GB82 WEST 1234 5698 7654 32")).toBe("GB82WEST12345698765432")
    expect(maskIban("DE89370400440532013000")).toBe("DE89 **** **** 3000")
  })

  it("make URL-safe codes from any name, and keep tokens out of logs", () => {
    expect(codeFromName("Zoë Ångström <b>")).toMatch(/^zoeangstromb-[0-9A-Za-z]{4}$/)
    expect(codeFromName("日本")).toMatch(/^partner-[0-9A-Za-z]{4}$/)
    expect(redactPartnerTokens("/affiliate/apply/confirm?token=apc_0123456789abcdefghij")).toBe("/affiliate/apply/confirm?token=apc_0123…")
    expect(redactPartnerTokens("/affiliate/portal/set-password?token=eyJhbGciOiJIUzI1NiJ9.x.y")).toBe("/affiliate/portal/set-password?token=…")
  })

  it("render the application form without script and with typed values escaped", () => {
    const html = renderApplyPage({ name: HOSTILE }, [HOSTILE], "https://shop.example.com/terms?a=1&b=2")
    expect(html).not.toMatch(/<script|" onmouseover/)
    expect(html).toContain('href="https://shop.example.com/terms?a=1&amp;b=2"')
    expect(html).toContain('name="company_fax" tabindex="-1"')
  })
})

describe("the README's signature check", () => {
  it("accepts what the plugin signs and refuses a tampered body, another secret and an old timestamp", () => {
    const [snippet] = readmeBlocks("### Verifying a signature")
    const verify = new Function("require", `${snippet.code}; return verifyAffiliateSignature`)(require)
    const body = JSON.stringify({ id: "evt_1", type: "affiliate.conversion.created", data: { id: "aconv_1", commission_amount: "2.00" } })
    const now = Math.floor(Date.now() / 1000)
    const header = signWebhook("whsec_test", body, now)
    expect(verify("whsec_test", body, header)).toBe(true)
    expect(verifyWebhook("whsec_test", body, header, now)).toBe(true)
    expect(verify("whsec_test", body.replace("2.00", "200.00"), header)).toBe(false)
    expect(verify("whsec_other", body, header)).toBe(false)
    expect(verify("whsec_test", body, signWebhook("whsec_test", body, now - 3600))).toBe(false)
  })

  it("retries over more than a day", () => {
    const total = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => webhookRetryDelayMs(i + 1)).reduce((a, b) => a + b, 0)
    expect(WEBHOOK_MAX_ATTEMPTS).toBeGreaterThanOrEqual(8)
    expect(total).toBeGreaterThan(24 * 3600_000)
  })
})
