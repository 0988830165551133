import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderSale } from "../../../modules/affiliate/conversions/record-order"
import type { SoldItem } from "../../../modules/affiliate/utils/commission"
import { sumAmounts } from "../../../modules/affiliate/utils/money"

export const loadOrderSaleStepId = "load-affiliate-order-sale"

type OrderLine = { quantity: number; variant_sku: string | null; variant_id: string | null; product_id: string | null; total: unknown; tax_total: unknown }
type Product = { id: string; collection: { handle: string } | null; categories: { handle: string }[] | null }

/**
 * What Medusa knows of a placed order, as the affiliate module records it (contract, section 8):
 * one item per line (the variant's SKU, or its id without one; the product's category handles and
 * collection handle; the line's total after discounts, excluding tax), their sum as the order's
 * total, `new` or `returning` from the customer's earlier orders, the cart (its attribution) and
 * the promotion codes it applied. Reads only: nothing to compensate.
 */
export const loadOrderSaleStep = createStep(loadOrderSaleStepId, async ({ order_id }: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id", "email", "currency_code", "item_total", "item_tax_total", "created_at", "customer_id", "cart.id", "promotions.id", "promotions.code",
      "items.quantity", "items.variant_sku", "items.variant_id", "items.product_id", "items.total", "items.tax_total",
    ],
    filters: { id: order_id },
  })
  const lines = (order?.items ?? []).filter(Boolean) as OrderLine[]
  const productIds = [...new Set(lines.map((l) => l.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "collection.handle", "categories.handle"], filters: { id: productIds } })
    : { data: [] }
  const productOf = new Map((products as Product[]).map((p) => [p.id, p]))
  const items: SoldItem[] = lines.map((line) => {
    const product = line.product_id ? productOf.get(line.product_id) : undefined
    return {
      sku: line.variant_sku || line.variant_id || line.product_id || "unknown",
      product_id: line.product_id,
      category: (product?.categories ?? []).map((c) => c.handle),
      collection: product?.collection?.handle ?? null,
      quantity: line.quantity,
      item_value: MathBN.sub(line.total as number, line.tax_total as number).toFixed(),
      metadata: null,
    }
  })
  const createdAt = order?.created_at ?? new Date()
  const earlier = order?.customer_id
    ? (await query.graph({ entity: "order", fields: ["id"], filters: { customer_id: order.customer_id, created_at: { $lt: createdAt } }, pagination: { take: 1 } })).data
    : null
  const sale: OrderSale = {
    order_id,
    currency_code: order?.currency_code ?? "usd",
    // The items' sum: the same as item_total - item_tax_total, line by line.
    order_total: items.length ? sumAmounts(items.map((i) => i.item_value)) : MathBN.sub(order?.item_total ?? 0, order?.item_tax_total ?? 0).toFixed(),
    occurred_at: new Date(createdAt),
    cart_id: order?.cart?.id ?? null,
    email: order?.email ?? null,
    customer_type: earlier === null ? null : earlier.length ? "returning" : "new",
    items,
    promotions: ((order?.promotions ?? []).filter((p: { id?: string } | null) => p?.id) as { id: string; code: string | null }[]).map((p) => ({
      id: p.id,
      code: p.code ?? p.id,
    })),
  }
  return new StepResponse(sale)
})
