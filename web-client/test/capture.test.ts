import { describe, expect, it } from 'vitest';
import type { Capture } from '../src/api/types';
import { cameraLabel, exposureLabel, exposureSummary, mapLink, takenAtLabel } from '../src/lib/capture';

const canon: Capture = {
  takenAt: '2016-07-10T17:37:46',
  takenAtOffset: null,
  cameraMake: 'Canon',
  cameraModel: 'Canon EOS 5D Mark III',
  lens: null,
  focalLength: 35,
  aperture: 2.8,
  exposureTime: 0.004,
  iso: 400,
  orientation: 1,
  location: null,
};

describe('capture labels', () => {
  it('give the camera clock as it was, whatever the reader’s time zone, with the offset when known', () => {
    expect(takenAtLabel(canon, 'en-GB')).toBe('10 July 2016 at 17:37');
    expect(takenAtLabel({ ...canon, takenAtOffset: '+02:00' }, 'en-GB')).toBe('10 July 2016 at 17:37 (UTC+02:00)');
    expect(takenAtLabel({ ...canon, takenAt: null })).toBeNull();
  });

  it('name the camera once', () => {
    expect(cameraLabel(canon)).toBe('Canon EOS 5D Mark III');
    expect(cameraLabel({ ...canon, cameraMake: 'NIKON CORPORATION', cameraModel: 'NIKON D750' })).toBe('NIKON D750');
    expect(cameraLabel({ ...canon, cameraMake: 'Apple', cameraModel: 'iPhone 15' })).toBe('Apple iPhone 15');
    expect(cameraLabel({ ...canon, cameraModel: null })).toBe('Canon');
  });

  it('write exposures as photographers do', () => {
    expect(exposureLabel(0.004)).toBe('1/250 s');
    expect(exposureLabel(2.5)).toBe('2.5 s');
    expect(exposureSummary(canon)).toBe('ƒ/2.8 · 1/250 s · 35 mm · ISO 400');
    expect(exposureSummary({ ...canon, aperture: null, exposureTime: null, focalLength: null, iso: null })).toBeNull();
  });

  it('link a map only where the position is given', () => {
    expect(mapLink(canon)).toBeNull();
    expect(mapLink({ ...canon, location: { latitude: 38.7075, longitude: -9.1364, altitude: null } })).toBe(
      'https://www.openstreetmap.org/?mlat=38.70750&mlon=-9.13640#map=16/38.70750/-9.13640',
    );
  });
});
