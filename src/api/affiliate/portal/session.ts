import type { MedusaRequest } from "@medusajs/framework/http"
import * as http from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/*
 * The portal's browser session is Medusa's own: the same `auth_context` that `POST /auth/session`
 * stores, read back by `authenticate("affiliate", ["session", "bearer"])`.
 */

export type PartnerSession = { actor_id: string; actor_type: "affiliate"; auth_identity_id: string; app_metadata: Record<string, unknown>; user_metadata: Record<string, unknown> }

/** Starts a fresh session (a new id: no session fixation) holding the partner's auth context. */
export async function startPartnerSession(req: MedusaRequest, auth: PartnerSession): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((e: unknown) => (e ? reject(e) : resolve())))
  req.session.auth_context = auth
  await new Promise<void>((resolve, reject) => req.session.save((e: unknown) => (e ? reject(e) : resolve())))
}

export async function endPartnerSession(req: MedusaRequest): Promise<string> {
  const { sessionOptions } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  await new Promise<void>((resolve) => req.session.destroy(() => resolve()))
  return sessionOptions?.name ?? "connect.sid"
}

/** A reset token's claims, checked as Medusa's own password route checks them (signature, expiry, purpose, actor type). */
export function readResetToken(req: MedusaRequest, token: string): { entity_id: string; jti: string } | null {
  const { http: config } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const verify = (http as unknown as { getAuthContextFromJwtToken: (...args: unknown[]) => Record<string, unknown> | null }).getAuthContextFromJwtToken
  const claims = verify(`Bearer ${token}`, config.jwtSecret, ["bearer"], ["affiliate"], config.jwtPublicKey, config.jwtVerifyOptions ?? config.jwtOptions)
  if (!claims || claims.purpose !== "reset" || typeof claims.jti !== "string" || typeof claims.entity_id !== "string") return null
  return { entity_id: claims.entity_id, jti: claims.jti }
}
