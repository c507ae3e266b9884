import { describe, expect, it, vi } from 'vitest';
import { blurhashAverageColor, decodeBlurhash, paintBlurhash, PLACEHOLDER_SIZE } from '../src/lib/blurhash';
import { BLURHASH } from './fixtures';

describe('BlurHash placeholder', () => {
  it('decodes to RGBA pixels of the placeholder size', () => {
    const pixels = decodeBlurhash(BLURHASH);
    expect(pixels).toBeInstanceOf(Uint8ClampedArray);
    expect(pixels).toHaveLength(PLACEHOLDER_SIZE * PLACEHOLDER_SIZE * 4);
    expect(PLACEHOLDER_SIZE).toBe(32);
    // opaque, and not all one colour
    expect(pixels![3]).toBe(255);
    expect(new Set(Array.from(pixels!.filter((_, i) => i % 4 === 0))).size).toBeGreaterThan(4);
  });

  it('decodes at any size asked for', () => {
    expect(decodeBlurhash(BLURHASH, 8, 6)).toHaveLength(8 * 6 * 4);
  });

  it('gives nothing for a missing or malformed hash', () => {
    expect(decodeBlurhash(null)).toBeNull();
    expect(decodeBlurhash('')).toBeNull();
    expect(decodeBlurhash('not a blurhash')).toBeNull();
  });

  it('paints the pixels onto a canvas of its own size', () => {
    const putImageData = vi.fn<(imageData: ImageData, x: number, y: number) => void>();
    const context = {
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData,
    };
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 32;
    vi.spyOn(canvas, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    expect(paintBlurhash(canvas, BLURHASH)).toBe(true);
    const [imageData, x, y] = putImageData.mock.calls[0];
    expect([imageData.width, imageData.height, x, y]).toEqual([32, 32, 0, 0]);
    expect(Array.from(imageData.data.slice(0, 64))).toEqual(Array.from(decodeBlurhash(BLURHASH)!.slice(0, 64)));
  });

  it('does not paint without a hash or a 2D context', () => {
    const canvas = document.createElement('canvas');
    vi.spyOn(canvas, 'getContext').mockReturnValue(null);
    expect(paintBlurhash(canvas, BLURHASH)).toBe(false);
    expect(paintBlurhash(canvas, null)).toBe(false);
  });

  it('knows the average colour from the hash alone', () => {
    expect(blurhashAverageColor(BLURHASH)).toMatch(/^#[0-9a-f]{6}$/);
    expect(blurhashAverageColor(null)).toBeUndefined();
  });
});
