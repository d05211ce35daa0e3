// What a push may change in the customer base: the customers' own events, the bonus ledger, and
// orders (their count, paid total and last order move with them).
export const customerEvents = /^(customers|bonus|orders)\./;
