import { formatMessage, type Language } from '../../../shared/i18n/index.ts';

// The /sandbox page: a Telegram-like chat with the company's bot, as any of its masters or a
// newcomer. Plain HTML and a little script (no build step): it polls the chat and posts what you do.
export const sandboxPage = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Наряд — песочница Telegram</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #0e1621; color: #e9edf1; height: 100vh; display: flex; }
  aside { width: 300px; background: #17212b; border-right: 1px solid #0b1118; display: flex; flex-direction: column; }
  aside header { padding: 14px 16px; font-weight: 600; border-bottom: 1px solid #0b1118; }
  aside header small { display: block; font-weight: 400; color: #8896a4; margin-top: 4px; }
  #people { overflow-y: auto; flex: 1; }
  .person { padding: 10px 16px; cursor: pointer; border-bottom: 1px solid #1f2b38; }
  .person:hover, .person.active { background: #2b5278; }
  .person .meta { color: #8896a4; font-size: 12px; }
  #newcomer { margin: 10px 16px; padding: 9px; border: 0; border-radius: 8px; background: #5288c1; color: #fff; font: inherit; cursor: pointer; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  main > header { padding: 12px 18px; background: #17212b; border-bottom: 1px solid #0b1118; font-weight: 600; }
  main > header small { color: #8896a4; font-weight: 400; margin-left: 8px; }
  #messages { flex: 1; overflow-y: auto; padding: 16px 10%; display: flex; flex-direction: column; gap: 6px; }
  .empty { color: #8896a4; text-align: center; margin-top: 30vh; }
  .bubble { max-width: 520px; padding: 7px 11px; border-radius: 12px; white-space: pre-wrap; word-wrap: break-word; }
  .bot { align-self: flex-start; background: #182533; border-bottom-left-radius: 4px; }
  .user { align-self: flex-end; background: #2b5278; border-bottom-right-radius: 4px; }
  .bubble img { max-width: 100%; border-radius: 8px; display: block; margin-bottom: 4px; background: #0e1621; min-height: 40px; }
  .bubble a { color: #6ab3f3; }
  .edited { color: #8896a4; font-size: 11px; margin-left: 6px; }
  .inline { align-self: flex-start; width: 100%; max-width: 420px; display: flex; flex-direction: column; gap: 4px; margin-top: -2px; }
  .inline .row { display: flex; gap: 4px; }
  .inline button, .keyboard button { flex: 1; padding: 8px 10px; border: 0; border-radius: 8px; background: #2b394a; color: #e9edf1; font: inherit; cursor: pointer; }
  .inline button:hover, .keyboard button:hover { background: #36485d; }
  .invoice { border: 1px solid #5288c1; }
  .invoice b { display: block; }
  .invoice button { margin-top: 8px; width: 100%; padding: 8px; border: 0; border-radius: 8px; background: #5288c1; color: #fff; font: inherit; cursor: pointer; }
  .keyboard { padding: 6px 10%; background: #17212b; display: flex; flex-direction: column; gap: 4px; }
  .keyboard .row { display: flex; gap: 4px; }
  form { display: flex; gap: 6px; padding: 10px 10%; background: #17212b; border-top: 1px solid #0b1118; }
  form input[type=text] { flex: 1; padding: 10px 12px; border-radius: 10px; border: 0; background: #242f3d; color: #e9edf1; font: inherit; }
  form button { padding: 0 14px; border: 0; border-radius: 10px; background: #5288c1; color: #fff; font: inherit; cursor: pointer; }
  form button.icon { background: #242f3d; }
  /* A phone: the list of people above the chat. */
  @media (max-width: 700px) {
    body { flex-direction: column; }
    aside { width: 100%; max-height: 38vh; border-right: 0; border-bottom: 1px solid #0b1118; }
    main { min-height: 62vh; }
    #messages, .keyboard, form { padding-left: 8px; padding-right: 8px; }
  }
  #toast { position: fixed; bottom: 90px; left: 50%; transform: translateX(-50%); background: #000c; padding: 8px 14px; border-radius: 8px; display: none; }
</style>
</head>
<body>
<aside>
  <header>Песочница Telegram<small id="bot"></small><small>Выберите мастера вашей компании и пользуйтесь её ботом, как в Telegram. Заказы отправляет менеджер с доски.</small></header>
  <button id="newcomer">+ Новый мастер (регистрация)</button>
  <div id="people"></div>
</aside>
<main>
  <header id="title">Выберите чат слева</header>
  <div id="messages"><div class="empty">Здесь появится переписка с ботом</div></div>
  <div class="keyboard" id="keyboard"></div>
  <form id="composer" hidden>
    <button type="button" class="icon" id="attach" title="Отправить фото">📎</button>
    <button type="button" class="icon" id="sample" title="Тестовое фото работы">🖼</button>
    <input type="text" id="text" placeholder="Сообщение" autocomplete="off">
    <button type="submit">➤</button>
    <input type="file" id="file" accept="image/jpeg,image/png" hidden>
  </form>
</main>
<div id="toast"></div>
<script>
const statusNames = { approved: 'одобрен', pending: 'на модерации', blocked: 'заблокирован' };
let current = null;
let shownVersion = -1;
let people = [];
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, children = []) => { const node = Object.assign(document.createElement(tag), props); for (const child of children) node.append(child); return node; };

async function api(method, path, body) {
  const response = await fetch('/sandbox/api' + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!response.ok && response.status !== 409) toast((await response.json().catch(() => ({}))).error?.message ?? 'Ошибка ' + response.status);
  return response.status === 204 || !response.ok ? null : response.json();
}

function toast(text) {
  const node = $('toast');
  node.textContent = text;
  node.style.display = 'block';
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (node.style.display = 'none'), 3000);
}

async function loadPeople() {
  const answer = await api('GET', '/people');
  people = answer.people;
  $('bot').textContent = 'Бот @' + answer.bot.username + ' · ' + answer.bot.firstName;
  $('people').replaceChildren(...people.map((person) => {
    const meta = person.status ? [statusNames[person.status], person.onShift ? 'на смене' : '', 'рейтинг ' + person.rating].filter(Boolean).join(' · ') : 'ещё не зарегистрирован';
    // Which offers he can get: his cities and kinds of work.
    const work = [person.cities.join(', ') || (person.status ? 'без города' : ''), person.kinds.join(', ') || (person.status ? 'без видов работ' : '')].filter(Boolean).join(' · ');
    const node = el('div', { className: 'person' + (person.userId === current ? ' active' : '') }, [el('div', { textContent: person.name }), el('div', { className: 'meta', textContent: meta }), ...(work ? [el('div', { className: 'meta work', textContent: work })] : [])]);
    node.dataset.userId = String(person.userId);
    node.onclick = () => select(person.userId);
    return node;
  }));
}

function select(userId) {
  current = userId;
  shownVersion = -1;
  const person = people.find((p) => p.userId === userId);
  $('title').replaceChildren(person ? person.name : String(userId), el('small', { textContent: 'Telegram id ' + userId }));
  $('composer').hidden = false;
  loadPeople();
  refresh();
}

function linkify(text) {
  const parts = text.split(/(https?:\\/\\/\\S+)/g);
  return parts.map((part, i) => (i % 2 ? el('a', { href: part, textContent: part, target: '_blank', rel: 'noopener' }) : document.createTextNode(part)));
}

function money(invoice) {
  return invoice.currency === 'XTR' ? '⭐ ' + invoice.totalAmount : (invoice.totalAmount / 100).toLocaleString('ru-RU') + ' ' + (invoice.currency === 'RUB' ? '₽' : invoice.currency);
}

function render(chat) {
  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  const nodes = [];
  if (chat.messages.length === 0) {
    const start = el('button', { textContent: 'Начать (/start)' });
    start.onclick = () => send('/start');
    nodes.push(el('div', { className: 'empty' }, [el('div', { textContent: 'Чат пуст. ' }), start]));
  }
  for (const message of chat.messages) {
    const bubble = el('div', { className: 'bubble ' + message.from });
    if (message.photo) bubble.append(el('img', { src: '/sandbox/api/files/' + encodeURIComponent(message.photo), alt: 'фото' }));
    if (message.contact) bubble.append('📱 ' + message.contact);
    if (message.invoice) {
      bubble.classList.add('invoice');
      const pay = el('button', { textContent: 'Оплатить ' + money(message.invoice) });
      pay.onclick = async () => {
        pay.disabled = true;
        const result = await api('POST', '/chats/' + current + '/pay');
        if (result && !result.ok) toast(result.error);
        pay.disabled = false;
      };
      bubble.append(el('b', { textContent: message.invoice.title }), message.invoice.description, pay);
    }
    if (message.text) bubble.append(...linkify(message.text));
    if (!message.text && !message.photo && !message.invoice && !message.contact) bubble.append(message.from === 'user' ? '💳 Платёж отправлен' : '…');
    if (message.edited) bubble.append(el('span', { className: 'edited', textContent: 'изменено' }));
    nodes.push(bubble);
    if (message.buttons.length) {
      nodes.push(el('div', { className: 'inline' }, message.buttons.map((row) => el('div', { className: 'row' }, row.map((button) => {
        const node = el('button', { textContent: button.text });
        node.onclick = () => (button.url ? window.open(button.url, '_blank') : api('POST', '/chats/' + current + '/tap', { messageId: message.id, data: button.data }).then(refresh));
        return node;
      })))));
    }
  }
  box.replaceChildren(...nodes);
  if (atBottom || shownVersion === -1) box.scrollTop = box.scrollHeight;
  $('keyboard').replaceChildren(...chat.keyboard.map((row) => el('div', { className: 'row' }, row.map((button) => {
    const node = el('button', { textContent: button.text });
    node.onclick = () => (button.requestContact ? api('POST', '/chats/' + current + '/contact').then(refresh) : send(button.text));
    return node;
  }))));
}

async function refresh() {
  if (current === null) return;
  const userId = current;
  const chat = await api('GET', '/chats/' + userId);
  if (!chat || userId !== current || chat.version === shownVersion) return;
  render(chat);
  shownVersion = chat.version;
}

async function send(text) {
  if (!text.trim() || current === null) return;
  await api('POST', '/chats/' + current + '/text', { text });
  refresh();
}

async function sendPhoto(blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await api('POST', '/chats/' + current + '/photo', { base64: btoa(binary), mime: blob.type === 'image/png' ? 'image/png' : 'image/jpeg' });
  refresh();
}

function samplePhoto() {
  const canvas = el('canvas', { width: 640, height: 480 });
  const g = canvas.getContext('2d');
  const hue = Math.floor(Math.random() * 360);
  g.fillStyle = 'hsl(' + hue + ' 45% 40%)';
  g.fillRect(0, 0, 640, 480);
  g.fillStyle = '#fff';
  g.font = 'bold 40px system-ui';
  g.fillText('Фото работы', 40, 220);
  g.font = '24px system-ui';
  g.fillText(new Date().toLocaleString('ru-RU'), 40, 270);
  canvas.toBlob((blob) => blob && sendPhoto(blob), 'image/jpeg', 0.8);
}

$('composer').onsubmit = (event) => {
  event.preventDefault();
  const text = $('text').value;
  $('text').value = '';
  send(text);
};
$('attach').onclick = () => $('file').click();
$('file').onchange = () => { const file = $('file').files[0]; if (file) sendPhoto(file); $('file').value = ''; };
$('sample').onclick = samplePhoto;
$('newcomer').onclick = async () => { const { person } = await api('POST', '/people'); await loadPeople(); select(person.userId); };
setInterval(refresh, 700);
setInterval(loadPeople, 5000);
loadPeople();
</script>
</body>
</html>
`;

/** Shown instead of the sandbox to someone not logged in: it plays the company's masters. */
export const loginFirstPage = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Наряд — песочница Telegram</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>Песочница Telegram</h1>
<p>Песочница действует от имени мастеров компании, поэтому открыта только её сотрудникам.
<a href="/">Войдите на доске</a> и откройте эту страницу снова.</p>
</body></html>
`;

/** Shown to a manager whose company has no bot in the sandbox: how to connect one. */
export function noBotPage(language: Language): string {
  const say = (key: 'sandbox.title' | 'sandbox.noBot' | 'sandbox.toSettings') => escapeHtml(formatMessage(language, key));
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Наряд — ${say('sandbox.title')}</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>${say('sandbox.title')}</h1>
<p data-testid="sandbox-no-bot">${say('sandbox.noBot')}</p>
<p><a href="/settings">${say('sandbox.toSettings')}</a></p>
</body></html>
`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
