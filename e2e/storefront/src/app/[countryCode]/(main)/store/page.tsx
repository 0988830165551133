import { listProducts } from "@lib/data/products"
import Link from "next/link"

export default async function Store(props: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await props.params
  const products = await listProducts(countryCode)
  return (
    <section>
      <h1>Store</h1>
      <ul>
        {products.map((p) => (
          <li key={p.id}>
            <Link href={`/${countryCode}/products/${p.handle}`}>{p.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
