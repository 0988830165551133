// What `npm run demo` prints once it is up: the admin, the demo campaign and its S2S key, a ready
// affiliate link and cURL, and the variables that point a storefront at this backend.
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36"

export function printUsage({ say, base, demo, store, admin, storeCors, seconds }) {
  const link = `${base}/affiliate/click/${demo.handle}?aff=${demo.affiliate_code}&sub1=demo`
  const lines = [
    "────────────────────────────────────────────────────────────────────────",
    ` medusa-plugin-affiliate-s2s demo is up (${seconds.toFixed(1)} s)`,
    "",
    ...(admin
      ? [` Admin dashboard   ${base}/app`, `   email           ${admin.email}`, `   password        ${admin.password}`, ""]
      : [" Admin dashboard   off (MEDUSA_ADMIN_DISABLED)", ""]),
    ` Demo campaign     ${demo.handle} (${demo.campaign_id})`,
    ` API key           ${demo.api_key}`,
    "",
    " 1. Open the affiliate link (it redirects with ?click_token=…):",
    `    ${link}`,
    "    or with curl (a browser user agent: crawlers and curl get no token):",
    `    curl -si -A '${BROWSER_UA}' '${link}' | grep -i location`,
    "",
    " 2. Report a conversion with that token:",
    `    curl -X POST ${base}/integration/s2sConvert \\`,
    `      -H "Content-Type: application/json" \\`,
    `      -H "X-API-Key: ${demo.api_key}" \\`,
    `      -d '{"click_token":"<click_token from the link>","order_id":"ORDER-1001","order_total":"129.99","order_currency":"USD"}'`,
    "",
    " 3. Point a storefront at this store (its .env.local; the dtc-starter reads the first",
    "    backend URL, nextjs-starter-medusa the second):",
    `    NEXT_PUBLIC_MEDUSA_BACKEND_URL=${base}`,
    `    MEDUSA_BACKEND_URL=${base}`,
    `    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${store.publishable_key}`,
    `    NEXT_PUBLIC_DEFAULT_REGION=${store.country_code}`,
    `    Products: ${store.products.map((p) => p.title).join(", ")}; browser calls allowed from ${storeCors} (STORE_CORS).`,
    "",
    " Every S2S call is in the admin's Request log; LOG_LEVEL=http npm run demo also prints a line",
    " per request here. Ctrl-C stops the server and the database.",
    "────────────────────────────────────────────────────────────────────────",
  ]
  say(`\n${lines.join("\n")}\n`)
}
