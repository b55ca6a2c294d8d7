import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { createEvent, futureDay, gql } from './support/api.ts';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Catalogue editing and the item page's availability calendar (issue 5) in the browser, on the demo
// store: a storekeeper builds a category, a serialised item and its units; an event that reserves
// the item lowers the free count on its days only, and a day reserved beyond stock is marked short. A viewer without equipment:manage sees no editing.
// The demo storekeeper works in Russian, so labels are matched in either language.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });
const run = Date.now().toString(36);

async function apiSignIn(request: APIRequestContext, email: string): Promise<void> {
  await gql(request, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }', { email, password: demoPassword });
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** A day well past the demo events whose next day is in the same month. */
function eventDay(): string {
  let offset = 320;
  while (Number(futureDay(offset).slice(8)) > 26) offset++;
  return futureDay(offset);
}

test('a storekeeper creates a category, a serialised item and two units, and the calendar shows an event taking one', async ({ browser, playwright }) => {
  const category = `Wireless ${run}`;
  const code = `IEM-${run}`.toUpperCase();
  const page = await signedInPage(browser, demoEmails.storekeeper);

  await page.goto('/equipment?tab=categories');
  await page.getByTestId('category-name').fill(category);
  await page.getByTestId('category-create').click();
  await expect(page.getByTestId('category-row').filter({ hasText: category })).toBeVisible();
  // The same name again at the same level is refused next to the field, nothing created.
  await page.getByTestId('category-name').fill(category);
  await page.getByTestId('category-create').click();
  await expect(page.getByTestId('category-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`a category "${category}" already exists there`)).toBeVisible();
  await expect(page.getByTestId('category-row').filter({ hasText: category })).toHaveCount(1);

  await page.getByTestId('equipment-tab-catalogue').click();
  await page.getByTestId('equipment-new-item').click();
  const form = page.getByTestId('item-form');
  // A taken code first: the server's refusal shows under the code field.
  await form.getByTestId('item-form-code').fill('SHURE-SM58');
  await form.getByTestId('item-form-name').fill(`In-ear pack ${run}`);
  await form.getByTestId('item-form-category').click();
  await page.getByRole('option', { name: category, exact: true }).click();
  await form.getByTestId('item-form-kind').getByText(/^(Serialised|Серийный)$/).click();
  await form.getByTestId('item-form-save').click();
  await expect(form.getByText('the item code "SHURE-SM58" is taken')).toBeVisible();
  await form.getByTestId('item-form-code').fill(code);
  await form.getByTestId('item-form-save').click();

  const itemPage = page.getByTestId('equipment-item-page');
  await expect(itemPage.getByRole('heading', { name: `In-ear pack ${run}` })).toBeVisible();
  await expect(itemPage.getByText(code, { exact: true })).toBeVisible();
  for (const serial of ['IEM-001', 'IEM-002']) {
    await itemPage.getByTestId('add-unit-serial').fill(serial);
    await itemPage.getByTestId('add-unit-save').click();
    await expect(itemPage.getByTestId('equipment-units').getByRole('link', { name: serial })).toBeVisible();
  }
  await itemPage.getByTestId('add-unit-serial').fill('IEM-002');
  await itemPage.getByTestId('add-unit-save').click();
  await expect(itemPage.getByText('this item already has a unit with serial "IEM-002"')).toBeVisible();
  await expect(itemPage.getByTestId('equipment-units').getByRole('row')).toHaveCount(3); // header + two units
  await expect(itemPage.getByText(/^(Owned|Всего): 2$/)).toBeVisible();
  // A serialised item's edit form has no quantity; renaming it works.
  await itemPage.getByTestId('item-edit').click();
  await expect(form.getByTestId('item-form-quantity')).toHaveCount(0);
  await form.getByTestId('item-form-name').fill(`In-ear pack G4 ${run}`);
  await form.getByTestId('item-form-save').click();
  await expect(itemPage.getByRole('heading', { name: `In-ear pack G4 ${run}` })).toBeVisible();
  const itemUrl = new URL(page.url());
  const itemId = itemUrl.pathname.split('/').at(-1)!;

  // A manager's two-day event reserves one of them.
  const day = eventDay();
  const nextDay = `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}`;
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await apiSignIn(api, demoEmails.manager2);
  const gig = await createEvent(api, { title: `IEM gig ${run}`, startDate: day, endDate: nextDay, status: 'CONFIRMED' });
  await gql(api, 'mutation ($e: ID!, $i: ID!) { setEventEquipment(eventId: $e, itemId: $i, quantity: 1) { shortages { reserved } } }', { e: gig, i: itemId });

  await page.goto(`/equipment/items/${itemId}?month=${day.slice(0, 7)}`);
  const calendar = page.getByTestId('availability-calendar');
  await expect(calendar).toHaveAttribute('data-month', day.slice(0, 7));
  await expect(calendar.getByTestId(`availability-day-${day}`)).toHaveAttribute('data-available', '1');
  await expect(calendar.getByTestId(`availability-day-${nextDay}`)).toHaveAttribute('data-available', '1');
  const before = `${day.slice(0, 8)}${String(Number(day.slice(8)) - 1).padStart(2, '0')}`;
  if (Number(day.slice(8)) > 1) await expect(calendar.getByTestId(`availability-day-${before}`)).toHaveAttribute('data-available', '2');
  await expect(calendar.locator('[data-shortage="true"]')).toHaveCount(0);
  // Paging to the next month and back re-reads the figures.
  await calendar.getByTestId('availability-next').click();
  await expect(calendar.getByTestId(`availability-day-${day}`)).toHaveCount(0);
  await calendar.getByTestId('availability-previous').click();
  await expect(calendar.getByTestId(`availability-day-${day}`)).toHaveAttribute('data-available', '1');
  // A second event on the first day wants both: that day is short by one and marked, the next is not.
  const rival = await createEvent(api, { title: `IEM rival ${run}`, startDate: day, status: 'CONFIRMED' });
  await gql(api, 'mutation ($e: ID!, $i: ID!) { setEventEquipment(eventId: $e, itemId: $i, quantity: 2) { shortages { reserved } } }', { e: rival, i: itemId });
  await api.dispose();
  await page.reload();
  await expect(calendar.getByTestId(`availability-day-${day}`)).toHaveAttribute('data-shortage', 'true');
  await expect(calendar.getByTestId(`availability-day-${day}`)).toHaveAttribute('data-available', '-1');
  await expect(calendar.getByTestId(`availability-day-${nextDay}`)).toHaveAttribute('data-available', '1');
  await expect(calendar.locator('[data-shortage="true"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('equipment-item-calendar.png'), fullPage: true });

  // An engineer reads the same page without any editing.
  const engineer = await signedInPage(browser, demoEmails.engineer);
  await engineer.goto(`/equipment/items/${itemId}?month=${day.slice(0, 7)}`);
  await expect(engineer.getByTestId('availability-calendar').getByTestId(`availability-day-${day}`)).toHaveAttribute('data-shortage', 'true');
  await expect(engineer.getByTestId('item-edit')).toHaveCount(0);
  await expect(engineer.getByTestId('item-archive')).toHaveCount(0);
  await expect(engineer.getByTestId('add-unit')).toHaveCount(0);
  await engineer.goto('/equipment');
  await expect(engineer.getByTestId('equipment-table')).toBeVisible();
  await expect(engineer.getByTestId('equipment-new-item')).toHaveCount(0);
  await expect(engineer.getByTestId('equipment-tab-categories')).toHaveCount(0);
});

test('a storekeeper edits an item, archives it and takes it out of the archive', async ({ browser, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await apiSignIn(api, demoEmails.storekeeper);
  const { equipmentCategories } = await gql<{ equipmentCategories: Array<{ id: string }> }>(api, 'query { equipmentCategories { id } }');
  const code = `CAB-${run}`.toUpperCase();
  const created = await gql<{ createEquipmentItem: { id: string; version: number } }>(api, 'mutation ($input: CreateEquipmentItemInput!) { createEquipmentItem(input: $input) { id version } }', {
    input: { code, name: `Cable ${run}`, categoryId: equipmentCategories[0]!.id, kind: 'BULK', quantity: 10 },
  });
  const itemId = created.createEquipmentItem.id;

  const page = await signedInPage(browser, demoEmails.storekeeper);
  await page.goto(`/equipment/items/${itemId}`);
  const itemPage = page.getByTestId('equipment-item-page');
  await itemPage.getByTestId('item-edit').click();
  const form = page.getByTestId('item-form');
  await expect(form.getByTestId('item-form-code')).toBeDisabled();
  await form.getByTestId('item-form-name').fill(`Cable 5 m ${run}`);
  await form.getByTestId('item-form-quantity').fill('14');
  // Someone else changes the item meanwhile: the save is refused as a conflict, shown in the form.
  await gql(api, 'mutation ($id: ID!, $v: Int!) { updateEquipmentItem(id: $id, expectedVersion: $v, input: { notes: "recounted" }) { id } }', { id: itemId, v: created.createEquipmentItem.version });
  await form.getByTestId('item-form-save').click();
  await expect(form.getByTestId('item-form-error')).toContainText(/Someone else changed this item|Кто-то изменил эту позицию/);
  await page.keyboard.press('Escape');
  await page.reload();
  await itemPage.getByTestId('item-edit').click();
  await form.getByTestId('item-form-name').fill(`Cable 5 m ${run}`);
  await form.getByTestId('item-form-quantity').fill('14');
  await form.getByTestId('item-form-save').click();
  await expect(form).toHaveCount(0);
  await expect(itemPage.getByRole('heading', { name: `Cable 5 m ${run}` })).toBeVisible();
  await expect(itemPage.getByText(/^(Owned|Всего): 14$/)).toBeVisible();

  await itemPage.getByTestId('item-archive').click();
  await expect(itemPage.getByTestId('item-archived')).toBeVisible();
  await page.goto('/equipment');
  await page.getByTestId('equipment-search').fill(code);
  await expect(page.getByTestId('equipment-total')).toBeVisible();
  await expect(page.getByTestId('equipment-row').filter({ hasText: code })).toHaveCount(0);
  await page.getByTestId('equipment-archived-filter').check();
  await expect(page.getByTestId('equipment-row').filter({ hasText: code })).toBeVisible();
  await page.getByRole('link', { name: `Cable 5 m ${run}` }).click();
  await itemPage.getByTestId('item-archive').click();
  await expect(itemPage.getByTestId('item-archived')).toHaveCount(0);
  await api.dispose();
});

test('a storekeeper renames a category and packs units into a case, then takes one out', async ({ browser, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await apiSignIn(api, demoEmails.storekeeper);
  const { createEquipmentCategory } = await gql<{ createEquipmentCategory: { id: string } }>(api, 'mutation ($name: String!) { createEquipmentCategory(input: { name: $name }) { id } }', { name: `Racks ${run}` });
  const code = `AMP-${run}`.toUpperCase();
  const { createEquipmentItem } = await gql<{ createEquipmentItem: { id: string } }>(api, 'mutation ($input: CreateEquipmentItemInput!) { createEquipmentItem(input: $input) { id } }', {
    input: { code, name: `Amplifier ${run}`, categoryId: createEquipmentCategory.id, kind: 'SERIALISED' },
  });
  const itemId = createEquipmentItem.id;
  for (const serial of ['AMP-A', 'AMP-B']) await gql(api, 'mutation ($i: ID!, $s: String!) { addEquipmentUnit(itemId: $i, serial: $s) { id } }', { i: itemId, s: serial });
  await api.dispose();

  const page = await signedInPage(browser, demoEmails.storekeeper);
  await page.goto('/equipment?tab=categories');
  const row = page.locator(`[data-testid="category-row"][data-category-id="${createEquipmentCategory.id}"]`);
  await row.getByTestId('category-rename').click();
  await row.getByTestId('category-rename-input').fill(`Amp racks ${run}`);
  await row.getByTestId('category-rename-save').click();
  await expect(page.getByTestId('category-row').filter({ hasText: `Amp racks ${run}` })).toBeVisible();

  await page.getByTestId('equipment-tab-cases').click();
  const tab = page.getByTestId('cases-tab');
  await tab.getByTestId('case-name').fill(`Amp case ${run}`);
  await tab.getByTestId('case-item').click();
  await tab.getByTestId('case-item').fill(code);
  await page.getByRole('option', { name: new RegExp(code) }).click();
  await tab.getByTestId('case-units').click();
  await page.getByRole('option', { name: /AMP-A$/ }).click();
  await page.getByRole('option', { name: /AMP-B$/ }).click();
  await page.keyboard.press('Escape');
  await tab.getByTestId('case-create').click();
  const card = tab.getByTestId('case-card').filter({ hasText: `Amp case ${run}` });
  await expect(card).toBeVisible();

  await page.goto(`/equipment/items/${itemId}`);
  const units = page.getByTestId('equipment-units');
  await expect(units.getByText(`· Amp case ${run}`)).toHaveCount(2);
  await expect(page.getByText(`Amp racks ${run}`)).toBeVisible(); // the renamed category path

  // Take AMP-B out of the case: the case's unit picker toggles it off.
  await page.goto('/equipment?tab=cases');
  const saved = page.getByTestId('case-card').filter({ hasText: `Amp case ${run}` });
  await saved.getByTestId('case-card-units').click();
  await page.getByRole('option', { name: /AMP-B$/ }).click();
  await page.keyboard.press('Escape');
  await saved.getByTestId('case-card-save').click();
  await expect(saved.getByTestId('case-card-save')).toBeDisabled();
  await page.goto(`/equipment/items/${itemId}`);
  await expect(units.getByText(`· Amp case ${run}`)).toHaveCount(1);
  await expect(units.getByRole('row').filter({ hasText: 'AMP-A' })).toContainText(`Amp case ${run}`);
});
