import { decode, isBlurhashValid } from 'blurhash';

/** The seed's placeholder resolution: decoded at 32×32 and scaled up by CSS (a BlurHash is smooth anyway). */
export const PLACEHOLDER_SIZE = 32;

const cache = new Map<string, Uint8ClampedArray>();
const CACHE_LIMIT = 400;

/** RGBA pixels of a BlurHash (width × height × 4 bytes), or null for a missing or malformed hash. */
export function decodeBlurhash(
  hash: string | null | undefined,
  width = PLACEHOLDER_SIZE,
  height = PLACEHOLDER_SIZE,
): Uint8ClampedArray | null {
  if (!hash || !isBlurhashValid(hash).result) return null;
  const key = `${width}x${height}:${hash}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const pixels = decode(hash, width, height);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, pixels);
  return pixels;
}

/** Paints a BlurHash onto a canvas at the canvas's own size; false when it could not (no hash, no 2D context). */
export function paintBlurhash(canvas: HTMLCanvasElement, hash: string | null | undefined): boolean {
  const pixels = decodeBlurhash(hash, canvas.width, canvas.height);
  if (!pixels) return false;
  const context = canvas.getContext('2d');
  if (!context) return false;
  const imageData = context.createImageData(canvas.width, canvas.height);
  imageData.data.set(pixels);
  context.putImageData(imageData, 0, 0);
  return true;
}

/** The average colour a BlurHash starts with (its DC component), as CSS — a background before the canvas paints. */
export function blurhashAverageColor(hash: string | null | undefined): string | undefined {
  if (!hash || hash.length < 6) return undefined;
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';
  let value = 0;
  for (const char of hash.slice(2, 6)) {
    const digit = digits.indexOf(char);
    if (digit === -1) return undefined;
    value = value * 83 + digit;
  }
  return `#${value.toString(16).padStart(6, '0')}`;
}
