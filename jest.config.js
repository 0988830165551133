const { loadEnv } = require("@medusajs/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    {
      // Legacy decorators with metadata, as tsc compiles them: the module service's methods use
      // Medusa's @InjectManager and @MedusaContext.
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: "es2021",
      },
    },
  ],
}

const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/e2e/"],
  setupFiles: ["./integration-tests/setup.js"],
}

module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.[jt]s", "<rootDir>/scripts/**/__tests__/**/*.spec.[jt]s"] },
    { ...common, displayName: "module", testMatch: ["<rootDir>/integration-tests/module/*.spec.[jt]s"] },
    { ...common, displayName: "http", testMatch: ["<rootDir>/integration-tests/http/*.spec.[jt]s"] },
  ],
}
