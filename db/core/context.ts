import type { Knex } from 'knex';
import type { Bus } from '../bus/index.ts';

/** What every op needs: the database and the bus it publishes committed events on. */
export interface OpsContext {
  db: Knex;
  bus: Bus;
}
