import { isbot } from "isbot"
import { UAParser } from "ua-parser-js"

export type DeviceType = "desktop" | "mobile" | "tablet" | "bot" | "other"

/** Classifies a user agent with maintained parsers: isbot for crawlers, ua-parser-js for devices. */
export function detectDevice(userAgent: string | undefined | null): DeviceType {
  if (!userAgent) return "other"
  if (isbot(userAgent)) return "bot"
  const { device, os } = new UAParser(userAgent).getResult()
  if (device.type === "mobile" || device.type === "wearable") return "mobile"
  if (device.type === "tablet") return "tablet"
  if (device.type === undefined && os.name) return "desktop"
  return "other"
}
