import { countryFrom, isLinkPreview, isPrefetch, paidSearchParameter, referrerHost } from "../visit"
import { isCrawler } from "../device"

describe("isPrefetch", () => {
  it.each([
    [{ "sec-purpose": "prefetch" }],
    [{ "sec-purpose": "prefetch;prerender" }],
    [{ purpose: "prefetch" }],
    [{ "x-purpose": "preview" }],
    [{ "x-moz": "prefetch" }],
  ])("a browser's speculative fetch %p", (headers) => {
    expect(isPrefetch(headers)).toBe(true)
  })
  it("an ordinary navigation is not", () => {
    expect(isPrefetch({ "sec-fetch-mode": "navigate", accept: "text/html" })).toBe(false)
    expect(isPrefetch({ purpose: "" })).toBe(false)
  })
})

describe("isLinkPreview", () => {
  // The agents as these apps send them when a link is pasted into a chat.
  it.each([
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "WhatsApp/2.23.20.0 A",
    "TelegramBot (like TwitterBot)",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15 (Applebot/0.1)",
  ])("%s", (ua) => {
    expect(isLinkPreview(ua)).toBe(true)
  })
  it("a browser, or an in-app browser, is not", () => {
    expect(isLinkPreview("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36")).toBe(false)
    const instagram = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0.0.0"
    expect(isLinkPreview(instagram)).toBe(false)
    expect(isCrawler(instagram)).toBe(false)
    expect(isLinkPreview(null)).toBe(false)
  })
})

describe("countryFrom", () => {
  it.each([
    [{ "cf-ipcountry": "de" }, "DE"],
    [{ "cloudfront-viewer-country": "FR" }, "FR"],
    [{ "x-vercel-ip-country": "US" }, "US"],
    [{ "cf-ipcountry": "T1" }, "T1"],
    [{ "cf-ipcountry": "XX" }, "unknown"],
    [{ "cf-ipcountry": "Germany" }, "unknown"],
    [{}, "unknown"],
  ])("%p → %s", (headers, country) => {
    expect(countryFrom(headers, null)).toBe(country)
  })
  it("reads only the configured header when the host names one", () => {
    expect(countryFrom({ "x-country": "nl", "cf-ipcountry": "DE" }, "x-country")).toBe("NL")
    expect(countryFrom({ "cf-ipcountry": "DE" }, "x-country")).toBe("unknown")
  })
})

describe("referrerHost", () => {
  it.each([
    ["https://www.Blog.example.com/post?id=1", "blog.example.com"],
    ["http://news.ycombinator.com/", "news.ycombinator.com"],
    [null, "direct"],
    ["", "direct"],
    ["android-app://com.slack/", "unknown"],
    ["not a url", "unknown"],
  ])("%p → %s", (referrer, host) => {
    expect(referrerHost(referrer)).toBe(host)
  })
})

describe("paidSearchParameter", () => {
  it("names the paid-search click id on the link, or on its deep link", () => {
    expect(paidSearchParameter({ aff: "ada", gclid: "Cj0KCQ" }, null)).toBe("gclid")
    expect(paidSearchParameter({ aff: "ada" }, "https://shop.example.com/p?msclkid=abc")).toBe("msclkid")
    expect(paidSearchParameter({ aff: "ada" }, "/p?wbraid=x")).toBe("wbraid")
    expect(paidSearchParameter({ aff: "ada", utm_source: "google" }, "https://shop.example.com/")).toBeNull()
    expect(paidSearchParameter({ gclid: "" }, null)).toBeNull()
  })
})
