import { expect as baseExpect, test, type Page } from '@playwright/test';
import { futureDay, gql } from './support/api.ts';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Clients (SPEC §4, issue 6). Names and phones carry a random part so that reruns on the same
// database do not collide with clients made before.
const run = Date.now().toString(36);
// The machine running these is shared; page loads can take longer than the default 10 s.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

/** A fresh Russian mobile number as its 10 national digits, e.g. "9161234567". */
function freshNational(): string {
  return `916${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}
const spaced = (n: string) => `+7 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
const domestic = (n: string) => `8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;

/**
 * Signs in and waits until the start page has settled — the dashboard (with reports:read), or the
 * calendar once it has written its view into the URL: that write replaces the location, so a
 * navigation click made before it is undone.
 */
async function signInSettled(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/(calendar\?.*view=|dashboard$)/);
}

async function searchClients(page: Page, text: string): Promise<void> {
  await page.getByTestId('clients-search').fill(text);
  await page.getByTestId('clients-search').press('Enter');
}

async function clientsNamed(page: Page, name: string) {
  const data = await gql<{ clients: { total: number; clients: Array<{ id: string; name: string }> } }>(
    page.request,
    'query ($search: String) { clients(filter: { search: $search }) { total clients { id name } } }',
    { search: name },
  );
  return data.clients.clients.filter((client) => client.name === name);
}

test('a manager finds a demo client by a phone written in another format and opens it', async ({ page }, testInfo) => {
  await signInSettled(page, demoEmails.manager);
  await page.getByTestId('nav-clients').click();
  await expect(page.getByTestId('clients-page')).toBeVisible();
  await expect(page.getByTestId('client-row').first()).toBeVisible();

  // Stored as +78125550202; typed the way people write it at home.
  await searchClients(page, '8 (812) 555-02-02');
  await expect(page).toHaveURL(/\/clients\?q=8/);
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await expect(page.getByTestId('clients-total')).toHaveAttribute('data-total', '1');
  const row = page.getByTestId('client-row');
  await expect(row).toContainText('Northern Lights Festival');
  await expect(row.getByTestId('client-row-phone')).toHaveText('+7 812 555-02-02');
  await page.screenshot({ path: testInfo.outputPath('1-search-by-phone.png') });

  await row.click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('client-name')).toHaveText('Northern Lights Festival');
  await expect(page.getByTestId('client-phone')).toHaveText('+7 812 555-02-02');
  await expect(page.getByTestId('client-contact')).toHaveText('Daria Belova');
  // Its events, linking to the event pages.
  const events = page.locator('[data-testid="client-upcoming-events"], [data-testid="client-past-events"]').getByTestId('client-event-link');
  await expect(events.first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('1-client-page.png') });
  await events.first().click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('event-page')).toBeVisible();

  // Back in the list, the search is still in the URL.
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('clients-search')).toHaveValue('8 (812) 555-02-02');
  await expect(page.getByTestId('client-row')).toHaveCount(1);
});

test('a duplicate phone in another format is refused naming the existing client; archive and un-archive', async ({ page }, testInfo) => {
  await signIn(page, demoEmails.manager);
  await page.goto('/clients');
  await expect(page.getByTestId('clients-page')).toBeVisible();
  const national = freshNational();
  const name = `Stage Rental ${run}`;

  // Create.
  await page.getByTestId('clients-new').click();
  const form = page.getByTestId('new-client-form');
  await expect(form).toBeVisible();
  // Required fields are checked before asking the server.
  await page.getByTestId('new-client-save').click();
  await expect(form.getByText(/Required|Обязательное поле/).first()).toBeVisible();
  await page.getByTestId('client-form-name').fill(name);
  await page.getByTestId('client-form-phone').fill(spaced(national));
  await page.getByTestId('client-form-email').fill(`office-${run}@stage.example`);
  await page.getByTestId('client-form-contact').fill('Oleg Petrov');
  await page.getByTestId('new-client-save').click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  const firstId = page.url().split('/').at(-1)!;
  await expect(page.getByTestId('client-name')).toHaveText(name);
  await expect(page.getByTestId('client-phone')).toHaveText(spaced(national));
  await expect(page.getByTestId('client-state')).toHaveAttribute('data-state', 'POTENTIAL');

  // The same phone written another way is refused, naming the first client, with a link to it.
  await page.goto('/clients');
  await page.getByTestId('clients-new').click();
  await page.getByTestId('client-form-name').fill(`Copycat ${run}`);
  await page.getByTestId('client-form-phone').fill(domestic(national));
  await page.getByTestId('new-client-save').click();
  const refusal = page.getByTestId('client-duplicate-phone');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(name);
  await expect(page.getByTestId('client-duplicate-link')).toHaveAttribute('href', `/clients/${firstId}`);
  await page.screenshot({ path: testInfo.outputPath('2-duplicate-phone-refused.png') });
  expect(await clientsNamed(page, `Copycat ${run}`)).toEqual([]);
  await page.getByTestId('client-duplicate-link').click();
  await expect(page).toHaveURL(new RegExp(`/clients/${firstId}$`));
  await expect(page.getByTestId('new-client-form')).toBeHidden();
  await expect(page.getByTestId('client-name')).toHaveText(name);

  // Archive: it leaves the list and shows in the archive.
  await page.getByTestId('client-archive').click();
  await expect(page.getByTestId('client-archived-badge')).toBeVisible();
  await expect(page.getByTestId('client-unarchive')).toBeVisible();
  await page.goto(`/clients?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('clients-empty')).toBeVisible();
  // The switch follows the URL, which updates a moment after the click: click, then wait for it.
  await page.getByTestId('clients-archived').click();
  await expect(page.getByTestId('clients-archived')).toBeChecked();
  await expect(page).toHaveURL(/archived=1/);
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await expect(page.getByTestId('client-row')).toContainText(name);
  await page.screenshot({ path: testInfo.outputPath('2-in-the-archive.png') });

  // Un-archive.
  await page.getByTestId('client-row-name').click();
  await page.getByTestId('client-unarchive').click();
  await expect(page.getByTestId('client-archived-badge')).toBeHidden();
  await expect(page.getByTestId('client-archive')).toBeVisible();
  await page.goto(`/clients?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('client-row')).toHaveCount(1);
});

test('a manager edits a client, meets a stale edit and a refused state change; an engineer sees no actions', async ({ browser }) => {
  const managerContext = await browser.newContext();
  const engineerContext = await browser.newContext();
  try {
    const manager = await managerContext.newPage();
    await signIn(manager, demoEmails.manager);
    const name = `Edited Client ${run}`;
    const created = await gql<{ createClient: { id: string } }>(
      manager.request,
      'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }',
      { input: { name, kind: 'COMPANY', phone: spaced(freshNational()) } },
    );
    const id = created.createClient.id;

    await manager.goto(`/clients/${id}`);
    await manager.getByTestId('client-edit').click();
    await manager.getByTestId('client-form-notes').fill(`Load-in via gate 3 (${run})`);
    await manager.getByTestId('client-form-email').fill('not-an-address');
    await manager.getByTestId('client-edit-save').click();
    await expect(manager.getByTestId('client-edit-form')).toBeVisible();
    await manager.getByTestId('client-form-email').fill(`desk-${run}@client.example`);
    await manager.getByTestId('client-edit-save').click();
    await expect(manager.getByTestId('client-edit-form')).toBeHidden();
    await expect(manager.getByTestId('client-notes')).toHaveText(`Load-in via gate 3 (${run})`);
    await expect(manager.getByTestId('client-email')).toHaveText(`desk-${run}@client.example`);

    // A stale edit of the same field: someone else saves notes while the form is open.
    await manager.getByTestId('client-edit').click();
    const current = await gql<{ client: { version: number } }>(manager.request, 'query ($id: ID!) { client(id: $id) { version } }', { id });
    await gql(manager.request, 'mutation ($id: ID!, $v: Int!) { updateClient(id: $id, expectedVersion: $v, input: { notes: "Changed elsewhere" }) { id } }', {
      id,
      v: current.client.version,
    });
    await manager.getByTestId('client-form-notes').fill(`Mine ${run}`);
    await manager.getByTestId('client-edit-save').click();
    await expect(manager.getByTestId('client-edit-conflict')).toBeVisible();
    await expect(manager.getByTestId('client-form-notes')).toHaveValue('Changed elsewhere');
    await manager.getByTestId('client-edit-cancel').click();
    await expect(manager.getByTestId('client-notes')).toHaveText('Changed elsewhere');

    // A confirmed upcoming event makes the client active and blocks INACTIVE, with the reason.
    const title = `Gala ${run}`;
    await gql(manager.request, 'mutation ($input: CreateProductionEventInput!) { createProductionEvent(input: $input) { event { id } } }', {
      input: { title, startDate: futureDay(210), endDate: futureDay(210), status: 'CONFIRMED', clientId: id },
    });
    await manager.reload();
    await expect(manager.getByTestId('client-state')).toHaveAttribute('data-state', 'ACTIVE');
    await expect(manager.getByTestId('client-upcoming-events').getByTestId('client-event-link')).toHaveText([title]);
    await manager.getByTestId('client-make-INACTIVE').click();
    await expect(manager.getByTestId('client-action-refused')).toContainText(title);
    await expect(manager.getByTestId('client-state')).toHaveAttribute('data-state', 'ACTIVE');

    const engineer = await engineerContext.newPage();
    await signInSettled(engineer, demoEmails.engineer);
    await engineer.getByTestId('nav-clients').click();
    await expect(engineer.getByTestId('clients-page')).toBeVisible();
    await expect(engineer.getByTestId('client-row').first()).toBeVisible();
    await expect(engineer.getByTestId('clients-new')).toHaveCount(0);
    await engineer.goto(`/clients/${id}`);
    await expect(engineer.getByTestId('client-name')).toHaveText(name);
    await expect(engineer.getByTestId('client-notes')).toHaveText('Changed elsewhere');
    await expect(engineer.getByTestId('client-upcoming-events')).toBeVisible();
    for (const action of ['client-edit', 'client-change-phone', 'client-status-actions', 'client-archive', 'client-unarchive']) {
      await expect(engineer.getByTestId(action)).toHaveCount(0);
    }
  } finally {
    await managerContext.close();
    await engineerContext.close();
  }
});
