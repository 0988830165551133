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
    const manager = this.getActiveManager<SqlEntityManager>(sharedContext)
    return (manager.getTransactionContext() ?? manager.getKnex()) as Knex
  }
}
