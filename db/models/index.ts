// Objection models, bound to the knex instance by createDb. Reads with relations use them;
// writes go through db/ops.
export { ChatMessage } from './ChatMessage.ts';
export { Customer } from './Customer.ts';
export { Master } from './Master.ts';
export { Expense, Payment, PriceItem } from './Money.ts';
export { Order, OrderEvent, OrderOffer, OrderPhoto } from './Order.ts';
export { Channel, City, Kind, Status, Transition } from './Reference.ts';
export { Tenant } from './Tenant.ts';
export { Session, User } from './User.ts';
