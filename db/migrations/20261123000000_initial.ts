import type { Knex } from 'knex';

// The first model: tenants and their people, the order spine, money, and the CRM around it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenants', (t) => {
    t.increments('id');
    t.string('name', 200).notNullable();
    t.string('slug', 100).notNullable().unique();
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.bigInteger('event_seq').notNullable().defaultTo(0);
    t.integer('order_seq').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('email', 200).notNullable().unique();
    t.string('password_hash', 200).notNullable();
    t.string('name', 200).notNullable();
    t.string('role', 20).notNullable().checkIn(['owner', 'manager', 'viewer']);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  for (const name of ['cities', 'kinds']) {
    await knex.schema.createTable(name, (t) => {
      t.increments('id');
      t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
      t.string('name', 200).notNullable();
      t.string('slug', 100).notNullable();
      t.integer('position').notNullable().defaultTo(0);
      t.unique(['tenant_id', 'slug']);
    });
  }

  await knex.schema.createTable('channels', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('name', 200).notNullable();
    t.string('type', 20).notNullable().checkIn(['website', 'avito', 'yandex', 'phone', 'other']);
    t.string('api_key_hash', 64).unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('customers', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('phone', 20).notNullable();
    t.string('name', 200).notNullable();
    t.string('email', 200);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'phone']);
  });

  await knex.schema.createTable('masters', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.bigInteger('telegram_user_id');
    t.bigInteger('telegram_chat_id');
    t.string('name', 200).notNullable().defaultTo('');
    t.string('phone', 20);
    t.string('passport', 200);
    t.string('status', 20).notNullable().defaultTo('pending').checkIn(['pending', 'approved', 'blocked']);
    t.string('block_reason', 500);
    t.boolean('on_shift').notNullable().defaultTo(false);
    t.integer('rating').notNullable().defaultTo(0);
    t.string('source', 10).notNullable().defaultTo('bot').checkIn(['bot', 'manual']);
    t.jsonb('contacts').notNullable().defaultTo('{}');
    t.string('language', 5).notNullable().defaultTo('ru');
    t.timestamp('last_seen_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'telegram_user_id']);
  });

  await knex.schema.createTable('master_cities', (t) => {
    t.integer('master_id').notNullable().references('masters.id').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE');
    t.primary(['master_id', 'city_id']);
  });
  await knex.schema.createTable('master_kinds', (t) => {
    t.integer('master_id').notNullable().references('masters.id').onDelete('CASCADE');
    t.integer('kind_id').notNullable().references('kinds.id').onDelete('CASCADE');
    t.primary(['master_id', 'kind_id']);
  });

  await knex.schema.createTable('statuses', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('code', 40).notNullable();
    t.string('name_ru', 100).notNullable();
    t.string('name_en', 100).notNullable();
    t.string('color', 20).notNullable();
    t.boolean('closed').notNullable().defaultTo(false);
    t.integer('position').notNullable();
    t.unique(['tenant_id', 'code']);
  });

  await knex.schema.createTable('transitions', (t) => {
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('role', 10).notNullable().checkIn(['manager', 'master', 'system']);
    t.string('from_status', 40).notNullable();
    t.string('to_status', 40).notNullable();
    t.primary(['tenant_id', 'role', 'from_status', 'to_status']);
  });

  await knex.schema.createTable('orders', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('number').notNullable();
    t.string('status', 40).notNullable();
    t.integer('city_id').notNullable().references('cities.id');
    t.integer('kind_id').notNullable().references('kinds.id');
    t.integer('channel_id').notNullable().references('channels.id');
    t.integer('customer_id').references('customers.id');
    t.text('description').notNullable().defaultTo('');
    t.string('street', 300).notNullable().defaultTo('');
    t.string('address', 500).notNullable().defaultTo('');
    t.timestamp('planned_at', { useTz: true });
    t.bigInteger('price').notNullable().defaultTo(0);
    t.bigInteger('commission').notNullable().defaultTo(0);
    t.integer('master_id').references('masters.id');
    t.integer('version').notNullable().defaultTo(1);
    t.string('seo_title', 200).notNullable().defaultTo('');
    t.string('seo_description', 1000).notNullable().defaultTo('');
    t.string('seo_slug', 200).notNullable().defaultTo('');
    t.boolean('published').notNullable().defaultTo(false);
    t.string('no_taker_reason', 40);
    t.timestamp('no_taker_at', { useTz: true });
    t.string('cancel_reason', 500);
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('status_changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'number']);
    t.index(['tenant_id', 'status']);
    t.index(['master_id']);
  });

  await knex.schema.createTable('order_events', (t) => {
    t.bigIncrements('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.bigInteger('seq').notNullable();
    t.integer('order_id').references('orders.id').onDelete('CASCADE');
    t.string('actor_type', 10).notNullable();
    t.integer('actor_id');
    t.string('type', 40).notNullable();
    t.jsonb('data').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'seq']);
    t.index(['order_id']);
  });

  await knex.schema.createTable('order_offers', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('order_id').notNullable().references('orders.id').onDelete('CASCADE');
    t.integer('master_id').notNullable().references('masters.id').onDelete('CASCADE');
    t.integer('wave').notNullable().defaultTo(1);
    t.string('state', 12).notNullable().defaultTo('pending').checkIn(['pending', 'sent', 'accepted', 'closed', 'failed']);
    t.bigInteger('chat_id');
    t.integer('message_id');
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['order_id', 'master_id']);
    t.index(['state']);
  });

  await knex.schema.createTable('order_photos', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('order_id').notNullable().references('orders.id').onDelete('CASCADE');
    t.integer('master_id').references('masters.id');
    t.string('file_path', 500).notNullable();
    t.string('mime', 100).notNullable().defaultTo('image/jpeg');
    t.string('telegram_file_id', 200);
    t.boolean('approved').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('payments', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('order_id').notNullable().references('orders.id');
    t.integer('master_id').references('masters.id');
    t.bigInteger('amount').notNullable();
    t.string('currency', 3).notNullable().defaultTo('RUB');
    t.string('method', 12).notNullable().checkIn(['telegram', 'stars', 'card', 'invoice', 'cash']);
    t.string('telegram_payment_charge_id', 200).unique();
    t.string('provider_payment_charge_id', 200);
    t.integer('created_by').references('users.id');
    t.string('note', 500);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('price_items', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE');
    t.integer('kind_id').notNullable().references('kinds.id').onDelete('CASCADE');
    t.string('name', 300).notNullable();
    t.string('unit', 40).notNullable().defaultTo('шт');
    t.bigInteger('price').notNullable();
    t.integer('position').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('expenses', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('channel_id').references('channels.id');
    t.integer('city_id').references('cities.id');
    t.date('spent_on').notNullable();
    t.bigInteger('amount').notNullable();
    t.string('note', 500).notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'spent_on']);
  });

  await knex.schema.createTable('chat_messages', (t) => {
    t.increments('id');
    t.integer('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('master_id').notNullable().references('masters.id').onDelete('CASCADE');
    t.string('direction', 3).notNullable().checkIn(['in', 'out']);
    t.integer('user_id').references('users.id');
    t.text('text').notNullable();
    t.string('delivery', 10).notNullable().defaultTo('delivered').checkIn(['pending', 'delivered', 'failed']);
    t.string('error', 500);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['master_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'chat_messages', 'expenses', 'price_items', 'payments', 'order_photos', 'order_offers', 'order_events', 'orders',
    'transitions', 'statuses', 'master_kinds', 'master_cities', 'masters', 'customers', 'channels', 'kinds', 'cities',
    'sessions', 'users', 'tenants',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
