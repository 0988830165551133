import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204210908 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_campaign" add column if not exists "orders_per_click" text check ("orders_per_click" in ('every', 'first')) not null default 'every';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_campaign" drop column if exists "orders_per_click";`);
  }

}
