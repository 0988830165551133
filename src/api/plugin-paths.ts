/** Where the plugin's routes live; its error handler and input guards answer only under these. */
export const PLUGIN_PATH_PREFIXES = ["/integration", "/affiliate", "/admin/affiliate", "/store/affiliate"] as const

const CART_ATTRIBUTION = /^\/store\/carts\/[^/]+\/affiliate(?:\/|$)/

/** True for a path under one of the plugin's prefixes (`/store/carts/:id/affiliate` included). */
export function isPluginPath(path: string): boolean {
  return PLUGIN_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) || CART_ATTRIBUTION.test(path)
}
