/**
 * The text of the QR code in a picture (a photo of a certificate), read in the browser: jsQR is
 * loaded only here, by a dynamic import, so it stays out of the console's first load. Big photos
 * are scaled down first (a phone's 12 megapixels take seconds otherwise). Undefined when no code is found.
 */
export async function readQr(file: Blob): Promise<string | undefined> {
  const [{ default: jsQR }, bitmap] = await Promise.all([import('jsqr'), createImageBitmap(file)]);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  // A white ground first: a transparent PNG's clear pixels would otherwise read as black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);
  return jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data || undefined;
}
