import type { Texts } from './ru.ts';

// The English catalog: the same keys as ru.ts, checked by the Texts type.
export const en: Texts = {
  intro: (company: string) =>
    `Hello! This is the “${company}” bot for masters.\n\n` +
    'Orders in your city and trade arrive here. Whoever taps “Accept” first gets the order and the customer’s contacts.\n\n' +
    'Registration takes a minute.',
  registerButton: '📝 Register',
  languageButton: 'Русский',
  backButton: '« Back',
  policy: (url: string) => `Step 1 of 6. Please read the terms of work:\n${url}\n\nBy tapping “I agree” you accept them.`,
  agreeButton: '✅ I agree',
  phoneAsk: 'Step 2 of 6. Share your phone number with the button below.\nOr type it, e.g. +7 916 123-45-67.',
  phoneButton: '📱 Share my number',
  phoneBad: 'That does not look like a phone number. Tap “📱 Share my number” below or type the full number, e.g. +7 916 123-45-67.',
  phoneNotYours: 'That is someone else’s contact. Tap “📱 Share my number” to send your own.',
  phoneSaved: (phone: string) => `Number ${phone} saved.`,
  nameAsk: 'Step 3 of 6. Type your full name.',
  nameBad: 'Type your first and last name: at least two words, letters only.',
  passportAsk: 'Step 4 of 6. Passport series and number: optional, only the owner of the service sees them. You may skip this.',
  passportBad: 'Type the passport series and number in digits, e.g. 4510 123456, or tap “Skip”.',
  skipButton: 'Skip',
  cityAsk: 'Step 5 of 6. Which city do you work in?',
  kindsAsk: 'Step 6 of 6. Which kinds of work do you take? Tick all that apply and tap “Done”.',
  kindsNone: 'Tick at least one kind of work',
  doneButton: 'Done',
  noCities: 'The company has no cities yet. Please write to a manager.',
  submitted: (name: string) => `Thank you, ${name}! Your application is waiting for moderation.\nI will write here as soon as a manager checks it.`,
  phoneTaken: 'This number is already registered to another master. Type another number or contact a manager.',
  alreadyRegistered: 'You are already registered.',
  pending: 'Your application is waiting for moderation. I will write as soon as a manager checks it.',
  blocked: (reason: string | null) => `⛔ Your access to orders is closed.${reason ? `\nReason: ${reason}` : ''}`,
  approved: '🎉 Your application is approved! Orders will now come to you.\n\nOrders arrive while you are on shift: tap the button below to go on shift.',
  goOnShiftButton: '🟢 Go on shift',

  menuTitle: 'Main menu. While you are on shift, new orders arrive here by themselves.',
  menuToday: '📋 Today',
  menuOrders: '🗂 My orders',
  menuProfile: '👤 Profile',
  menuOnShift: '🟢 On shift',
  menuOffShift: '⚪ Off shift',
  menuDebt: '💰 Commission',
  shiftOn: '🟢 You are on shift: new orders will arrive here.',
  shiftOff: '⚪ You are off shift: no new orders will arrive. To come back, tap “⚪ Off shift”.',
  todayEmpty: 'No orders for today.',
  todayTitle: (date: string) => `Orders for today, ${date}:`,
  ordersTitle: 'My orders. Which ones?',
  ordersInWork: (count: number) => `In progress (${count})`,
  ordersUnpaid: (count: number) => `Unpaid (${count})`,
  ordersPaid: (count: number) => `Paid (${count})`,
  ordersEmpty: 'Nothing here yet.',
  listInWork: 'In progress:',
  listUnpaid: 'Done, commission unpaid:',
  listPaid: 'Paid (latest 20):',
  openButton: (number: number) => `Open #${number}`,
  debtNone: 'You owe no commission. Thank you!',
  debtTotal: (total: string, count: number) => `Commission due: ${total} (${count} ${count === 1 ? 'order' : 'orders'}).`,
  debtOverLimit: (limit: string) => `While you owe more than ${limit}, no new orders arrive.`,
  payOrderButton: (number: number, amount: string) => `💳 Pay #${number} — ${amount}`,

  profile: (p) =>
    `👤 Profile\n\nName: ${p.name}\nPhone: ${p.phone}\nCity: ${p.city}\nKinds of work: ${p.kinds}\nRating: ${p.rating}\n${p.onShift ? '🟢 On shift' : '⚪ Off shift'}\n\nWhat would you like to change?`,
  editName: 'Name',
  editPhone: 'Phone',
  editCity: 'City',
  editKinds: 'Kinds of work',
  cancelButton: 'Cancel',
  profileNameAsk: 'Type your new full name.',
  profilePhoneAsk: 'Share the new number with the button below or type it.',
  profileCityAsk: 'Choose your city:',
  profileKindsAsk: 'Tick the kinds of work and tap “Done”.',
  profileSaved: 'Done, your profile is updated.',
  editCancelled: 'OK, nothing changed.',

  offer: (o) =>
    `🆕 New order #${o.number}\n${o.kind} · ${o.city}\n📍 ${o.street || 'address to be confirmed'}\n📅 ${o.date ?? 'date to be agreed'}\n💰 Price: ${o.price}, commission: ${o.commission}` +
    (o.description ? `\n\n${o.description}` : ''),
  acceptButton: '✅ Accept',
  offerClosed: (o) => `🔒 Order closed\n#${o.number} · ${o.kind} · ${o.street}`,
  acceptedAnswer: 'The order is yours!',
  alreadyTaken: 'Another master has already taken this order.',
  alreadyYours: 'This order is already yours.',
  onlyApproved: 'Only approved masters can take orders.',
  orderCard: (o) =>
    `✅ Order #${o.number}: ${o.status}\n${o.kind} · ${o.city}\n👤 ${o.customer}\n📞 ${o.phone}\n📍 ${o.address}\n📅 ${o.date ?? 'date to be agreed'}\n💰 Price: ${o.price}, commission: ${o.commission}` +
    (o.description ? `\n\n${o.description}` : ''),
  wonHint: 'Call the customer and agree on a time. When the work is done, tap “Done”.',
  rescheduleButton: '🗓 Reschedule',
  completeButton: '✔️ Done',
  statusAccepted: 'in progress',
  statusRescheduled: 'rescheduled',
  statusDone: 'done',
  statusPaid: 'commission paid',
  statusCancelled: 'cancelled',
  orderCancelled: (number: number, reason: string) => `❌ Order #${number} is cancelled.\nReason: ${reason}`,
  orderTakenAway: (number: number) => `Order #${number} went to another master. If that is a mistake, write to a manager.`,

  rescheduleAsk: (number: number) => `When does order #${number} move to? Type a date and time, e.g. 25.12 15:00.`,
  rescheduleBad: 'I could not read the date. Type it like 25.12 15:00 or 25.12.2026.',
  rescheduled: (number: number, date: string) => `Order #${number} moved to ${date}.`,

  photosAsk: (number: number) => `Well done, order #${number} is complete!\nSend photos of the finished work: one or several, an album is fine. Then tap “Done”.`,
  photosReceived: (count: number) => `Photos received: ${count}. Send more or tap “Done”.`,
  photosNone: 'Send a photo first, or tap “No photos”.',
  noPhotosButton: 'No photos',
  photosStored: (count: number) => `Photos saved: ${count}. Thank you!`,
  photosSkipped: 'OK, no photos.',
  photosFailed: 'Could not save the photos. Please send them again.',
  commissionDue: (number: number, amount: string) => `Commission for order #${number}: ${amount}.`,
  payButton: (amount: string) => `💳 Pay the commission ${amount}`,

  invoiceTitle: (number: number) => `Commission, order #${number}`,
  invoiceDescription: (number: number, kind: string) => `Service commission for order #${number} (${kind}).`,
  invoiceLabel: 'Commission',
  paymentsOff: (amount: string) => `Online payment is not set up yet. Transfer ${amount} to the details a manager gives you; they will mark it paid and I will confirm here.`,
  alreadyPaid: (number: number) => `The commission for order #${number} is already paid.`,
  notPayable: 'The commission is paid once the order is done.',
  checkoutAmountChanged: 'The amount has changed: please request a new invoice.',
  checkoutAlreadyPaid: 'The commission for this order is already paid.',
  checkoutUnknown: 'Order not found.',
  checkoutTryAgain: 'Could not check the order, please try again.',
  receipt: (number: number, amount: string, method: string) => `🧾 Commission for order #${number} paid: ${amount}${method}.\nThank you!`,
  ratingUp: (before: number, after: number) => `Your rating went up from ${before} to ${after}: new orders will reach you earlier.`,
  ratingDown: (before: number, after: number) => `Your rating went down from ${before} to ${after}: new orders will reach you later.`,
  ratingSame: (rating: number) => `Your rating stays at ${rating}.`,
  methodTelegram: '',
  methodStars: ' (Telegram Stars)',
  methodCard: ' (card transfer)',
  methodInvoice: ' (by invoice)',
  methodCash: ' (cash)',

  relayed: '✉️ Sent to a manager. The answer will come here.',
  fromManager: (name: string, text: string) => `💬 ${name} (manager):\n${text}`,
  textOnly: 'I pass only text to managers. Please type your message.',
  chatTooLong: (max: number) => `This message is too long: Telegram carries up to ${max} characters. I did not pass it on; please split it into several messages.`,
  photoOutsideFlow: 'I take photos of the work after “Done” on an order. If this is for a manager, describe it in words and I will pass it on.',

  staleButton: 'This button no longer works.',
  notNow: 'Not needed right now. Open the menu: /start',
  failed: 'Something went wrong. Please try again a little later.',
  registerFirst: 'Please register first: /start',
  dateFormat: 'en-GB',
  noDate: 'date to be agreed',

  staff: {
    linked: (name: string, company: string, owner: boolean) =>
      `Done, ${name}: this Telegram is linked to “${company}”.\n\n` +
      `You will get reminders of customers’ dates, new orders from the website, orders nobody took${owner ? ', masters’ messages and the day plan' : ' and masters’ messages'} here — whatever is on in your profile on the site.\n\n` +
      'A customer’s points: /balance and the phone, e.g. /balance +7 916 123-45-67',
    hello: (name: string, company: string) =>
      `${name}, you are staff of “${company}”. The alerts switched on in your profile come here.\n\nA customer’s points: /balance and the phone, e.g. /balance +7 916 123-45-67`,
    codeBad: 'The code is wrong or expired. Get a new one in your profile on the site (Profile → Telegram) and open the link again.',
    masterCannotLink: 'This Telegram is registered as a master. Link another account for staff alerts.',
    balanceAsk: 'Type the customer’s phone after the command, e.g. /balance +7 916 123-45-67',
    balanceBadPhone: (typed: string) => `“${typed}” does not look like a phone number. Example: /balance +7 916 123-45-67`,
    balanceNone: (phone: string) => `No customer with the number ${phone}.`,
    balance: (name: string, phone: string, points: number) =>
      `${name || 'A customer without a name'}, ${phone}\nPoints: ${points} (${points} ₽ can be taken off an order within the limit).`,
    whenAhead: (days: number) => (days === 0 ? 'Today' : days === 1 ? 'Tomorrow' : `In ${days} days`),
    reminder: (r: { when: string; day: string; title: string; customer: string; phone: string; years: number | null; link: string | null }) =>
      `📅 ${r.when}, ${r.day}: ${r.title}\n` +
      `Customer: ${r.customer || 'no name'}, ${r.phone}` +
      (r.years !== null && r.years > 0 ? `\nTurns ${r.years}` : '') +
      (r.link ? `\nCustomer card: ${r.link}` : ''),
    newOrder: (o: { number: number; channel: string; kind: string; city: string; address: string; date: string | null; customer: string; phone: string; description: string; link: string | null }) =>
      `🆕 New order #${o.number} (${o.channel})\n${o.kind}, ${o.city}${o.address ? `, ${o.address}` : ''}\n` +
      `When: ${o.date ?? 'not given'}\nCustomer: ${o.customer || 'no name'}${o.phone ? `, ${o.phone}` : ''}` +
      (o.description ? `\n${o.description}` : '') +
      (o.link ? `\nOpen on the board: ${o.link}` : ''),
    noTaker: (o: { number: number; reason: 'nobody_matches' | 'nobody_accepted'; kind: string; city: string; address: string; link: string | null }) =>
      `⚠️ Order #${o.number} has no taker: ${o.reason === 'nobody_matches' ? 'no matching master on shift' : 'no master accepted in time'}.\n` +
      `${o.kind}, ${o.city}${o.address ? `, ${o.address}` : ''}` +
      (o.link ? `\nOpen on the board: ${o.link}` : ''),
    masterMessage: (m: { master: string; lines: string[]; link: string | null }) =>
      `✉️ Master ${m.master} wrote and nobody has opened the chat:\n` + m.lines.map((line) => `“${line}”`).join('\n') + (m.link ? `\nReply: ${m.link}` : ''),
    dayPlan: (p: { day: string; commission: string; plan: string; short: string; percent: number; done: number }) =>
      `📉 The day plan is not met (${p.day})\nCommission: ${p.commission} of ${p.plan} — ${p.percent}%\nShort by: ${p.short}\nOrders done: ${p.done}`,
  },
};
