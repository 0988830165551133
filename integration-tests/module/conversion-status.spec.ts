import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import type { StatusPlan, StatusRequest } from "../../src/modules/affiliate/utils/conversion-status"
import { affiliateModule, seedConversions } from "./fixtures/affiliate-module"

jest.setTimeout(180_000)

const DAY_MS = 86_400_000
const APPROVE: StatusRequest = { status: "approved", from: ["pending"] }
const REJECT: StatusRequest = { status: "rejected", reason: "fraud", from: ["pending"] }

const updated = (plans: (StatusPlan | null)[]) => plans.filter((p) => p?.result === "updated").length
const conflicts = (plans: (StatusPlan | null)[]) => plans.filter((p) => p?.result === "invalid" && p.conflict).length
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/*
 * Status changes race each other in real Postgres, each race run many times: of two changes from
 * one state exactly one wins, and a conversion an admin rejected is never in a payout.
 */
moduleIntegrationTestRunner<AffiliateModuleService>({
  ...affiliateModule,
  testSuite: ({ service }) => {
    const conversions = (count: number, status = "pending", amount = "10") =>
      seedConversions(service, { count, status, commission_amount: amount, campaign: { hold_days: 30 } })
    const statusOf = async (id: string) => (await service.retrieveAffiliateConversion(id)).status
    const payoutLinesOf = (ids: string[]) => service.listAffiliatePayoutLines({ conversion_id: ids })
    const statusChanges = async (id: string) => (await service.listAffiliateConversionChanges({ conversion_id: id, field: "status" })).length

    it("approve against reject, 30 times at once: exactly one wins, and the row says what the winner said", async () => {
      const { ids } = await conversions(30)
      for (const id of ids) {
        const plans = await Promise.all([service.changeConversionStatus(id, APPROVE, "user:a"), service.changeConversionStatus(id, REJECT, "user:b")])
        expect(updated(plans)).toBe(1)
        expect(conflicts(plans)).toBe(1)
        const winner = plans.find((p) => p?.result === "updated") as Extract<StatusPlan, { result: "updated" }>
        const row = await service.retrieveAffiliateConversion(id)
        expect({ status: row.status, status_reason: row.status_reason }).toEqual({ status: winner.status, status_reason: winner.status_reason })
        expect(await statusChanges(id)).toBe(1)
      }
    })

    it("ten approves at once win once; ten rejects at once win once and keep the winner's reason (10 rounds each)", async () => {
      const { ids } = await conversions(20)
      for (const id of ids.slice(0, 10)) {
        const plans = await Promise.all(Array.from({ length: 10 }, () => service.changeConversionStatus(id, APPROVE, "user:a")))
        expect(updated(plans)).toBe(1)
        expect(conflicts(plans)).toBe(9)
        expect(await statusChanges(id)).toBe(1)
      }
      for (const id of ids.slice(10)) {
        const plans = await Promise.all(
          Array.from({ length: 10 }, (_, i) => service.changeConversionStatus(id, { ...REJECT, reason: `reason ${i}` }, "user:a"))
        )
        expect(updated(plans)).toBe(1)
        const winner = plans.find((p) => p?.result === "updated") as Extract<StatusPlan, { result: "updated" }>
        expect((await service.retrieveAffiliateConversion(id)).status_reason).toBe(winner.status_reason)
        expect(await statusChanges(id)).toBe(1)
      }
    })

    it("approve and reject together, then a payout 0-12 ms later, 25 times: a rejected conversion is never in a payout", async () => {
      for (let trial = 0; trial < 25; trial++) {
        const { affiliate, ids: [id] } = await conversions(1)
        const [approve, reject, payoutIds] = await Promise.all([
          service.changeConversionStatus(id, APPROVE, "user:a"),
          service.changeConversionStatus(id, REJECT, "user:b"),
          pause(trial % 13).then(() => service.createPayouts({ affiliate_id: affiliate.id }, "user:c")),
        ])
        expect(updated([approve, reject])).toBe(1)
        const lines = await payoutLinesOf([id])
        if ((await statusOf(id)) === "rejected") {
          expect(lines).toEqual([])
          expect(payoutIds).toEqual([])
        } else {
          expect(lines.length).toBe(payoutIds.length)
        }
      }
    })

    it("a rejection racing a payout run, 25 times: the conversion is rejected and out of every payout, or paid for by one that held it first", async () => {
      for (let trial = 0; trial < 25; trial++) {
        const { affiliate, ids } = await conversions(2, "approved")
        const [plan, payoutIds] = await Promise.all([
          service.changeConversionStatus(ids[0], { status: "rejected", reason: "fraud" }, "user:a"),
          pause(trial % 7).then(() => service.createPayouts({ affiliate_id: affiliate.id }, "user:c")),
        ])
        expect(plan?.result).toBe("updated")
        expect(await statusOf(ids[0])).toBe("rejected")
        expect(await payoutLinesOf([ids[0]])).toEqual([])
        const [payout] = await service.retrievePayoutsWithLines(payoutIds)
        expect(payout.lines.map((l) => l.conversion_id)).toEqual([ids[1]])
        expect(payout.amount).toBe("10.00")
      }
    })

    it("rejecting an approved conversion in an open payout takes its line out and the amount follows; the last line dissolves the payout", async () => {
      const { affiliate, ids } = await conversions(2, "approved")
      const [payoutId] = await service.createPayouts({ affiliate_id: affiliate.id }, "user:c")
      expect((await service.retrievePayoutsWithLines([payoutId]))[0].amount).toBe("20.00")

      const plan = await service.changeConversionStatus(ids[0], { status: "rejected", reason: "fraud" }, "user:a")
      expect(plan).toMatchObject({ result: "updated", status: "rejected", leave_open_payout: payoutId })
      const [payout] = await service.retrievePayoutsWithLines([payoutId])
      expect(payout.amount).toBe("10.00")
      expect(payout.lines.map((l) => l.conversion_id)).toEqual([ids[1]])

      await service.changeConversionStatus(ids[1], { status: "rejected", reason: "fraud" }, "user:a")
      expect(await service.retrievePayoutsWithLines([payoutId])).toEqual([])
      const history = await service.listAffiliateConversionChanges({ conversion_id: ids[1] }, { order: { created_at: "ASC", id: "ASC" } })
      expect(history.map((h) => [h.actor, h.field, h.from_value, h.to_value])).toEqual([
        ["user:c", "payout", null, payoutId],
        ["user:a", "status", "approved", "rejected"],
        ["user:a", "payout", payoutId, null],
      ])
    })

    it("a review never overwrites the hold period's approval (20 races)", async () => {
      const afterHold = new Date(Date.now() + 31 * DAY_MS)
      for (let trial = 0; trial < 20; trial++) {
        // One pending conversion at a time: the hold period approves every one that is due.
        const { ids: [id] } = await conversions(1)
        const [approvedByHold, review] = await Promise.all([service.approveHeldConversions(afterHold, 1000), service.changeConversionStatus(id, REJECT, "user:a")])
        const holdWon = approvedByHold.includes(id)
        expect(holdWon).toBe(review?.result !== "updated")
        expect(await statusOf(id)).toBe(holdWon ? "approved" : "rejected")
        expect(await statusChanges(id)).toBe(1)
      }
    })

    it("marking a payout paid while one of its conversions is rejected (15 races): paid and taken back, or rejected and left out", async () => {
      for (let trial = 0; trial < 15; trial++) {
        const { affiliate, ids } = await conversions(2, "approved")
        const [payoutId] = await service.createPayouts({ affiliate_id: affiliate.id }, "user:c")
        const [paid, plan] = await Promise.all([
          service.markPayoutPaid(payoutId, `TRF-${trial}`, "user:c"),
          pause(trial % 5).then(() => service.changeConversionStatus(ids[0], { status: "rejected", reason: "fraud" }, "user:a")),
        ])
        expect(plan?.result).toBe("updated")
        const [payout] = await service.retrievePayoutsWithLines([payoutId])
        const status = await statusOf(ids[0])
        if (status === "reversed") {
          // Paid first: the payment stands, and what was paid for the fraud is owed back.
          expect(paid?.conversion_ids.sort()).toEqual([...ids].sort())
          expect(payout.amount).toBe("20.00")
          expect(await service.listBalances({ affiliate_ids: [affiliate.id] })).toEqual([{ affiliate_id: affiliate.id, currency_code: "usd", amount: "-10.00" }])
        } else {
          expect(status).toBe("rejected")
          expect(payout.lines.map((l) => l.conversion_id)).toEqual([ids[1]])
          expect(payout.amount).toBe("10.00")
        }
      }
    })

    it("rejecting a paid conversion reverses it and takes back what was paid; approving it again changes nothing; a reversed one cannot change", async () => {
      const { affiliate, ids: [id] } = await conversions(1, "paid", "12.34")
      expect(await service.changeConversionStatus(id, { status: "approved" }, "s2s")).toMatchObject({ result: "unchanged" })
      const plan = await service.changeConversionStatus(id, { status: "rejected", reason: "returned" }, "s2s")
      expect(plan).toMatchObject({ result: "updated", status: "reversed", adjustment: "-12.34" })
      expect(await service.listBalances({ affiliate_ids: [affiliate.id] })).toEqual([{ affiliate_id: affiliate.id, currency_code: "usd", amount: "-12.34" }])
      expect(await service.changeConversionStatus(id, { status: "approved" }, "s2s")).toMatchObject({ result: "invalid", conflict: true })
      expect(MathBN.convert((await service.retrieveAffiliateConversion(id)).commission_amount).toFixed(2)).toBe("12.34")
    })

    it("approved and rejected change places until paid, each change once in the history; a test conversion is never approved", async () => {
      const { ids: [id] } = await conversions(1)
      expect(await service.changeConversionStatus(id, { status: "approved" }, "s2s")).toMatchObject({ result: "updated", status: "approved" })
      expect(await service.changeConversionStatus(id, { status: "approved" }, "s2s")).toMatchObject({ result: "unchanged" })
      expect(await service.changeConversionStatus(id, { status: "rejected", reason: "returned" }, "s2s")).toMatchObject({ status: "rejected" })
      expect(await service.changeConversionStatus(id, { status: "approved", reason: "return refused" }, "s2s")).toMatchObject({ status: "approved" })
      expect(await statusChanges(id)).toBe(3)
      expect(await service.changeConversionStatus(id, { status: "rejected" }, "s2s")).toMatchObject({ result: "invalid", conflict: false })
      expect(await service.changeConversionStatus("aconv_missing", { status: "approved" }, "s2s")).toBeNull()

      const { campaign_id, affiliate_id } = await service.retrieveAffiliateConversion(id)
      const [test] = await service.createAffiliateConversions([
        { campaign_id, affiliate_id, order_id: "T-1", order_total: 1, order_currency: "usd", commission_amount: 0, commission_currency: "usd", source: "s2s", is_test: true, occurred_at: new Date() },
      ] as any)
      expect(await service.changeConversionStatus(test.id, { status: "approved" }, "s2s")).toMatchObject({ result: "invalid", conflict: false })
    })
  },
})
