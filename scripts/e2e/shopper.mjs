// A shopper in Chromium on the test storefront, for `npm run test:storefront`: through the
// affiliate link on the backend, then the storefront's own buttons, as a person would.
export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
export const TOKEN_COOKIE = "_affiliate_click_token"
export const MARKER_COOKIE = "_affiliate_click_kept"
const T = 30_000

function assert(cond, message) {
  if (!cond) throw new Error(message)
}

/**
 * Chromium opens the demo affiliate link on the backend (`world`: `{ backendUrl, storefrontUrl,
 * demo }`), with a deep link to `deepLinkPath` on the storefront if given; answers the token the
 * link gave and the storefront's answers on the way (status, Location, Set-Cookie).
 */
export async function clickAffiliateLink(page, world, deepLinkPath) {
  const { backendUrl, storefrontUrl, demo } = world
  const deep = deepLinkPath ? `&url=${encodeURIComponent(storefrontUrl + deepLinkPath)}` : ""
  const link = `${backendUrl}/affiliate/click/${demo.handle}?aff=${demo.affiliate_code}${deep}`
  const seen = []
  const onResponse = (res) => {
    if (res.request().resourceType() !== "document") return
    seen.push(
      res.headersArray().then((headers) => ({
        url: res.url(),
        status: res.status(),
        location: headers.find((h) => h.name.toLowerCase() === "location")?.value ?? null,
        setCookies: headers.filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value),
      }))
    )
  }
  page.on("response", onResponse)
  await page.goto(link, { waitUntil: "load" })
  page.off("response", onResponse)
  const hops = await Promise.all(seen)
  const fromBackend = hops.find((h) => h.url.startsWith(`${backendUrl}/affiliate/click/`))
  assert(fromBackend?.status === 302 && fromBackend.location, `the affiliate link did not redirect: ${JSON.stringify(fromBackend)}`)
  const token = new URL(fromBackend.location).searchParams.get("click_token")
  assert(token, `the affiliate link gave no click_token: ${fromBackend.location}`)
  return { token, hops: hops.filter((h) => h.url.startsWith(storefrontUrl)) }
}

/** Whether one of the answers set the cookie (with this value, if given). */
export const setsCookie = (hop, name, value) => hop.setCookies.some((c) => c.split("\n").some((line) => line.startsWith(value === undefined ? `${name}=` : `${name}=${value};`)))

/** The click token the storefront's cookie holds in this browser. */
export async function keptToken(context, storefrontUrl) {
  return (await context.cookies(storefrontUrl)).find((c) => c.name === TOKEN_COOKIE)?.value
}

/** From any shop page: the store, the product, "Add to cart". */
export async function addToCart(page) {
  await page.getByRole("link", { name: "Store" }).click()
  await page.getByRole("heading", { name: "Store" }).waitFor()
  await page.getByRole("link", { name: "Demo T-Shirt" }).click()
  await page.getByRole("button", { name: "Add to cart" }).click()
  await page.getByRole("status").filter({ hasText: "Added to cart" }).waitFor()
}

/** "Accept" or "Decline" on the consent banner; waits until it is gone (the answer is shared). */
export async function answerBanner(page, button) {
  const banner = page.getByRole("dialog", { name: "Affiliate tracking" })
  await banner.getByRole("button", { name: button }).click()
  await banner.waitFor({ state: "hidden" })
}

/** The cart's "Place order"; answers the order id the confirmation page shows. */
export async function checkout(page) {
  await page.getByRole("link", { name: "Cart" }).click()
  await page.getByRole("button", { name: "Place order" }).click()
  await page.waitForURL(/\/us\/order\/[^/]+\/confirmed$/, { timeout: T })
  return page.locator("[data-order-id]").getAttribute("data-order-id")
}
