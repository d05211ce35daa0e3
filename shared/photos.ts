// Photos a manager attaches to an order when taking it (the customer's picture of the job): sent
// as base64 inside the JSON of POST /api/orders, since the board's writes are JSON only.

export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof PHOTO_MIMES)[number];

/** Per photo, decoded. The board shrinks pictures well below it, so several fit the 1 MB body. */
export const PHOTO_MAX_BYTES = 700 * 1024;
export const INTAKE_PHOTOS_MAX = 3;

export interface PhotoUpload {
  mime: PhotoMime;
  /** The file's bytes in base64. */
  data: string;
}
