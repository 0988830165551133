import { storeApi } from "@lib/config"

export type Region = { id: string; currency_code: string; countries?: { iso_2: string }[] }

export async function getRegion(countryCode: string): Promise<Region | null> {
  const { regions } = await storeApi<{ regions: Region[] }>("/store/regions")
  return regions.find((r) => r.countries?.some((c) => c.iso_2 === countryCode)) ?? null
}
