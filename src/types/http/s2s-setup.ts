/** One row of the S2S endpoint's parameter table. */
export type AdminS2sParameter = { name: string; required: boolean; description: string }

/**
 * `GET /admin/affiliate/campaigns/:id/s2s` and `POST …/s2s/regenerate`: what the Integration Setup
 * tab and the S2S setup modal show. The key is whole: admins only, never logged.
 */
export type AdminS2sSetupResponse = {
  /** Null when the stored key cannot be decrypted with the configured encryption keys (see `key_problem`). */
  api_key: string | null
  /** Why the key is not shown, and what to do. */
  key_problem: string | null
  endpoint_url: string
  /**
   * `public_url`: from the publicUrl option; `request`: the URL the admin is served from;
   * `medusa_backend_url`: MEDUSA_BACKEND_URL, when the request's address cannot be used (see `endpoint_url_notice`).
   */
  endpoint_url_source: "public_url" | "request" | "medusa_backend_url"
  endpoint_url_notice: string | null
  method: "POST"
  parameters: AdminS2sParameter[]
  example_curl: string
  /** When the key replaced last stops working (grace period), or null if none still works. */
  previous_key_expires_at: string | null
}

/** `POST /admin/affiliate/campaigns/:id/s2s/regenerate` body. */
export type AdminRegenerateApiKey = {
  /** 0 to 720: how long the current key keeps working; absent or 0 ends it at once. */
  grace_period_hours?: number
}
