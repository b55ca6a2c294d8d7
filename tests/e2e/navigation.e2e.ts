import { expect, test } from '@playwright/test';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';
import { signIn, submitLogin, visibleNavigation } from './support/session.ts';

const everyone = ['cabinet', 'playground'];
const fieldStaff = ['calendar', 'crew-schedule', 'equipment', 'clients', ...everyone];

const expectedNavigation: Record<string, string[]> = {
  [demoEmails.admin]: [
    'dashboard', 'calendar', 'crew-schedule', 'equipment', 'clients', 'staff', 'roles',
    'journal', 'reports', 'settings', 'backups', 'webhooks', ...everyone,
  ],
  [demoEmails.manager]: ['dashboard', ...fieldStaff, 'reports'],
  [demoEmails.manager2]: ['dashboard', ...fieldStaff, 'reports'],
  [demoEmails.engineer]: fieldStaff,
  [demoEmails.engineer2]: fieldStaff,
  [demoEmails.storekeeper]: fieldStaff,
};

test.describe('each demo account sees exactly its navigation', () => {
  for (const [email, keys] of Object.entries(expectedNavigation)) {
    test(email, async ({ page }) => {
      await signIn(page, email);
      expect(await visibleNavigation(page)).toEqual(keys.map((key) => `nav-${key}`).sort());
    });
  }
});

test('the login page lists the demo accounts and a click fills the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('demo-account-storekeeper').click();
  await expect(page.getByTestId('login-email')).toHaveValue(demoEmails.storekeeper);
  await expect(page.getByTestId('login-password')).toHaveValue(demoPassword);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-cabinet')).toBeVisible();
});

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login');
  await submitLogin(page, demoEmails.manager2, 'not-the-password');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('a visitor is sent to the login page and back to where they were going', async ({ page }) => {
  await page.goto('/journal?action=auth.login');
  await expect(page).toHaveURL(/\/login\?next=/);
  await submitLogin(page, demoEmails.admin, demoPassword);
  await expect(page).toHaveURL(/\/journal\?action=auth\.login$/);
  await expect(page.getByTestId('journal-page')).toBeVisible();
});

test('a page the role may not open says so, and the navigation leads on to pages it may open', async ({ page }) => {
  await signIn(page, demoEmails.engineer);
  await page.goto('/journal');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await page.getByTestId('nav-equipment').click();
  await expect(page.getByTestId('equipment-page')).toBeVisible();
  // An engineer reads the store but does not edit it.
  await expect(page.getByTestId('equipment-tab-categories')).toHaveCount(0);
});
