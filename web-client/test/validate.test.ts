import { describe, expect, it } from 'vitest';
import { contentTypeOf, MAX_UPLOAD_BYTES, uploadFilename, validateFile } from '../src/uploads/validate';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('upload validation', () => {
  it('accepts the types the API takes', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/avif']) {
      expect(validateFile(file('photo', type))).toBeNull();
    }
  });

  it('refuses other types, saying why', () => {
    expect(validateFile(file('scan.tiff', 'image/tiff'))).toMatch(/Not a supported image type \(image\/tiff\)/);
    expect(validateFile(file('notes.pdf', 'application/pdf'))).toMatch(/JPEG, PNG, GIF, WebP, HEIC or AVIF/);
    expect(validateFile(file('mystery', ''))).toMatch(/Not a supported image type/);
  });

  it('infers the type from the extension when the browser gives none', () => {
    expect(contentTypeOf(file('IMG_1234.HEIC', ''))).toBe('image/heic');
    expect(contentTypeOf(file('photo.jpeg', ''))).toBe('image/jpeg');
    expect(contentTypeOf(file('photo.jpg', 'image/jpg'))).toBe('image/jpeg');
    expect(validateFile(file('IMG_1234.heic', ''))).toBeNull();
  });

  it('takes up to 50 MB and refuses more, saying how large the file is', () => {
    expect(MAX_UPLOAD_BYTES).toBe(52_428_800);
    expect(validateFile(file('big.jpg', 'image/jpeg', MAX_UPLOAD_BYTES))).toBeNull();
    expect(validateFile(file('huge.jpg', 'image/jpeg', MAX_UPLOAD_BYTES + 1))).toBe(
      'Too large (52.4 MB): at most 50 MB',
    );
  });

  it('refuses an empty file', () => {
    expect(validateFile(file('empty.png', 'image/png', 0))).toBe('The file is empty');
  });

  it('makes a filename the API takes', () => {
    expect(uploadFilename('a/b\\c\u0007.jpg')).toBe('a_b_c_.jpg');
    const long = `${'x'.repeat(300)}.jpeg`;
    expect(uploadFilename(long)).toHaveLength(255);
    expect(uploadFilename(long).endsWith('.jpeg')).toBe(true);
  });
});
