import { z } from "@medusajs/framework/zod"
import { ApplyBody } from "../../src/api/affiliate/apply/validators"
import { StatementPayout } from "../../src/api/affiliate/statement/validators"
import {
  PortalBuildLink,
  PortalConversionsParams,
  PortalPayoutDetails,
  PortalQrParams,
  PortalStatsParams,
  PortalUpdateMe,
} from "../../src/api/affiliate/portal/validators"
import type { Answer, Operation } from "./build-document"
import { medusaError } from "./medusa-error"

/*
 * The partner program's public routes: the application form and the partner portal (its pages
 * and its JSON API). Pages answer `text/html` to a browser (`Accept: text/html`); the portal's
 * JSON API answers anything else.
 */

const html = (description: string, status = 200): Record<number, Answer> => ({ [status]: { description, media: { "text/html": { type: "string" } } } })
const redirect = (description: string): Record<number, Answer> => ({ 303: { description, headers: { Location: "Where the browser goes next." } } })
const money = z.object({ currency_code: z.string(), amount: z.string() })
const payoutDetails = z
  .object({
    method: z.enum(["paypal", "bank"]),
    paypal_email: z.string().optional(),
    iban: z.string().optional(),
    account_name: z.string().optional(),
    updated_at: z.string(),
  })
  .describe("The account masked (`DE89 **** **** 3000`, `a***@example.com`): the portal never shows it whole again.")
const me = z.object({
  affiliate: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(["active", "paused"]),
    email_notifications: z.enum(["each", "daily", "off"]),
  }),
  payout_details: payoutDetails.nullable(),
})
const link = z.object({ campaign_id: z.string(), campaign_name: z.string(), target_url: z.string(), url: z.string() })
const point = z.looseObject({ date: z.string(), clicks: z.number(), unique_clicks: z.number(), conversions: z.number(), commission: z.record(z.string(), z.string()) })
const stats = z.object({
  days: z.number(),
  totals: z.looseObject({
    clicks: z.number().describe("Every visit through the partner's links, repeat visits included."),
    unique_clicks: z.number().describe("One per visitor and link within the campaign's unique-click window."),
    conversions: z.number(),
    commission: z.array(money),
  }),
  series: z.array(point),
  balance: z.array(money),
  month: z.object({ clicks: z.number(), unique_clicks: z.number(), conversions: z.number(), commission: z.array(money) }).describe("This calendar month (UTC)."),
})
const conversion = z.object({
  id: z.string(),
  campaign_id: z.string(),
  campaign_name: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  order_total: z.string(),
  order_currency: z.string(),
  commission_amount: z.string(),
  commission_currency: z.string(),
  order_id: z.string().nullable().describe("Only for campaigns that show order ids to partners."),
  created_at: z.string(),
})
const payout = StatementPayout.extend({
  lines: z.array(
    z.object({
      type: z.enum(["conversion", "adjustment"]),
      amount: z.string(),
      campaign_id: z.string().nullable(),
      order_id: z.string().nullable(),
      occurred_at: z.string().nullable(),
      reason: z.string().nullable(),
    })
  ),
})
const Credentials = z.object({ email: z.string(), password: z.string() })
const ResetRequest = z.object({ email: z.string() })
const SetPassword = z.object({ token: z.string(), password: z.string().min(10), password_confirmation: z.string() })

const PARTNER: Record<string, string[]>[] = [{ PartnerSession: [] }, { PartnerBearer: [] }]
const unauthorized = { 401: medusaError("No partner session or token (a browser asking for a page is redirected to the login page instead).") }
const crossSite = { 403: medusaError("A cross-site form post (its Origin is not this backend's).") }
const portal = (op: Omit<Operation, "tags" | "security">): Operation => ({
  ...op,
  tags: ["Partner portal"],
  security: PARTNER,
  answers: { ...op.answers, ...unauthorized, ...(op.method === "post" ? crossSite : {}) },
})
const open = (tag: string, op: Omit<Operation, "tags" | "security">): Operation => ({ ...op, tags: [tag], security: [] })

