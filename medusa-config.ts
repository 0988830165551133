import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const REDIS_URL = process.env.REDIS_URL

/*
 * With REDIS_URL, the modules that make several processes one deployment (CONVENTIONS: production
 * topology): the event bus, the workflow engine, the cache and locking, all on that Redis. The
 * plugin's S2S rate limit finds the same Redis there by itself. Without it, Medusa's in-memory
 * defaults serve a single process (the demo, the tests).
 */
const redisModules = REDIS_URL
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: REDIS_URL } },
      { key: Modules.WORKFLOW_ENGINE, resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: REDIS_URL } } },
      { key: Modules.CACHE, resolve: "@medusajs/medusa/cache-redis", options: { redisUrl: REDIS_URL } },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: REDIS_URL } }] },
      },
    ]
  : []

// The repository doubles as a runnable Medusa app: `src/` (routes, subscribers, jobs, admin)
// is loaded as the app's own code and the affiliate module is registered with the same options
// a host passes to the packaged plugin.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
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
    ...redisModules,
    // The partner program mails through Medusa's Notification module on the `email` channel; here
    // the local provider, which writes each mail to the log (a host configures SendGrid, Resend…).
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["email", "feed"] } },
        ],
      },
    },
    {
      // With its key, Medusa does not load the module while it reads this file (it would to learn
      // the key), so the module's production key check runs once the configuration is loaded.
      key: "affiliate",
      resolve: "./src/modules/affiliate",
      // Every option falls back to its AFFILIATE_* variable inside the plugin (README, "Plugin options").
      options: {},
    },
  ],
})
