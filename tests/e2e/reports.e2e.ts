import { expect as baseExpect, test } from '@playwright/test';
import { gql } from './support/api.ts';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Reports and the dashboard (issue 7). Names carry a random part and the report period is a
// random week far in the future, so reruns on the same database count only their own events.
const run = Date.now().toString(36);
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const CREATE_CLIENT = 'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }';
const CREATE_EVENT = 'mutation ($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id } } }';

test('a manager opens the reports of a period, sees the client row and downloads the workbook', async ({ page }) => {
  await signIn(page, demoEmails.manager);
  const year = 2040 + Math.floor(Math.random() * 40);
  const from = `${year}-06-01`;
  const to = `${year}-06-30`;
  const name = `Report Client ${run}`;
  const phone = `+7 916 ${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
  const { createClient } = await gql<{ createClient: { id: string } }>(page.request, CREATE_CLIENT, { input: { name, kind: 'COMPANY', phone } });
  // Two events of the client: 3 + 2 show days in June; a third one, cancelled, counts apart.
  for (const [startDate, endDate] of [[`${year}-06-10`, `${year}-06-12`], [`${year}-06-29`, `${year}-07-03`]]) {
    await gql(page.request, CREATE_EVENT, { input: { title: `Report event ${run}`, startDate, endDate, status: 'CONFIRMED', clientId: createClient.id } });
  }

  await page.goto(`/reports?from=${from}&to=${to}`);
  await expect(page.getByTestId('reports-page')).toBeVisible();
  const row = page.getByTestId('reports-clients-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td')).toHaveText([name, '2', '5', '0']);
  await expect(page.getByTestId('reports-status-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  // The repairs report is always there (zeros included), with its chart.
  await expect(page.getByTestId('reports-repairs-row')).toHaveCount(7);
  await expect(page.getByTestId('reports-repairs-chart')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-download').click()]);
  expect(download.suggestedFilename()).toBe(`loadout-reports-${from}_${to}.xlsx`);
  const path = await download.path();
  expect(path).toBeTruthy();
});

test('the dashboard is the start page and shows today\'s events, live', async ({ page }) => {
  await signIn(page, demoEmails.manager);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dashboard-today')).toBeVisible();
  // A manager sees gear (equipment:read): the store's figures, with the repairs linked.
  const store = (await gql<{ dashboard: { equipment: { piecesOut: number } } }>(page.request, '{ dashboard { equipment { piecesOut } } }')).dashboard.equipment;
  await expect(page.getByTestId('dashboard-pieces-out')).toHaveText(String(store.piecesOut));
  await expect(page.getByTestId('dashboard-in-repair')).toHaveAttribute('href', '/equipment?tab=repairs');
  const today = (await gql<{ dashboard: { today: string } }>(page.request, '{ dashboard { today } }')).dashboard.today;
  const title = `Dashboard today ${run}`;
  // Created after the page loaded: it appears through calendarChanged and a re-read of the summary.
  await gql(page.request, CREATE_EVENT, { input: { title, startDate: today, endDate: today, status: 'CONFIRMED' } });
  await expect(page.getByTestId('dashboard-today-item').filter({ hasText: title })).toHaveCount(1);
});

test('the dashboard re-reads its gear figures live when a repair is opened', async ({ page }) => {
  await signIn(page, demoEmails.manager);
  await expect(page.getByTestId('dashboard-equipment')).toBeVisible();
  const before = (await gql<{ dashboard: { equipment: { piecesInRepair: number; openRepairs: number } } }>(page.request, '{ dashboard { equipment { piecesInRepair openRepairs } } }')).dashboard.equipment;
  const { equipmentItems } = await gql<{ equipmentItems: { items: Array<{ id: string }> } }>(page.request, '{ equipmentItems(filter: { kind: BULK }) { items { id } } }');
  // Opened after the page loaded: storeChanged makes the page read the summary again.
  await gql(page.request, 'mutation ($id: ID) { openRepair(input: { itemId: $id, quantity: 1, reason: "E2E fault", problemKind: "e2e" }) { id } }', { id: equipmentItems.items[0].id });
  await expect(page.getByTestId('dashboard-in-repair')).toContainText(`${before.piecesInRepair + 1}`);
  await expect(page.getByTestId('dashboard-problem').filter({ hasText: 'E2E fault' }).first()).toBeVisible();
});
