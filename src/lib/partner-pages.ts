import { escapeHtml, privatePage } from "./html"
import { STYLE } from "./statement-page"

/*
 * The partner program's pages (application form, login, password, portal): server-rendered HTML
 * and inline CSS, no script at all (the routes' Content-Security-Policy allows none), plain forms
 * that work without JavaScript, readable on a phone and usable with a keyboard. Every value is
 * escaped; nothing a partner typed is ever put in a script, a style or a URL scheme.
 */

const FORM_STYLE = `
form.stack{display:grid;gap:12px;background:#fff;border:1px solid #e4e4e7;border-radius:10px;padding:16px;max-width:560px}
label{display:grid;gap:4px;font-weight:600;font-size:.95rem}
label.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}
input,textarea,select{font:inherit;padding:8px 10px;border:1px solid #a1a1aa;border-radius:6px;width:100%;background:#fff}
label.check input{width:auto;margin-top:4px}
textarea{min-height:6rem}
button{font:inherit;font-weight:600;padding:10px 16px;border-radius:6px;border:0;background:#18181b;color:#fff;cursor:pointer;justify-self:start}
button.link{background:none;color:#18181b;text-decoration:underline;padding:0}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible{outline:3px solid #4f46e5;outline-offset:2px}
.hint{color:#71717a;font-size:.85rem;font-weight:400}
.errors{background:#fee2e2;color:#991b1b;border-radius:8px;padding:10px 14px}
.notice{background:#dcfce7;color:#166534;border-radius:8px;padding:10px 14px}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.skip{position:absolute;left:-10000px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px;z-index:1}
header.bar{display:flex;justify-content:space-between;align-items:center;gap:12px;flex-wrap:wrap}
header.bar form{margin:0}
.qr img{width:180px;height:180px;background:#fff;border:1px solid #e4e4e7;border-radius:10px}
input[readonly]{font:.85rem ui-monospace,SFMono-Regular,Menlo,monospace;background:#f4f4f5}
`

export type PageOptions = { title: string; nav?: { current: string } | null; flash?: string | null }

const PORTAL_NAV: [path: string, label: string][] = [
  ["/affiliate/portal", "Home"],
  ["/affiliate/portal/links", "Links"],
  ["/affiliate/portal/conversions", "Conversions"],
  ["/affiliate/portal/payouts", "Payouts"],
  ["/affiliate/portal/me", "Account"],
]

/** A whole page; `body` is HTML the caller escaped. */
export function page(body: string, { title, nav, flash }: PageOptions): string {
  const navigation = nav
    ? `<header class="bar"><nav aria-label="Partner portal">${PORTAL_NAV.map(
        ([path, label]) => `<a href="${path}"${path === nav.current ? ' aria-current="page"' : ""}>${label}</a>`
      ).join("")}</nav><form method="post" action="/affiliate/portal/logout"><button class="link" type="submit">Log out</button></form></header>`
    : ""
  return privatePage({
    title,
    style: `${STYLE}${FORM_STYLE}`,
    body: `<a class="skip" href="#content">Skip to content</a>
<main>
${navigation}
<div id="content">
${flash ? `<p class="notice" role="status">${escapeHtml(flash)}</p>` : ""}
${body}
</div>
</main>`,
  })
}

/** Field errors at the top of a form, announced to screen readers. */
export function errorSummary(errors: string[]): string {
  if (!errors.length) return ""
  return `<div class="errors" role="alert"><p><strong>Please check the form:</strong></p><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("")}</ul></div>`
}

type Field = {
  name: string
  label: string
  type?: string
  value?: string | null
  required?: boolean
  autocomplete?: string
  hint?: string
  multiline?: boolean
  maxlength?: number
}

export function field(f: Field): string {
  const attrs = `id="${f.name}" name="${f.name}"${f.required ? " required" : ""}${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ""}${
    f.maxlength ? ` maxlength="${f.maxlength}"` : ""
  }${f.hint ? ` aria-describedby="${f.name}-hint"` : ""}`
  const input = f.multiline
    ? `<textarea ${attrs}>${escapeHtml(f.value ?? "")}</textarea>`
    : `<input ${attrs} type="${f.type ?? "text"}" value="${escapeHtml(f.value ?? "")}">`
  return `<label for="${f.name}">${escapeHtml(f.label)}${f.hint ? ` <span class="hint" id="${f.name}-hint">${escapeHtml(f.hint)}</span>` : ""}${input}</label>`
}

// ---- The application form ------------------------------------------------------------------

export type ApplyFormValues = { name?: string; email?: string; website?: string; promotion_plan?: string }
/** The honeypot's name: a field people never see or fill; a bot that fills it gets the usual thanks and nothing is stored. */
export const HONEYPOT_FIELD = "company_fax"

