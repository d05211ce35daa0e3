// `npm run seed`: demo data into an empty database (DATABASE_URL, or the embedded one).
import { createDb } from './connection.ts';
import { migrateLatest } from './migrate.ts';
import { seedDemo } from './seeds/demo.ts';

const db = await createDb({ databaseUrl: process.env.DATABASE_URL });
await migrateLatest(db);
const existing = await db('tenants').where({ slug: 'demo' }).first('id');
if (existing) console.log('demo data is already there');
else console.log('seeded demo tenant', (await seedDemo(db)).tenantId);
await db.destroy();
