import { useState } from 'preact/hooks';
import type { CustomerDTO } from '../../shared/customers.ts';
import { customersApi } from '../api/customers.ts';
import { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { toast } from '../store/ui.ts';
import { errorText } from '../ui/attempt.ts';
import { Modal } from '../ui/Modal.tsx';

/** "постоянный, vip ,, опт" → ["постоянный", "vip", "опт"] */
const tagsOf = (text: string): string[] => [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];

/** «Новый клиент», or, given a customer, the correction of contacts, tags, notes and consent. */
export function CustomerForm({ customer, onClose, onSaved }: { customer?: CustomerDTO; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(customer?.name ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [email, setEmail] = useState(customer?.email ?? '');
  const [tags, setTags] = useState(customer?.tags.join(', ') ?? '');
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const [sms, setSms] = useState(Boolean(customer?.consent.sms));
  const [mail, setMail] = useState(Boolean(customer?.consent.email));
  const [error, setError] = useState<string | null>(null);
  // The phone is another card's: the person is already a customer, open that card rather than make a twin.
  const [taken, setTaken] = useState<number | null>(null);

  const submit = async () => {
    const body = { name: name.trim(), phone: phone.trim(), email: email.trim() || null, tags: tagsOf(tags), notes: notes.trim(), consent: { sms, email: mail } };
    try {
      const saved = customer ? (await customersApi.update(customer.id, body)).customer : (await customersApi.create(body)).customer;
      toast(customer ? t('crm.saved') : t('customers.created', { name: saved.name }));
      onSaved(saved.id);
      onClose();
    } catch (failure) {
      setError(errorText(failure));
      setTaken(failure instanceof ApiError && failure.customerId !== customer?.id ? (failure.customerId ?? null) : null);
    }
  };

  return (
    <Modal title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.addTitle')} onClose={onClose} wide>
      <form
        class="modal-form crm-form"
        data-testid="customer-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div class="crm-grid2">
          <label class="field">
            <span class="field-label">{t('customers.name')}</span>
            <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field-label">{t('customers.phone')}</span>
            <input name="phone" type="tel" required value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field-label">{t('customers.email')}</span>
            <input name="email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field-label">{t('customers.tagsHint')}</span>
            <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
        </div>
        <label class="field">
          <span class="field-label">{t('customers.notes')}</span>
          <textarea name="notes" rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        </label>
        <label class="field field--check">
          <input type="checkbox" name="consentSms" checked={sms} onChange={(e) => setSms(e.currentTarget.checked)} />
          <span>{t('customers.consentSms')}</span>
        </label>
        <label class="field field--check">
          <input type="checkbox" name="consentEmail" checked={mail} onChange={(e) => setMail(e.currentTarget.checked)} />
          <span>{t('customers.consentEmail')}</span>
        </label>
        {error && (
          <p class="form-error">
            {error}{' '}
            {taken !== null && (
              <button
                type="button"
                class="button button--ghost"
                data-testid="open-taken"
                onClick={() => {
                  onClose();
                  navigate(`/customers/${taken}`);
                }}
              >
                {t('customers.openTaken')}
              </button>
            )}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" class="button" onClick={onClose}>
            {t('crm.cancel')}
          </button>
          <button type="submit" class="button button--primary" data-testid="save-customer">
            {customer ? t('crm.save') : t('customers.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
