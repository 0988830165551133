import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosInstance, AxiosRequestConfig } from "axios"

/**
 * A storefront's world, created once per database: everything a shopper needs to place a real
 * order over the Store API (cart → line item → promo → addresses → shipping → payment → complete).
 *
 * Money: Medusa v2 stores major units, so `100` is 100.00 USD.
 * Tax: the "us" tax region (provider `tp_system`) has a default rate of `taxRate` % — 0 unless
 * `setupStore(container, { taxRate })` says otherwise (the rate's id is returned, so a test can
 * change it with `updateTaxRatesWorkflow`). Prices are tax-exclusive (region default).
 */
export type StoreSetup = {
  /** The publishable API key's token, for the `x-publishable-api-key` header. */
  publishableKey: string
  publishableKeyId: string
  salesChannelId: string
  regionId: string
  currencyCode: "usd"
  countryCode: "us"
  taxRegionId: string
  /** The "us" tax region's default rate (its `rate` is `taxRate`). */
  taxRateId: string
  taxRate: number
  stockLocationId: string
  fulfillmentSetId: string
  serviceZoneId: string
  shippingProfileId: string
  shippingOptionId: string
  /** Flat shipping price (10 USD). */
  shippingAmount: number
  productId: string
  /** Variant priced 100 USD (`manage_inventory: false`). */
  variantId: string
  variantPrice: number
  /** Second variant priced 49.99 USD (`manage_inventory: false`). */
  secondVariantId: string
  secondVariantPrice: number
  promotionId: string
  /** "TENOFF": 10 % off the items (across), manual code (`is_automatic: false`). */
  promoCode: string
  promoPercent: number
}

export type StoreHeaders = { "x-publishable-api-key": string }

export const SHOPPER_ADDRESS = {
  first_name: "Sam",
  last_name: "Shopper",
  address_1: "1 Main Street",
  city: "Springfield",
  province: "il",
  postal_code: "62701",
  country_code: "us",
  phone: "+15555550100",
}

/** The header a storefront sends with every Store API call. */
export function storeHeaders(setup: Pick<StoreSetup, "publishableKey">): StoreHeaders {
  return { "x-publishable-api-key": setup.publishableKey }
}

let setupSeq = 0

/**
 * Creates the store with Medusa's own core workflows (the same ones the admin API runs).
 * Call it once per database: in `beforeAll` (the test runner snapshots the database after the
 * suite's `beforeAll` hooks and restores that snapshot before every test) or in `beforeEach`.
 * Region countries, the tax region and the promo code are unique, so a second call on the same
 * database fails.
 */
