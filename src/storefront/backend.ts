// Calls to the Medusa backend's Store API that can never block a page or throw into the
// storefront: each has a timeout, every failure becomes a typed result.

/** How the storefront reaches the Medusa backend. */
export type AffiliateBackend = {
  /** The backend's URL, e.g. `http://localhost:9000`. */
  backendUrl: string | undefined
  /** The publishable API key every `/store` route demands. */
  publishableKey: string | undefined
  /** Milliseconds before a call is given up (default 3000). */
  timeoutMs?: number
  /** Browsers only: `"include"` sends the affiliate link's own cookie when the backend shares the store's domain. */
  credentials?: "include" | "same-origin" | "omit"
  /** Another `fetch` (tests, instrumented clients); the global one by default. */
  fetch?: typeof fetch
}

export type BackendFailure = {
  ok: false
  /** `not_configured`: no backend URL or key; `unreachable`/`timeout`: no answer; `http_error`: a non-2xx answer. */
  reason: "not_configured" | "unreachable" | "timeout" | "http_error"
  status?: number
  message: string
}

export type BackendAnswer = { ok: true; status: number; body: any } | BackendFailure

const DEFAULT_TIMEOUT_MS = 3000

/** POSTs JSON to a Store API path; answers with the status and parsed body, or why it failed. */
export function postToStore(backend: AffiliateBackend, path: string, body: unknown): Promise<BackendAnswer> {
  return callStore(backend, "POST", path, body)
}

/** One Store API call (a JSON body for POST); answers with the status and parsed body, or why it failed. */
export async function callStore(backend: AffiliateBackend, method: "POST" | "DELETE", path: string, body?: unknown): Promise<BackendAnswer> {
  const { backendUrl, publishableKey } = backend
  if (!backendUrl || !publishableKey) {
    return { ok: false, reason: "not_configured", message: "The backend URL or the publishable key is missing" }
  }
  const controller = new AbortController()
  const timeoutMs = backend.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await (backend.fetch ?? fetch)(`${backendUrl.replace(/\/+$/, "")}${path}`, {
      method,
      headers: {
        "x-publishable-api-key": publishableKey,
        ...(body !== undefined && { "content-type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: controller.signal,
      ...(backend.credentials && { credentials: backend.credentials }),
    })
    const text = await res.text()
    let parsed: any = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {}
    if (res.ok) return { ok: true, status: res.status, body: parsed }
    const message = typeof parsed?.message === "string" ? parsed.message : `The backend answered ${res.status}`
    return { ok: false, reason: "http_error", status: res.status, message }
  } catch (e) {
    if (controller.signal.aborted) {
      return { ok: false, reason: "timeout", message: `The backend did not answer within ${timeoutMs} ms` }
    }
    return { ok: false, reason: "unreachable", message: e instanceof Error ? e.message : String(e) }
  } finally {
    clearTimeout(timer)
  }
}
