import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"

/** Who made a change, as a conversion's history names an admin: `user:<id>`. */
export const adminActor = (req: AuthenticatedMedusaRequest) => `user:${req.auth_context.actor_id}`
