import { escapeHtml } from "./html"

/*
 * Every mail the partner program sends, in one place: a subject, plain text and HTML per template.
 * They go through Medusa's Notification module as `content` (providers such as SendGrid send it as
 * is) and `data` (the same values, for providers that render their own template by name). Every
 * value is escaped in the HTML; the plain text carries values as typed.
 */

export type MailContent = { subject: string; text: string; html: string }
type Amount = { currency_code: string; amount: string }

export type TemplateData = {
  "affiliate-application-confirm": { name: string; confirm_url: string }
  "affiliate-application-known": { name: string; portal_url: string; reset_url: string }
  "affiliate-application-received": { name: string; email: string; website: string | null; promotion_plan: string; admin_url: string }
  "affiliate-approved": { name: string; code: string; set_password_url: string; portal_url: string }
  "affiliate-password-reset": { set_password_url: string; reset_url: string }
  "affiliate-rejected": { name: string; reason: string }
  "affiliate-conversion": { name: string; campaign_name: string; commission: Amount; portal_url: string }
  "affiliate-digest": { name: string; day: string; conversions: number; commission: Amount[]; portal_url: string }
  "affiliate-payout-paid": { name: string; amount: Amount; reference: string; portal_url: string }
}
export type TemplateName = keyof TemplateData

const money = (a: Amount) => `${a.amount} ${a.currency_code.toUpperCase()}`

/** A paragraph is a string; a link is `[label, url]`. */
type Block = string | [label: string, url: string]

function mail(subject: string, greeting: string, blocks: Block[]): MailContent {
  const text = [greeting, ...blocks.map((b) => (typeof b === "string" ? b : `${b[0]}: ${b[1]}`))].join("\n\n")
  const body = blocks
    .map((b) =>
      typeof b === "string"
        ? `<p>${escapeHtml(b)}</p>`
        : `<p><a href="${escapeHtml(b[1])}" style="display:inline-block;padding:10px 16px;background:#111827;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(b[0])}</a></p>`
    )
    .join("\n")
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111827;max-width:560px;margin:auto;padding:16px">
<p>${escapeHtml(greeting)}</p>
${body}
</body></html>`
  return { subject, text: `${text}\n`, html }
}

const render: { [T in TemplateName]: (d: TemplateData[T]) => MailContent } = {
  "affiliate-application-confirm": (d) =>
    mail("Confirm your partner application", `Hello ${d.name},`, [
      "Thank you for applying to our partner program. Please confirm your email address: the application reaches our team once you do.",
      ["Confirm my email", d.confirm_url],
      "The link works for 7 days. If you did not apply, ignore this mail.",
    ]),
  "affiliate-application-known": (d) =>
    mail("Your partner application", `Hello ${d.name},`, [
      "Someone applied to our partner program with this email address, which already has an application or a partner account. No new application was made.",
      ["Open the partner portal", d.portal_url],
      ["Set a new password", d.reset_url],
      "If this was not you, ignore this mail.",
    ]),
  "affiliate-application-received": (d) =>
    mail(`New partner application: ${d.name}`, "Hello,", [
      `${d.name} <${d.email}> applied to the partner program and confirmed their email.`,
      `Website: ${d.website ?? "none given"}`,
      `How they will promote: ${d.promotion_plan}`,
      ["Review applications", d.admin_url],
    ]),
  "affiliate-approved": (d) =>
    mail("Welcome to our partner program", `Hello ${d.name},`, [
      `Your application was approved. Your partner code is ${d.code}.`,
      "Set your password to open the partner portal, where you find your links, your figures and your payouts.",
      ["Set my password", d.set_password_url],
      "The link works for 7 days and once. Later, use \"Forgot your password?\" on the login page.",
      ["Partner portal", d.portal_url],
    ]),
  "affiliate-password-reset": (d) =>
    mail("Set a new password for the partner portal", "Hello,", [
      "Someone asked to set a new password for the partner portal with this email address.",
      ["Set a new password", d.set_password_url],
      "The link works for 15 minutes and once; ask for another one at any time:",
      ["Ask for a new link", d.reset_url],
      "If this was not you, ignore this mail: your password stays as it is.",
    ]),
  "affiliate-rejected": (d) =>
    mail("Your partner application", `Hello ${d.name},`, [
      "Thank you for your interest in our partner program. We cannot accept your application at this time.",
      `Reason: ${d.reason}`,
    ]),
  "affiliate-conversion": (d) =>
    mail(`New conversion: ${money(d.commission)}`, `Hello ${d.name},`, [
      `A new conversion in ${d.campaign_name} earns you ${money(d.commission)} (pending until it is approved).`,
      ["See your conversions", d.portal_url],
    ]),
  "affiliate-digest": (d) =>
    mail(`Your conversions on ${d.day}`, `Hello ${d.name},`, [
      `On ${d.day} (UTC) you earned ${d.conversions} conversion${d.conversions === 1 ? "" : "s"}: ${d.commission.map(money).join(", ") || "0"} in commission (pending until approved).`,
      ["See your conversions", d.portal_url],
    ]),
  "affiliate-payout-paid": (d) =>
    mail(`Payout sent: ${money(d.amount)}`, `Hello ${d.name},`, [
      `We paid you ${money(d.amount)} (reference ${d.reference}).`,
      ["See your payouts", d.portal_url],
    ]),
}

export function renderTemplate<T extends TemplateName>(template: T, data: TemplateData[T]): MailContent {
  return render[template](data)
}

/** A notification for Medusa's Notification module, on the `email` channel. */
export type PartnerMail = {
  to: string
  template: TemplateName
  data: Record<string, unknown>
  content: MailContent
  trigger_type: string
  resource_id: string
  resource_type: string
  idempotency_key?: string
}

export function partnerMail<T extends TemplateName>(
  to: string,
  template: T,
  data: TemplateData[T],
  about: { trigger: string; id: string; type: string; idempotency_key?: string }
): PartnerMail {
  const content = renderTemplate(template, data)
  return {
    to,
    template,
    // The subject and text ride along in `data` too: Medusa keeps `data` with the notification
    // record (and the local provider logs it), but not `content`.
    data: { ...(data as Record<string, unknown>), subject: content.subject, text: content.text },
    content,
    trigger_type: about.trigger,
    resource_id: about.id,
    resource_type: about.type,
    ...(about.idempotency_key ? { idempotency_key: about.idempotency_key } : {}),
  }
}
