/**
 * A field's human name from a catalog's `fields`: looked up as `<resource>.<path>` (the API's
 * first path segment: masters, prices, public…), then `<path>`, then the path's last part, with
 * array indexes left out (`statuses.3.code` is `statuses.code`); the path itself when unnamed.
 */
export function fieldLabel(fields: Record<string, string>, path: string, resource?: string): string {
  const plain = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  return (resource && fields[`${resource}.${plain}`]) || fields[plain] || fields[plain.split('.').pop()!] || path;
}
