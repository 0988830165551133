import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance, AxiosRequestConfig } from "axios"

export type AdminAuth = { token: string; headers: { headers: { Authorization: string } } }

/**
 * Calls under `base` as the admin `auth()` logs in, answering whatever status the route gives
 * (tests check it). `auth` is read on each call: suites log in in their `beforeAll`.
 */
export function adminCalls(api: AxiosInstance, auth: () => AdminAuth, base = "/admin/affiliate") {
  const opts = (extra: AxiosRequestConfig = {}): AxiosRequestConfig => ({ ...auth().headers, validateStatus: () => true, ...extra })
  return {
    opts,
    get: (path: string, params?: Record<string, unknown>) => api.get(`${base}${path}`, opts({ params })),
    post: (path: string, body: unknown = {}) => api.post(`${base}${path}`, body, opts()),
    del: (path: string) => api.delete(`${base}${path}`, opts()),
  }
}

/**
 * Creates an admin the way the dashboard's invite flow does (an emailpass identity, then the user
 * linked to it) and logs in, so tests go through Medusa's real admin authentication.
 */
export async function createAdminAndLogin(
  api: AxiosInstance,
  container: MedusaContainer,
  { email = "admin@affiliate-test.dev", password = "s3cret-Passw0rd!" } = {}
): Promise<AdminAuth> {
  const registered = await api.post("/auth/user/emailpass/register", { email, password })
  const payload = JSON.parse(Buffer.from(registered.data.token.split(".")[1], "base64url").toString("utf8"))
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: payload.auth_identity_id, userData: { email, first_name: "Test", last_name: "Admin" } },
  })
  const login = await api.post("/auth/user/emailpass", { email, password })
  const token: string = login.data.token
  return { token, headers: { headers: { Authorization: `Bearer ${token}` } } }
}
