import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { buildDocument, Operation } from "../build-document"

const build = (operation: Partial<Operation>) =>
  buildDocument({
    info: { title: "t", version: "1", description: "d" },
    tags: [],
    securitySchemes: {},
    operations: [{ method: "get", path: "/things", operationId: "op", summary: "s", tags: [], answers: {}, ...operation }],
  }) as any

describe("buildDocument", () => {
  it("marks a query parameter required only when the validator refuses a request without it", () => {
    // Medusa's limit/offset start with z.preprocess, which zod's JSON Schema would call required.
    const query = createFindParams({ limit: 20, offset: 0 }).extend({ q: z.string().min(1) })
    expect(query.safeParse({}).success).toBe(false)
    expect(query.safeParse({ q: "x" }).success).toBe(true)
    const parameters = build({ query }).paths["/things"].get.parameters
    expect(parameters.filter((p: any) => p.required).map((p: any) => p.name)).toEqual(["q"])
    expect(parameters.find((p: any) => p.name === "limit").schema).toMatchObject({ type: "number", default: 20 })
  })

  it("documents a request body as the client sends it, before the validator's transforms and defaults", () => {
    const schema = z.object({ code: z.string().trim().toLowerCase(), status: z.enum(["active", "paused"]).default("active") })
    const body = build({ method: "post", body: { schema, name: "Thing", form: true } })
    expect(body.components.schemas.Thing).toMatchObject({ required: ["code"], properties: { status: { default: "active" } } })
    expect(Object.keys(body.paths["/things"].post.requestBody.content)).toEqual(["application/json", "application/x-www-form-urlencoded"])
  })

  it("refuses an undescribed path parameter and two shapes under one name", () => {
    expect(() => build({ path: "/things/{id}" })).toThrow("describe the path parameter id")
    const answer = (body: z.ZodType) => ({ description: "d", body, name: "Same" })
    expect(() => build({ answers: { 200: answer(z.object({ a: z.string() })), 404: answer(z.object({ b: z.string() })) } })).toThrow(
      "Two different schemas are named Same"
    )
  })
})
