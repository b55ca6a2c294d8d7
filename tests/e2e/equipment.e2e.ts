import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { createEvent, futureDay, gql } from './support/api.ts';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Equipment (issue 5) in the browser, on the demo store. Each test uses its own days, well past
// the demo events, so that the demo's gear lines do not change the figures.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });
const run = Date.now().toString(36);

async function apiSignIn(request: APIRequestContext, email: string): Promise<void> {
  await gql(request, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }', { email, password: demoPassword });
}

async function itemByCode(request: APIRequestContext, code: string) {
  const data = await gql<{ equipmentItems: { items: Array<{ id: string; code: string; qrCode: string; owned: number }> } }>(
    request,
    'query ($search: String) { equipmentItems(filter: { search: $search }) { items { id code qrCode owned } } }',
    { search: code },
  );
  const item = data.equipmentItems.items.find((entry) => entry.code === code);
  if (!item) throw new Error(`No item ${code} in the demo store`);
  return item;
}

async function setLine(request: APIRequestContext, eventId: string, itemId: string, quantity: number) {
  await gql(request, 'mutation ($e: ID!, $i: ID!, $q: Int!) { setEventEquipment(eventId: $e, itemId: $i, quantity: $q) { shortages { reserved } } }', { e: eventId, i: itemId, q: quantity });
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('a manager adds gear to an event and sees live availability while choosing', async ({ browser, playwright }) => {
  const day = futureDay(200);
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await apiSignIn(api, demoEmails.manager2);
  const mic = await itemByCode(api, 'SHURE-SM58');
  const other = await createEvent(api, { title: `Other gig ${run}`, startDate: day, status: 'CONFIRMED' });
  await setLine(api, other, mic.id, 9);
  const mine = await createEvent(api, { title: `Gear gig ${run}`, startDate: day, status: 'CONFIRMED' });

  const page = await signedInPage(browser, demoEmails.manager2);
  await page.goto(`/events/${mine}`);
  const section = page.getByTestId('event-equipment');
  await expect(section).toBeVisible();
  await section.getByTestId('event-equipment-item').click();
  await section.getByTestId('event-equipment-item').fill('SM58');
  await page.getByRole('option', { name: /Shure SM58/ }).first().click();
  // 12 owned, 9 taken by the other event that day.
  await expect(section.getByTestId('event-equipment-availability')).toHaveAttribute('data-available', String(mic.owned - 9));
  await section.getByTestId('event-equipment-add-quantity').fill('2');
  await section.getByTestId('event-equipment-add').click();
  const line = section.locator('[data-testid="event-equipment-line"][data-item="SHURE-SM58"]');
  await expect(line.getByTestId('event-equipment-quantity')).toHaveText('2');
  await expect(section.getByTestId('event-equipment-shortages')).toHaveCount(0);

  // Another manager takes more on the same day: choosing the item again shows what is left now,
  // and going over it is saved with a shortage warning (the default WARN policy).
  await setLine(api, other, mic.id, 10);
  await section.getByTestId('event-equipment-item').click();
  await section.getByTestId('event-equipment-item').fill('SM58');
  await page.getByRole('option', { name: /Shure SM58/ }).first().click();
  await expect(section.getByTestId('event-equipment-availability')).toHaveAttribute('data-available', String(mic.owned - 10));
  await section.getByTestId('event-equipment-add-quantity').fill('1');
  await section.getByTestId('event-equipment-add').click();
  await expect(section.getByTestId('event-equipment-warning')).toContainText('Shure SM58');
  await expect(page.locator('[data-testid="event-problem"][data-kind="EQUIPMENT_SHORTAGE"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('event-equipment.png'), fullPage: true });
  await api.dispose();
});

test('a storekeeper checks gear out by typing codes into the scanner field, and wrong scans are refused', async ({ browser, playwright }) => {
  const day = futureDay(210);
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  // A manager plans the event (the storekeeper does not create events); the storekeeper scans.
  await apiSignIn(api, demoEmails.manager2);
  const cable = await itemByCode(api, 'XLR-20');
  const steps = await itemByCode(api, 'STEPS');
  const heads = await itemByCode(api, 'CLAY-SHARPY');
  const units = await gql<{ equipmentUnits: Array<{ id: string; serial: string; qrCode: string; inRepair: boolean; outEvent: { id: string } | null }> }>(
    api,
    'query ($id: ID!) { equipmentUnits(itemId: $id) { id serial qrCode inRepair outEvent { id } } }',
    { id: heads.id },
  );
  const free = units.equipmentUnits.filter((unit) => !unit.inRepair && !unit.outEvent).slice(0, 2);
  const event = await createEvent(api, { title: `Warehouse gig ${run}`, startDate: day, status: 'CONFIRMED' });
  await setLine(api, event, heads.id, 2);
  await setLine(api, event, cable.id, 4);

  const page = await signedInPage(browser, demoEmails.storekeeper);
  await page.goto(`/events/${event}/warehouse`);
  const field = page.getByTestId('warehouse-scan-input');
  await expect(field).toBeFocused();
  const scan = async (code: string) => {
    await field.fill(code);
    await field.press('Enter');
  };
  const entries = page.getByTestId('warehouse-log-entry');
  await scan(`http://localhost/q/${free[0].qrCode}`);
  await expect(entries.first()).toHaveAttribute('data-ok', 'true');
  await scan(free[1].qrCode);
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toHaveAttribute('data-ok', 'true');
  await scan(free[1].qrCode);
  await expect(entries).toHaveCount(3);
  await expect(entries.first()).toHaveAttribute('data-refusal', 'ALREADY_OUT');
  await scan(steps.qrCode);
  await expect(entries).toHaveCount(4);
  await expect(entries.first()).toHaveAttribute('data-refusal', 'NOT_ON_LIST');
  await expect(entries.first()).toContainText('not on the packing list');
  await scan(cable.qrCode);
  await expect(entries).toHaveCount(5);
  await expect(page.locator('[data-testid="warehouse-line"][data-item="CLAY-SHARPY"]')).toHaveAttribute('data-out', '2');
  await expect(page.locator('[data-testid="warehouse-line"][data-item="XLR-20"]')).toHaveAttribute('data-out', '1');
  await page.screenshot({ path: test.info().outputPath('warehouse.png'), fullPage: true });

  // Check-in in the same field.
  // The storekeeper's interface is in Russian.
  await page.getByTestId('warehouse-mode').getByText(/^(Check in|Приёмка)$/).click();
  await scan(free[0].qrCode);
  await expect(entries).toHaveCount(6);
  await expect(entries.first()).toHaveAttribute('data-ok', 'true');
  await expect(page.locator('[data-testid="warehouse-line"][data-item="CLAY-SHARPY"]')).toHaveAttribute('data-returned', '1');
  await api.dispose();
});

test('a storekeeper prints a category of labels as a PDF', async ({ browser }) => {
  const page = await signedInPage(browser, demoEmails.storekeeper);
  await page.goto('/equipment?tab=labels');
  await page.getByTestId('labels-category').click();
  await page.getByRole('option', { name: 'Microphones' }).click();
  await page.getByTestId('labels-large').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('labels-download').click()]);
  expect(download.suggestedFilename()).toBe('labels-large.pdf');
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(file.length).toBeGreaterThan(5_000);
});
