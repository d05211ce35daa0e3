import type { StatusPageView } from '../../db/orders/statusPage.ts';
import { formatVisit } from '../../shared/visitTime.ts';
import { escapeHtml } from './html.ts';

/** The status pages' Socket.IO namespace: the handshake's token is the key, as for wall screens. */
export const STATUS_NAMESPACE = '/status';
export const STATUS_LINK_GONE = 'gone';

/** What the page shows, worded: rendered into the HTML and pushed live as it changes. */
export interface StatusLines {
  status: string;
  color: string;
  visit: string;
  master: string;
  phone: string;
}

export function statusLines(view: StatusPageView): StatusLines {
  return {
    status: view.status.name,
    color: view.status.color,
    visit: formatVisit(view.plannedAt, view.timezone, view.arrivalWindowMinutes),
    master: view.master ?? '',
    phone: view.companyPhone,
  };
}

// Updates the lines in place from the `status` pushes; the connection state shows at the bottom.
// Allowed by its hash (securityHeaders), so nothing injected into the page could run.
export const statusScript = `(() => {
  const live = document.getElementById('live');
  const say = (state, text) => { live.dataset.state = state; live.textContent = text; };
  const socket = io('${STATUS_NAMESPACE}', { auth: { token: document.body.dataset.token } });
  socket.on('connect', () => say('on', 'Страница обновляется сама'));
  socket.on('disconnect', () => say('off', 'Нет связи, обновим, когда появится'));
  socket.on('connect_error', (error) => error.message === '${STATUS_LINK_GONE}' ? (socket.close(), say('off', 'Ссылка больше не действует')) : say('off', 'Нет связи, обновим, когда появится'));
  socket.on('status', (lines) => {
    for (const [key, value] of Object.entries(lines)) {
      if (key === 'color') { document.body.style.setProperty('--status', value); continue; }
      const field = document.querySelector('[data-field="' + key + '"]');
      if (!field) continue;
      field.textContent = value;
      if (field.tagName === 'A') field.href = 'tel:' + value.replace(/[^+\\d]/g, '');
      const row = field.closest('[data-row]');
      if (row) row.hidden = !value;
    }
  });
})();`;

const row = (label: string, field: keyof StatusLines, value: string, link = false) =>
  `<div class="row" data-row${value ? '' : ' hidden'}><dt>${label}</dt><dd>${
    link ? `<a data-field="${field}" href="tel:${escapeHtml(value.replace(/[^+\d]/g, ''))}">${escapeHtml(value)}</a>` : `<span data-field="${field}">${escapeHtml(value)}</span>`
  }</dd></div>`;

/** The customer's page for one order: what it is at, when the master comes, whom to call. */
export function renderStatusPage(view: StatusPageView, token: string): string {
  const lines = statusLines(view);
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Заказ №${view.number} · ${escapeHtml(view.companyName)}</title>
<style>
*{box-sizing:border-box}
body{--status:${escapeHtml(lines.color)};font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;min-height:100vh;color:#0f172a;background:#f1f5f9;display:flex;justify-content:center;align-items:flex-start;padding:24px 16px}
main{width:100%;max-width:480px;background:#fff;border-radius:16px;box-shadow:0 1px 3px rgba(15,23,42,.08),0 8px 24px rgba(15,23,42,.06);padding:24px}
.company{margin:0 0 16px;color:#475569;font-size:15px;font-weight:600}
h1{margin:0 0 12px;font-size:22px}
.status{display:inline-flex;align-items:center;gap:8px;padding:6px 14px;border-radius:999px;font-weight:600;font-size:17px;background:color-mix(in srgb,var(--status) 14%,#fff);color:#0f172a}
.status::before{content:"";width:10px;height:10px;border-radius:50%;background:var(--status)}
dl{margin:20px 0 0;display:grid;gap:12px}
.row{display:grid;grid-template-columns:140px 1fr;gap:8px;align-items:baseline}
.row[hidden]{display:none}
dt{color:#64748b;font-size:14px}dd{margin:0;font-weight:500}
a{color:#1d4ed8;text-decoration:none;font-weight:600}
.live{margin:24px 0 0;font-size:13px;color:#64748b;display:flex;align-items:center;gap:6px}
.live::before{content:"";width:8px;height:8px;border-radius:50%;background:#94a3b8}
.live[data-state=on]::before{background:#22c55e}
@media (max-width:420px){.row{grid-template-columns:1fr;gap:0}main{padding:20px}}
</style></head><body data-token="${escapeHtml(token)}">
<main>
<p class="company">${escapeHtml(view.companyName)}</p>
<h1>Заказ №${view.number}</h1>
<div class="status"><span data-field="status">${escapeHtml(lines.status)}</span></div>
<dl>
${row('Когда', 'visit', lines.visit)}
${row('Мастер', 'master', lines.master)}
${row('Телефон', 'phone', lines.phone, true)}
</dl>
<p class="live" id="live" data-state="off">Подключаемся…</p>
</main>
<script src="/socket.io/socket.io.min.js"></script>
<script>${statusScript}</script>
</body></html>`;
}

export function renderNoStatusPage(): string {
  return '<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Заказ не найден</title></head><body><p>Такого заказа нет: проверьте ссылку из сообщения или позвоните в компанию.</p></body></html>';
}
