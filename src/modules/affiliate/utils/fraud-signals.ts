import { isDisposableEmailDomain } from "disposable-email-domains-js"
// A maintained list of public mail providers (gmail.com, outlook.com, web.de, …; about 8,700 domains).
import PUBLIC_MAIL_DOMAINS_LIST from "email-providers/all.json"

/*
 * Fraud signals on a conversion (contract, section 11; README, "Trust"): each a code, a reason a
 * merchant reads and its evidence. A signal never refuses a conversion nor changes an S2S answer:
 * it holds the conversion for review (the hold-period job skips it). Pure: the recording paths
 * read the facts (indexed reads and counters, never a scan of raw clicks) and hand them here.
 * Evidence holds no shopper data (no address, no mail domain, no IP or IP hash): thresholds,
 * counts, a code, a parameter's name. The order itself, in Medusa, shows the email.
 */

export const SIGNAL_CODES = [
  "self_referral_email",
  "self_referral_ip",
  "fast_conversion",
  "ip_velocity",
  "disposable_email",
  "leaked_code",
  "paid_search",
] as const
export type SignalCode = (typeof SIGNAL_CODES)[number]

export type Signal = { code: SignalCode; reason: string; evidence: Record<string, string | number | boolean> }

/** A campaign's settings for the signals (`fraud_rules`). */
export type FraudRules = {
  /** A conversion this many seconds or less after its click is `fast_conversion`. */
  fast_conversion_seconds: number
  /** More conversions than this from one IP hash in an hour, for one affiliate, is `ip_velocity`. */
  ip_velocity_per_hour: number
  /** The campaign forbids bidding on search ads: a click that came with a paid-search click id is `paid_search`. */
  forbid_paid_search: boolean
  /** A coupon conversion without a click from the affiliate is `leaked_code` when such conversions are more than this share of the code's. */
  leaked_code_share: number
  /** Signals this campaign does not raise. */
  disabled: SignalCode[]
}

export const DEFAULT_FRAUD_RULES: FraudRules = {
  fast_conversion_seconds: 10,
  ip_velocity_per_hour: 10,
  forbid_paid_search: false,
  leaked_code_share: 0.5,
  disabled: [],
}

const isCode = (value: unknown): value is SignalCode => SIGNAL_CODES.includes(value as SignalCode)

/** A campaign's stored rules with the defaults for what they leave out (campaigns saved before the rules existed have none). */
export function fraudRules(stored: unknown): FraudRules {
  const rules = (stored && typeof stored === "object" ? stored : {}) as Partial<FraudRules>
  const number = (value: unknown, fallback: number) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback)
  return {
    fast_conversion_seconds: number(rules.fast_conversion_seconds, DEFAULT_FRAUD_RULES.fast_conversion_seconds),
    ip_velocity_per_hour: number(rules.ip_velocity_per_hour, DEFAULT_FRAUD_RULES.ip_velocity_per_hour),
    forbid_paid_search: rules.forbid_paid_search === true,
    leaked_code_share: number(rules.leaked_code_share, DEFAULT_FRAUD_RULES.leaked_code_share),
    disabled: Array.isArray(rules.disabled) ? [...new Set(rules.disabled.filter(isCode))] : [],
  }
}

const PUBLIC_MAIL_DOMAINS = new Set<string>(PUBLIC_MAIL_DOMAINS_LIST as string[])

/** The domain of an address, lower case, or null. */
export function mailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1
  if (!email || at < 1) return null
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, "")
  return domain.includes(".") ? domain : null
}

/** A domain anyone can have an address at (gmail.com, outlook.com, …): two addresses there say nothing about who owns them. */
export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain) || isDisposableEmailDomain(domain)
}