export const partnerOperations: Operation[] = [
  open("Partner applications", {
    method: "get",
    path: "/affiliate/apply",
    operationId: "getApplicationForm",
    summary: "The application form",
    description: "A page with a form that works without JavaScript. 404 while the program takes no applications.",
    answers: { ...html("The form."), 404: medusaError("Applications are closed.") },
  }),
  open("Partner applications", {
    method: "post",
    path: "/affiliate/apply",
    operationId: "apply",
    summary: "Apply to the partner program",
    description:
      "As JSON (storefronts listed in `storeCors` may call it from the browser) or as the page's form. The applicant gets a mail with a confirmation link; " +
      "only confirmed applications reach the admins. The answer is the same whether or not the email is known. A filled honeypot field gets the same answer and stores nothing.",
    body: { schema: ApplyBody, form: true },
    answers: {
      201: { description: "JSON: stored, waiting for the email's confirmation.", body: z.object({ application: z.object({ id: z.string(), status: z.literal("pending_confirmation") }) }) },
      ...html("A form post: the thank-you page."),
      400: medusaError("Invalid fields (a form post gets the form again with the messages)."),
      ...crossSite,
      404: medusaError("Applications are closed."),
      429: medusaError("More than 5 applications from this address in an hour."),
    },
  }),
  open("Partner applications", {
    method: "get",
    path: "/affiliate/apply/confirm",
    operationId: "confirmApplication",
    summary: "Confirm the applicant's email",
    description: "The link in the confirmation mail: the application enters the admins' queue (or is approved at once with `auto_approve`). Works once, for 7 days.",
    query: z.object({ token: z.string().describe("`apc_` and 43 characters; only its hash is stored.") }),
    answers: {
      200: {
        description: "Confirmed (a page for a browser).",
        body: z.object({ application: z.object({ id: z.string(), status: z.enum(["pending", "approved"]) }) }),
        media: { "text/html": { type: "string" } },
      },
      404: medusaError("Unknown, used or expired token."),
    },
  }),
  open("Partner accounts", {
    method: "get",
    path: "/affiliate/portal/login",
    operationId: "getPortalLogin",
    summary: "The portal's login page",
    answers: { ...html("The form."), ...redirect("Already logged in: to the portal.") },
  }),
  open("Partner accounts", {
    method: "post",
    path: "/affiliate/portal/login",
    operationId: "portalLogin",
    summary: "Log in (the form)",
    description:
      "Checks the email and password with Medusa's auth module (emailpass, actor type `affiliate`) and starts Medusa's session. " +
      "API clients use Medusa's `POST /auth/affiliate/emailpass` for a bearer token instead.",
    body: { schema: Credentials, form: true },
    answers: {
      ...redirect("Logged in: to the portal (a JSON client gets `{ success: true }`)."),
      200: { description: "JSON: logged in.", body: z.object({ success: z.literal(true) }) },
      401: medusaError("Wrong email or password (the same answer for both)."),
      ...crossSite,
    },
  }),
  open("Partner accounts", {
    method: "post",
    path: "/affiliate/portal/logout",
    operationId: "portalLogout",
    summary: "Log out",
    answers: { ...redirect("To the login page."), 200: { description: "JSON: logged out.", body: z.object({ success: z.literal(true) }) }, ...crossSite },
  }),
  open("Partner accounts", {
    method: "get",
    path: "/affiliate/portal/reset-password",
    operationId: "getPasswordResetForm",
    summary: "Ask for a password link",
    answers: html("The form."),
  }),
  open("Partner accounts", {
    method: "post",
    path: "/affiliate/portal/reset-password",
    operationId: "requestPasswordReset",
    summary: "Send a password link (the form)",
    description: "Runs Medusa's reset-password flow (`auth.password_reset`); the same answer whether or not the address has an account.",
    body: { schema: ResetRequest, form: true },
    answers: { ...html("Sent (if the account exists)."), ...html("Not an email address.", 400), ...crossSite },
  }),
  open("Partner accounts", {
    method: "get",
    path: "/affiliate/portal/set-password",
    operationId: "getSetPasswordForm",
    summary: "Choose a password",
    query: z.object({ token: z.string().describe("From the approval or reset mail.") }),
    answers: { ...html("The form."), ...html("The link is invalid or expired.", 404) },
  }),
  open("Partner accounts", {
    method: "post",
    path: "/affiliate/portal/set-password",
    operationId: "setPassword",
    summary: "Save the password (the form)",
    description: "What Medusa's `POST /auth/affiliate/emailpass/update` does with the token as a bearer; the token works once.",
    body: { schema: SetPassword, form: true },
    answers: { ...redirect("Saved: to the login page."), ...html("Too short, or the two differ.", 400), ...html("The link is invalid, used or expired.", 404), ...crossSite },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal",
    operationId: "getPortalHome",
    summary: "The portal's home",
    description: "Balance, this month's figures and a chart. A JSON client gets the same as `/affiliate/portal/stats`.",
    query: PortalStatsParams,
    answers: { 200: { description: "The page, or the figures.", body: stats, media: { "text/html": { type: "string" } } } },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/me",
    operationId: "getPartnerMe",
    summary: "The partner",
    answers: { 200: { description: "Who is logged in (a browser gets the Account page).", body: me, name: "PartnerMe", media: { "text/html": { type: "string" } } } },
  }),
  portal({
    method: "post",
    path: "/affiliate/portal/me",
    operationId: "updatePartnerMe",
    summary: "Choose the conversion mails",
    body: { schema: PortalUpdateMe, form: true },
    answers: { 200: { description: "Saved.", body: me, name: "PartnerMe" }, ...redirect("A form post: back to the Account page."), 400: medusaError("Invalid value.") },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/links",
    operationId: "listPartnerLinks",
    summary: "The partner's links, one per campaign",
    answers: { 200: { description: "The links (a browser gets the Links page with the deep-link builder).", body: z.object({ links: z.array(link) }), media: { "text/html": { type: "string" } } } },
  }),
  portal({
    method: "post",
    path: "/affiliate/portal/links",
    operationId: "buildDeepLink",
    summary: "Build a deep link",
    description: "`url` must be on the campaign target's origin or a host the campaign allows.",
    body: { schema: PortalBuildLink, form: true },
    answers: {
      200: { description: "The link (a form post gets the page with the link and its QR code).", body: z.object({ url: z.string() }), media: { "text/html": { type: "string" } } },
      400: medusaError("Invalid fields, or `url` not on the target's origin."),
      404: medusaError("Not one of the partner's campaigns."),
    },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/links/qr",
    operationId: "getLinkQrCode",
    summary: "A link's QR code",
    query: PortalQrParams,
    answers: { 200: { description: "The QR code.", media: { "image/svg+xml": { type: "string" } } }, 400: medusaError("Not one of the partner's own links.") },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/stats",
    operationId: "getPartnerStats",
    summary: "The partner's figures",
    description: "The same service call as the admin's affiliate stats and the statement, plus this month's totals.",
    query: PortalStatsParams,
    answers: { 200: { description: "The figures.", body: stats, name: "PartnerStats" }, 400: medusaError("Invalid `days`.") },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/conversions",
    operationId: "listPartnerConversions",
    summary: "The partner's conversions",
    description: "Live conversions, newest first, a page at a time; no shopper data.",
    query: PortalConversionsParams,
    answers: {
      200: { description: "A page (a browser gets the Conversions page).", body: z.object({ conversions: z.array(conversion), next_cursor: z.string().nullable() }), media: { "text/html": { type: "string" } } },
      400: medusaError("Invalid `limit` or `after`."),
    },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/payouts",
    operationId: "listPartnerPayouts",
    summary: "The partner's payouts with their lines",
    answers: { 200: { description: "The latest 50 (a browser gets the Payouts page).", body: z.object({ payouts: z.array(payout) }), media: { "text/html": { type: "string" } } } },
  }),
  portal({
    method: "get",
    path: "/affiliate/portal/payout-details",
    operationId: "getPayoutDetails",
    summary: "Where the partner is paid",
    answers: { 200: { description: "Masked, or null.", body: z.object({ payout_details: payoutDetails.nullable() }), name: "PartnerPayoutDetails" }, ...redirect("A browser: to the Account page.") },
  }),
  portal({
    method: "post",
    path: "/affiliate/portal/payout-details",
    operationId: "savePayoutDetails",
    summary: "Say where to be paid",
    description: "PayPal or a bank account (IBAN checked); stored encrypted with the plugin's key, shown whole only to admins on the payout.",
    body: { schema: PortalPayoutDetails, form: true },
    answers: {
      200: { description: "Saved, masked.", body: z.object({ payout_details: payoutDetails.nullable() }), name: "PartnerPayoutDetails" },
      ...redirect("A form post: back to the Account page."),
      400: medusaError("Invalid details."),
    },
  }),
]

export const partnerTags = [
  { name: "Partner applications", description: "The public application form, as a page and as JSON, and the email confirmation." },
  { name: "Partner accounts", description: "Logging in, out and choosing a password, on Medusa's auth module (actor type `affiliate`, emailpass)." },
  { name: "Partner portal", description: "A partner's own data, with Medusa's session (browser) or a bearer token from `POST /auth/affiliate/emailpass`." },
]

export const partnerSecuritySchemes = {
  PartnerSession: { type: "apiKey", in: "cookie", name: "connect.sid", description: "Medusa's session, started by the portal's login form." },
  PartnerBearer: { type: "http", scheme: "bearer", description: "A token from Medusa's `POST /auth/affiliate/emailpass`." },
}
