import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import path from "node:path"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"

jest.setTimeout(60_000)

/*
 * Balances and payout runs in the module service against real Postgres: the sums are exact
 * decimals, and two runs at once never put one conversion or adjustment in two payouts.
 */
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(process.cwd(), "src/modules/affiliate"),
  pathToMigrations: path.join(process.cwd(), "src/modules/affiliate/migrations"),
  moduleOptions: { encryptionKey: "module-test-secret" },
  testSuite: ({ service }) => {
    async function approved(amounts: string[], currency = "usd") {
      const campaign = await service.createAffiliateCampaigns({
        name: "Spring",
        handle: `spring-${Math.random().toString(36).slice(2, 8)}`,
        target_url: "https://shop.example.com/",
        commission_type: "percentage",
        commission_value: 10,
      } as any)
      const affiliate = await service.createAffiliates({ code: `a-${Math.random().toString(36).slice(2, 8)}`, name: "Ada", email: "ada@example.com" })
      const conversions = await service.createAffiliateConversions(
        amounts.map((amount, i) => ({
          campaign_id: campaign.id,
          affiliate_id: affiliate.id,
          order_id: `O-${Math.random().toString(36).slice(2, 8)}-${i}`,
          order_total: 100,
          order_currency: currency,
          commission_amount: amount,
          commission_currency: currency,
          status: "approved",
          source: "s2s",
          occurred_at: new Date(),
        })) as any
      )
      return { affiliate, conversions }
    }

    it("adds exact decimals: 0.1 + 0.2 is 0.30, not a float's 0.30000000000000004", async () => {
      const { affiliate } = await approved(["0.1", "0.2"])
      expect(await service.listBalances({ affiliate_ids: [affiliate.id] })).toEqual([{ affiliate_id: affiliate.id, currency_code: "usd", amount: "0.30" }])
      const [id] = await service.createPayouts({ affiliate_id: affiliate.id })
      const [payout] = await service.retrievePayoutsWithLines([id])
      expect(payout.amount).toBe("0.30")
      expect(MathBN.sum(...payout.lines.map((l) => l.amount)).toFixed(2)).toBe("0.30")
    })

    it("keeps a currency's minor unit: a JPY balance has no decimals, a KWD one three", async () => {
      const yen = await approved(["1500", "250"], "jpy")
      const dinar = await approved(["1.125"], "kwd")
      expect(await service.listBalances({ affiliate_ids: [yen.affiliate.id, dinar.affiliate.id] })).toEqual(
        expect.arrayContaining([
          { affiliate_id: yen.affiliate.id, currency_code: "jpy", amount: "1750" },
          { affiliate_id: dinar.affiliate.id, currency_code: "kwd", amount: "1.125" },
        ])
      )
    })

    it("never pays one conversion or adjustment twice when two payout runs start at once", async () => {
      const { affiliate, conversions } = await approved(["10", "20", "30"])
      await service.createAffiliateCommissionAdjustments({ conversion_id: conversions[0].id, amount: "-5", currency_code: "usd", reason: "order partly refunded" } as any)
      const runs = await Promise.all([1, 2, 3].map(() => service.createPayouts({ affiliate_id: affiliate.id })))
      const ids = runs.flat()
      expect(ids).toHaveLength(1)
      const [payout] = await service.retrievePayoutsWithLines(ids)
      expect(payout.amount).toBe("55.00")
      expect(payout.lines).toHaveLength(4)
      expect(await service.listBalances({ affiliate_ids: [affiliate.id] })).toEqual([])
    })

    it("leaves a total under the minimum for later, and deletes a run entirely when asked to (compensation)", async () => {
      const { affiliate } = await approved(["4.99"])
      expect(await service.createPayouts({ affiliate_id: affiliate.id, minimum_amount: "5" })).toEqual([])
      const ids = await service.createPayouts({ affiliate_id: affiliate.id, minimum_amount: "4.99" })
      expect(ids).toHaveLength(1)
      await service.deletePayouts(ids)
      expect(await service.listAffiliatePayoutLines({})).toHaveLength(0)
      expect(await service.listBalances({ affiliate_ids: [affiliate.id] })).toEqual([{ affiliate_id: affiliate.id, currency_code: "usd", amount: "4.99" }])
    })
  },
})
