import { awakeNoopPlan } from './awake-plan';
import { expect, importThroughUi, screenshot, test } from './fixtures';

test('without the token from the printed URL the page says where to get it', async ({
  page,
  serve,
}) => {
  await page.goto(`${serve.origin}/`);
  await expect(
    page.getByRole('heading', { name: 'This page needs its access token' }),
  ).toBeVisible();
  await expect(page.getByText('Open the URL printed by')).toBeVisible();
  await screenshot(page, 'token-missing');
});

test('a wrong token is refused with the same advice, and is not kept for the next load', async ({
  page,
  serve,
}) => {
  await page.goto(`${serve.origin}/#token=not-the-token`);
  await expect(
    page.getByRole('heading', { name: 'The access token was not accepted' }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'This page needs its access token' }),
  ).toBeVisible();
});

test('the token survives a reload of the same tab, and the window follows the OS dark theme', async ({
  page,
  serve,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(serve.url);
  await importThroughUi(page, awakeNoopPlan());
  await page.reload();
  await expect(page.getByRole('row', { name: 'Plan demo' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(21, 24, 30)');
  await screenshot(page, 'plan-list-dark');
});
