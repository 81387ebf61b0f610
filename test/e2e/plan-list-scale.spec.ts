import { dayInThreeDays } from './cloud-steps';
import { expect, screenshot, test } from './fixtures';

const PLANS = 500;

/** `count` small noop plans in one multi-document YAML, each with its own evening window. */
function manyPlans(count: number): string {
  const day = dayInThreeDays();
  return Array.from({ length: count }, (_, i) => {
    const name = `plan-${String(i).padStart(3, '0')}`;
    const hour = String(17 + (i % 6)).padStart(2, '0');
    return `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernatePlan
metadata:
  name: ${name}
  labels: { team: team-${i % 7} }
spec:
  schedule:
    timezone: UTC
    offHours:
      - { start: "${hour}:00", end: "23:00", daysOfWeek: [${day}] }
  execution:
    strategy: { type: Sequential }
  targets:
    - { name: app, type: noop }
`;
  }).join('---\n');
}

test('a list of 500 plans keeps only a window of rows in the page and shows the others as it scrolls', async ({
  page,
  serve,
}) => {
  const response = await fetch(`${serve.origin}/api/importYaml`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ yaml: manyPlans(PLANS) }),
  });
  expect(response.status).toBe(200);

  await page.goto(serve.url);
  const scroller = page.getByRole('region', { name: `${PLANS} plan(s), scrollable` });
  await expect(scroller).toBeVisible();
  await expect(page.getByRole('table', { name: 'Plans' })).toHaveAttribute(
    'aria-rowcount',
    String(PLANS + 1),
  );
  const rows = page.getByRole('row', { name: /^Plan plan-\d{3}$/ });
  await expect(page.getByRole('row', { name: 'Plan plan-000' })).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);
  await expect(page.getByRole('row', { name: 'Plan plan-250' })).toHaveCount(0);
  await screenshot(page, 'plan-list-500');

  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(page.getByRole('row', { name: 'Plan plan-250' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Plan plan-000' })).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(40);

  // The keyboard scrolls it too: the region takes focus, End goes to the last plan.
  await scroller.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('row', { name: `Plan plan-${PLANS - 1}` })).toBeVisible();

  // Rows have one fixed height, so the scroll height is the whole list's and nothing jumps.
  const heights = await rows.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect().height),
  );
  expect(new Set(heights.map((h) => Math.round(h)))).toEqual(new Set([56]));
});
