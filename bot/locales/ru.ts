// Every text the bot shows a master, in Russian (the default). en.ts mirrors these keys.
import { plural } from '../../shared/i18n/plural.ts';

export const ru = {
  // Registration
  intro: (company: string) =>
    `Здравствуйте! Это бот «${company}» для мастеров.\n\n` +
    'Сюда приходят заказы в вашем городе по вашей специальности. Кто первым нажмёт «Принять», тот и получает заказ вместе с контактами клиента.\n\n' +
    'Регистрация займёт минуту.',
  registerButton: '📝 Регистрация',
  languageButton: 'English',
  backButton: '« Назад',
  policy: (url: string) => `Шаг 1 из 6. Прочитайте правила работы с сервисом:\n${url}\n\nНажимая «Согласен», вы их принимаете.`,
  agreeButton: '✅ Согласен',
  phoneAsk: 'Шаг 2 из 6. Поделитесь номером телефона — нажмите кнопку внизу.\nИли напишите номер, например +7 916 123-45-67.',
  phoneButton: '📱 Отправить номер',
  phoneBad: 'Не похоже на номер телефона. Нажмите «📱 Отправить номер» внизу или напишите номер целиком, например +7 916 123-45-67.',
  phoneNotYours: 'Это чужой контакт. Нажмите «📱 Отправить номер» — так бот получит ваш собственный номер.',
  phoneSaved: (phone: string) => `Номер ${phone} записан.`,
  nameAsk: 'Шаг 3 из 6. Напишите фамилию, имя и отчество.',
  nameBad: 'Напишите фамилию и имя — хотя бы два слова, только буквы.',
  passportAsk: 'Шаг 4 из 6. Серия и номер паспорта — по желанию, их увидит только владелец сервиса. Можно пропустить.',
  passportBad: 'Напишите серию и номер паспорта цифрами, например 4510 123456, или нажмите «Пропустить».',
  skipButton: 'Пропустить',
  cityAsk: 'Шаг 5 из 6. В каком городе вы работаете?',
  kindsAsk: 'Шаг 6 из 6. Какие работы вы берёте? Отметьте все подходящие и нажмите «Готово».',
  kindsNone: 'Отметьте хотя бы один вид работ',
  doneButton: 'Готово',
  noCities: 'В компании пока не заведено ни одного города. Напишите менеджеру — он добавит.',
  submitted: (name: string) =>
    `Спасибо, ${name}! Анкета отправлена на модерацию.\nКак только менеджер её проверит, я напишу вам здесь.`,
  phoneTaken: 'Этот номер уже зарегистрирован у другого мастера. Напишите другой номер или свяжитесь с менеджером.',
  alreadyRegistered: 'Вы уже зарегистрированы.',
  pending: 'Ваша анкета на модерации. Я напишу, как только менеджер её проверит.',
  blocked: (reason: string | null) => `⛔ Доступ к заказам закрыт.${reason ? `\nПричина: ${reason}` : ''}`,
  approved: '🎉 Анкета одобрена! Теперь вам будут приходить заказы.\n\nЗаказы приходят, когда вы на смене: нажмите кнопку ниже, чтобы выйти на смену.',
  goOnShiftButton: '🟢 Выйти на смену',

  // Menu
  menuTitle: 'Главное меню. Когда вы на смене, новые заказы приходят сюда сами.',
  menuToday: '📋 На сегодня',
  menuOrders: '🗂 Мои заказы',
  menuProfile: '👤 Профиль',
  menuOnShift: '🟢 На смене',
  menuOffShift: '⚪ Не на смене',
  menuDebt: '💰 Комиссия',
  shiftOn: '🟢 Вы на смене — новые заказы будут приходить сюда.',
  shiftOff: '⚪ Вы ушли со смены — новые заказы приходить не будут. Чтобы вернуться, нажмите «⚪ Не на смене».',
  todayEmpty: 'На сегодня заказов нет.',
  todayTitle: (date: string) => `Заказы на сегодня, ${date}:`,
  ordersTitle: 'Мои заказы. Что показать?',
  ordersInWork: (count: number) => `В работе (${count})`,
  ordersUnpaid: (count: number) => `Не оплачены (${count})`,
  ordersPaid: (count: number) => `Оплачены (${count})`,
  ordersEmpty: 'Здесь пока пусто.',
  listInWork: 'В работе:',
  listUnpaid: 'Выполнены, комиссия не оплачена:',
  listPaid: 'Оплачены (последние 20):',
  openButton: (number: number) => `Открыть №${number}`,
  debtNone: 'Долгов по комиссии нет — спасибо!',
  debtTotal: (total: string, count: number) => `Комиссия к оплате: ${total} (${count} ${plural(count, 'заказ', 'заказа', 'заказов')}).`,
  debtOverLimit: (limit: string) => `Пока долг больше ${limit}, новые заказы не приходят.`,
  payOrderButton: (number: number, amount: string) => `💳 Оплатить №${number} — ${amount}`,

  // Profile
  profile: (p: { name: string; phone: string; city: string; kinds: string; rating: number; onShift: boolean }) =>
    `👤 Профиль\n\nИмя: ${p.name}\nТелефон: ${p.phone}\nГород: ${p.city}\nВиды работ: ${p.kinds}\nРейтинг: ${p.rating}\n${p.onShift ? '🟢 На смене' : '⚪ Не на смене'}\n\nЧто изменить?`,
  editName: 'Имя',
  editPhone: 'Телефон',
  editCity: 'Город',
  editKinds: 'Виды работ',
  cancelButton: 'Отмена',
  profileNameAsk: 'Напишите новое имя: фамилию, имя и отчество.',
  profilePhoneAsk: 'Отправьте новый номер кнопкой внизу или напишите его.',
  profileCityAsk: 'Выберите город:',
  profileKindsAsk: 'Отметьте виды работ и нажмите «Готово».',
  profileSaved: 'Готово, профиль обновлён.',
  editCancelled: 'Хорошо, ничего не меняем.',

  // Offers
  offer: (o: { number: number; kind: string; city: string; street: string; date: string | null; price: string; commission: string; description: string }) =>
    `🆕 Новый заказ №${o.number}\n${o.kind} · ${o.city}\n📍 ${o.street || 'адрес уточняется'}\n📅 ${o.date ?? 'дата по согласованию'}\n💰 Цена: ${o.price}, комиссия: ${o.commission}` +
    (o.description ? `\n\n${o.description}` : ''),
  acceptButton: '✅ Принять заявку',
  offerClosed: (o: { number: number; kind: string; street: string }) => `🔒 Заявка закрыта\n№${o.number} · ${o.kind} · ${o.street}`,
  acceptedAnswer: 'Заказ ваш!',
  alreadyTaken: 'Заявка уже взята другим мастером.',
  alreadyYours: 'Этот заказ уже ваш.',
  onlyApproved: 'Брать заказы могут только одобренные мастера.',
  orderCard: (o: {
    number: number;
    kind: string;
    city: string;
    customer: string;
    phone: string;
    address: string;
    date: string | null;
    price: string;
    commission: string;
    description: string;
    status: string;
  }) =>
    `✅ Заказ №${o.number} — ${o.status}\n${o.kind} · ${o.city}\n👤 ${o.customer}\n📞 ${o.phone}\n📍 ${o.address}\n📅 ${o.date ?? 'дата по согласованию'}\n💰 Цена: ${o.price}, комиссия: ${o.commission}` +
    (o.description ? `\n\n${o.description}` : ''),
  wonHint: 'Позвоните клиенту и договоритесь о времени. Когда закончите, нажмите «Выполнено».',
  rescheduleButton: '🗓 Перенос',
  completeButton: '✔️ Выполнено',
  statusAccepted: 'в работе',
  statusRescheduled: 'перенесён',
  statusDone: 'выполнен',
  statusPaid: 'комиссия оплачена',
  statusCancelled: 'отменён',
  orderCancelled: (number: number, reason: string) => `❌ Заказ №${number} отменён.\nПричина: ${reason}`,
  orderTakenAway: (number: number) => `Заказ №${number} передан другому мастеру. Если это ошибка, напишите менеджеру.`,

  // Reschedule
  rescheduleAsk: (number: number) => `На когда переносим заказ №${number}? Напишите дату и время, например 25.12 15:00.`,
  rescheduleBad: 'Не понял дату. Напишите, например, 25.12 15:00 или 25.12.2026.',
  rescheduled: (number: number, date: string) => `Заказ №${number} перенесён на ${date}.`,

  // Completion and photos
  photosAsk: (number: number) =>
    `Отлично, заказ №${number} выполнен!\nПришлите фото готовой работы — одно или несколько, можно альбомом. Потом нажмите «Готово».`,
  photosReceived: (count: number) => `Фото получено: ${count}. Пришлите ещё или нажмите «Готово».`,
  photosNone: 'Сначала пришлите фото или нажмите «Без фото».',
  noPhotosButton: 'Без фото',
  photosStored: (count: number) => `Фото сохранены: ${count}. Спасибо!`,
  photosSkipped: 'Хорошо, без фото.',
  photosFailed: 'Не получилось сохранить фото. Попробуйте прислать их ещё раз.',
  commissionDue: (number: number, amount: string) => `Комиссия по заказу №${number}: ${amount}.`,
  payButton: (amount: string) => `💳 Оплатить комиссию ${amount}`,

  // Payment
  invoiceTitle: (number: number) => `Комиссия, заказ №${number}`,
  invoiceDescription: (number: number, kind: string) => `Комиссия сервиса за заказ №${number} (${kind}).`,
  invoiceLabel: 'Комиссия',
  paymentsOff: (amount: string) =>
    `Онлайн-оплата пока не подключена. Переведите ${amount} по реквизитам, которые даст менеджер, — он отметит оплату, и я пришлю подтверждение.`,
  alreadyPaid: (number: number) => `Комиссия по заказу №${number} уже оплачена.`,
  notPayable: 'Комиссию платят после выполнения заказа.',
  checkoutAmountChanged: 'Сумма изменилась — запросите счёт заново.',
  checkoutAlreadyPaid: 'Комиссия по этому заказу уже оплачена.',
  checkoutUnknown: 'Заказ не найден.',
  checkoutTryAgain: 'Не удалось проверить заказ, попробуйте ещё раз.',
  receipt: (number: number, amount: string, method: string) => `🧾 Комиссия по заказу №${number} оплачена: ${amount}${method}.\nСпасибо!`,
  ratingUp: (before: number, after: number) => `Ваш рейтинг вырос с ${before} до ${after} — новые заказы будут приходить вам раньше.`,
  ratingDown: (before: number, after: number) => `Ваш рейтинг снизился с ${before} до ${after} — новые заказы будут приходить вам позже.`,
  ratingSame: (rating: number) => `Ваш рейтинг не изменился: ${rating}.`,
  methodTelegram: '',
  methodStars: ' (звёздами Telegram)',
  methodCard: ' (перевод на карту)',
  methodInvoice: ' (по счёту)',
  methodCash: ' (наличными)',

  // Chat
  relayed: '✉️ Передал менеджеру. Ответ придёт сюда.',
  fromManager: (name: string, text: string) => `💬 ${name} (менеджер):\n${text}`,
  textOnly: 'Я передаю менеджеру только текст. Напишите словами, пожалуйста.',
  chatTooLong: (max: number) => `Слишком длинное сообщение: Telegram пропускает до ${max} знаков. Я его не передал — разбейте на несколько сообщений, пожалуйста.`,
  photoOutsideFlow: 'Фото работы я принимаю после «Выполнено» по заказу. Если это для менеджера — опишите словами, я передам.',

  // Fallbacks
  staleButton: 'Эта кнопка уже не действует.',
  notNow: 'Сейчас это не нужно. Откройте меню: /start',
  failed: 'Что-то пошло не так. Попробуйте ещё раз чуть позже.',
  registerFirst: 'Сначала зарегистрируйтесь: /start',
  dateFormat: 'ru-RU',
  noDate: 'дата по согласованию',

  // Staff (managers and the owner) who linked their Telegram from the profile
  staff: {
    linked: (name: string, company: string, owner: boolean) =>
      `Готово, ${name}: этот Telegram привязан к «${company}».\n\n` +
      `Сюда будут приходить напоминания о датах клиентов, новые заказы с сайта, заказы без исполнителя, сообщения мастеров${owner ? ' и план дня' : ''} — то, что включено в профиле на сайте.\n\n` +
      'Бонусы клиента: /balance и телефон, например /balance +7 916 123-45-67',
    hello: (name: string, company: string) =>
      `${name}, вы сотрудник «${company}». Сюда приходят уведомления, включённые в профиле на сайте.\n\nБонусы клиента: /balance и телефон, например /balance +7 916 123-45-67`,
    codeBad: 'Код не подошёл или устарел. Получите новый в профиле на сайте («Профиль» → «Telegram») и откройте ссылку ещё раз.',
    masterCannotLink: 'Этот Telegram уже зарегистрирован как мастер. Для уведомлений сотрудника привяжите другой аккаунт.',
    balanceAsk: 'Напишите телефон клиента после команды, например: /balance +7 916 123-45-67',
    balanceBadPhone: (typed: string) => `«${typed}» не похоже на номер телефона. Пример: /balance +7 916 123-45-67`,
    balanceNone: (phone: string) => `Клиента с номером ${phone} нет в базе.`,
    balance: (name: string, phone: string, points: number) =>
      `${name || 'Клиент без имени'}, ${phone}\nБонусов: ${points} (${points} ₽ можно списать с заказа в пределах лимита).`,
    whenAhead: (days: number) => (days === 0 ? 'Сегодня' : days === 1 ? 'Завтра' : `Через ${days} ${plural(days, 'день', 'дня', 'дней')}`),
    reminder: (r: { when: string; day: string; title: string; customer: string; phone: string; years: number | null; link: string | null }) =>
      `📅 ${r.when}, ${r.day}: ${r.title}\n` +
      `Клиент: ${r.customer || 'без имени'}, ${r.phone}` +
      (r.years !== null && r.years > 0 ? `\nИсполняется ${r.years} ${plural(r.years, 'год', 'года', 'лет')}` : '') +
      (r.link ? `\nКарточка клиента: ${r.link}` : ''),
    newOrder: (o: { number: number; channel: string; kind: string; city: string; address: string; date: string | null; customer: string; phone: string; description: string; link: string | null }) =>
      `🆕 Новый заказ №${o.number} (${o.channel})\n${o.kind}, ${o.city}${o.address ? `, ${o.address}` : ''}\n` +
      `Когда: ${o.date ?? 'не указано'}\nКлиент: ${o.customer || 'без имени'}${o.phone ? `, ${o.phone}` : ''}` +
      (o.description ? `\n${o.description}` : '') +
      (o.link ? `\nОткрыть на доске: ${o.link}` : ''),
    noTaker: (o: { number: number; reason: 'nobody_matches' | 'nobody_accepted'; kind: string; city: string; address: string; link: string | null }) =>
      `⚠️ Заказ №${o.number} без исполнителя: ${o.reason === 'nobody_matches' ? 'нет подходящих мастеров на смене' : 'никто из мастеров не принял вовремя'}.\n` +
      `${o.kind}, ${o.city}${o.address ? `, ${o.address}` : ''}` +
      (o.link ? `\nОткрыть на доске: ${o.link}` : ''),
    masterMessage: (m: { master: string; lines: string[]; link: string | null }) =>
      `✉️ Мастер ${m.master} написал, а чат никто не открыл:\n` +
      m.lines.map((line) => `«${line}»`).join('\n') +
      (m.link ? `\nОтветить: ${m.link}` : ''),
    dayPlan: (p: { day: string; commission: string; plan: string; short: string; percent: number; done: number }) =>
      `📉 План дня не выполнен (${p.day})\nКомиссия: ${p.commission} из ${p.plan} — ${p.percent}%\nНе хватает: ${p.short}\nВыполнено заказов: ${p.done}`,
  },
};

export type Texts = typeof ru;
