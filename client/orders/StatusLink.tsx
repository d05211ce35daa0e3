import { useState } from 'preact/hooks';
import type { OrderDTO } from '../../shared/types.ts';
import { api } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { attempt } from '../ui/attempt.ts';
import { CopyField } from '../ui/CopyField.tsx';

/** In the drawer: the customer's status page, fetched on demand, to send by hand (a messenger, a call). */
export function StatusLink({ order }: { order: OrderDTO }) {
  const { t } = useI18n();
  const [link, setLink] = useState<{ orderId: number; link: string } | null>(null);
  const show = () => void attempt(() => api.statusLink(order.id)).then((answer) => answer && setLink({ orderId: order.id, link: answer.link }));
  return (
    <div class="field field--wide" data-testid="status-link">
      {link?.orderId === order.id ? (
        <>
          <span class="field-label">{t('statusLink.title')}</span>
          <CopyField value={link.link} testid="status-link-value" />
          <span class="muted small">{t('statusLink.hint')}</span>
        </>
      ) : (
        <button type="button" class="button button--ghost" onClick={show}>
          {t('statusLink.show')}
        </button>
      )}
    </div>
  );
}
