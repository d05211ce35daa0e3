import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../../db/config.ts';
import { DomainError } from '../../../db/core/errors.ts';
import type { StoredPhotoFile } from '../../../db/orders/storePhotos.ts';
import { PHOTO_MAX_BYTES, type PhotoMime, type PhotoUpload } from '../../../shared/photos.ts';

// What each kind of picture starts with: a file is what its bytes say, not what it is called.
const signatures: Record<PhotoMime, { ext: string; is: (bytes: Buffer) => boolean }> = {
  'image/jpeg': { ext: 'jpg', is: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { ext: 'png', is: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/webp': { ext: 'webp', is: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
};

export interface SavedPhotos {
  files: StoredPhotoFile[];
  /** Removes the files again: the order they came with was not created. */
  discard(): Promise<void>;
}

/**
 * Checks the photos sent with a new order and writes them under STORAGE_DIR, before the order's
 * transaction records them (as the bot does with a master's); nothing is written if one is refused.
 */
export async function saveIntakePhotos(config: Pick<Config, 'STORAGE_DIR'>, tenantId: number, uploads: PhotoUpload[]): Promise<SavedPhotos> {
  const decoded = uploads.map((upload, index) => {
    const bytes = Buffer.from(upload.data, 'base64');
    const field = `photos.${index}`;
    if (bytes.length > PHOTO_MAX_BYTES) throw new DomainError('invalid', { key: 'photos.tooLarge', params: { maxKb: PHOTO_MAX_BYTES / 1024 } }, { field });
    if (!signatures[upload.mime].is(bytes)) throw new DomainError('invalid', 'photos.badImage', { field });
    return { bytes, mime: upload.mime };
  });
  const folder = join('intake', String(tenantId));
  if (decoded.length > 0) await mkdir(join(config.STORAGE_DIR, folder), { recursive: true });
  const files: StoredPhotoFile[] = [];
  const discard = () => Promise.all(files.map((file) => rm(join(config.STORAGE_DIR, file.path), { force: true }))).then(() => undefined);
  try {
    for (const photo of decoded) {
      const path = join(folder, `${randomUUID()}.${signatures[photo.mime].ext}`);
      files.push({ path, mime: photo.mime, telegramFileId: null });
      await writeFile(join(config.STORAGE_DIR, path), photo.bytes);
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return { files, discard };
}
