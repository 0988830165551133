// Run by `npm run demo` through `medusa exec`: makes sure the demo is a store a storefront can check
// out in (US region in USD with the system payment provider, tax region, warehouse with a shipping
// fulfillment set and service zone, a flat shipping option, three products with prices, the
// publishable key on the default sales channel) and writes what the demo prints to
// .demo-data/store.json. Every piece is looked up first: a second run changes nothing.
import { writeFileSync } from "node:fs"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const DEMO_COUNTRY = "us"
const REGION = "Demo United States"
const WAREHOUSE = "Demo Warehouse"
const SHIPPING_OPTION = "Standard Shipping"
const PRODUCTS = [
  { title: "Demo T-Shirt", handle: "demo-t-shirt", price: 25 },
  { title: "Demo Sweatshirt", handle: "demo-sweatshirt", price: 45 },
  { title: "Demo Mug", handle: "demo-mug", price: 12 },
]

export default async function seedDemoStore({ container }: ExecArgs) {
  const salesChannelId = await storeInUsd(container)
  const publishableKey = await publishableKeyFor(container, salesChannelId)
  const regionId = await region(container)
  const shippingProfileId = await shippingProfile(container)
  const shippingOptionId = await warehouseAndShipping(container, salesChannelId, regionId, shippingProfileId)
  await products(container, salesChannelId, shippingProfileId)
  writeFileSync(
    process.env.DEMO_STORE_OUTPUT || ".demo-data/store.json",
    JSON.stringify({ publishable_key: publishableKey, region_id: regionId, country_code: DEMO_COUNTRY, shipping_option_id: shippingOptionId, products: PRODUCTS }, null, 2)
  )
}

/** The default store (Medusa creates it, in EUR) sells in USD; answers its default sales channel. */
async function storeInUsd(container: MedusaContainer): Promise<string> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  const usd = store.supported_currencies?.find((c) => c.currency_code === "usd")
  if (!usd?.is_default) {
    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { supported_currencies: [{ currency_code: "usd", is_default: true }] } },
    })
  }
  return store.default_sales_channel_id!
}

/** The publishable key Medusa creates with its defaults, on the default sales channel. */
async function publishableKeyFor(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "created_at", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  const key = keys.filter((k) => !k.revoked_at).sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))[0]
  if (!key) throw new Error("Medusa's default publishable key is missing")
  if (!key.sales_channels?.some((c) => c?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key.token
}

async function region(container: MedusaContainer): Promise<string> {
  const [existing] = await container.resolve(Modules.REGION).listRegions({ name: REGION })
  if (existing) return existing.id
  const { result } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: REGION, currency_code: "usd", countries: [DEMO_COUNTRY], payment_providers: ["pp_system_default"] }] },
  })
  if (!(await container.resolve(Modules.TAX).listTaxRegions({ country_code: DEMO_COUNTRY })).length) {
    await createTaxRegionsWorkflow(container).run({ input: [{ country_code: DEMO_COUNTRY, provider_id: "tp_system" }] })
  }
  return result[0].id
}

async function shippingProfile(container: MedusaContainer): Promise<string> {
  const [existing] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default Shipping Profile", type: "default" }] } })
  return result[0].id
}

/** The warehouse ships to the region's country with the manual provider: one flat option, 5 USD. */
async function warehouseAndShipping(container: MedusaContainer, salesChannelId: string, regionId: string, shippingProfileId: string): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [option] = await fulfillment.listShippingOptions({ name: SHIPPING_OPTION })
  if (option) return option.id
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: WAREHOUSE })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: WAREHOUSE, address: { address_1: "1 Demo Street", city: "New York", country_code: DEMO_COUNTRY } }] },
    })
    location = result[0]
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
    await createLinksWorkflow(container).run({
      input: [{ [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } }],
    })
  }
  const find = async () =>
    (await query.graph({ entity: "stock_location", fields: ["fulfillment_sets.id", "fulfillment_sets.service_zones.id"], filters: { id: location.id } })).data[0]
  let sets = (await find()).fulfillment_sets ?? []
  if (!sets.length) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: location.id, fulfillment_set_data: { name: `${WAREHOUSE} shipping`, type: "shipping" } },
    })
    sets = (await find()).fulfillment_sets ?? []
  }
  let zoneId = sets[0]?.service_zones?.[0]?.id
  if (!zoneId) {
    const { result } = await createServiceZonesWorkflow(container).run({
      input: { data: [{ name: REGION, fulfillment_set_id: sets[0]!.id, geo_zones: [{ type: "country", country_code: DEMO_COUNTRY }] }] },
    })
    zoneId = result[0].id
  }
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: SHIPPING_OPTION,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zoneId,
        shipping_profile_id: shippingProfileId,
        type: { label: "Standard", description: "Ships in 2-3 days", code: "standard" },
        prices: [
          { currency_code: "usd", amount: 5 },
          { region_id: regionId, amount: 5 },
        ],
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "false" },
        ],
      },
    ],
  })
  return result[0].id
}

/** Published, in the default sales channel, in stock without inventory tracking. */
async function products(container: MedusaContainer, salesChannelId: string, shippingProfileId: string) {
  const existing = await container.resolve(Modules.PRODUCT).listProducts({ handle: PRODUCTS.map((p) => p.handle) })
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (!missing.length) return
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => ({
        title: p.title,
        handle: p.handle,
        status: "published" as const,
        shipping_profile_id: shippingProfileId,
        options: [{ title: "Size", values: ["One size"] }],
        variants: [
          { title: "One size", sku: p.handle.toUpperCase(), options: { Size: "One size" }, manage_inventory: false, prices: [{ currency_code: "usd", amount: p.price }] },
        ],
        sales_channels: [{ id: salesChannelId }],
      })),
    },
  })
}
