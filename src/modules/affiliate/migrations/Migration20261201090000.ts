import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Filtered clicks: visits through an affiliate link that earned no click because a crawler made
 * them (README, "Bots and in-app browsers"). There is no row per visit, only a count per campaign,
 * affiliate and UTC day, kept on the rollup's click row (empty currency and status) so the admin
 * reads it with the other figures. Hand-written like the rollup table it extends.
 */
export class Migration20261201090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_stat_daily" add column if not exists "filtered_clicks" bigint not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_stat_daily" drop column if exists "filtered_clicks";`)
  }
}
