import Medusa from "@medusajs/js-sdk"

/** The admin's JS SDK: same origin as the dashboard, using its session cookie. */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
