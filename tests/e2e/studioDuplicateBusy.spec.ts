/**
 * Duplicating the built-in pack takes the host a moment, seconds on a busy machine. The button
 * stayed as it was meanwhile, so the instructor saw a press that did nothing (CI: the studio did not
 * open within 30 s) and a second press was refused as a pack that exists already. It now says it
 * is duplicating and takes no second press. The id the instructor typed is the draft's, even when
 * the list of drafts (from which the field suggests one) arrives after it was typed.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { BRIDGE_PATH } from '../../src/shared/bridgeProtocol';
import { E2E_DATA_DIR } from '../../playwright.config';
import { APP_PATH, forgetStudentWork, pickLanguage, WINDOW_SIZES } from './helpers';

test.beforeEach(forgetStudentWork);

for (const locale of ['en', 'zh-CN'] as const) {
  test(`Duplicate says it is duplicating until the copy opens, under the id typed before the drafts arrived (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const words = locale === 'en' ? EN : ZH_CN;
    const draftId = `busy-copy-${locale.toLowerCase()}`;
    rmSync(path.join(E2E_DATA_DIR, 'studio', draftId), { recursive: true, force: true });
    // The drafts list and the copy each take three seconds, as on a busy machine.
    await page.routeWebSocket(new RegExp(`${BRIDGE_PATH}`), (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const text = String(message);
        if (text.includes('"studio:list"') || text.includes('"studio:create"')) setTimeout(() => server.send(message), 3000);
        else server.send(message);
      });
      server.onMessage((message) => ws.send(message));
    });
    await page.setViewportSize(WINDOW_SIZES[0]);
    await page.goto(APP_PATH);
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await pickLanguage(page, locale);
    await page.getByRole('button', { name: words.app.lessonPacks }).click();
    await page.getByTestId('edit-pack-stateless-vs-stateful').click();
    const start = page.getByRole('dialog', { name: words.studio.studio });
    // Typed before the drafts list is here.
    await start.getByTestId('new-pack-title').fill(locale === 'en' ? 'Busy copy' : '忙碌的副本');
    await start.getByTestId('new-pack-id').fill(draftId);
    // Duplicate: the first of the dialog's actions (its words change while it works).
    const duplicate = start.locator('.sl-dialog-actions button').first();
    await expect(duplicate).toHaveText(words.studio.duplicate);
    await duplicate.click();
    // While the host copies, the button says so and takes no second press.
    await expect(duplicate).toHaveText(words.studio.duplicating);
    await expect(duplicate).toBeDisabled();
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `test-results/screenshots/studio-duplicating-${locale}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(WINDOW_SIZES[0]);
    const studio = page.getByTestId('studio-panel');
    await expect(studio.getByTestId('studio-problems-count')).toHaveText(words.studio.noProblems, { timeout: 60_000 });
    await expect(start).toHaveCount(0);
    // The draft is the one typed, not a suggestion.
    await expect(studio.locator('.sl-studio-pack')).toHaveAttribute('title', draftId);
  });
}
