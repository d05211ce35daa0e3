import type { Knex } from 'knex';

export interface PublicWork {
  slug: string;
  title: string;
  description: string;
  city: { name: string; slug: string };
  kind: { name: string; slug: string };
  doneAt: string;
  photos: { url: string }[];
}

// Finished work only; nothing about the customer, the address or the money leaves here.
const finished = ['done', 'paid'];

/** Orders a manager marked for publishing, newest first, with the master's approved photos. */
export async function selectPublicWorks(
  db: Knex,
  tenantId: number,
  query: { city?: string; limit: number; offset: number },
): Promise<{ works: PublicWork[]; total: number }> {
  const rows = db('orders as o')
    .join('cities as c', 'c.id', 'o.city_id')
    .join('kinds as k', 'k.id', 'o.kind_id')
    .where({ 'o.tenant_id': tenantId, 'o.published': true })
    .whereIn('o.status', finished);
  if (query.city) rows.where('c.slug', query.city);
  const [{ count }] = await rows.clone().count({ count: '*' });
  const orders = await rows
    .orderBy('o.status_changed_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .select(
      'o.id', 'o.number', 'o.seo_title', 'o.seo_description', 'o.seo_slug', 'o.status_changed_at',
      'c.name as city_name', 'c.slug as city_slug', 'k.name as kind_name', 'k.slug as kind_slug',
    );
  const photos = orders.length
    ? await db('order_photos').whereIn('order_id', orders.map((o) => o.id)).where({ approved: true }).orderBy('id').select('id', 'order_id')
    : [];
  const works = orders.map((o): PublicWork => ({
    slug: o.seo_slug || `order-${o.number}`,
    title: o.seo_title,
    description: o.seo_description,
    city: { name: o.city_name, slug: o.city_slug },
    kind: { name: o.kind_name, slug: o.kind_slug },
    doneAt: new Date(o.status_changed_at).toISOString(),
    photos: photos.filter((p) => p.order_id === o.id).map((p) => ({ url: `/api/public/photos/${p.id}` })),
  }));
  return { works, total: Number(count) };
}

/** A photo may leave only when approved and its order is published. */
export async function findPublicPhoto(db: Knex, photoId: number): Promise<{ file_path: string; mime: string } | undefined> {
  return db('order_photos as p')
    .join('orders as o', 'o.id', 'p.order_id')
    .where({ 'p.id': photoId, 'p.approved': true, 'o.published': true })
    .whereIn('o.status', finished)
    .first('p.file_path', 'p.mime');
}
