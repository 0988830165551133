// The partner program in Chromium (`npm run test:e2e` runs these after the admin's scenarios, on
// the same app): an applicant applies and confirms from the mailed link, the admin approves in the
// dashboard, the partner sets a password, logs in, copies a deep link; a shopper clicks it, the
// shop reports the sale over S2S; the partner sees it pending and the merchant's webhook receiver
// (on loopback) got `affiliate.conversion.created` with a valid signature.
import { createHmac, timingSafeEqual } from "node:crypto"
import { createServer } from "node:http"

const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const APPLICANT = { name: "Pia Partner", email: "pia.partner@example.com", password: "pia-Passw0rd-e2e" }

/** The README's verification, as a merchant's receiver runs it. */
function verify(secret, rawBody, header) {
  const parts = Object.fromEntries(String(header ?? "").split(",").map((p) => p.split("=", 2)))
  if (!parts.t || !parts.v1 || Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false
  const expected = createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest()
  const given = Buffer.from(parts.v1, "hex")
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Registers the scenario's steps with `test`. `ctx` gives the admin's page, the browser, the app,
 * `url`, `query` (SQL on the app's database), `assert`, `shots` and the timeout `T`.
 */
export function partnerTests(test, ctx) {
  const { assert, T } = ctx
  const state = { received: [], secret: null }
  let receiver
  let partnerContext
  let partner

  /** The latest mail of `template` to `to`, as the Notification module kept it (the local provider also logs it). */
  async function mail(to, template) {
    const rows = await ctx.query(`SELECT data FROM notification WHERE "to" = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1`, [to, template])
    assert(rows.length, `no ${template} mail to ${to}`)
    return rows[0].data
  }

  test("partner program: the admin opens applications and adds a signed webhook", async () => {
    receiver = createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        const verified = !!state.secret && verify(state.secret, body, req.headers["affiliate-signature"])
        state.received.push({ verified, body })
        res.statusCode = verified ? 200 : 400
        res.end()
      })
    })
    await new Promise((r) => receiver.listen(0, "127.0.0.1", r))
    const page = ctx.page()
    await page.goto(ctx.url("/app/affiliate/applications"))
    await page.getByRole("heading", { name: "Partner program" }).waitFor({ timeout: T })
    await page.locator("#applications-open").click()
    await page.locator(`#join-${ctx.app().demo.campaign_id}`).click()
    await page.getByRole("button", { name: "Save program settings" }).click()
    await page.getByText("Program settings saved").waitFor({ timeout: T })

    await page.goto(ctx.url("/app/affiliate/webhooks"))
    await page.getByLabel("Endpoint URL").fill(`http://127.0.0.1:${receiver.address().port}/affiliate-events`)
    await page.getByRole("button", { name: "Add webhook" }).click()
    state.secret = (await page.locator('[data-testid="webhook-secret"] code').textContent()).trim()
    assert(/^whsec_/.test(state.secret), `the secret shown is ${state.secret}`)
    ctx.shots.set("30-webhooks", await page.screenshot({ fullPage: true }))
  })

  test("partner program: apply without JavaScript, confirm from the mailed link", async () => {
    partnerContext = await ctx.browser().newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    partner = await partnerContext.newPage()
    partner.setDefaultTimeout(T)
    await partner.goto(ctx.url("/affiliate/apply"))
    await partner.getByLabel("Your name").fill(APPLICANT.name)
    await partner.getByLabel("Email").fill(APPLICANT.email)
    await partner.getByLabel("Website").fill("https://pia.example.com")
    await partner.getByLabel("How will you promote us?").fill("Reviews and a newsletter")
    await partner.getByLabel(/I accept the program terms/).check()
    await partner.getByRole("button", { name: "Apply" }).click()
    await partner.getByRole("heading", { name: "Thank you" }).waitFor()
    const { confirm_url } = await mail(APPLICANT.email, "affiliate-application-confirm")
    await partner.goto(confirm_url)
    await partner.getByRole("heading", { name: "Email confirmed" }).waitFor()
    const box = await partner.locator("main").boundingBox()
    assert(box.width <= 390, `the confirmation page is ${box.width} px wide on a phone`)
  })

  test("partner program: the admin approves the application in the dashboard", async () => {
    const page = ctx.page()
    await page.goto(ctx.url("/app/affiliate/applications"))
    const row = page.getByRole("row").filter({ hasText: APPLICANT.email })
    await row.getByRole("button", { name: "Review" }).click()
    await page.getByLabel("Partner code (optional)").fill("pia")
    await page.getByRole("button", { name: "Approve", exact: true }).click()
    await page.getByText(/Approved: the partner was mailed/).waitFor({ timeout: T })
    ctx.shots.set("31-applications", await page.screenshot({ fullPage: true }))
  })

  test("partner portal: set a password, log in, copy a deep link (no JavaScript, on a phone)", async () => {
    const { set_password_url } = await mail(APPLICANT.email, "affiliate-approved")
    await partner.goto(set_password_url)
    await partner.locator("#password").fill(APPLICANT.password)
    await partner.locator("#password_confirmation").fill(APPLICANT.password)
    await partner.getByRole("button", { name: "Save my password" }).click()
    await partner.getByText("Your password is saved").waitFor()
    await partner.getByLabel("Email").fill(APPLICANT.email)
    await partner.getByLabel("Password").fill(APPLICANT.password)
    await partner.getByRole("button", { name: "Log in" }).click()
    await partner.getByRole("heading", { name: /Hello, Pia Partner/ }).waitFor()
    await partner.getByRole("link", { name: "Links", exact: true }).click()
    // A page on the campaign's own shop (its target may have been edited by the admin's scenarios).
    const [{ target_url }] = await ctx.query("SELECT target_url FROM affiliate_campaign WHERE id = $1", [ctx.app().demo.campaign_id])
    await partner.getByLabel("Page address").fill(new URL("/products/shirt?size=m", target_url).href)
    await partner.getByLabel("sub1").fill("newsletter")
    await partner.getByRole("button", { name: "Build my link" }).click()
    if (!(await partner.locator("#deep-link").count())) throw new Error(`no deep link: ${(await partner.locator("body").innerText()).slice(0, 400)}`)
    state.deepLink = await partner.locator("#deep-link").inputValue()
    assert(state.deepLink.includes("aff=pia") && state.deepLink.includes("sub1=newsletter"), `the deep link is ${state.deepLink}`)
    // The QR code, as the page's <img> fetches it with the partner's session.
    const qr = await partner.request.get(ctx.url(await partner.locator(".qr img").getAttribute("src")))
    assert(qr.status() === 200 && qr.headers()["content-type"].startsWith("image/svg+xml"), `the QR code answered ${qr.status()}`)
    assert((await partner.locator(".qr img").boundingBox()).width > 100, "the QR code is not shown")
    assert((await partner.locator("script").count()) === 0, "the portal has a script")
    const box = await partner.locator("main").boundingBox()
    assert(box.width <= 390, `the links page is ${box.width} px wide on a phone`)
    ctx.shots.set("32-portal-links-phone", await partner.screenshot({ fullPage: true }))
  })

  test("partner portal: a click on the deep link and an S2S sale show pending; the webhook receiver verified it", async () => {
    const click = await fetch(state.deepLink, { redirect: "manual", headers: { "User-Agent": BROWSER_UA } })
    const landing = new URL(click.headers.get("location"))
    assert(landing.pathname === "/products/shirt" && landing.searchParams.get("size") === "m", `the link landed on ${landing}`)
    const token = landing.searchParams.get("click_token")
    const s2s = await fetch(ctx.url("/integration/s2sConvert"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": ctx.app().demo.api_key },
      body: JSON.stringify({ click_token: token, order_id: "E2E-PARTNER-1", order_total: "49.90", order_currency: "EUR" }),
    })
    const answer = await s2s.json()
    assert(answer.status === "success", `S2S answered ${JSON.stringify(answer)}`)
    await partner.getByRole("link", { name: "Conversions", exact: true }).click()
    const row = partner.getByRole("row").filter({ hasText: "49.90 EUR" })
    await row.getByText("Pending").waitFor()
    ctx.shots.set("33-portal-conversions-phone", await partner.screenshot({ fullPage: true }))
    // The subscriber delivers the webhook after the answer: wait for it (at most 20 s).
    for (let i = 0; i < 200 && !state.received.some((r) => r.verified); i++) await new Promise((r) => setTimeout(r, 100))
    const event = state.received.find((r) => r.verified)
    assert(event, `the receiver got no verified delivery (${state.received.length} unverified)`)
    const body = JSON.parse(event.body)
    assert(body.type === "affiliate.conversion.created" && body.data.id === answer.conversion_id, `the receiver got ${event.body}`)
    await partnerContext.close()
    await new Promise((r) => receiver.close(r))
  })
}
