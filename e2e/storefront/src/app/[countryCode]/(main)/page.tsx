import Link from "next/link"

export default async function Home(props: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await props.params
  return (
    <section>
      <h1>Welcome</h1>
      <Link href={`/${countryCode}/store`}>Shop now</Link>
    </section>
  )
}
