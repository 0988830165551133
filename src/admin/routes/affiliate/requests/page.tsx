import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { RequestLogTable } from "./components/request-log-table/request-log-table"

/** The request log: every S2S call and order decision, for "why didn't it fire?". */
const RequestLogPage = () => (
  <div className="flex flex-col gap-y-3">
    <AffiliateNav />
    <Container className="overflow-hidden p-0">
      <RequestLogTable />
    </Container>
  </div>
)

export const config = defineRouteConfig({ label: "Request log", rank: 3 })

export default RequestLogPage
