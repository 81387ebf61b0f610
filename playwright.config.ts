import { defineConfig } from '@playwright/test';

/**
 * The UI runs against the real engine through `hibernator serve`, in Debian's Chromium
 * (`npx playwright install` cannot download browsers here). Build first (`npm run build`: the
 * renderer, and the CLI bundle `serve` runs from); each test starts its own `serve` on a fresh
 * data directory.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
});
