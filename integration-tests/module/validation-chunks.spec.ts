import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MathBN } from "@medusajs/framework/utils"
import { VALIDATION_CHUNK } from "../../src/modules/affiliate/conversions/validate-conversions"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import type { StatusPlan } from "../../src/modules/affiliate/utils/conversion-status"
import { affiliateModule, failRowsOf, seedConversions } from "./fixtures/affiliate-module"

jest.setTimeout(180_000)

const FAULTED = /A fault of the server kept this entry from being applied/
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/*
 * A validation call (contract, section 9) runs a chunk of entries per transaction, on row locks
 * taken in id order, with the writes of many entries in one statement. What that must not change:
 * a fault on one entry leaves that entry untouched and applies the others, an entry sees what the
 * entries before it in the call did, and a review or another call racing it never both win.
 */
moduleIntegrationTestRunner<AffiliateModuleService>({
  ...affiliateModule,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const db = () => MikroOrmWrapper.getManager().getKnex() as Knex

    const conversions = (count: number, status = "pending") => seedConversions(service, { count, status })


    const totals = async (ids: string[]) =>
      Object.fromEntries(
        (await db()("affiliate_conversion").whereIn("id", ids).select("id", db().raw("order_total::text AS t"))).map((r: { id: string; t: string }) => [r.id, r.t])
      )
    const history = (id: string) =>
      db()("affiliate_conversion_change").where({ conversion_id: id }).orderBy([{ column: "created_at" }, { column: "id" }]).select("actor", "field", "from_value", "to_value")

    it.each([
      ["its conversion's update", "affiliate_conversion", (id: string) => `new.id = '${id}' and new.order_total = 50`],
      ["its history row, after its conversion was updated", "affiliate_conversion_change", (id: string) => `new.conversion_id = '${id}'`],
    ])("a fault on %s fails that entry alone, whole, in any chunk; the others are applied, in order", async (_, table, when) => {
      const count = VALIDATION_CHUNK + 50
      const { campaign, rows } = await conversions(count)
      const faulty = rows[VALIDATION_CHUNK + 7]
      const entries: unknown[] = rows.map((r) => ({ order_id: r.order_id, order_total: "50.00" }))
      // Entries the module never sees, between them: they keep their places in the answer.
      entries.splice(3, 0, { order_id: "C-nope", order_total: "1" }, { order_id: rows[0].order_id })
      const restore = await failRowsOf(db(), table, when(faulty.id))
      const summary = await service.validateConversions({ campaign_id: campaign.id, conversions: entries, actor: "s2s" }).finally(restore)
      expect(summary.results).toHaveLength(count + 2)
      expect(summary.results.slice(3, 5)).toEqual([
        expect.objectContaining({ order_id: "C-nope", result: "not_found" }),
        expect.objectContaining({ order_id: rows[0].order_id, result: "invalid", message: expect.stringMatching(/names no change/) }),
      ])
      const answered = summary.results.filter((_, i) => i < 3 || i > 4)
      expect(answered.map((r) => r.order_id)).toEqual(rows.map((r) => r.order_id))
      answered.forEach((r, i) =>
        rows[i] === faulty
          ? expect(r).toEqual({ order_id: faulty.order_id, result: "invalid", message: expect.stringMatching(FAULTED) })
          : expect(r).toMatchObject({ result: "updated", commission_amount: "5.00" })
      )
      expect(summary.counts).toEqual({ updated: count - 1, unchanged: 0, failed: 3 })
      const after = await totals(rows.map((r) => r.id))
      for (const r of rows) expect(after[r.id]).toBe(r === faulty ? "100" : "50")
      expect(await history(faulty.id)).toEqual([])
      expect(await history(rows[VALIDATION_CHUNK + 6].id)).toEqual([
        { actor: "s2s", field: "commission_amount", from_value: "10.00", to_value: "5.00" },
        { actor: "s2s", field: "order_total", from_value: "100.00", to_value: "50.00" },
      ])

      // Sent again without the fault, only that entry changes anything.
      const again = await service.validateConversions({ campaign_id: campaign.id, conversions: entries, actor: "s2s" })
      expect(again.counts).toEqual({ updated: 1, unchanged: count - 1, failed: 2 })
      expect((await totals([faulty.id]))[faulty.id]).toBe("50")
    })

    it("an entry sees what the entries before it did to the same conversion, in its chunk and across chunks", async () => {
      const { campaign, rows } = await conversions(VALIDATION_CHUNK)
      const [a, b] = rows
      const filler = rows.slice(2).map((r) => ({ order_id: r.order_id, status: "approved" }))
      const entries = [
        { order_id: a.order_id, order_total: "50.00" },
        { order_id: a.order_id, status: "approved" },
        { order_id: a.order_id, order_total: "50.00" },
        { order_id: b.order_id, status: "rejected", reason: "returned" },
        ...filler,
        // The next chunk: a's rejection, then its approval again.
        { order_id: a.order_id, status: "rejected", reason: "returned" },
        { order_id: b.order_id, status: "approved" },
        { order_id: a.order_id, status: "approved" },
      ]
      const summary = await service.validateConversions({ campaign_id: campaign.id, conversions: entries, actor: "user:admin" })
      const of = (orderId: string) => summary.results.filter((r) => r.order_id === orderId).map((r) => [r.result, r.conversion_status, r.commission_amount])
      expect(of(a.order_id)).toEqual([
        ["updated", "pending", "5.00"],
        ["updated", "approved", "5.00"],
        ["unchanged", "approved", "5.00"],
        ["updated", "rejected", "5.00"],
        ["updated", "approved", "5.00"],
      ])
      expect(of(b.order_id)).toEqual([
        ["updated", "rejected", "10.00"],
        ["updated", "approved", "10.00"],
      ])
      expect((await history(a.id)).map((h) => [h.field, h.from_value, h.to_value])).toEqual([
        ["commission_amount", "10.00", "5.00"],
        ["order_total", "100.00", "50.00"],
        ["status", "pending", "approved"],
        ["status", "approved", "rejected"],
        ["status", "rejected", "approved"],
      ])
      expect(await history(a.id)).toEqual(expect.arrayContaining([expect.objectContaining({ actor: "user:admin" })]))
      expect((await service.retrieveAffiliateConversion(a.id)).status).toBe("approved")
    })

    it("a payout an entry dissolves frees its other conversions for the entries after it in the chunk", async () => {
      // An open payout of 5.00: two approved conversions (10.00 each) and 15.00 taken back for a third.
      const { campaign, affiliate, rows } = await conversions(3, "approved")
      const [a, b, taken] = rows
      await db()("affiliate_conversion").where({ id: taken.id }).update({ status: "reversed" })
      await service.createAffiliateCommissionAdjustments({ conversion_id: taken.id, amount: "-15", currency_code: "usd", reason: "chargeback" } as any)
      const [payoutId] = await service.createPayouts({ affiliate_id: affiliate.id }, "user:c")
      expect((await service.retrievePayoutsWithLines([payoutId]))[0].amount).toBe("5.00")

      // Rejecting a leaves -5.00 to pay: the payout dissolves and b is no longer in one, so its new
      // total changes its commission (an adjustment would be for one still in a payout).
      const summary = await service.validateConversions({
        campaign_id: campaign.id,
        conversions: [{ order_id: a.order_id, status: "rejected", reason: "returned" }, { order_id: b.order_id, order_total: "50.00" }],
        actor: "s2s",
      })
      expect(summary.results.map((r) => [r.result, r.conversion_status, r.commission_amount])).toEqual([
        ["updated", "rejected", "10.00"],
        ["updated", "approved", "5.00"],
      ])
      expect(await service.retrievePayoutsWithLines([payoutId])).toEqual([])
      expect(await db()("affiliate_commission_adjustment").where({ conversion_id: b.id })).toEqual([])
      expect((await history(b.id)).map((h) => [h.actor, h.field, h.from_value, h.to_value])).toEqual([
        ["user:c", "payout", null, payoutId],
        ["s2s", "payout", payoutId, null],
        ["s2s", "commission_amount", "10.00", "5.00"],
        ["s2s", "order_total", "100.00", "50.00"],
      ])
      expect(await service.listBalances({ affiliate_ids: [affiliate.id] })).toEqual([{ affiliate_id: affiliate.id, currency_code: "usd", amount: "-10.00" }])
    })

    it("a review racing a validation of the same conversion, 20 times: exactly one wins, with one history row", async () => {
      const updated = (plan: StatusPlan | null, result: string | undefined) => (plan?.result === "updated" ? 1 : 0) + (result === "updated" ? 1 : 0)
      for (let trial = 0; trial < 20; trial++) {
        const { campaign, rows } = await conversions(VALIDATION_CHUNK)
        const target = rows[trial * 4]
        const status = trial % 2 ? "approved" : "rejected"
        const [plan, summary] = await Promise.all([
          pause(trial % 7).then(() => service.changeConversionStatus(target.id, { status, reason: "review", from: ["pending"] }, "user:a")),
          service.validateConversions({ campaign_id: campaign.id, conversions: rows.map((r) => ({ order_id: r.order_id, status, reason: "shop" })), actor: "s2s" }),
        ])
        const result = summary.results.find((r) => r.order_id === target.order_id)!.result
        expect(updated(plan, result)).toBe(1)
        expect(summary.counts.updated).toBe(VALIDATION_CHUNK - 1 + (result === "updated" ? 1 : 0))
        const statusRows = (await history(target.id)).filter((h) => h.field === "status")
        expect(statusRows).toEqual([{ actor: result === "updated" ? "s2s" : "user:a", field: "status", from_value: "pending", to_value: status }])
      }
    })

    it("two calls over the same conversions in opposite orders at once, 5 times: no change lost, none made twice", async () => {
      for (let trial = 0; trial < 5; trial++) {
        const { campaign, rows } = await conversions(VALIDATION_CHUNK)
        const totalsFirst = rows.map((r) => ({ order_id: r.order_id, order_total: "50.00" }))
        const approvalsLast = rows.map((r) => ({ order_id: r.order_id, status: "approved" })).reverse()
        const [byTotal, byStatus] = await Promise.all([
          service.validateConversions({ campaign_id: campaign.id, conversions: totalsFirst, actor: "s2s" }),
          service.validateConversions({ campaign_id: campaign.id, conversions: approvalsLast, actor: "user:a" }),
        ])
        expect([byTotal.counts.updated, byStatus.counts.updated]).toEqual([rows.length, rows.length])
        const fields = await db()("affiliate_conversion_change")
          .whereIn("conversion_id", rows.map((r) => r.id))
          .groupBy("field")
          .select("field", db().raw("count(*)::int AS n"))
        expect(Object.fromEntries(fields.map((f: { field: string; n: number }) => [f.field, f.n]))).toEqual({
          status: rows.length,
          order_total: rows.length,
          commission_amount: rows.length,
        })
        const final = await db()("affiliate_conversion").whereIn("id", rows.map((r) => r.id)).distinct("status", db().raw("commission_amount::text AS c"))
        expect(final).toEqual([{ status: "approved", c: "5" }])
      }
    })

    it("a call and a payout run both waiting on one conversion of the call's chunk: no deadlock, both lock by id", async () => {
      const { campaign, affiliate, rows } = await conversions(VALIDATION_CHUNK, "approved")
      // Order ids that sort against the ids: a chunk locked as an index walks order ids would take
      // its rows from the top id down while the payout run takes them from the bottom up.
      await db().raw(
        `UPDATE affiliate_conversion c SET order_id = 'P-' || lpad(r.n::text, 4, '0')
           FROM (SELECT id, row_number() OVER (ORDER BY id DESC) AS n FROM affiliate_conversion WHERE campaign_id = ?) r WHERE c.id = r.id`,
        [campaign.id]
      )
      const middle = [...rows.map((r) => r.id)].sort()[VALIDATION_CHUNK / 2]
      const holder = await db().transaction()
      const logged = jest.spyOn((service as any).logger_, "error")
      try {
        await holder.raw(`SELECT id FROM affiliate_conversion WHERE id = ? FOR UPDATE`, [middle])
        const both = Promise.all([
          service.validateConversions({
            campaign_id: campaign.id,
            conversions: rows.map((_, i) => ({ order_id: `P-${String(i + 1).padStart(4, "0")}`, order_total: "50.00" })),
            actor: "s2s",
          }),
          service.createPayouts({ affiliate_id: affiliate.id }, "user:c"),
        ])
        // Both wait on a lock (the held row, or each other's rows) before the held row is let go.
        const waiting = async () =>
          (await db().raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n
        for (let tries = 0; (await waiting()) < 2; tries++) {
          if (tries > 200) throw new Error("the call and the payout run never both waited")
          await pause(25)
        }
        await holder.commit()
        const [summary, payoutIds] = await both
        expect(summary.counts.updated).toBe(rows.length)
        // Whichever went first, what the affiliate is owed is 5.00 per conversion: paid out, or owed back.
        const [payout] = await service.retrievePayoutsWithLines(payoutIds)
        const [balance] = await service.listBalances({ affiliate_ids: [affiliate.id] })
        expect(MathBN.add(payout?.amount ?? 0, balance?.amount ?? 0).toFixed(2)).toBe("500.00")
        expect(logged).not.toHaveBeenCalled()
      } finally {
        logged.mockRestore()
        if (!holder.isCompleted()) await holder.rollback()
      }
    })

    it("a dry run of a chunk locks nothing and writes nothing, and plans each entry on the rows as they are", async () => {
      const { campaign, rows } = await conversions(3)
      const entries = [
        { order_id: rows[0].order_id, order_total: "50.00" },
        { order_id: rows[0].order_id, order_total: "50.00" },
        { order_id: rows[1].order_id, status: "approved" },
      ]
      const summary = await service.validateConversions({ campaign_id: campaign.id, conversions: entries, actor: "s2s", dry_run: true })
      expect(summary.message).toBe("3 would be updated, 0 unchanged, 0 failed")
      expect(await db()("affiliate_conversion_change").whereIn("conversion_id", rows.map((r) => r.id))).toEqual([])
      expect(Object.values(await totals(rows.map((r) => r.id)))).toEqual(["100", "100", "100"])
    })
  },
})
