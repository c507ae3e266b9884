// How a photo was taken, in words people read: the lightbox's info panel asks here.
import type { Capture } from '../api/types';

/** "10 July 2016, 17:37" in the camera's own clock (what the photographer saw), with its offset when known. */
export function takenAtLabel(capture: Capture, locale?: string): string | null {
  if (!capture.takenAt) return null;
  const [date, time = '00:00:00'] = capture.takenAt.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  // formatted as UTC so that the viewer's own time zone never moves the camera's clock
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(wall);
  return capture.takenAtOffset ? `${text} (UTC${capture.takenAtOffset})` : text;
}

/** "Canon EOS 5D Mark III": the model, prefixed by the make unless the model already names it. */
export function cameraLabel(capture: Capture): string | null {
  const make = capture.cameraMake?.trim();
  const model = capture.cameraModel?.trim();
  if (!model) return make || null;
  if (!make || model.toLowerCase().startsWith(make.toLowerCase().split(' ')[0])) return model;
  return `${make} ${model}`;
}

/** "1/250 s" under a second, "2.5 s" above. */
export function exposureLabel(seconds: number | null | undefined): string | null {
  if (!seconds || seconds <= 0) return null;
  if (seconds >= 1) return `${Number(seconds.toFixed(1))} s`;
  return `1/${Math.round(1 / seconds)} s`;
}

/** "ƒ/2.8 · 1/250 s · 35 mm · ISO 400", whatever of it is known. */
export function exposureSummary(capture: Capture): string | null {
  const parts = [
    capture.aperture ? `ƒ/${Number(capture.aperture.toFixed(1))}` : null,
    exposureLabel(capture.exposureTime),
    capture.focalLength ? `${Number(capture.focalLength.toFixed(1))} mm` : null,
    capture.iso ? `ISO ${capture.iso}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A map of where the photo was taken (OpenStreetMap; the API gives the position only to owners and editors). */
export function mapLink(capture: Capture): string | null {
  const where = capture.location;
  if (!where) return null;
  const lat = where.latitude.toFixed(5);
  const lon = where.longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}
