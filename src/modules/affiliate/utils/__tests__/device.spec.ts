import { IN_APP, MOBILE_BROWSERS, PLATFORM_CRAWLERS } from "../../../../../integration-tests/helpers/user-agents"
import { detectDevice, isCrawler, isInAppBrowser } from "../device"

const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  iphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  androidPhone:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  ipad: "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  googlebotSmartphone:
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  bingbot: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  curl: "curl/8.5.0",
  headless:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
  smartTv:
    "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36",
}

describe("detectDevice", () => {
  it.each([
    ["chromeWindows", "desktop"],
    ["safariMac", "desktop"],
    ["iphone", "mobile"],
    ["androidPhone", "mobile"],
    ["ipad", "tablet"],
    ["smartTv", "other"],
  ] as const)("classifies %s as %s", (name, expected) => {
    expect(detectDevice(UA[name])).toBe(expected)
  })

  it.each(["googlebot", "googlebotSmartphone", "bingbot", "curl", "headless"] as const)(
    "classifies %s as a bot, even when it claims a mobile device",
    (name) => {
      expect(detectDevice(UA[name])).toBe("bot")
    }
  )

  it.each(["", null, undefined])("classifies a missing user agent (%p) as other", (ua) => {
    expect(detectDevice(ua)).toBe("other")
  })
})

describe("in-app browsers and crawlers", () => {
  it.each(Object.entries(IN_APP))("%s is an in-app browser and never a bot", (_name, ua) => {
    expect(isInAppBrowser(ua)).toBe(true)
    expect(isCrawler(ua)).toBe(false)
    expect(detectDevice(ua)).not.toBe("bot")
  })

  it.each(Object.entries(MOBILE_BROWSERS))("%s is a mobile browser, not a bot", (_name, ua) => {
    expect(detectDevice(ua)).toBe("mobile")
  })

  it.each(Object.entries(PLATFORM_CRAWLERS))("the %s crawler is a bot, not an in-app browser", (_name, ua) => {
    expect(isInAppBrowser(ua)).toBe(false)
    expect(detectDevice(ua)).toBe("bot")
  })
})
