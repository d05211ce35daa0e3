import { useState } from 'preact/hooks';
import type { OrderDTO, OrderPhotoDTO } from '../../shared/types.ts';
import { api } from '../api/orders.ts';
import { errorText } from '../board/actions.ts';
import { useI18n } from '../i18n/index.ts';
import { toast } from '../store/ui.ts';
import './photos.css';

// The website shows finished work (db/orders/publicWorks.ts publishes the same statuses).
const finished = ['done', 'paid'];

/**
 * The order's photos in the drawer: the customer's from intake (offers show the first) and the
 * masters' of the finished work, which a manager puts on the website's works feed or takes off.
 */
export function Photos({ order, photos, canWrite }: { order: OrderDTO; photos: OrderPhotoDTO[]; canWrite: boolean }) {
  const { t } = useI18n();
  // The answer shows at once; the push that follows reloads the list.
  const [changed, setChanged] = useState<Map<number, OrderPhotoDTO>>(new Map());
  const [busy, setBusy] = useState<number | null>(null);
  const done = finished.includes(order.status);
  const setApproved = async (photo: OrderPhotoDTO, approved: boolean) => {
    setBusy(photo.id);
    try {
      const answer = await api.approvePhoto(order.id, photo.id, approved);
      setChanged((map) => new Map(map).set(photo.id, answer.photo));
      toast(t(approved ? 'photos.approvedToast' : 'photos.unapprovedToast'));
    } catch (error) {
      toast(errorText(error), 'error');
    } finally {
      setBusy(null);
    }
  };
  return (
    <ul class="photo-list" data-testid="photos">
      {photos.map((listed) => {
        const photo = changed.get(listed.id) ?? listed;
        const who = photo.intake ? t('photos.intake') : (photo.masterName ?? t('timeline.master'));
        return (
          <li key={photo.id} class={`photo-item${photo.approved ? ' photo-item--public' : ''}`} data-photo={photo.id} data-approved={String(photo.approved)} data-intake={String(photo.intake)}>
            <a href={photo.url} target="_blank" rel="noreferrer" title={who}>
              <img src={photo.url} alt={who} loading="lazy" />
            </a>
            <span class="photo-who">{who}</span>
            {photo.approved && <span class="photo-public">{t('photos.onSite')}</span>}
            {canWrite && !photo.intake && (photo.approved || done) && (
              <button type="button" class="link-button" disabled={busy === photo.id} data-testid={photo.approved ? 'unapprove-photo' : 'approve-photo'} onClick={() => void setApproved(photo, !photo.approved)}>
                {photo.approved ? t('photos.unapprove') : t('photos.approve')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
