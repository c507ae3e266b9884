import { expect, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = path.join(WEB_CLIENT, 'e2e-results');
export const SCREENSHOTS = path.join(RESULTS, 'screenshots');
export const FIXTURES = process.env.VITRINE_FIXTURES ?? '/work/shared/fixtures/images';
export const PASSWORD = 'correct horse battery';

export function fixture(name: string) {
  const file = path.join(FIXTURES, name);
  if (!existsSync(file)) throw new Error(`fixture ${file} is missing (set VITRINE_FIXTURES)`);
  return file;
}

export function uniqueName(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function screenshotPath(name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

export async function signUp(page: Page, username: string, password = PASSWORD) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByText(username)).toBeVisible();
}

export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByText(username)).toBeVisible();
}

/** Waits until every picture on the page has loaded (the placeholders are gone). */
export async function allImagesLoaded(page: Page, selector = '.gi') {
  await expect.poll(async () => page.locator(`${selector}[data-state="loading"]`).count(), { timeout: 30_000 }).toBe(0);
}

/**
 * Collects what the Content-Security-Policy refused on every page of the context (Chromium reports each refusal
 * on the console): a test ends with `expect(violations).toEqual([])`, so a page that needs an inline script, eval or
 * a host the policy does not name fails its test.
 */
export function cspViolations(context: BrowserContext): string[] {
  const violations: string[] = [];
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
