import { expect, screenshot, test } from './fixtures';

test('the plan editor validates live next to each field, keeps form and YAML in sync, dry-runs and saves', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await page.getByRole('link', { name: 'write a new plan' }).click();
  await expect(page.getByRole('heading', { name: 'New plan' })).toBeVisible();
  const save = page.getByRole('button', { name: 'Save', exact: true });
  const form = page.getByRole('form', { name: 'Plan form' });

  // The template lacks only a name: Save waits for it.
  await expect(save).toBeDisabled();
  await expect(form.getByRole('group', { name: 'Plan' }).locator('.field-errors')).not.toHaveCount(
    0,
  );

  await form.getByLabel('Name', { exact: true }).fill('editor-demo');
  await expect(save).toBeEnabled();

  // A bad time shows its message right under the field, and Save is off until it is fixed.
  const start = form.getByLabel('Window 1 start');
  await start.fill('25:00');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('"25:00" is not a time')).toBeVisible();
  await expect(save).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Validation errors' })).toContainText(
    'spec.schedule.offHours[0].start',
  );
  await screenshot(page, 'editor-invalid');
  await start.fill('20:00');
  await expect(save).toBeEnabled();

  // Form → YAML.
  const yaml = page.getByLabel('Plan YAML');
  await expect(yaml).toHaveValue(/name: editor-demo/);
  await expect(yaml).toHaveValue(/start: "20:00"/);

  // YAML → form: a new target typed in the YAML appears in the form.
  const text = await yaml.inputValue();
  const withCache = text.replace(
    /(\n *targets:\n)( *)- /,
    '$1$2- name: cache\n$2  type: noop\n$2- ',
  );
  expect(withCache).not.toBe(text);
  await yaml.fill(withCache);
  await expect(form.getByLabel('Target 1 name')).toHaveValue('cache');
  await expect(form.getByLabel('Target 2 name')).toHaveValue('example');

  // A day toggle is a pressed button; turning Saturday on for window 1 shows in the YAML.
  await form
    .getByRole('group', { name: 'Window 1 days' })
    .getByRole('button', { name: 'SAT' })
    .click();
  await expect(
    form.getByRole('group', { name: 'Window 1 days' }).getByRole('button', { name: 'SAT' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(yaml).toHaveValue(/daysOfWeek: \[MON, TUE, WED, THU, FRI, SAT\]/);

  // Staged: a target is dragged from one stage to another (a select per target does the same).
  await form.getByLabel('Strategy', { exact: true }).selectOption('Staged');
  await form.getByRole('button', { name: 'Add stage' }).click();
  await form
    .getByRole('list', { name: 'Stage 1 targets' })
    .getByText('cache', { exact: true })
    .dragTo(form.getByRole('list', { name: 'Stage 2 targets' }));
  await expect(yaml).toHaveValue(/name: stage-2\n.*\n *targets: \[cache\]/);
  await expect(form.getByLabel('Stage of cache')).toHaveValue('1');
  await expect(form.getByLabel('Stage of example')).toHaveValue('0');
  await screenshot(page, 'editor-staged');

  await form.getByRole('button', { name: 'Dry run cache' }).click();
  await expect(page.getByRole('region', { name: 'Dry run' })).toContainText('cache');
  await expect(page.getByRole('region', { name: 'Dry run' }).getByRole('status')).toContainText(
    'Dry run:',
  );
  await screenshot(page, 'editor-valid');

  // Leaving with unsaved changes asks first.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /^Settings/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await screenshot(page, 'editor-leave-dialog');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { name: 'New plan' })).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('editor-demo');

  await save.click();
  await expect(page.getByRole('heading', { name: 'editor-demo', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Targets' }).click();
  await expect(page.getByRole('row', { name: 'Target cache' })).toBeVisible();
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByLabel('Plan YAML')).toContainText('start: "20:00"');
});

test('editing an existing plan keeps its name fixed and refuses a schedule that is invalid', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await page.getByRole('link', { name: 'write a new plan' }).click();
  const form = page.getByRole('form', { name: 'Plan form' });
  await form.getByLabel('Name', { exact: true }).fill('existing');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'existing', level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('readonly', '');
  const tz = form.getByLabel('Time zone');
  await tz.fill('Europe/Berln');
  await expect(form.getByText('did you mean "Europe/Berlin"?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await tz.fill('Europe/Berlin');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'existing', level: 1 })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Week schedule in Europe/Berlin' })).toBeVisible();
});
