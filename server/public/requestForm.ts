import { escapeHtml } from './html.ts';

type Choice = { slug: string; name: string };

// Sends the form as JSON to the same address and shows the answer in words; without it a browser
// would post urlencoded, which the server refuses (sameOrigin). Allowed by its hash (securityHeaders).
export const requestFormScript = `(() => {
  const form = document.getElementById('request');
  const note = document.getElementById('note');
  const button = form.querySelector('button');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
    const body = Object.fromEntries(new FormData(form));
    button.disabled = true;
    note.className = 'note';
    note.textContent = 'Отправляем…';
    try {
      const response = await fetch(location.pathname, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'ru' }, body: JSON.stringify(body) });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        form.hidden = true;
        document.querySelector('.lead').hidden = true;
        note.className = 'note done';
        note.textContent = answer.message;
        return;
      }
      const field = answer.error && answer.error.field && form.elements[answer.error.field];
      if (field) { field.setAttribute('aria-invalid', 'true'); field.focus(); }
      note.className = 'note error';
      note.textContent = (answer.error && answer.error.message) || 'Не получилось отправить. Позвоните нам, пожалуйста';
    } catch {
      note.className = 'note error';
      note.textContent = 'Нет связи. Проверьте интернет и отправьте ещё раз';
    } finally {
      button.disabled = false;
    }
  });
})();`;

const select = (name: string, label: string, choices: Choice[]) =>
  choices.length < 2
    ? ''
    : `<label>${label}<select name="${name}">${choices.map((choice) => `<option value="${escapeHtml(choice.slug)}">${escapeHtml(choice.name)}</option>`).join('')}</select></label>`;

/** The request form for an <iframe> on the company's site: call a courier, order a visit. */
export function renderRequestForm(company: { name: string }, choices: { cities: Choice[]; kinds: Choice[] }): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Заявка · ${escapeHtml(company.name)}</title>
<style>
*{box-sizing:border-box}[hidden]{display:none!important}
body{font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px;color:#0f172a;background:#fff}
main{max-width:560px;margin:0 auto}
h1{font-size:20px;margin:0 0 4px}.company{margin:0 0 4px;color:#475569;font-size:14px;font-weight:600}.lead{margin:0 0 16px;color:#475569;font-size:15px}
form{display:grid;gap:12px}
.pair{display:grid;gap:12px;grid-template-columns:1fr 1fr}
@media (max-width:480px){.pair{grid-template-columns:1fr}}
label{display:grid;gap:4px;font-size:14px;color:#334155;font-weight:500}
input,select,textarea{font:inherit;color:inherit;width:100%;padding:10px 12px;border:1px solid #cbd5e1;border-radius:10px;background:#fff}
textarea{min-height:84px;resize:vertical}
input:focus,select:focus,textarea:focus{outline:2px solid #2563eb;outline-offset:0;border-color:#2563eb}
[aria-invalid]{border-color:#dc2626;background:#fef2f2}
.required::after{content:" *";color:#dc2626}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;font-weight:600;padding:12px 16px;border:0;border-radius:10px;background:#2563eb;color:#fff;cursor:pointer}
button:disabled{opacity:.6;cursor:wait}
.note{margin:12px 0 0;font-size:15px}.note:empty{display:none}
.note.error{color:#b91c1c}.note.done{padding:16px;border-radius:12px;background:#f0fdf4;color:#166534;font-weight:600}
</style></head><body>
<main>
<p class="company">${escapeHtml(company.name)}</p>
<h1>Оставить заявку</h1>
<p class="lead">Оставьте телефон, мы перезвоним и подтвердим время.</p>
<form id="request" novalidate>
<div class="pair">
<label><span class="required">Имя</span><input name="name" autocomplete="name" maxlength="200" required></label>
<label><span class="required">Телефон</span><input name="phone" type="tel" autocomplete="tel" inputmode="tel" placeholder="+7 900 000-00-00" maxlength="40" required></label>
</div>
<label><span class="required">Адрес</span><input name="address" autocomplete="street-address" placeholder="Улица, дом, квартира" maxlength="500" required></label>
<div class="pair">
${select('kind', 'Что нужно сделать', choices.kinds)}
${select('city', 'Город', choices.cities)}
<label>Удобное время<input name="preferredTime" type="datetime-local"></label>
</div>
<label>Комментарий<textarea name="comment" maxlength="2000" placeholder="Что случилось, как пройти, код домофона"></textarea></label>
<div class="trap" aria-hidden="true"><label>Сайт<input name="website" tabindex="-1" autocomplete="off"></label></div>
<button type="submit">Отправить заявку</button>
</form>
<p class="note" id="note" role="status" aria-live="polite"></p>
</main>
<script>${requestFormScript}</script>
</body></html>`;
}
