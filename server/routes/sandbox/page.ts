import { formatMessage, type Language } from '../../../shared/i18n/index.ts';
import { sandboxWords } from './words.ts';

// The /sandbox page: a Telegram-like chat with the company's bot, as any of its masters or a
// newcomer. Plain HTML and a little script (no build step): it polls the chat and posts what you do.
// Its words come from words.ts in the language of the board's switch; the markup names them by `data-say`.
export const sandboxPage = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Telegram</title>
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
  #language { float: right; padding: 2px 8px; border: 1px solid #2b394a; border-radius: 6px; background: none; color: #8896a4; font: 12px system-ui, sans-serif; cursor: pointer; }
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
  <header><button id="language" data-say="otherLanguage"></button><span data-say="title"></span><small id="bot"></small><small data-say="intro"></small></header>
  <button id="newcomer" data-say="newcomer"></button>
  <div id="people"></div>
</aside>
<main>
  <header id="title" data-say="pickChat"></header>
  <div id="messages"><div class="empty" data-say="chatHere"></div></div>
  <div class="keyboard" id="keyboard"></div>
  <form id="composer" hidden>
    <button type="button" class="icon" id="attach" data-say-title="attach">📎</button>
    <button type="button" class="icon" id="sample" data-say-title="samplePhoto">🖼</button>
    <input type="text" id="text" data-say-placeholder="message" autocomplete="off">
    <button type="submit">➤</button>
    <input type="file" id="file" accept="image/jpeg,image/png" hidden>
  </form>
</main>
<div id="toast"></div>
<script>
const language = localStorage.getItem('naryad.locale') === 'en' ? 'en' : 'ru';
const words = ${JSON.stringify(sandboxWords)}[language];
const say = (key) => words[key];
const locale = language === 'en' ? 'en-GB' : 'ru-RU';
document.documentElement.lang = language;
document.title = say('app') + ' — ' + say('title');
for (const node of document.querySelectorAll('[data-say]')) node.textContent = say(node.dataset.say);
for (const node of document.querySelectorAll('[data-say-title]')) node.title = say(node.dataset.sayTitle);
for (const node of document.querySelectorAll('[data-say-placeholder]')) node.placeholder = say(node.dataset.sayPlaceholder);
let current = null;
let shownVersion = -1;
let people = [];
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, children = []) => { const node = Object.assign(document.createElement(tag), props); for (const child of children) node.append(child); return node; };

async function api(method, path, body) {
  const response = await fetch('/sandbox/api' + path, { method, headers: { 'content-type': 'application/json', 'accept-language': language }, body: body ? JSON.stringify(body) : undefined });
  if (!response.ok && response.status !== 409) toast((await response.json().catch(() => ({}))).error?.message ?? say('error') + ' ' + response.status);
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
  $('bot').textContent = say('bot') + ' @' + answer.bot.username + ' · ' + answer.bot.firstName;
  $('people').replaceChildren(...people.map((person) => {
    const meta = person.status ? [say(person.status), person.onShift ? say('onShift') : '', say('rating') + ' ' + person.rating].filter(Boolean).join(' · ') : say('notRegistered');
    // Which offers he can get: his cities and kinds of work.
    const work = [person.cities.join(', ') || (person.status ? say('noCity') : ''), person.kinds.join(', ') || (person.status ? say('noKinds') : '')].filter(Boolean).join(' · ');
    const node = el('div', { className: 'person' + (person.userId === current ? ' active' : '') }, [el('div', { textContent: person.name }), el('div', { className: 'meta', textContent: meta }), ...(work ? [el('div', { className: 'meta work', textContent: work })] : [])]);
    node.dataset.userId = String(person.userId);
    node.onclick = () => select(person.userId);
    return node;
  }));
  showTitle();
}

/** The open chat's name, kept current: a newcomer's changes to his own once he registers. */
function showTitle() {
  if (current === null) return;
  const person = people.find((p) => p.userId === current);
  $('title').replaceChildren(person ? person.name : String(current), el('small', { textContent: say('telegramId') + ' ' + current }));
}

