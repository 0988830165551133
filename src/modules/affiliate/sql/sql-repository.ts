import type { Context } from "@medusajs/framework/types"
import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MikroOrmBase } from "@medusajs/framework/utils"

/**
 * What the module's repositories share: Medusa registers each class in `../repositories` in the
 * module's container (as pricing's `PricingRepository` is), and each runs its SQL on the caller's
 * transaction when there is one, else on the pool. MikroORM's `getKnex()` alone would leave the
 * transaction.
 */
export abstract class SqlRepository extends MikroOrmBase {
  protected knex(sharedContext: Context = {}): Knex {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager | undefined
    // No caller's manager (the hot paths): the pool itself. `getActiveManager` would fork an entity
    // manager, with an identity map and a unit of work this SQL never uses, on every call.
    if (!manager) return (this.manager_ as SqlEntityManager).getKnex() as Knex
    return (manager.getTransactionContext() ?? manager.getKnex()) as Knex
  }
}

/**
 * A column of values bound as one Postgres array parameter (`?::text[]`, read with `unnest`), so a
 * statement writing many rows has a handful of parameters whatever their number. node-pg sends a
 * null element as NULL; knex's types only leave nulls out of arrays.
 */
export const arrayParam = (values: (string | number | boolean | null)[]): Knex.Value => values as string[]
