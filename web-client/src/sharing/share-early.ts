// The share page's first script: a few kilobytes, loaded beside the app's and run without waiting for it (the
// build adds it to share.html as an async module: vite.config.ts). It asks for the gallery and its first photos,
// and then for the first screen's pictures themselves, while React is still on its way over a phone's link.
import { askEarly } from '../api/early';
import type { Image, ImageList } from '../api/types';
import { FIRST_SCREEN, shareToken, sharedPicture } from './firstScreen';

const token = shareToken(window.location.pathname);
if (token) {
  const shared = `/api/shared/${encodeURIComponent(token)}`;
  void askEarly(shared).catch(() => undefined);
  askEarly(`${shared}/images`)
    .then(async (response) => {
      if (!response.ok) return; // a password, or a link gone: the page says so once it runs
      const page = (await response.json()) as ImageList;
      page.images.slice(0, FIRST_SCREEN).forEach(preloadPicture);
    })
    .catch(() => undefined);
}

/** The one file the page's `<picture>` will pick: AVIF where it is offered (the browser skips it if unsupported). */
function preloadPicture(image: Image) {
  const sources = sharedPicture(image);
  const srcset = sources.avif ?? sources.img?.srcSet;
  if (!srcset) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'image';
  if (sources.avif) link.type = 'image/avif';
  link.imageSrcset = srcset;
  link.imageSizes = sources.sizes;
  link.fetchPriority = 'high';
  document.head.append(link);
}