export async function setupStore(
  container: MedusaContainer,
  { taxRate = 0 }: { taxRate?: number } = {}
): Promise<StoreSetup> {
  setupSeq += 1
  const tag = `${setupSeq}-${Date.now().toString(36)}`
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: `Webshop ${tag}` }] },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: `Storefront ${tag}`, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "United States",
          currency_code: "usd",
          countries: ["us"],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })

  const {
    result: [taxRegion],
  } = await createTaxRegionsWorkflow(container).run({
    input: [
      {
        country_code: "us",
        provider_id: "tp_system",
        default_tax_rate: { name: "US default", code: "US-DEFAULT", rate: taxRate },
      },
    ],
  })
  const {
    data: [taxRegionWithRate],
  } = await query.graph({
    entity: "tax_region",
    fields: ["id", "tax_rates.id", "tax_rates.is_default"],
    filters: { id: taxRegion.id },
  })
  const taxRateId = (taxRegionWithRate.tax_rates ?? []).find((r: any) => r?.is_default)?.id
  if (!taxRateId) throw new Error("setupStore: the tax region has no default rate")

  const {
    result: [stockLocation],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: `Warehouse ${tag}`,
          address: { address_1: "2 Depot Road", city: "Chicago", country_code: "us", postal_code: "60601" },
        },
      ],
    },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: stockLocation.id, add: [salesChannel.id] },
  })
  // The manual provider must be enabled at the location, or the shipping option is refused.
  await createLinksWorkflow(container).run({
    input: [
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      },
    ],
  })
  await createLocationFulfillmentSetWorkflow(container).run({
    input: {
      location_id: stockLocation.id,
      fulfillment_set_data: { name: `Shipping ${tag}`, type: "shipping" },
    },
  })
  const {
    data: [locationWithSets],
  } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.id"],
    filters: { id: stockLocation.id },
  })
  const fulfillmentSetId: string | undefined = locationWithSets.fulfillment_sets?.[0]?.id
  if (!fulfillmentSetId) throw new Error("setupStore: the stock location has no fulfillment set")

  const {
    result: [serviceZone],
  } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          name: `US ${tag}`,
          fulfillment_set_id: fulfillmentSetId,
          geo_zones: [{ type: "country", country_code: "us" }],
        },
      ],
    },
  })

  const {
    result: [shippingProfile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: `Default ${tag}`, type: "default" }] },
  })

  const shippingAmount = 10
  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: serviceZone.id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "Ships in 2-3 days", code: "standard" },
        prices: [
          { currency_code: "usd", amount: shippingAmount },
          { region_id: region.id, amount: shippingAmount },
        ],
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "false" },
        ],
      },
    ],
  })

  const variantPrice = 100
  const secondVariantPrice = 49.99
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Affiliate Test Shirt",
          handle: `affiliate-test-shirt-${tag}`,
          status: "published",
          shipping_profile_id: shippingProfile.id,
          options: [{ title: "Size", values: ["M", "S"] }],
          variants: [
            {
              title: "M",
              sku: `SHIRT-M-${tag}`,
              options: { Size: "M" },
              manage_inventory: false,
              prices: [{ currency_code: "usd", amount: variantPrice }],
            },
            {
              title: "S",
              sku: `SHIRT-S-${tag}`,
              options: { Size: "S" },
              manage_inventory: false,
              prices: [{ currency_code: "usd", amount: secondVariantPrice }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
      ],
    },
  })
  const variantM = product.variants.find((v: any) => v.title === "M")
  const variantS = product.variants.find((v: any) => v.title === "S")
  if (!variantM || !variantS) throw new Error("setupStore: the product's variants were not created")

  const promoCode = "TENOFF"
  const promoPercent = 10
  const {
    result: [promotion],
  } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: promoCode,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: {
            type: "percentage",
            target_type: "items",
            allocation: "across",
            value: promoPercent,
            currency_code: "usd",
          },
        },
      ],
    },
  })

  return {
    publishableKey: apiKey.token,
    publishableKeyId: apiKey.id,
    salesChannelId: salesChannel.id,
    regionId: region.id,
    currencyCode: "usd",
    countryCode: "us",
    taxRegionId: taxRegion.id,
    taxRateId,
    taxRate,
    stockLocationId: stockLocation.id,
    fulfillmentSetId,
    serviceZoneId: serviceZone.id,
    shippingProfileId: shippingProfile.id,
    shippingOptionId: shippingOption.id,
    shippingAmount,
    productId: product.id,
    variantId: variantM.id,
    variantPrice,
    secondVariantId: variantS.id,
    secondVariantPrice,
    promotionId: promotion.id,
    promoCode,
    promoPercent,
  }
}

export type PlaceOrderOptions = {
  /** Quantity of the line item (default 1). */
  quantity?: number
  /** Variant to buy (default `setup.variantId`, 100 USD). */
  variantId?: string
  /** A promotion code to apply, e.g. `setup.promoCode`. */
  promoCode?: string
  /** Cart email (default "shopper@example.com"). */
  email?: string
  /**
   * Runs after the payment session exists and right before `POST /store/carts/:id/complete`,
   * e.g. to call the plugin's `POST /store/carts/:id/affiliate`. `headers` carries the
   * publishable key.
   */
  beforeComplete?: (cartId: string, headers: StoreHeaders) => Promise<void>
}

