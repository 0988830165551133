export default async function OrderConfirmed(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params
  return (
    <section>
      <h1>Thank you for your order</h1>
      <p data-order-id={id}>Order {id}</p>
    </section>
  )
}
