import { Module } from "@medusajs/framework/utils"
import bootAffiliateModule from "./loaders/boot"
import redactAccessLog from "./loaders/redact-access-log"
import { refuseProductionWithoutKey } from "./production-key-check"
import AffiliateModuleService from "./service"

export const AFFILIATE_MODULE = "affiliate"

refuseProductionWithoutKey()

export default Module(AFFILIATE_MODULE, {
  service: AffiliateModuleService,
  loaders: [bootAffiliateModule, redactAccessLog],
})

export { AffiliateModuleService }
export type { AffiliatePluginOptions } from "./options"
