import { isbot } from "isbot"
import { UAParser } from "ua-parser-js"

export type DeviceType = "desktop" | "mobile" | "tablet" | "bot" | "other"

/**
 * The marks the in-app browsers of social apps add to the phone's own browser engine. Shoppers
 * arrive through these more than through any other browser, so they must never be taken for
 * crawlers: isbot has flagged some of them before fixing it in a later release (the Facebook app on
 * Android in 5.2.0, Snapchat and Instagram before that), and a host may install any 5.x. The
 * platforms' crawlers send none of these marks (facebookexternalhit, Pinterestbot, LinkedInBot,
 * "Snap URL Preview Service", TikTokSpider).
 */
const IN_APP_BROWSER = [
  /\[FBAN\/|\bFBAV\/|\bFB_IAB\//, // Facebook, Messenger
  /\bInstagram \d/, // Instagram
  /\bmusical_ly_|\bBytedanceWebview\/|\btrill_\d/, // TikTok
  /\bSnapchat\/\d/, // Snapchat
  /\[Pinterest\/(?:iOS|Android)\]/, // Pinterest
  /\[LinkedInApp\]/, // LinkedIn
  /\bMicroMessenger\//, // WeChat
]

/** True for the in-app browser of Facebook, Instagram, TikTok, Snapchat, Pinterest, LinkedIn or WeChat. */
export function isInAppBrowser(userAgent: string): boolean {
  return IN_APP_BROWSER.some((mark) => mark.test(userAgent))
}

/** A crawler, by isbot's maintained list, unless the agent is a social app's in-app browser. */
export function isCrawler(userAgent: string): boolean {
  return !isInAppBrowser(userAgent) && isbot(userAgent)
}

/** Classifies a user agent with maintained parsers: isbot for crawlers, ua-parser-js for devices. */
export function detectDevice(userAgent: string | undefined | null): DeviceType {
  if (!userAgent) return "other"
  if (isCrawler(userAgent)) return "bot"
  const { device, os } = new UAParser(userAgent).getResult()
  if (device.type === "mobile" || device.type === "wearable") return "mobile"
  if (device.type === "tablet") return "tablet"
  if (device.type === undefined && os.name) return "desktop"
  return "other"
}
