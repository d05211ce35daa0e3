import { formatMoney } from '../../shared/money.ts';
import type { PublicPriceList } from '../../db/prices/queries.ts';
import { escapeHtml } from './html.ts';


/** The city's price list as a small self-contained page, for an <iframe> on the tenant's site. */
export function renderPricePage(list: PublicPriceList): string {
  const sections = list.kinds
    .map(
      (kind) => `<section><h2>${escapeHtml(kind.name)}</h2><table><thead><tr><th>Услуга</th><th>Ед.</th><th class="price">Цена</th></tr></thead><tbody>${kind.items
        .map((item) => `<tr><td>${escapeHtml(item.name)}</td><td>${escapeHtml(item.unit)}</td><td class="price">${escapeHtml(formatMoney(item.price))}</td></tr>`)
        .join('')}</tbody></table></section>`,
    )
    .join('');
  const title = `Цены на услуги — ${list.city.name}`;
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(list.tenant.name)}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px;color:#0f172a;background:#fff}
h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:20px 0 6px}
table{width:100%;border-collapse:collapse}th,td{padding:6px 8px;border-bottom:1px solid #e2e8f0;text-align:left}
th{font-weight:600;color:#475569;font-size:13px}.price{text-align:right;white-space:nowrap}
.empty{color:#64748b}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
${sections || '<p class="empty">Прайс-лист для этого города пока не заполнен.</p>'}
</body></html>`;
}

export function renderNotFoundPage(text = 'Такого прайс-листа нет.'): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Не найдено</title></head><body><p>${escapeHtml(text)}</p></body></html>`;
}
