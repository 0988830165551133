import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import type { OrderSale } from "../../src/modules/affiliate/conversions/record-order"
import { affiliateModule, failRowsOf } from "./fixtures/affiliate-module"

jest.setTimeout(180_000)

/*
 * The store path's two writing module calls touch several rows each (an order's conversions, their
 * items and log entries; an order's conversions on a refund). A failure on a later row, forced
 * here by a trigger that raises on it, leaves none of the earlier rows behind: the call runs in
 * one transaction, so its step has nothing half-written to compensate.
 */
moduleIntegrationTestRunner<AffiliateModuleService>({
  ...affiliateModule,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const db = () => MikroOrmWrapper.getManager().getKnex() as Knex
    let seq = 0


    async function campaign(extra: Record<string, unknown> = {}) {
      seq += 1
      return service.createAffiliateCampaigns({
        name: `Whole ${seq}`,
        handle: `whole-${seq}`,
        target_url: "https://shop.example.com/",
        commission_type: "percentage",
        commission_value: 10,
        ...extra,
      } as any)
    }

    /** An order credited twice: a click in one campaign, an affiliate's coupon in another. */
    async function twiceCreditedOrder(): Promise<OrderSale> {
      const byClick = await campaign()
      const byCoupon = await campaign()
      const affiliate = await service.createAffiliates({ code: `whole-${seq}`, name: "Whole", email: "whole@example.com" })
      const click = await service.createAffiliateClicks({
        click_token: `tok-whole-${seq}`,
        campaign_id: byClick.id,
        affiliate_id: affiliate.id,
        expires_at: new Date(Date.now() + 86_400_000),
      } as any)
      const cartId = `cart_whole_${seq}`
      await service.createAffiliateAttributions({ cart_id: cartId, click_token: click.click_token, click_id: click.id, consent: "granted" } as any)
      await service.createAffiliatePromotions({ promotion_id: `promo_whole_${seq}`, affiliate_id: affiliate.id, campaign_id: byCoupon.id } as any)
      return {
        order_id: `order_whole_${seq}`,
        currency_code: "usd",
        order_total: "100",
        occurred_at: new Date(),
        cart_id: cartId,
        email: null,
        customer_type: null,
        items: [
          { sku: "A", product_id: "prod_a", category: [], collection: null, quantity: 1, item_value: "60", metadata: null },
          { sku: "B", product_id: "prod_b", category: [], collection: null, quantity: 2, item_value: "40", metadata: null },
        ],
        promotions: [{ id: `promo_whole_${seq}`, code: `WHOLE${seq}` }],
      }
    }

    const rowsOf = async (orderId: string) => ({
      conversions: (await db()("affiliate_conversion").where({ order_id: orderId }).count({ n: "*" }))[0].n,
      items: (await db()("affiliate_conversion_item as i").join("affiliate_conversion as c", "c.id", "i.conversion_id").where("c.order_id", orderId).count({ n: "*" }))[0].n,
      logs: (await db()("affiliate_request_log").where({ order_id: orderId }).count({ n: "*" }))[0].n,
    })

    it("recording an order: its second conversion fails, and the first, its items and its log entry are not left", async () => {
      const sale = await twiceCreditedOrder()
      const restore = await failRowsOf(db(), "affiliate_conversion", "exists (select 1 from affiliate_conversion c where c.order_id = new.order_id)")
      try {
        await expect(service.recordOrderConversions(sale)).rejects.toThrow(/forced failure/)
      } finally {
        await restore()
      }
      expect(await rowsOf(sale.order_id)).toEqual({ conversions: "0", items: "0", logs: "0" })

      // Without the failure the same call records both, so the check above saw a real rollback.
      const recorded = await service.recordOrderConversions(sale)
      expect(recorded.recorded.map((r) => r.via).sort()).toEqual(["click", "coupon"])
      expect(await rowsOf(sale.order_id)).toEqual({ conversions: "2", items: "4", logs: "2" })
    })

    it("revising an order: the second conversion fails, and the first keeps its status, commission and history", async () => {
      const sale = await twiceCreditedOrder()
      await service.recordOrderConversions(sale)
      const before = await db()("affiliate_conversion").where({ order_id: sale.order_id }).orderBy("id").select("id", "status", "commission_amount")
      expect(before).toHaveLength(2)
      const restore = await failRowsOf(db(), "affiliate_conversion", `new.id = '${before[1].id}' and new.status = 'reversed'`)
      try {
        await expect(service.reviseOrderConversions(sale.order_id, { refunded_total: "0", canceled: true })).rejects.toThrow(/forced failure/)
      } finally {
        await restore()
      }
      expect(await db()("affiliate_conversion").where({ order_id: sale.order_id }).orderBy("id").select("id", "status", "commission_amount")).toEqual(before)
      expect(await service.listAffiliateConversionChanges({ conversion_id: before.map((c) => c.id) })).toEqual([])

      await service.reviseOrderConversions(sale.order_id, { refunded_total: "0", canceled: true })
      expect((await db()("affiliate_conversion").where({ order_id: sale.order_id }).select("status")).map((c) => c.status)).toEqual(["reversed", "reversed"])
    })
  },
})
