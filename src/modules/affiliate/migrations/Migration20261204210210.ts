import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A conversion's history: every change of its status or amounts, by whom and why. */
export class Migration20261204210210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_conversion_change" ("id" text not null, "actor" text not null, "field" text not null, "from_value" text null, "to_value" text null, "reason" text null, "conversion_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_conversion_change_pkey" primary key ("id"));`);
    // A history grows with every payout run: only the index it is read by (one conversion's
    // changes in order), not Medusa's own on deleted_at and the foreign key, which it serves too.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversion_change_conversion_id_created_at" ON "affiliate_conversion_change" ("conversion_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_conversion_change" add constraint "affiliate_conversion_change_conversion_id_foreign" foreign key ("conversion_id") references "affiliate_conversion" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_conversion_change" cascade;`);
  }

}
