import { describe, expect, it } from 'vitest';
import { buildSrcSet, getSizes, pictureSources, selectVariant } from '../src/lib/variants';
import { variant, VARIANTS } from './fixtures';

describe('selectVariant', () => {
  it('picks the requested size, WebP before AVIF', () => {
    expect(selectVariant(VARIANTS, 'medium')).toMatchObject({ size: 'medium', format: 'webp', width: 800 });
    expect(selectVariant(VARIANTS, 'thumbnail')).toMatchObject({ size: 'thumbnail', format: 'webp' });
  });

  it('takes AVIF when that is all there is, and honours an explicit format', () => {
    const avifOnly = VARIANTS.filter((v) => v.format === 'avif');
    expect(selectVariant(avifOnly, 'large')).toMatchObject({ size: 'large', format: 'avif' });
    expect(selectVariant(VARIANTS, 'large', 'avif')).toMatchObject({ size: 'large', format: 'avif' });
  });

  it('falls back to the next larger size, then to a smaller one, never to the thumbnail crop first', () => {
    const noMedium = VARIANTS.filter((v) => v.size !== 'medium');
    expect(selectVariant(noMedium, 'medium')).toMatchObject({ size: 'large' });
    const smallOnly = [variant('thumbnail', 'webp', 80, 80), variant('small', 'webp', 300, 200)];
    expect(selectVariant(smallOnly, 'large')).toMatchObject({ size: 'small' });
    expect(selectVariant([variant('thumbnail', 'webp', 80, 80)], 'large')).toMatchObject({ size: 'thumbnail' });
  });

  it('is undefined without variants', () => {
    expect(selectVariant([], 'small')).toBeUndefined();
  });
});

describe('srcset and sizes', () => {
  it('lists every whole-picture width of one format, smallest first', () => {
    const shuffled = [...VARIANTS].reverse();
    expect(buildSrcSet(shuffled, 'webp', 'small')).toBe(
      '/media/g/i/1/small.webp 300w, /media/g/i/1/medium.webp 800w, /media/g/i/1/large.webp 1440w',
    );
    expect(buildSrcSet(VARIANTS, 'avif', 'large')).toBe(
      '/media/g/i/1/small.avif 300w, /media/g/i/1/medium.avif 800w, /media/g/i/1/large.avif 1440w',
    );
  });

  it('uses only the thumbnail crop for thumbnails', () => {
    expect(buildSrcSet(VARIANTS, 'webp', 'thumbnail')).toBe('/media/g/i/1/thumbnail.webp 80w');
  });

  it('keeps one entry per width (a small original gives equal medium and large)', () => {
    const small = [
      variant('small', 'webp', 300, 200),
      variant('medium', 'webp', 600, 400),
      variant('large', 'webp', 600, 400),
    ];
    expect(buildSrcSet(small, 'webp', 'medium')).toBe('/media/g/i/1/small.webp 300w, /media/g/i/1/medium.webp 600w');
  });

  it('follows the seed table for sizes', () => {
    expect(getSizes('thumbnail')).toBe('80px');
    expect(getSizes('small')).toBe('(max-width: 768px) 50vw, 300px');
    expect(getSizes('medium')).toBe('(max-width: 768px) 100vw, 800px');
    expect(getSizes('large')).toBe('100vw');
  });
});

describe('pictureSources', () => {
  it('offers AVIF first and WebP in the img', () => {
    const sources = pictureSources(VARIANTS, 'medium');
    expect(sources.avif).toContain('/media/g/i/1/medium.avif 800w');
    expect(sources.img).toMatchObject({ src: '/media/g/i/1/medium.webp', width: 800, height: 600, format: 'webp' });
    expect(sources.img?.srcSet).toContain('/media/g/i/1/large.webp 1440w');
    expect(sources.sizes).toBe('(max-width: 768px) 100vw, 800px');
  });

  it('leaves AVIF out until its set is complete (WebP variants come first)', () => {
    const partial = VARIANTS.filter((v) => !(v.format === 'avif' && v.size === 'large'));
    expect(pictureSources(partial, 'small').avif).toBeUndefined();
    expect(
      pictureSources(
        VARIANTS.filter((v) => v.format === 'webp'),
        'small',
      ).avif,
    ).toBeUndefined();
  });

  it('leaves AVIF out where it is the larger file of the size asked for', () => {
    const heavierAvif = VARIANTS.map((v) =>
      v.format === 'avif' && v.size === 'small' ? { ...v, bytes: v.bytes * 2 } : v,
    );
    expect(pictureSources(heavierAvif, 'small').avif).toBeUndefined();
    expect(pictureSources(heavierAvif, 'medium').avif).toContain('medium.avif');
  });

  it('takes a sizes override from a layout that knows the rendered width', () => {
    expect(pictureSources(VARIANTS, 'small', '347px').sizes).toBe('347px');
  });

  it('has no img without variants', () => {
    expect(pictureSources([], 'small').img).toBeUndefined();
  });
});
