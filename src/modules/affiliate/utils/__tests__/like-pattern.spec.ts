import { likeLiteral } from "../like-pattern"

describe("likeLiteral", () => {
  it("escapes LIKE's wildcards and its escape character, and leaves the rest", () => {
    expect(likeLiteral("50%_off\\now")).toBe("50\\%\\_off\\\\now")
    expect(likeLiteral("anna.b+shop@example.com")).toBe("anna.b+shop@example.com")
  })
})
