import { awakeNoopPlan } from './awake-plan';
import { expect, importThroughUi, screenshot, test } from './fixtures';
import { chooseOverride } from './override-steps';

const FAILING_PLAN = `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernatePlan
metadata:
  name: flaky
spec:
  schedule:
    timezone: UTC
    offHours:
      - { start: "01:00", end: "02:00", daysOfWeek: [DAY] }
  execution:
    strategy: { type: Sequential }
  behavior: { mode: Strict, retries: 0 }
  targets:
    - name: cache
      type: noop
      parameters: { failureMode: shutdown, failureMessage: cache node did not answer (simulated) }
`;

test('a failed shutdown shows Needs attention with its message, and Mark awake asks before it acts', async ({
  page,
  serve,
}) => {
  const day =
    ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][(new Date().getUTCDay() + 3) % 7] ?? 'SUN';
  await page.goto(serve.url);
  await importThroughUi(page, FAILING_PLAN.replace('DAY', day));
  await page.getByRole('link', { name: 'flaky', exact: true }).click();
  await chooseOverride(page, 'Hibernate now');
  const badge = page.locator('.plan-title').getByTestId('phase-badge');
  await expect(badge).toHaveText(/Needs attention/, { timeout: 20_000 });
  await expect(
    page.getByRole('alert').filter({ hasText: 'cache node did not answer' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('list', { name: 'Plans by phase' }),
  ).toContainText('Needs attention 1');
  await screenshot(page, 'plan-needs-attention');

  await page.getByRole('button', { name: 'Mark awake' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark awake flaky?' });
  await expect(dialog).toContainText('without running the wake-up');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(badge).toHaveText(/Needs attention/);
  await page.getByRole('button', { name: 'Mark awake' }).click();
  await page
    .getByRole('dialog', { name: 'Mark awake flaky?' })
    .getByRole('button', { name: 'Mark awake' })
    .click();
  await expect(badge).toHaveText(/Awake/);
});

test('keep-awake sets the override and creates no exception; the exception editor validates it', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await importThroughUi(page, awakeNoopPlan());
  await page.getByRole('link', { name: 'demo', exact: true }).click();
  await chooseOverride(page, 'Keep awake', /^3 h\b/);
  // The plan's one override (or back on schedule): manual actions no longer create exceptions.
  await expect(
    page.getByRole('status').filter({ hasText: /demo (stays awake until|is back on schedule)/ }),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /^Exceptions/ })
    .click();
  await expect(page.getByRole('row', { name: /^Exception demo-/ })).toHaveCount(0);
  // Not one exception of any plan: the section shows its empty state, not empty groups.
  await expect(page.getByRole('region', { name: 'No exceptions' })).toBeVisible();
  await screenshot(page, 'exceptions');

  await page.getByRole('link', { name: 'New exception' }).click();
  const form = page.getByRole('form', { name: 'Exception form' });
  await form.getByLabel('Plan', { exact: true }).selectOption('demo');
  await form.getByLabel('Name', { exact: true }).fill('release-week');
  await form.getByLabel('Window 1 end').fill('7pm');
  await expect(form.getByText('"7pm" is not a time')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await form.getByLabel('Window 1 end').fill('19:00');
  await form.getByLabel('Window 1 start').fill('08:00');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  await screenshot(page, 'exception-editor');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = page
    .getByRole('table', { name: 'Active exceptions' })
    .getByRole('row', { name: 'Exception release-week' });
  await expect(saved).toBeVisible();

  // Quick action: ending an active exception moves it to Expired.
  await saved.getByRole('button', { name: /^End now/ }).click();
  await expect(
    page
      .getByRole('table', { name: 'Expired exceptions' })
      .getByRole('row', { name: 'Exception release-week' }),
  ).toBeVisible();
  await screenshot(page, 'exceptions-grouped');
});

test('connections are added through the form, and settings show the data directory and save', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /^Connections/ })
    .click();
  await expect(page.getByRole('heading', { name: 'No connections' })).toBeVisible();
  await page.getByRole('link', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Connection form' });
  await form.getByLabel('Name', { exact: true }).fill('aws-dev');
  await form.getByLabel('Region').fill('frankfurt');
  await expect(form.getByText('is not an AWS region')).toBeVisible();
  await form.getByLabel('Region').fill('eu-central-1');
  await form.getByLabel('AWS profile').fill('dev');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('row', { name: 'Connection aws-dev' })).toContainText(
    'profile dev · eu-central-1',
  );
  await screenshot(page, 'connections');

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /^Settings/ })
    .click();
  await expect(page.getByRole('region', { name: 'About this engine' })).toContainText(
    serve.dataDir,
  );
  const headsUp = page.getByLabel('Heads-up minutes');
  await headsUp.fill('15');
  await page.getByRole('checkbox', { name: 'Heads-up before a hibernation' }).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await screenshot(page, 'settings');
  await page.reload();
  await expect(page.getByLabel('Heads-up minutes')).toHaveValue('15');
  await expect(
    page.getByRole('checkbox', { name: 'Heads-up before a hibernation' }),
  ).not.toBeChecked();

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /^Activity/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Recent operations' })).toBeVisible();
});
