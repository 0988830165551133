/** One row of the S2S endpoint's parameter table. */
export type AdminS2sParameter = { name: string; required: boolean; description: string }

/**
 * `GET /admin/affiliate/campaigns/:id/s2s` and `POST …/s2s/regenerate`: what the Integration Setup
 * tab and the S2S setup modal show. The key is whole: admins only, never logged.
 */
export type AdminS2sSetupResponse = {
  api_key: string
  endpoint_url: string
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