type StoreApi = Pick<AxiosInstance, "get" | "post">

/** One Store API call; a non-2xx answer becomes an error naming the call and the body. */
async function call<T = any>(
  api: StoreApi,
  method: "get" | "post",
  url: string,
  headers: StoreHeaders,
  body?: unknown
): Promise<T> {
  const config: AxiosRequestConfig = { headers: { ...headers }, validateStatus: () => true }
  const res = method === "get" ? await api.get(url, config) : await api.post(url, body ?? {}, config)
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`placeOrder: ${method.toUpperCase()} ${url} answered ${res.status}: ${JSON.stringify(res.data)}`)
  }
  return res.data as T
}

/**
 * Places a real order the way a storefront does, over HTTP with the publishable key:
 * create the cart, add the line item, apply the promo code, set the addresses, pick the shipping
 * option (it must be listed by `GET /store/shipping-options?cart_id=`), create the payment
 * collection and a `pp_system_default` session, run `beforeComplete`, complete the cart.
 * Completing runs Medusa's `completeCartWorkflow`, which emits `order.placed`.
 */
export async function placeOrder(
  api: StoreApi,
  setup: StoreSetup,
  options: PlaceOrderOptions = {}
): Promise<{ order: any; cart_id: string }> {
  const { quantity = 1, variantId = setup.variantId, promoCode, email = "shopper@example.com", beforeComplete } = options
  const headers = storeHeaders(setup)

  const { cart } = await call(api, "post", "/store/carts", headers, {
    region_id: setup.regionId,
    sales_channel_id: setup.salesChannelId,
    email,
  })
  const cartId: string = cart.id

  await call(api, "post", `/store/carts/${cartId}/line-items`, headers, { variant_id: variantId, quantity })

  if (promoCode) {
    const { cart: promoted } = await call(api, "post", `/store/carts/${cartId}/promotions`, headers, {
      promo_codes: [promoCode],
    })
    if (!(promoted.promotions ?? []).some((p: any) => p?.code === promoCode)) {
      throw new Error(`placeOrder: promo code ${promoCode} was not applied: ${JSON.stringify(promoted.promotions)}`)
    }
  }

  await call(api, "post", `/store/carts/${cartId}`, headers, {
    shipping_address: SHOPPER_ADDRESS,
    billing_address: SHOPPER_ADDRESS,
  })

  const { shipping_options } = await call(api, "get", `/store/shipping-options?cart_id=${cartId}`, headers)
  if (!(shipping_options ?? []).some((o: any) => o.id === setup.shippingOptionId)) {
    throw new Error(
      `placeOrder: shipping option ${setup.shippingOptionId} is not offered for cart ${cartId}: ${JSON.stringify(shipping_options)}`
    )
  }
  await call(api, "post", `/store/carts/${cartId}/shipping-methods`, headers, { option_id: setup.shippingOptionId })

  const { payment_collection } = await call(api, "post", "/store/payment-collections", headers, { cart_id: cartId })
  const initPayment = () =>
    call(api, "post", `/store/payment-collections/${payment_collection.id}/payment-sessions`, headers, {
      provider_id: "pp_system_default",
    })
  await initPayment()

  if (beforeComplete) {
    await beforeComplete(cartId, headers)
    // A cart update whose total changes drops the payment sessions (refreshPaymentCollection);
    // a storefront then initiates payment again, and so do we.
    const { cart: after } = await call(
      api,
      "get",
      `/store/carts/${cartId}?fields=id,total,*payment_collection,*payment_collection.payment_sessions`,
      headers
    )
    if (!(after.payment_collection?.payment_sessions ?? []).length) await initPayment()
  }

  const completed = await call(api, "post", `/store/carts/${cartId}/complete`, headers)
  if (completed?.type !== "order" || !completed.order?.id) {
    throw new Error(`placeOrder: completing cart ${cartId} gave no order: ${JSON.stringify(completed)}`)
  }
  return { order: completed.order, cart_id: cartId }
}
