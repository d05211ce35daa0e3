import type { OrderDTO } from '../../shared/types.ts';
import { useI18n } from '../i18n/index.ts';

/** «повторный · 3» on a returning customer's order (their orders, this one too), on the board's cards and in the archive. */
export function ReturningMark({ customer }: { customer: OrderDTO['customer'] }) {
  const { t } = useI18n();
  if (!customer || customer.orderCount <= 1) return null;
  return (
    <span class="flag--returning" title={t('card.returningTitle', { n: customer.orderCount })} data-testid="returning">
      {t('card.returning', { n: customer.orderCount })}
    </span>
  );
}
