// What a company does, chosen at sign-up: it decides the kinds of work the company starts with.
export const TRADES = ['repair', 'cleaning', 'movers', 'drycleaning', 'flowers', 'other'] as const;
export type Trade = (typeof TRADES)[number];

/** The kinds of work a new company of the trade starts with (Russian, as the board shows them); renamed freely later. */
export const tradeKinds: Record<Trade, readonly string[]> = {
  repair: ['Сантехника', 'Электрика', 'Сборка мебели', 'Ремонт техники', 'Мелкий ремонт'],
  cleaning: ['Поддерживающая уборка', 'Генеральная уборка', 'Уборка после ремонта', 'Мойка окон', 'Химчистка мебели'],
  movers: ['Квартирный переезд', 'Офисный переезд', 'Грузчики', 'Вывоз мусора', 'Сборка и разборка мебели'],
  drycleaning: ['Химчистка одежды', 'Химчистка ковров', 'Химчистка мебели на дому', 'Стирка и глажка', 'Ремонт одежды'],
  flowers: ['Доставка букета', 'Свадебная флористика', 'Оформление мероприятий', 'Цветы по подписке'],
  other: ['Услуга'],
};

/** The one city a new company starts with, there to be renamed. */
export const STARTER_CITY = 'Мой город';
