import { listProducts } from "@lib/data/products"
import AddToCart from "@modules/products/add-to-cart"
import { notFound } from "next/navigation"

export default async function ProductPage(props: { params: Promise<{ countryCode: string; handle: string }> }) {
  const { countryCode, handle } = await props.params
  const [product] = await listProducts(countryCode, handle)
  if (!product) notFound()
  const variant = product.variants[0]
  return (
    <section>
      <h1>{product.title}</h1>
      <p>{variant.title}: {variant.calculated_price?.calculated_amount}</p>
      <AddToCart variantId={variant.id} countryCode={countryCode} />
    </section>
  )
}
