import type { IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateTaxRatesWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, setupStore, type StoreSetup } from "../helpers/store"
import { subscribersDone } from "../helpers/events"

jest.setTimeout(120_000)

const ORDER_TOTAL_FIELDS = [
  "id",
  "currency_code",
  "email",
  "sales_channel_id",
  "item_total",
  "item_subtotal",
  "item_tax_total",
  "item_discount_total",
  "discount_subtotal",
  "shipping_total",
  "tax_total",
  "total",
  "items.id",
  "items.quantity",
  "items.variant_id",
  "items.unit_price",
]

/** Totals come back as numbers or BigNumber objects; compare them as numbers. */
const num = (v: unknown) => Number((v as any)?.numeric ?? v)

/**
 * "Item total after discounts, excluding tax and shipping" — what the plugin records as the
 * order amount — is `item_total - item_tax_total` (equivalently `item_subtotal - discount_subtotal`
 * when the promotions target items only). With this store's default 0 % tax it equals
 * `item_total`; `item_subtotal` is *before* discounts, and `item_discount_total` includes the
 * tax a discount removes, so `item_subtotal - item_discount_total` is wrong once tax is not 0.
 */
const netItemTotal = (order: any) => num(order.item_total) - num(order.item_tax_total)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup

    // Part of the template the runner restores before every test, so it is created only once.
    beforeAll(async () => {
      setup = await setupStore(getContainer())
    })

    const readOrder = async (id: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ORDER_TOTAL_FIELDS, filters: { id } })
      return data[0] as any
    }

    it("places a real USD order over the Store API, with the promo code applied", async () => {
      const { order, cart_id } = await placeOrder(api, setup, { promoCode: setup.promoCode })
      expect(cart_id).toMatch(/^cart_/)
      expect(order.currency_code).toBe("usd")
      expect(order.items).toHaveLength(1)
      expect(order.email).toBe("shopper@example.com")

      const stored = await readOrder(order.id)
      expect(stored.sales_channel_id).toBe(setup.salesChannelId)
      expect(stored.items).toHaveLength(1)
      expect(stored.items[0]).toMatchObject({ variant_id: setup.variantId })
      expect(num(stored.items[0].quantity)).toBe(1)
      // 100 USD item, 10 % off, 0 % tax, 10 USD shipping.
      expect(num(stored.item_subtotal)).toBe(100)
      expect(num(stored.item_discount_total)).toBe(10)
      expect(num(stored.item_tax_total)).toBe(0)
      expect(num(stored.item_total)).toBe(90) // ← item total after discounts, excl. tax and shipping (0 % tax)
      expect(num(stored.discount_subtotal)).toBe(10)
      expect(num(stored.shipping_total)).toBe(10)
      expect(num(stored.total)).toBe(100)
      expect(netItemTotal(stored)).toBe(90)

      // Without a promo and with two of the 49.99 variant: 99.98, nothing off.
      const plain = await placeOrder(api, setup, { quantity: 2, variantId: setup.secondVariantId })
      const plainStored = await readOrder(plain.order.id)
      expect(num(plainStored.item_subtotal)).toBe(99.98)
      expect(num(plainStored.item_discount_total)).toBe(0)
      expect(num(plainStored.item_total)).toBe(99.98)
      expect(num(plainStored.total)).toBe(109.98)
    })

    it("emits order.placed for the order, as in production", async () => {
      const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const received: any[] = []
      const subscriberId = "store-fixture-spec-order-placed"
      const listener = async (event: any) => {
        received.push(event)
      }
      eventBus.subscribe("order.placed", listener, { subscriberId })
      try {
        // Registered BEFORE completing; resolves once every order.placed subscriber has run.
        const placed = subscribersDone(getContainer(), "order.placed")
        const { order } = await placeOrder(api, setup)
        await placed
        expect(received).toEqual([expect.objectContaining({ name: "order.placed", data: { id: order.id } })])
      } finally {
        eventBus.unsubscribe("order.placed", listener, { subscriberId })
      }
    })

    it("keeps item_total - item_tax_total as the net item amount when tax is not zero", async () => {
      // The database is restored before every test, so this rate change stays in this test.
      await updateTaxRatesWorkflow(getContainer()).run({
        input: { selector: { id: setup.taxRateId }, update: { rate: 10 } },
      })
      const { order } = await placeOrder(api, setup, { promoCode: setup.promoCode })
      const stored = await readOrder(order.id)
      // 100 USD item − 10 % = 90 net, + 10 % tax on 90 = 9; shipping 10 + 1 tax.
      expect(num(stored.item_subtotal)).toBe(100)
      expect(num(stored.item_tax_total)).toBe(9)
      expect(num(stored.item_total)).toBe(99)
      expect(num(stored.item_discount_total)).toBe(11) // 10 off + the 1 of tax it saves
      expect(num(stored.discount_subtotal)).toBe(10)
      expect(num(stored.shipping_total)).toBe(11)
      expect(num(stored.total)).toBe(110)
      expect(netItemTotal(stored)).toBe(90)
    })
  },
})
