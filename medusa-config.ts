import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// The repository doubles as a runnable Medusa app: `src/` (routes, subscribers, jobs, admin)
// is loaded as the app's own code and the affiliate module is registered with the same options
// a host passes to the packaged plugin.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/affiliate",
      options: {
        encryptionKey: process.env.AFFILIATE_ENCRYPTION_KEY,
        publicUrl: process.env.AFFILIATE_PUBLIC_URL,
        rateLimitPerMinute: process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE
          ? Number(process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE)
          : undefined,
        outboundMaxAttempts: process.env.AFFILIATE_OUTBOUND_MAX_ATTEMPTS
          ? Number(process.env.AFFILIATE_OUTBOUND_MAX_ATTEMPTS)
          : undefined,
      },
    },
  ],
})