/** What the recording paths know of a conversion when it is recorded. Null: not known on this path. */
export type ConversionFacts = {
  /** The order's email (a Medusa order's; S2S calls carry none). */
  order_email: string | null
  affiliate_email: string | null
  /** When the credited click was made; null for a coupon conversion. */
  clicked_at: Date | null
  occurred_at: Date
  /** Where the affiliate was seen at the conversion's IP hash (their application, a portal login), or null. */
  known_ip: string | null
  /** The affiliate's conversions from the conversion's IP hash in the hour before it, this one included; null without an IP hash. */
  ip_conversions_last_hour: number | null
  /** A coupon conversion: its code's conversions so far, this one included, and how many came without a click from the affiliate. */
  coupon: { code: string; conversions: number; without_click: number; this_without_click: boolean } | null
  /** The paid-search click id the click came with (`gclid`, `msclkid`, …), or null. */
  paid_search_parameter: string | null
}

/**
 * The signals a conversion raises under its campaign's rules, less those the campaign disables and
 * those the merchant trusts this affiliate for. An empty list: nothing to review.
 */
export function detectSignals(facts: ConversionFacts, rules: FraudRules, trusted: readonly string[] = []): Signal[] {
  const signals: Signal[] = []
  const orderDomain = mailDomain(facts.order_email)
  const affiliateDomain = mailDomain(facts.affiliate_email)
  if (facts.order_email && facts.affiliate_email && facts.order_email.trim().toLowerCase() === facts.affiliate_email.trim().toLowerCase()) {
    signals.push({ code: "self_referral_email", reason: "The order was placed with the affiliate's own email address", evidence: { match: "email" } })
  } else if (orderDomain && orderDomain === affiliateDomain && !isPublicMailDomain(orderDomain)) {
    signals.push({
      code: "self_referral_email",
      reason: "The order's email is at the affiliate's own mail domain",
      evidence: { match: "domain" },
    })
  }
  if (facts.known_ip) {
    const where = facts.known_ip === "application" ? "applied from" : "logged into the partner portal from"
    signals.push({ code: "self_referral_ip", reason: `The conversion came from an IP address the affiliate ${where}`, evidence: { seen: facts.known_ip } })
  }
  if (facts.clicked_at) {
    const seconds = Math.max(0, Math.round((facts.occurred_at.getTime() - new Date(facts.clicked_at).getTime()) / 1000))
    if (seconds <= rules.fast_conversion_seconds) {
      signals.push({
        code: "fast_conversion",
        reason: `Converted ${seconds} s after the click (${rules.fast_conversion_seconds} s or less is suspicious)`,
        evidence: { seconds, threshold: rules.fast_conversion_seconds },
      })
    }
  }
  if (facts.ip_conversions_last_hour !== null && facts.ip_conversions_last_hour > rules.ip_velocity_per_hour) {
    signals.push({
      code: "ip_velocity",
      reason: `${facts.ip_conversions_last_hour} conversions for this affiliate from one IP address within an hour (more than ${rules.ip_velocity_per_hour})`,
      evidence: { conversions_last_hour: facts.ip_conversions_last_hour, threshold: rules.ip_velocity_per_hour },
    })
  }
  if (orderDomain && isDisposableEmailDomain(orderDomain)) {
    signals.push({ code: "disposable_email", reason: "The order's email is at a disposable mail service", evidence: { list: "disposable-email-domains" } })
  }
  const coupon = facts.coupon
  if (coupon?.this_without_click && coupon.conversions > 0) {
    const share = coupon.without_click / coupon.conversions
    if (share > rules.leaked_code_share) {
      signals.push({
        code: "leaked_code",
        reason: `${coupon.without_click} of the ${coupon.conversions} orders with the code ${coupon.code} never came through the affiliate's links: the code may be on coupon sites`,
        evidence: { code: coupon.code, without_click: coupon.without_click, conversions: coupon.conversions, share: Math.round(share * 100) / 100, threshold: rules.leaked_code_share },
      })
    }
  }
  if (rules.forbid_paid_search && facts.paid_search_parameter) {
    signals.push({
      code: "paid_search",
      reason: `The click came from a paid search ad (${facts.paid_search_parameter}), which this campaign forbids`,
      evidence: { parameter: facts.paid_search_parameter },
    })
  }
  return signals.filter((s) => !rules.disabled.includes(s.code) && !trusted.includes(s.code))
}
