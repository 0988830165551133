import { storeApi } from "@lib/config"
import { getRegion } from "./regions"

export type Product = { id: string; title: string; handle: string; variants: { id: string; title: string; calculated_price?: { calculated_amount: number } }[] }

export async function listProducts(countryCode: string, handle?: string): Promise<Product[]> {
  const region = await getRegion(countryCode)
  const query = new URLSearchParams({ fields: "id,title,handle,*variants,*variants.calculated_price", region_id: region?.id ?? "" })
  if (handle) query.set("handle", handle)
  const { products } = await storeApi<{ products: Product[] }>(`/store/products?${query}`)
  return products
}