export function renderApplyPage(values: ApplyFormValues, errors: string[], termsUrl: string | null): string {
  const terms = termsUrl
    ? `I accept the <a href="${escapeHtml(termsUrl)}" rel="noopener noreferrer" target="_blank">program terms</a>`
    : "I accept the program terms"
  return page(
    `<h1>Apply to our partner program</h1>
<p>Tell us who you are and how you would promote us. We mail you a link to confirm your address; your application reaches our team once you open it.</p>
${errorSummary(errors)}
<form class="stack" method="post" action="/affiliate/apply" novalidate>
${field({ name: "name", label: "Your name", value: values.name, required: true, autocomplete: "name", maxlength: 255 })}
${field({ name: "email", label: "Email", type: "email", value: values.email, required: true, autocomplete: "email", maxlength: 320 })}
${field({ name: "website", label: "Website", type: "url", value: values.website, autocomplete: "url", hint: "optional", maxlength: 2048 })}
${field({ name: "promotion_plan", label: "How will you promote us?", value: values.promotion_plan, required: true, multiline: true, maxlength: 2000 })}
<div class="trap" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Leave this empty<input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label></div>
<label class="check" for="accept_terms"><input id="accept_terms" name="accept_terms" type="checkbox" value="true" required> <span>${terms}</span></label>
<button type="submit">Apply</button>
</form>`,
    { title: "Apply to the partner program" }
  )
}

export function renderApplyThanks(): string {
  return page(
    `<h1>Thank you</h1><p>Check your inbox: we sent you a link to confirm your email address. Your application reaches our team once you open it. The link works for 7 days.</p>`,
    { title: "Application received" }
  )
}

export function renderConfirmResult(result: "confirmed" | "approved" | "not_found"): string {
  if (result === "not_found") {
    return page(`<h1>Link not valid</h1><p>This confirmation link is unknown, was used already or has expired. You can <a href="/affiliate/apply">apply again</a>.</p>`, {
      title: "Link not valid",
    })
  }
  const body =
    result === "approved"
      ? `<h1>Welcome aboard</h1><p>Your email is confirmed and your application is approved. We sent you a mail with a link to set your password for the <a href="/affiliate/portal">partner portal</a>.</p>`
      : `<h1>Email confirmed</h1><p>Thank you: your application is now with our team. We will mail you once it is reviewed.</p>`
  return page(body, { title: "Email confirmed" })
}

// ---- Login and passwords ---------------------------------------------------------------------

export function renderLoginPage(email: string, errors: string[], flash?: string | null): string {
  return page(
    `<h1>Partner portal</h1>
${errorSummary(errors)}
<form class="stack" method="post" action="/affiliate/portal/login">
${field({ name: "email", label: "Email", type: "email", value: email, required: true, autocomplete: "username" })}
${field({ name: "password", label: "Password", type: "password", required: true, autocomplete: "current-password" })}
<button type="submit">Log in</button>
</form>
<p><a href="/affiliate/portal/reset-password">Forgot your password?</a> · <a href="/affiliate/apply">Not a partner yet? Apply</a></p>`,
    { title: "Partner portal: log in", flash }
  )
}

export function renderResetRequestPage(errors: string[], sent: boolean): string {
  const body = sent
    ? `<p class="notice" role="status">If a partner account uses this address, we sent it a link to set a new password. The link works for 15 minutes.</p><p><a href="/affiliate/portal/login">Back to the login</a></p>`
    : `${errorSummary(errors)}<form class="stack" method="post" action="/affiliate/portal/reset-password">
${field({ name: "email", label: "Email", type: "email", required: true, autocomplete: "username" })}
<button type="submit">Send me a link</button></form>`
  return page(`<h1>Set a new password</h1>${body}`, { title: "Partner portal: new password" })
}

export function renderSetPasswordPage(token: string, errors: string[]): string {
  return page(
    `<h1>Choose your password</h1>
${errorSummary(errors)}
<form class="stack" method="post" action="/affiliate/portal/set-password">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${field({ name: "password", label: "New password", type: "password", required: true, autocomplete: "new-password", hint: "at least 10 characters" })}
${field({ name: "password_confirmation", label: "New password again", type: "password", required: true, autocomplete: "new-password" })}
<button type="submit">Save my password</button>
</form>`,
    { title: "Partner portal: choose a password" }
  )
}

export function renderLinkExpiredPage(): string {
  return page(
    `<h1>This link has expired</h1><p>The link was used already or is too old. <a href="/affiliate/portal/reset-password">Ask for a new one</a>: it arrives in a minute.</p>`,
    { title: "Link expired" }
  )
}