function select(userId) {
  current = userId;
  shownVersion = -1;
  showTitle();
  $('composer').hidden = false;
  loadPeople();
  refresh();
}

function linkify(text) {
  const parts = text.split(/(https?:\\/\\/\\S+)/g);
  return parts.map((part, i) => (i % 2 ? el('a', { href: part, textContent: part, target: '_blank', rel: 'noopener' }) : document.createTextNode(part)));
}

function money(invoice) {
  return invoice.currency === 'XTR' ? '⭐ ' + invoice.totalAmount : (invoice.totalAmount / 100).toLocaleString(locale) + ' ' + (invoice.currency === 'RUB' ? '₽' : invoice.currency);
}

function render(chat) {
  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  const nodes = [];
  if (chat.messages.length === 0) {
    const start = el('button', { textContent: say('start') });
    start.onclick = () => send('/start');
    nodes.push(el('div', { className: 'empty' }, [el('div', { textContent: say('chatEmpty') }), start]));
  }
  for (const message of chat.messages) {
    const bubble = el('div', { className: 'bubble ' + message.from });
    if (message.photo) bubble.append(el('img', { src: '/sandbox/api/files/' + encodeURIComponent(message.photo), alt: say('photo') }));
    if (message.contact) bubble.append('📱 ' + message.contact);
    if (message.invoice) {
      bubble.classList.add('invoice');
      const pay = el('button', { textContent: say('pay') + ' ' + money(message.invoice) });
      pay.onclick = async () => {
        pay.disabled = true;
        const result = await api('POST', '/chats/' + current + '/pay');
        if (result && !result.ok) toast(result.error);
        pay.disabled = false;
      };
      bubble.append(el('b', { textContent: message.invoice.title }), message.invoice.description, pay);
    }
    if (message.text) bubble.append(...linkify(message.text));
    if (!message.text && !message.photo && !message.invoice && !message.contact) bubble.append(message.from === 'user' ? say('paymentSent') : '…');
    if (message.edited) bubble.append(el('span', { className: 'edited', textContent: say('edited') }));
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
  g.fillText(say('workPhoto'), 40, 220);
  g.font = '24px system-ui';
  g.fillText(new Date().toLocaleString(locale), 40, 270);
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
$('newcomer').onclick = async () => { const { person } = await api('POST', '/people', { language }); await loadPeople(); select(person.userId); };
// The same switch as the board's: the page and the newcomers' Telegram take the language chosen.
$('language').onclick = () => { localStorage.setItem('naryad.locale', language === 'en' ? 'ru' : 'en'); location.reload(); };
setInterval(refresh, 700);
setInterval(loadPeople, 5000);
loadPeople();
</script>
</body>
</html>
`;

/** Shown instead of the sandbox to someone not logged in: it plays the company's masters. */
export function loginFirstPage(language: Language): string {
  const say = (key: 'sandbox.title' | 'sandbox.staffOnly' | 'sandbox.logIn' | 'sandbox.thenReopen') => escapeHtml(formatMessage(language, key));
  return simplePage(language, say('sandbox.title'), `<p>${say('sandbox.staffOnly')} <a href="/">${say('sandbox.logIn')}</a> ${say('sandbox.thenReopen')}</p>`);
}

/** Shown to a manager whose company has no bot in the sandbox: how to connect one. */
export function noBotPage(language: Language): string {
  const say = (key: 'sandbox.title' | 'sandbox.noBot' | 'sandbox.toSettings') => escapeHtml(formatMessage(language, key));
  return simplePage(language, say('sandbox.title'), `<p data-testid="sandbox-no-bot">${say('sandbox.noBot')}</p>\n<p><a href="/settings">${say('sandbox.toSettings')}</a></p>`);
}

/** A page of a heading and a few lines of already escaped HTML. */
function simplePage(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(sandboxWords[language].app)} — ${title}</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>${title}</h1>
${body}
</body></html>
`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
