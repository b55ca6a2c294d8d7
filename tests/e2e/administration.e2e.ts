import { expect, test, type Page } from '@playwright/test';
import { gql } from './support/api.ts';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn, visibleNavigation } from './support/session.ts';

/** Picks `option` in the Mantine select with test id `testId`. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an administrator creates an account, whose one-time password signs in', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const newcomerContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, demoEmails.admin);
    await admin.getByTestId('nav-staff').click();
    await expect(admin.getByTestId('accounts-table')).toBeVisible();
    await admin.getByTestId('account-new').click();
    await admin.getByTestId('account-name').fill('Nina Newcomer');
    await admin.getByTestId('account-email').fill('Nina.Newcomer@Example.com');
    await admin.getByTestId('account-phone').fill('+7 900 555-44-33');
    await choose(admin, 'account-role', 'Storekeeper');
    await admin.getByTestId('account-save').click();
    const password = (await admin.getByTestId('one-time-password').textContent())!.trim();
    expect(password).toMatch(/^[\w-]{16}$/);
    await admin.getByTestId('one-time-password-close').click();
    const row = admin.getByTestId('account-row-nina.newcomer@example.com');
    await expect(row).toContainText('Nina Newcomer');
    await expect(row).toContainText('Storekeeper');

    // The same e-mail in other letters is refused, naming the field.
    await admin.getByTestId('account-new').click();
    await admin.getByTestId('account-name').fill('Nina Again');
    await admin.getByTestId('account-email').fill('NINA.NEWCOMER@example.com');
    await choose(admin, 'account-role', 'Engineer');
    await admin.getByTestId('account-save').click();
    await expect(admin.getByTestId('account-form')).toContainText('already has an account');

    const newcomer = await newcomerContext.newPage();
    await signIn(newcomer, 'nina.newcomer@example.com', password);
    await expect(newcomer.getByTestId('viewer-name')).toHaveText('Nina Newcomer');
  } finally {
    await adminContext.close();
    await newcomerContext.close();
  }
});

test("editing a role's permissions changes its member's navigation at once", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const memberContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, demoEmails.admin);
    const role = await gql<{ createRole: { id: string } }>(admin.request, 'mutation { createRole(input: { name: "Night auditor", permissions: ["event:read"] }) { id } }');
    await gql(admin.request, 'mutation ($roleId: ID!) { createUser(input: { name: "Ivan Nightly", email: "ivan.nightly@example.com", roleId: $roleId, password: "nightly-pass-1" }) { user { id } } }', {
      roleId: role.createRole.id,
    });

    const member = await memberContext.newPage();
    await signIn(member, 'ivan.nightly@example.com', 'nightly-pass-1');
    expect(await visibleNavigation(member)).not.toContain('nav-journal');
    await member.evaluate(() => {
      (window as unknown as { loadoutE2eMarker?: boolean }).loadoutE2eMarker = true;
    });
    await expect(member.locator('[data-realtime-status="connected"]')).toHaveCount(1);

    await admin.getByTestId('nav-roles').click();
    await admin.getByTestId('role-Night auditor').click();
    await expect(admin.getByTestId('role-members')).toHaveText('1 account');
    await admin.getByTestId('permission-journal:read').check();
    await admin.getByTestId('permission-client:read').check();
    await admin.getByTestId('role-save').click();

    await expect(member.getByTestId('nav-journal')).toBeVisible();
    await expect(member.getByTestId('nav-clients')).toBeVisible();
    await member.getByTestId('nav-journal').click();
    await expect(member.getByTestId('journal-page')).toBeVisible();
    expect(await member.evaluate(() => (window as unknown as { loadoutE2eMarker?: boolean }).loadoutE2eMarker)).toBe(true);

    // And taken away again.
    await admin.getByTestId('permission-journal:read').uncheck();
    await admin.getByTestId('role-save').click();
    await expect(member.getByTestId('nav-journal')).toHaveCount(0);

    // A role in use cannot be deleted; the refusal names how many accounts hold it.
    await admin.getByTestId('role-delete').click();
    await expect(admin.getByTestId('role-error')).toContainText('used by 1 account');
  } finally {
    await adminContext.close();
    await memberContext.close();
  }
});

test('the journal filters by person, action, object and period, kept in the URL', async ({ page, browser }) => {
  const other = await browser.newContext();
  try {
    const storekeeper = await other.newPage();
    await signIn(storekeeper, demoEmails.storekeeper);
  } finally {
    await other.close();
  }
  await signIn(page, demoEmails.admin);
  await page.getByTestId('nav-journal').click();
  await expect(page.getByTestId('journal-row').first()).toBeVisible();

  await page.getByTestId('journal-filter-person').click();
  await page.getByRole('option', { name: 'Stas Storekeeper', exact: true }).click();
  await expect(page).toHaveURL(/[?&]person=[0-9a-f-]{36}/);
  await page.getByTestId('journal-filter-action').fill('auth.login');
  await expect(page).toHaveURL(/action=auth\.login/);
  const rows = page.getByTestId('journal-row');
  await expect(rows.first()).toBeVisible();
  await expect
    .poll(async () => {
      const actions = await rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-action')));
      const texts = await rows.allTextContents();
      return actions.every((a) => a === 'auth.login') && texts.every((text) => text.includes(demoEmails.storekeeper));
    })
    .toBe(true);

  // One object: the session of the newest sign-in.
  await rows.first().getByTestId('journal-object-filter').click();
  await expect(page).toHaveURL(/[?&]object=[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/objectType=Session/);
  await expect(rows).toHaveCount(1);

  // The view survives a reload, and a period with nothing in it is empty.
  await page.reload();
  await expect(page.getByTestId('journal-filter-action')).toHaveValue('auth.login');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('journal-filter-to').fill('2020-01-01');
  await expect(page).toHaveURL(/to=2020-01-01/);
  await expect(rows).toHaveCount(0);
});

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

test('company settings and the logo reach an open calendar live', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const managerContext = await browser.newContext();
  const admin = await adminContext.newPage();
  let original: { name: string; weekStart: number } | undefined;
  try {
    await signIn(admin, demoEmails.admin);
    original = (await gql<{ companySettings: { name: string; weekStart: number } }>(admin.request, '{ companySettings { name weekStart } }')).companySettings;
    const manager = await managerContext.newPage();
    await signIn(manager, demoEmails.manager);
    const month = new Date().toISOString().slice(0, 7) + '-01';
    await manager.goto(`/calendar?view=dayGridMonth&date=${month}`);
    const firstCell = manager.locator('[role="cell"][data-date]').first();
    await expect(firstCell).toBeVisible();
    expect(weekdayOf((await firstCell.getAttribute('data-date'))!)).toBe(1);
    await expect(manager.locator('[data-realtime-status="connected"]')).toHaveCount(1);
    await manager.evaluate(() => {
      (window as unknown as { loadoutE2eMarker?: boolean }).loadoutE2eMarker = true;
    });

    await admin.getByTestId('nav-settings').click();
    await admin.getByTestId('settings-name').fill('Stage Right Ltd');
    await choose(admin, 'settings-week-start', 'Sunday');
    await admin.getByTestId('settings-save').click();

    await expect(manager.getByTestId('company-name')).toHaveText('Stage Right Ltd');
    await expect.poll(async () => weekdayOf((await firstCell.getAttribute('data-date'))!)).toBe(0);

    await admin.getByTestId('company-logo').locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await expect(admin.getByTestId('company-logo-image')).toBeVisible();
    await expect(manager.getByTestId('company-logo-header')).toBeVisible();

    // A file that is not an image is refused with the server's reason.
    await admin.getByTestId('company-logo').locator('input[type="file"]').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await expect(admin.getByTestId('company-logo-error')).toContainText('PNG, JPEG, WebP or GIF');
    expect(await manager.evaluate(() => (window as unknown as { loadoutE2eMarker?: boolean }).loadoutE2eMarker)).toBe(true);
  } finally {
    // Other browser tests expect the demo company's Monday weeks.
    if (original) await gql(admin.request, 'mutation ($name: String!, $weekStart: Int!) { updateCompanySettings(input: { name: $name, weekStart: $weekStart }) { name } }', original).catch(() => undefined);
    await admin.request.delete('/api/settings/logo', { headers: { origin: new URL(admin.url()).origin } }).catch(() => undefined);
    await adminContext.close();
    await managerContext.close();
  }
});

test('an engineer makes, uses and revokes a personal calendar feed link in the cabinet', async ({ page }) => {
  await signIn(page, demoEmails.engineer2);
  await page.getByTestId('nav-cabinet').click();
  await expect(page.getByTestId('calendar-feed-state')).toBeVisible();
  await page.getByTestId('calendar-feed-regenerate').click();
  const url = (await page.getByTestId('calendar-feed-url').textContent())!.trim();
  expect(url).toMatch(/\/ical\/[\w-]{32}\.ics$/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.getByTestId('calendar-feed-revoke').click();
  await expect(page.getByTestId('calendar-feed-state')).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);
});
