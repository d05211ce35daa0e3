import { useEffect, useState } from 'preact/hooks';
import type { CustomerDTO } from '../../shared/customers.ts';
import { formatPhone } from '../../shared/phone.ts';
import { customersApi } from '../api/customers.ts';
import { useI18n } from '../i18n/index.ts';
import { attempt } from '../ui/attempt.ts';
import { Modal } from '../ui/Modal.tsx';

/** «Объединить с…»: find the other card of the same person, confirm; its orders, dates and points move here and it is gone. */
export function MergeDialog({ customer, onClose, onDone }: { customer: CustomerDTO; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CustomerDTO[]>([]);
  const [other, setOther] = useState<CustomerDTO | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      customersApi
        .list({ q: q.trim(), limit: 10 })
        .then((answer) => live && setFound(answer.customers.filter((c) => c.id !== customer.id)))
        .catch(() => live && setFound([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  const merge = (picked: CustomerDTO) =>
    attempt(() => customersApi.merge(customer.id, picked.id), t('customers.merged')).then((ok) => {
      if (!ok) return;
      onDone();
      onClose();
    });

  return (
    <Modal title={t('customers.mergeTitle', { name: customer.name })} onClose={onClose}>
      {other ? (
        <div class="modal-form" data-testid="merge-confirm">
          <p>{t('customers.mergeConfirm', { other: other.name, phone: formatPhone(other.phone), name: customer.name })}</p>
          <div class="modal-actions">
            <button type="button" class="button" onClick={() => setOther(null)}>
              {t('crm.cancel')}
            </button>
            <button type="button" class="button button--danger" data-testid="merge-go" onClick={() => void merge(other)}>
              {t('customers.mergeGo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="modal-form">
          <input type="search" name="mergeQuery" placeholder={t('customers.search')} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
          <ul class="crm-list" data-testid="merge-found">
            {found.map((c) => (
              <li key={c.id}>
                <span>
                  {c.name} <span class="muted">{formatPhone(c.phone)}</span>
                </span>
                <button type="button" class="button button--ghost" data-merge={c.id} onClick={() => setOther(c)}>
                  {t('customers.mergePick')}
                </button>
              </li>
            ))}
          </ul>
          {q.trim().length >= 2 && found.length === 0 && <p class="muted small">{t('customers.none')}</p>}
        </div>
      )}
    </Modal>
  );
}
