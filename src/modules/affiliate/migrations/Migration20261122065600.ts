import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Two changes the generated migrations cannot express:
 *
 * 1. The click token's unique index leaves out clicks whose visitor details retention has cleared
 *    (the model says so, but a changed `where` of an existing index is not diffed): they can no
 *    longer convert, and their tokens stop costing index space.
 *
 * 2. Drops the indexes Medusa's data model creates by itself (`deleted_at`, and one per foreign
 *    key) where no query needs them on the tables that grow with traffic: nothing there is
 *    soft-deleted, and the (campaign_id, created_at) and (affiliate_id, created_at) indexes the
 *    models declare serve every lookup by campaign or affiliate. Each index costs every click,
 *    conversion and request-log row its bytes and its write (README, "Operating at volume").
 *
 *    Hand-written: the models cannot opt out of these indexes, so the snapshot still lists them
 *    and `plugin:db:generate` will not recreate them.
 */
const REDUNDANT = [
  ["affiliate_click", "IDX_affiliate_click_deleted_at", "deleted_at"],
  ["affiliate_click", "IDX_affiliate_click_campaign_id", "campaign_id"],
  ["affiliate_click", "IDX_affiliate_click_affiliate_id", "affiliate_id"],
  ["affiliate_conversion", "IDX_affiliate_conversion_deleted_at", "deleted_at"],
  ["affiliate_conversion", "IDX_affiliate_conversion_campaign_id", "campaign_id"],
  ["affiliate_conversion", "IDX_affiliate_conversion_affiliate_id", "affiliate_id"],
  ["affiliate_request_log", "IDX_affiliate_request_log_deleted_at", "deleted_at"],
] as const

const TOKEN_INDEX = "IDX_affiliate_click_click_token_unique"

export class Migration20261122065600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "${TOKEN_INDEX}";`)
    this.addSql(
      `create unique index if not exists "${TOKEN_INDEX}" on "affiliate_click" ("click_token") where details_cleared_at is null and deleted_at is null;`
    )
    for (const [, index] of REDUNDANT) this.addSql(`drop index if exists "${index}";`)
  }

  override async down(): Promise<void> {
    for (const [table, index, column] of REDUNDANT) {
      this.addSql(`create index if not exists "${index}" on "${table}" ("${column}") where deleted_at is null;`)
    }
    this.addSql(`drop index if exists "${TOKEN_INDEX}";`)
    this.addSql(`create unique index if not exists "${TOKEN_INDEX}" on "affiliate_click" ("click_token") where deleted_at is null;`)
  }
}
