import AffiliateConsentBanner from "@modules/affiliate/components/consent-banner"
import Link from "next/link"

export default async function PageLayout(props: { children: React.ReactNode; params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await props.params
  return (
    <>
      <nav>
        <Link href={`/${countryCode}`}>Home</Link> · <Link href={`/${countryCode}/store`}>Store</Link> ·{" "}
        <Link href={`/${countryCode}/cart`}>Cart</Link>
      </nav>
      {props.children}
      <AffiliateConsentBanner />
    </>
  )
}
