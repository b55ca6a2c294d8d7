import { expect, type Page } from '@playwright/test';
import { demoPassword } from './demoAccounts.ts';

/** Fills and sends the login form on the current page (which must be /login). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in from /login and waits until the app shell shows. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, email, password);
  await expect(page.getByTestId('nav-cabinet')).toBeVisible();
}

/** Test ids of the navigation links shown, sorted. */
export async function visibleNavigation(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid') ?? ''));
  return ids.sort();
}
