import { expect, test, type Page } from '@playwright/test';
import { allImagesLoaded, cspViolations, fixture, screenshotPath, signIn, signUp, uniqueName } from './support';

const PHOTOS = ['Landscape_1.jpg', 'Portrait_6.jpg', '2569067123_aca715a2ee_o.jpg'];
const WIDTHS = [375, 1440] as const;

test.describe.configure({ mode: 'serial' });

let galleryUrl = '';
let galleryName = '';
let ownerName = '';

async function screenshotsOf(page: Page, layout: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    await allImagesLoaded(page);
    await page.waitForTimeout(400); // the fade-in of the pictures
    await page.screenshot({ path: screenshotPath(`${layout}-${width}`), fullPage: layout !== 'slideshow' });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('sign up, create a gallery, upload photos, browse its layouts and lightbox', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const violations = cspViolations(page.context());
  await page.setViewportSize({ width: 1440, height: 900 });
  const owner = uniqueName('owner');
  ownerName = owner;
  galleryName = `Summer in Lisbon ${owner.slice(-4)}`;

  await test.step('sign up', async () => {
    await signUp(page, owner);
  });

  await test.step('create a private gallery', async () => {
    await page.getByRole('button', { name: 'New gallery' }).click();
    const dialog = page.getByRole('dialog', { name: 'New gallery' });
    await dialog.getByLabel('Name').fill(galleryName);
    await dialog.getByLabel(/Description/).fill('Trams, tiles and the river at dusk.');
    await expect(dialog.getByRole('radio', { name: /Private/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Create gallery' }).click();
    await expect(page).toHaveURL(/\/galleries\/[0-9a-f-]{36}\/masonry$/);
    await expect(page.getByRole('heading', { level: 1, name: galleryName })).toBeVisible();
    await expect(page.getByText('Trams, tiles and the river at dusk.')).toBeVisible();
    await expect(page.getByText('0 images')).toBeVisible();
    galleryUrl = page.url();
  });

  await test.step('upload three photos and follow them to published', async () => {
    // hold the pictures back a moment so the BlurHash placeholders can be seen before them
    let holdImages = true;
    const isVariant = (url: URL) => /\.(webp|avif)$/.test(url.pathname);
    await page.route(isVariant, async (route) => {
      if (holdImages) await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue().catch(() => {});
    });
    await page.getByLabel('Choose photos to upload').setInputFiles(PHOTOS.map(fixture));
    const rows = page.getByRole('list', { name: 'Uploads' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    for (const name of PHOTOS) await expect(rows.filter({ hasText: name })).toHaveCount(1);
    await expect
      .poll(async () => page.locator('.upload[data-state="published"]').count(), { timeout: 120_000 })
      .toBe(3);
    await expect(page.getByText('3 images')).toBeVisible();

    // placeholders first …
    const photos = page.locator('.react-photo-album--photo');
    await expect(photos).toHaveCount(3);
    await expect(
      page.locator('.react-photo-album .gi[data-state="loading"] canvas.gi-placeholder').first(),
    ).toBeVisible();
    const painted = await page
      .locator('.react-photo-album canvas.gi-placeholder')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(16, 16, 1, 1).data[3]);
    expect(painted).toBe(255);
    // … then the images
    holdImages = false;
    await allImagesLoaded(page, '.react-photo-album .gi');
    await expect(page.locator('.react-photo-album .gi[data-state="loaded"] img')).toHaveCount(3);
    await page.unroute(isVariant);
    await page.screenshot({ path: screenshotPath('uploads-1440'), fullPage: true });
    // the panel folds away so the layouts have the page
    await page.getByRole('button', { name: 'Upload photos' }).click();
    await expect(page.locator('#uploads')).toHaveCount(0);
  });

  await test.step('masonry', async () => {
    await expect(page.getByRole('tab', { name: 'Masonry' })).toHaveAttribute('aria-selected', 'true');
    // every picture is a <picture> with AVIF first, a srcset and sizes, and alt text
    const img = page.locator('.react-photo-album picture img').first();
    await expect(img).toHaveAttribute('srcset', /\s\d+w/);
    await expect(img).toHaveAttribute('sizes', /\d+px/);
    await expect(img).toHaveAttribute('alt', /\.jpg$/);
    await screenshotsOf(page, 'masonry');
  });

  await test.step('tiles', async () => {
    await page.getByRole('tab', { name: 'Tiles' }).click();
    await expect(page).toHaveURL(/\/tiles$/);
    await expect(page.locator('.tile')).toHaveCount(3);
    await screenshotsOf(page, 'tiles');
  });

  await test.step('the tabs work with the keyboard', async () => {
    await page.getByRole('tab', { name: 'Tiles' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/\/masonry$/);
    await expect(page.getByRole('tab', { name: 'Masonry' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/\/slideshow$/);
    await expect(page.getByRole('tab', { name: 'Slideshow' })).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('slideshow', async () => {
    await expect(page.locator('.slideshow')).toBeVisible();
    const counter = page.locator('.slideshow-counter');
    await expect(counter).toHaveText('1 / 3');
    await page.getByRole('button', { name: 'Pause slideshow' }).click();
    await expect(page.getByRole('button', { name: 'Play slideshow' })).toBeVisible();
    await page.locator('h1').click(); // focus leaves the tablist
    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText('2 / 3');
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText('1 / 3');
    await expect(page.getByRole('progressbar', { name: 'Position in the slideshow' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
    await screenshotsOf(page, 'slideshow');
  });

  let firstImageUrl = '';
  await test.step('lightbox: open, navigate with the keyboard, close', async () => {
    await page.getByRole('tab', { name: 'Masonry' }).click();
    await allImagesLoaded(page);
    const first = page.locator('.react-photo-album a[data-image-id]').first();
    const firstId = await first.getAttribute('data-image-id');
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/masonry/images/${firstId}$`));
    const lightbox = page.locator('.yarl__root[role="dialog"]');
    await expect(lightbox).toBeVisible();
    firstImageUrl = page.url();
    await page.keyboard.press('ArrowRight');
    await expect(page).not.toHaveURL(firstImageUrl);
    await expect(page).toHaveURL(/\/masonry\/images\/[0-9a-f-]{36}$/);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(firstImageUrl);
    await page.keyboard.press('Escape');
    await expect(lightbox).toHaveCount(0);
    await expect(page).toHaveURL(/\/masonry$/);
    // focus goes back to the photo that was open
    await expect(page.locator(`a[data-image-id="${firstId}"]`)).toBeFocused();
  });

  await test.step('a lightbox URL survives a reload', async () => {
    await page.goto(firstImageUrl);
    const lightbox = page.locator('.yarl__root[role="dialog"]');
    await expect(lightbox).toBeVisible();
    await expect(lightbox.locator('.yarl__slide_current img')).toHaveJSProperty('complete', true);
    await page.waitForTimeout(500); // the lightbox fades in
    await page.screenshot({ path: screenshotPath('lightbox-1440') });
    await page.keyboard.press('ArrowRight');
    await expect(page).not.toHaveURL(firstImageUrl);
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/masonry$/);
    await expect(page.getByRole('heading', { level: 1, name: galleryName })).toBeVisible();
  });

  await test.step('edit the gallery: description and cover', async () => {
    await page.getByRole('button', { name: 'Edit gallery' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit gallery' });
    await dialog.getByLabel(/Description/).fill('Trams, tiles and the river at dusk. Three days in May.');
    const covers = dialog.locator('.cover-option input[type="radio"][value]');
    await expect(covers).toHaveCount(3);
    const coverId = await covers.nth(1).getAttribute('value');
    await dialog.locator(`.cover-option:has(input[value="${coverId}"])`).click();
    await expect(covers.nth(1)).toBeChecked();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Three days in May.')).toBeVisible();
    // the home page shows the gallery with that cover
    await page.getByRole('link', { name: 'Vitrine, home' }).click();
    const card = page.locator('.gallery-card', { hasText: galleryName });
    await expect(card).toBeVisible();
    await expect(card.getByText('yours')).toBeVisible();
    await expect(card.locator('img')).toHaveAttribute('src', new RegExp(coverId!.slice(0, 8)));
  });

  await test.step('create and delete a gallery', async () => {
    await page.getByRole('button', { name: 'New gallery' }).click();
    const dialog = page.getByRole('dialog', { name: 'New gallery' });
    await dialog.getByLabel('Name').fill(`Throwaway ${galleryName}`);
    await dialog.getByRole('button', { name: 'Create gallery' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Throwaway ${galleryName}` })).toBeVisible();
    await page.getByRole('button', { name: 'Edit gallery' }).click();
    await page.getByRole('button', { name: 'Delete this gallery…' }).click();
    await page.getByRole('button', { name: 'Delete gallery' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('.gallery-card', { hasText: galleryName })).toHaveCount(1);
    await expect(page.getByText(`Throwaway ${galleryName}`)).toHaveCount(0);
  });

  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});

test('a private gallery is invisible to another user', async ({ browser }) => {
  expect(galleryUrl, 'the first test created the gallery').not.toBe('');
  const context = await browser.newContext();
  const violations = cspViolations(context);
  const page = await context.newPage();
  await signUp(page, uniqueName('stranger'));
  await expect(page.getByRole('heading', { name: 'Galleries' })).toBeVisible();
  await expect(page.getByText(galleryName)).toHaveCount(0);
  await page.goto(galleryUrl);
  await expect(page.getByRole('heading', { name: 'Gallery not found' })).toBeVisible();
  await expect(page.getByText(galleryName)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('private-404') });
  await context.close();

  // nor to nobody at all
  const anonymous = await browser.newContext();
  violations.push(...cspViolations(anonymous));
  const visitor = await anonymous.newPage();
  await visitor.goto(galleryUrl);
  await expect(visitor.getByRole('heading', { name: 'Gallery not found' })).toBeVisible();
  await anonymous.close();
  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});

test('a password link shows nothing before its password, and nothing at all once revoked', async ({ browser }) => {
  expect(galleryUrl, 'the first test created the gallery').not.toBe('');
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const violations = cspViolations(ownerContext);
  const owner = await ownerContext.newPage();
  await signIn(owner, ownerName);
  await owner.goto(galleryUrl);
  await owner.getByRole('button', { name: 'Share' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Share' });
  await dialog.getByLabel(/Password/).fill('sardines at dusk');
  await dialog.getByLabel(/Label/).fill('friends');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const shareUrl = await dialog.getByLabel(/Your link/).inputValue();
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.locator('.share-item', { hasText: 'friends' })).toContainText('password');
  await owner.screenshot({ path: screenshotPath('share-dialog') });

  // a search engine is asked not to follow share links (and gets a robots.txt, not the app's page)
  const robots = await owner.request.get('/robots.txt');
  expect(robots.headers()['content-type']).toContain('text/plain');
  expect(await robots.text()).toContain('Disallow: /s/');

  // someone else, on a phone, never signed in
  const guestContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  violations.push(...cspViolations(guestContext));
  const guest = await guestContext.newPage();
  await guest.goto(shareUrl);
  await expect(guest.getByRole('heading', { name: 'This gallery is protected' })).toBeVisible();
  await expect(guest.getByText(galleryName)).toHaveCount(0);
  await expect(guest.locator('img')).toHaveCount(0);
  await guest.getByLabel('Password').fill('anchovies');
  await guest.getByRole('button', { name: 'Open gallery' }).click();
  await expect(guest.getByText('That is not the password.')).toBeVisible();
  await guest.getByLabel('Password').fill('sardines at dusk');
  await guest.getByRole('button', { name: 'Open gallery' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: galleryName })).toBeVisible();
  await expect(guest.locator('.share-photo')).toHaveCount(3);
  await allImagesLoaded(guest);
  await guest.screenshot({ path: screenshotPath('share-page-390') });
  const imageUrl = await guest
    .locator('.share-photo img')
    .first()
    .evaluate((img) => (img as HTMLImageElement).currentSrc);
  expect(imageUrl).toContain('/api/shared/');
  expect((await guest.request.get(imageUrl)).status()).toBe(200);

  await test.step('the owner revokes the link: the page and the image URLs it handed out stop', async () => {
    await dialog.getByRole('button', { name: 'Revoke friends' }).click();
    await expect(dialog.locator('.share-item', { hasText: 'friends' })).toContainText('Revoked');
    expect((await guest.request.get(imageUrl)).status()).toBe(410);
    await guest.reload();
    await expect(guest.getByRole('heading', { name: 'This link was revoked' })).toBeVisible();
    await expect(guest.getByText(galleryName)).toHaveCount(0);
    await guest.screenshot({ path: screenshotPath('share-revoked') });
  });

  await ownerContext.close();
  await guestContext.close();
  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});

test('a contributor uploads into a private gallery shared with them; a viewer cannot', async ({ browser }) => {
  test.setTimeout(3 * 60_000);
  expect(galleryUrl, 'the first test created the gallery').not.toBe('');
  const galleryId = /galleries\/([0-9a-f-]{36})/.exec(galleryUrl)![1];
  const contributorName = uniqueName('contributor');
  const viewerName = uniqueName('viewer');

  const contributorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const viewerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const violations = [contributorContext, viewerContext, ownerContext].flatMap((context) => cspViolations(context));
  const contributor = await contributorContext.newPage();
  const viewer = await viewerContext.newPage();
  const owner = await ownerContext.newPage();
  await signUp(contributor, contributorName);
  await signUp(viewer, viewerName);

  await test.step('the owner adds them as members', async () => {
    await signIn(owner, ownerName);
    await owner.goto(galleryUrl);
    await owner.getByRole('button', { name: 'Members' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Members' });
    await dialog.getByLabel('Username').fill(contributorName);
    await dialog.getByLabel('Role', { exact: true }).selectOption('contributor');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.locator('.share-item', { hasText: contributorName })).toBeVisible();
    await dialog.getByLabel('Username').fill(viewerName);
    await dialog.getByLabel('Role', { exact: true }).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.locator('.share-item', { hasText: viewerName })).toBeVisible();
    await dialog.getByLabel('Username').fill('nobody-' + viewerName);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByText(/no account named/)).toBeVisible();
    await owner.screenshot({ path: screenshotPath('members-dialog') });
  });

  await test.step('the contributor finds it shared with them and uploads a photo', async () => {
    await contributor.goto('/');
    const shared = contributor.getByRole('list', { name: 'Shared with you' });
    await expect(shared.getByText(galleryName)).toBeVisible();
    await shared.getByText(galleryName).click();
    await expect(contributor.getByRole('heading', { level: 1, name: galleryName })).toBeVisible();
    await expect(contributor.getByRole('button', { name: 'Edit gallery' })).toHaveCount(0);
    await contributor.getByRole('button', { name: 'Upload photos' }).first().click();
    await contributor.getByLabel('Choose photos to upload').setInputFiles([fixture('Landscape_3.jpg')]);
    await expect
      .poll(async () => contributor.locator('.upload[data-state="published"]').count(), { timeout: 120_000 })
      .toBe(1);
    // it counts in the gallery like the owner's own
    await expect
      .poll(
        async () =>
          ((await (await owner.request.get(`/api/galleries/${galleryId}`)).json()) as { imageCount: number })
            .imageCount,
      )
      .toBe(4);
    await contributor.screenshot({ path: screenshotPath('contributor-uploaded') });
  });

  await test.step('the viewer sees the private gallery but cannot upload', async () => {
    await viewer.setViewportSize({ width: 390, height: 844 });
    await viewer.goto(galleryUrl);
    await expect(viewer.getByRole('heading', { level: 1, name: galleryName })).toBeVisible();
    await expect(viewer.locator('.react-photo-album--photo')).toHaveCount(4);
    await expect(viewer.getByRole('button', { name: 'Upload photos' })).toHaveCount(0);
    // nor review its duplicates: that is for the owner and editors
    await expect(viewer.getByRole('link', { name: 'Find duplicates' })).toHaveCount(0);
    // nor through the API: the server decides, not the missing button
    const xsrf = (await viewerContext.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
    const refused = await viewer.request.post('/api/uploads', {
      headers: { 'X-XSRF-TOKEN': xsrf, 'X-Requested-With': 'XMLHttpRequest' },
      data: { filename: 'Landscape_3.jpg', contentType: 'image/jpeg', size: 1000, galleryId },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('forbidden');
    await viewer.screenshot({ path: screenshotPath('viewer-390') });
  });

  await Promise.all([ownerContext.close(), contributorContext.close(), viewerContext.close()]);
  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});

test('the owner sorts by when photos were taken, reads how one was taken, and tags it', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  expect(galleryUrl, 'the first test created the gallery').not.toBe('');
  const violations = cspViolations(page.context());
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ownerName);
  await page.goto(galleryUrl);

  await test.step('a photo with its camera and date in its file is uploaded', async () => {
    await page.getByRole('button', { name: 'Upload photos' }).first().click();
    await page.getByLabel('Choose photos to upload').setInputFiles([fixture('Landscape_9.jpg')]);
    await expect
      .poll(async () => page.locator('.upload[data-state="published"]').count(), { timeout: 120_000 })
      .toBe(1);
  });

  await test.step('sorted by date taken, the only dated photo comes first, and the order stays in the URL', async () => {
    await page.getByLabel('Sort by').selectOption('taken');
    await expect(page).toHaveURL(/\?sort=taken$/);
    const first = page.locator('.react-photo-album--photo').first();
    await expect(first.getByRole('img')).toHaveAttribute('alt', 'Landscape_9.jpg');
    await page.getByRole('tab', { name: 'Tiles' }).click();
    await expect(page).toHaveURL(/\/tiles\?sort=taken$/);
    await page.getByRole('tab', { name: 'Masonry' }).click();
    await first.click();
    await expect(page).toHaveURL(/\/images\/[0-9a-f-]{36}\?sort=taken$/);
  });

  await test.step('the details panel says when and with what it was taken', async () => {
    await page.getByRole('button', { name: 'Show photo details' }).click();
    const details = page.getByRole('complementary', { name: 'Photo details' });
    await expect(details).toContainText('Canon EOS 5D Mark III');
    await expect(details).toContainText('2016');
    await expect(details).toContainText('ƒ/');
    // no position in this file: no map
    await expect(details.getByRole('link', { name: /map/ })).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('lightbox-details') });
  });

  await test.step('the owner tags it in the lightbox, and the tag filters the gallery', async () => {
    const details = page.getByRole('complementary', { name: 'Photo details' });
    await details.getByLabel('Add a tag').fill('Mountains');
    await details.getByRole('button', { name: 'Add' }).click();
    await expect(details.getByRole('list', { name: 'Tags' })).toContainText('mountains');
    // (Escape in the tag field is the field's: the lightbox closes from its button)
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page).toHaveURL(/\/masonry\?sort=taken$/);
    const filter = page.getByRole('navigation', { name: 'Filter by tag' });
    await filter.getByRole('link', { name: /mountains/ }).click();
    await expect(page).toHaveURL(/\/masonry\?sort=taken&tag=mountains$/);
    await expect(page.locator('.react-photo-album--photo')).toHaveCount(1);
    await page.screenshot({ path: screenshotPath('tag-filter') });
    await filter.getByRole('link', { name: 'All' }).click();
    await expect(page.locator('.react-photo-album--photo')).toHaveCount(5);
  });

  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});

/** The API as the page's signed-in user: its session cookie, and the CSRF token a write needs. */
async function apiAs(page: Page) {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const headers = { 'X-XSRF-TOKEN': xsrf, 'X-Requested-With': 'XMLHttpRequest' };
  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<T> {
    const response = await page.request.fetch(path, { method, headers, data });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }
  return call;
}

interface ApiImage {
  id: string;
  filename: string;
  status: string;
  tags: string[];
}

/** Letters only (a word the search indexes whole), and nobody else's. */
function uniqueWord(prefix: string) {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = prefix;
  for (let i = 0; i < 6; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

test('the owner finds a photo from the header search, misspelt too, and opens it in the lightbox', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  expect(galleryUrl, 'the first test created the gallery').not.toBe('');
  const galleryId = /galleries\/([0-9a-f-]{36})/.exec(galleryUrl)![1];
  const violations = cspViolations(page.context());
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ownerName);
  const api = await apiAs(page);
  // "miradouro…": one word, long enough to be corrected when misspelt
  const word = uniqueWord('miradouro');
  const misspelt = word.replace('miradouro', 'miradoro');

  const photo = await test.step('the owner tags a published photo with a word of its own', async () => {
    const { images } = await api<{ images: ApiImage[] }>(
      'GET',
      `/api/galleries/${galleryId}/images?status=published&limit=50`,
    );
    const portrait = images.find((image) => image.filename === 'Portrait_6.jpg')!;
    expect(portrait.status).toBe('published');
    await api('PUT', `/api/galleries/${galleryId}/images/${portrait.id}/tags`, [...portrait.tags, word]);
    // the search index follows the event a moment later
    await expect
      .poll(
        async () =>
          (await api<{ images: { image: { id: string } }[] }>('GET', `/api/search?q=${word}`)).images.map(
            (match) => match.image.id,
          ),
        { timeout: 30_000 },
      )
      .toContain(portrait.id);
    return portrait;
  });

  const search = page.getByRole('searchbox', { name: 'Search photos' });
  const results = page.getByRole('region', { name: 'Search results' });

  await test.step('typing the word lists the photo, with its gallery; Escape closes the results', async () => {
    await page.goto('/');
    await search.click();
    await search.pressSequentially(word.slice(0, 7), { delay: 40 });
    await search.pressSequentially(word.slice(7), { delay: 40 });
    const hit = results.getByRole('link', { name: /Portrait_6\.jpg/ });
    await expect(hit).toBeVisible();
    await expect(hit).toContainText(galleryName);
    await expect(results.locator(`[data-image-id="${photo.id}"] .gi`)).toHaveCount(1);
    await page.screenshot({ path: screenshotPath('search-1440') });
    await page.keyboard.press('Escape');
    await expect(results).toHaveCount(0);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue(word);
  });

  await test.step('a photo in the results opens in the lightbox of its gallery', async () => {
    await page.keyboard.press('ArrowDown');
    const hit = results.getByRole('link', { name: /Portrait_6\.jpg/ });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page).toHaveURL(new RegExp(`/galleries/${galleryId}/masonry/images/${photo.id}$`));
    await expect(page.locator('.yarl__root[role="dialog"]')).toBeVisible();
    await expect(results).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: galleryName })).toBeVisible();
  });

  await test.step('a misspelt word finds it too; a search with no word says why', async () => {
    await search.fill(misspelt);
    await expect(results.getByRole('link', { name: /Portrait_6\.jpg/ })).toBeVisible();
    await search.fill('!!!');
    await expect(results.getByRole('alert')).toHaveText(/letters or digits/);
  });

  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});

test('the owner reviews the near-duplicates of a gallery and keeps one of two', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  expect(ownerName, 'the first test signed up the owner').not.toBe('');
  const violations = cspViolations(page.context());
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ownerName);
  const api = await apiAs(page);
  const name = `Copies ${ownerName.slice(-4)}`;
  const gallery = await api<{ id: string }>('POST', '/api/galleries', { name, visibility: 'private' });

  await test.step('the same photo twice (two EXIF orientations) and another one are uploaded', async () => {
    await page.goto(`/galleries/${gallery.id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page
      .getByLabel('Choose photos to upload')
      .setInputFiles(['Landscape_1.jpg', 'Landscape_3.jpg', 'concert.jpg'].map(fixture));
    await expect
      .poll(async () => page.locator('.upload[data-state="published"]').count(), { timeout: 120_000 })
      .toBe(3);
    await expect(page.getByText('3 images')).toBeVisible();
  });

  await test.step('"Find duplicates" shows them side by side, one group of two', async () => {
    await page.getByRole('link', { name: 'Find duplicates' }).click();
    await expect(page).toHaveURL(new RegExp(`/galleries/${gallery.id}/duplicates$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Near-duplicates' })).toBeVisible();
    const groups = page.getByRole('list', { name: 'Groups of near-duplicates' }).locator(':scope > li');
    await expect(groups).toHaveCount(1);
    const photos = page.getByRole('list', { name: 'Group 1' }).getByRole('listitem');
    await expect(photos).toHaveCount(2);
    await expect(photos.filter({ hasText: 'Landscape_1.jpg' })).toHaveCount(1);
    await expect(photos.filter({ hasText: 'Landscape_3.jpg' })).toHaveCount(1);
    await expect(photos.filter({ hasText: 'concert.jpg' })).toHaveCount(0);
    await expect(photos.first()).toContainText(/\d+ × \d+/);
    await expect(photos.first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await allImagesLoaded(page);
    await page.screenshot({ path: screenshotPath('duplicates-1440'), fullPage: true });
  });

  await test.step('deleting one of them, after saying so, leaves no group', async () => {
    await page.getByRole('button', { name: 'Delete Landscape_1.jpg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete photo?' });
    await expect(dialog).toContainText('Landscape_1.jpg');
    await dialog.getByRole('button', { name: 'Delete photo' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No near-duplicates in this gallery')).toBeVisible();
    // the server agrees, and the gallery has one photo less
    await expect
      .poll(async () => (await api<{ groups: unknown[] }>('GET', `/api/galleries/${gallery.id}/duplicates`)).groups)
      .toEqual([]);
    await page.getByRole('link', { name: 'Back to the gallery' }).click();
    await expect(page.getByText('2 images')).toBeVisible();
  });

  expect(violations, 'what the Content-Security-Policy refused').toEqual([]);
});
