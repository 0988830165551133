import { getCartId } from "@lib/data/cookies"
import Checkout from "@modules/cart/checkout"

export default async function CartPage(props: { params: Promise<{ countryCode: string }> }) {
  const { countryCode } = await props.params
  const cartId = await getCartId()
  return (
    <section>
      <h1>Cart</h1>
      {cartId ? <Checkout countryCode={countryCode} /> : <p>Your cart is empty</p>}
    </section>
  )
}
