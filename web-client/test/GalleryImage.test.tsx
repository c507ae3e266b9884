import { fireEvent, render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GalleryImage } from '../src/components/GalleryImage';
import { imageProps } from '../src/components/imageProps';
import { image } from './fixtures';

const putImageData = vi.fn();

beforeEach(() => {
  putImageData.mockReset();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () =>
      ({
        createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
        putImageData,
      }) as unknown as CanvasRenderingContext2D,
  );
});

describe('GalleryImage', () => {
  it('renders a picture: AVIF source first, then the WebP img with srcset and the seed sizes', () => {
    const { container } = render(<GalleryImage {...imageProps(image())} size="medium" />);
    const picture = container.querySelector('picture')!;
    const [source, img] = Array.from(picture.children) as [HTMLSourceElement, HTMLImageElement];
    expect(source.tagName).toBe('SOURCE');
    expect(source.type).toBe('image/avif');
    expect(source.getAttribute('srcset')).toBe(
      '/media/g/i/1/small.avif 300w, /media/g/i/1/medium.avif 800w, /media/g/i/1/large.avif 1440w',
    );
    expect(source.getAttribute('sizes')).toBe('(max-width: 768px) 100vw, 800px');
    expect(img.tagName).toBe('IMG');
    expect(img.getAttribute('src')).toBe('/media/g/i/1/medium.webp');
    expect(img.getAttribute('srcset')).toBe(
      '/media/g/i/1/small.webp 300w, /media/g/i/1/medium.webp 800w, /media/g/i/1/large.webp 1440w',
    );
    expect(img.getAttribute('sizes')).toBe('(max-width: 768px) 100vw, 800px');
  });

  it('reserves the aspect ratio and sets the intrinsic size, so nothing shifts', () => {
    const { container } = render(<GalleryImage {...imageProps(image())} size="small" />);
    const box = container.firstElementChild as HTMLElement;
    expect(box.style.aspectRatio).toBe('4000 / 3000');
    const img = container.querySelector('img')!;
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['4000', '3000']);
  });

  it('loads lazily unless it is the priority (first row / LCP) image', () => {
    const lazy = render(<GalleryImage {...imageProps(image())} size="small" />);
    expect(lazy.container.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    const eager = render(<GalleryImage {...imageProps(image())} size="small" priority />);
    const img = eager.container.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
  });

  it('takes its alt text from the API, falling back to the file name', () => {
    const withAlt = render(<GalleryImage {...imageProps(image({ alt: 'Tram 28 in Alfama' }))} size="small" />);
    expect(withAlt.getByAltText('Tram 28 in Alfama')).toBeTruthy();
    const withoutAlt = render(<GalleryImage {...imageProps(image({ alt: '  ' }))} size="small" />);
    expect(withoutAlt.getByAltText('IMG_0042.jpg')).toBeTruthy();
  });

  it('shows the BlurHash placeholder, painted on a 32×32 canvas, until the image has loaded', () => {
    const { container } = render(<GalleryImage {...imageProps(image())} size="small" />);
    const box = container.firstElementChild as HTMLElement;
    const canvas = container.querySelector('canvas')!;
    expect(canvas.classList.contains('gi-placeholder')).toBe(true);
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    expect([canvas.width, canvas.height]).toEqual([32, 32]);
    expect(putImageData).toHaveBeenCalledTimes(1);
    expect(box.dataset.state).toBe('loading');
    expect(box.style.backgroundColor).not.toBe('');

    fireEvent.load(container.querySelector('img')!);
    expect(box.dataset.state).toBe('loaded');
    expect(box.style.backgroundColor).toBe('');
  });

  it('has no placeholder without a BlurHash', () => {
    const { container } = render(<GalleryImage {...imageProps(image({ blurhash: null }))} size="small" />);
    expect(container.querySelector('canvas')).toBeNull();
    expect(container.querySelector('img')).not.toBeNull();
  });

  it('fills the box it is given when cropping (cover)', () => {
    const { container } = render(<GalleryImage {...imageProps(image())} size="thumbnail" fit="cover" />);
    const box = container.firstElementChild as HTMLElement;
    expect(box.classList.contains('gi--cover')).toBe(true);
    expect(box.style.aspectRatio).toBe('');
    expect(container.querySelector('img')!.getAttribute('sizes')).toBe('80px');
  });
});
