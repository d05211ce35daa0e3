import { useState } from 'preact/hooks';
import { INTAKE_PHOTOS_MAX, type PhotoUpload } from '../../shared/photos.ts';
import { useI18n } from '../i18n/index.ts';
import { shrinkPhoto } from './photoUpload.ts';
import './photos.css';

/** The customer's photos for a new order (sent with it; the masters' offer shows the first). */
export function PhotoPicker({ photos, onChange, disabled }: { photos: PhotoUpload[]; onChange: (photos: PhotoUpload[]) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const [reading, setReading] = useState(false);
  const add = async (files: FileList | null) => {
    const room = INTAKE_PHOTOS_MAX - photos.length;
    const picked = [...(files ?? [])];
    setError(picked.length > room ? t('photos.atMost', { n: INTAKE_PHOTOS_MAX }) : '');
    setReading(true);
    const shrunk = await Promise.all(picked.slice(0, room).map(shrinkPhoto));
    setReading(false);
    if (shrunk.some((photo) => photo === null)) setError(t('photos.notPicture'));
    onChange([...photos, ...shrunk.filter((photo): photo is PhotoUpload => photo !== null)]);
  };
  return (
    <div class="photo-picker field--wide" data-testid="photo-picker">
      <ul class="photo-list">
        {photos.map((photo, index) => (
          <li key={photo.data.slice(-32) + index} class="photo-item" data-intake-photo={index}>
            <img src={`data:${photo.mime};base64,${photo.data}`} alt={t('photos.intake')} />
            <button type="button" class="link-button" disabled={disabled} onClick={() => onChange(photos.filter((_, i) => i !== index))}>
              {t('photos.remove')}
            </button>
          </li>
        ))}
      </ul>
      {photos.length < INTAKE_PHOTOS_MAX && (
        <label class="button photo-add">
          {reading ? t('photos.reading') : t('photos.add')}
          <input
            type="file"
            name="photos"
            accept="image/jpeg,image/png,image/webp"
            multiple
            hidden
            disabled={disabled || reading}
            onChange={(e) => {
              const input = e.currentTarget;
              void add(input.files).finally(() => (input.value = ''));
            }}
          />
        </label>
      )}
      {error && <span class="field-error">{error}</span>}
    </div>
  );
}
