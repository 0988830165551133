import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"

export type AdminAuth = { token: string; headers: { headers: { Authorization: string } } }

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
