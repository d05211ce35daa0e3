import type { PhotoUpload } from '../../shared/photos.ts';

// A phone's photo is several megabytes; the request body takes 1 MB. Each picture is redrawn as a
// JPEG a master can read on his phone, smaller steps until it weighs under a third of the body.
const TARGET_BYTES = 240 * 1024;
const steps = [
  { side: 1600, quality: 0.82 },
  { side: 1280, quality: 0.75 },
  { side: 1024, quality: 0.68 },
  { side: 800, quality: 0.6 },
];

/** The picture as the order's photo: a JPEG within the size, in base64; null when the file is no picture the browser can read. */
export async function shrinkPhoto(file: File): Promise<PhotoUpload | null> {
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return null;
  try {
    let blob: Blob | null = null;
    for (const step of steps) {
      const scale = Math.min(1, step.side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', step.quality));
      if (blob && blob.size <= TARGET_BYTES) break;
    }
    return blob ? { mime: 'image/jpeg', data: await base64(blob) } : null;
  } finally {
    bitmap.close();
  }
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
