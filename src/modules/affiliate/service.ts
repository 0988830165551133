import { MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Affiliate } from "./models/affiliate"
import { AffiliateApiKey } from "./models/api-key"
import { AffiliateAttribution } from "./models/attribution"
import { AffiliateCampaign } from "./models/campaign"
import { AffiliateClick } from "./models/click"
import { AffiliateCommissionAdjustment } from "./models/commission-adjustment"
import { AffiliateConversion } from "./models/conversion"
import { AffiliateOutboundAttempt } from "./models/outbound-attempt"
import { AffiliateOutboundDelivery } from "./models/outbound-delivery"
import { AffiliateRequestLog } from "./models/request-log"
import { AffiliatePluginOptions, resolveOptions, ResolvedAffiliateOptions } from "./options"

type InjectedDependencies = { manager: { getKnex(): Knex } }

/**
 * Generated CRUD for the module's models, plus the options and a knex handle for the two hot
 * paths (S2S conversions, link clicks), which run hand-written SQL: see ./queries.
 */
// Keys are the models' own names: Query calls `list<Model>s` for an entity, so the generated
// methods must be named after the models (listAffiliateCampaigns), not after shorter aliases.
class AffiliateModuleService extends MedusaService({
  AffiliateCampaign,
  Affiliate,
  AffiliateApiKey,
  AffiliateClick,
  AffiliateConversion,
  AffiliateRequestLog,
  AffiliateAttribution,
  AffiliateOutboundDelivery,
  AffiliateOutboundAttempt,
  AffiliateCommissionAdjustment,
}) {
  protected readonly options_: ResolvedAffiliateOptions
  protected readonly manager_: InjectedDependencies["manager"]

  constructor(container: InjectedDependencies, options: AffiliatePluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolveOptions(options)
    this.manager_ = container.manager
  }

  getOptions(): ResolvedAffiliateOptions {
    return this.options_
  }

  getKnex(): Knex {
    return this.manager_.getKnex()
  }
}

export default AffiliateModuleService
