// Lighthouse's mobile preset on the share page, as someone who has never heard of Vitrine opens it on a phone:
// seeds a private gallery of real photos through the API (uploads to the presigned URLs, as the web client does),
// shares it by link, and audits /s/{token} cold, RUNS times. Prints the figures the sharing issue sets targets for.
//   node share-page.mjs BASE_URL FIXTURES_DIR [PHOTOS=24] [RUNS=3]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [base, fixtures, photos = '24', runs = '3'] = process.argv.slice(2);
if (!base || !fixtures) {
  console.error('usage: node share-page.mjs BASE_URL FIXTURES_DIR [PHOTOS] [RUNS]');
  process.exit(2);
}
const PHOTOS = ['Landscape_1.jpg', 'Landscape_2.jpg', 'Landscape_3.jpg', 'Landscape_4.jpg', 'Landscape_5.jpg',
  'Landscape_6.jpg', 'Landscape_7.jpg', 'Landscape_8.jpg', 'Landscape_9.jpg', 'Portrait_6.jpg', 'concert.jpg',
  '2569067123_aca715a2ee_o.jpg'];

const user = { username: `lh${Date.now().toString(36)}`, password: 'lighthouse-password' };
const auth = 'Basic ' + Buffer.from(`${user.username}:${user.password}`).toString('base64');

async function call(method, url, body, headers = {}) {
  const response = await fetch(new URL(url, base), {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: auth, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

await call('POST', '/api/accounts', user, { Authorization: '' });
const gallery = await call('POST', '/api/galleries', {
  name: 'A weekend in Lisbon',
  description: 'Trams, tiles and the river at dusk.',
  visibility: 'private',
});
const uploaded = [];
for (let i = 0; i < Number(photos); i++) {
  const name = PHOTOS[i % PHOTOS.length];
  // the same photo again is the same bytes, which a gallery refuses: bytes after the JPEG's end make it another file
  const bytes = Buffer.concat([readFileSync(path.join(fixtures, name)), Buffer.from(`vitrine-lighthouse-${i}`)]);
  const upload = await call('POST', '/api/uploads', {
    filename: `${i}-${name}`,
    contentType: 'image/jpeg',
    size: bytes.length,
    galleryId: gallery.id,
  });
  const put = await fetch(upload.presignedUrl, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: bytes });
  if (!put.ok) throw new Error(`PUT ${name}: ${put.status}`);
  uploaded.push((await call('POST', `/api/uploads/${upload.uploadId}/confirm`)).id);
}
for (const started = Date.now(); ; ) {
  const page = await call('GET', `/api/galleries/${gallery.id}/images?limit=100`);
  const done = page.images.filter((image) => image.variants.length === 8).length;
  if (done === uploaded.length) break;
  if (Date.now() - started > 600_000) throw new Error(`${done} of ${uploaded.length} processed after 10 minutes`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
}
const link = await call('POST', `/api/galleries/${gallery.id}/share-links`, { label: 'lighthouse' });
console.log(`${uploaded.length} photos published; auditing ${link.url}`);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const results = [];
try {
  for (let run = 0; run < Number(runs); run++) {
    const { lhr } = await lighthouse(link.url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const audit = (id) => lhr.audits[id];
    results.push({
      performance: lhr.categories.performance.score,
      fcp: audit('first-contentful-paint').numericValue,
      lcp: audit('largest-contentful-paint').numericValue,
      cls: audit('cumulative-layout-shift').numericValue,
      tbt: audit('total-blocking-time').numericValue,
      oversized: audit('uses-responsive-images').details?.overallSavingsBytes ?? 0,
      robots: audit('robots-txt').score,
    });
  }
} finally {
  await chrome.kill();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('run  performance  FCP ms  LCP ms  CLS     TBT ms  "Properly size images" KiB  robots.txt valid');
results.forEach((r, i) =>
  console.log(
    `${String(i + 1).padEnd(4)} ${r.performance.toFixed(2).padStart(11)} ${r.fcp.toFixed(0).padStart(7)} ${r.lcp
      .toFixed(0)
      .padStart(7)} ${r.cls.toFixed(3).padStart(6)} ${r.tbt.toFixed(0).padStart(8)} ${(r.oversized / 1024)
      .toFixed(1)
      .padStart(27)}  ${r.robots === 1 ? 'yes' : r.robots === null ? 'n/a' : 'no'}`,
  ),
);
console.log(
  `median: performance ${median(results.map((r) => r.performance)).toFixed(2)} (target ≥ 0.95), LCP ${median(
    results.map((r) => r.lcp),
  ).toFixed(0)} ms (≤ 2500), CLS ${median(results.map((r) => r.cls)).toFixed(3)} (0), oversized images ${(
    median(results.map((r) => r.oversized)) / 1024
  ).toFixed(1)} KiB (< 50)`,
);
