import { defineConfig } from '@playwright/test';

// The app under test: the jar (serving the built client) or `vite preview` proxying to it.
const baseURL = process.env.VITRINE_URL ?? 'http://localhost:8080';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e-results/test-output',
  // one browser at a time: the machine has two cores and the app under test needs them too
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    // Debian's Chromium: browsers cannot be downloaded here (no `npx playwright install`)
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
