// Objection models: the typed rows of the tables the code reads (a knex row of a table is a
// ModelObject of its model) and the reads with relations. They are queried with the caller's
// knex or transaction (`Model.query(trx)`), never the global binding, so a read inside an op
// sees the op's own writes. Writes and one-statement reads (the acceptance race, the archive,
// reports) stay in knex.
export { ChatMessage } from './ChatMessage.ts';
export { Customer } from './Customer.ts';
export { Master } from './Master.ts';
export { Expense, PriceItem } from './Money.ts';
export { Order } from './Order.ts';
export { Channel, City, Kind } from './Reference.ts';
export { User } from './User.ts';
