// Scenario: a platform beyond Meta, in the real browser with the real host. LinkedIn's settings page (a fixture
// served at its real address) with "Use my data for training content creation AI models" on; the user enabled
// LinkedIn (its origins granted at install here: headless Chromium cannot answer the permission prompt). The popup
// says the data trains AI; on the user's click NoTrain turns off that switch only, waits for LinkedIn to save, and
// the host keeps a `setting` record with the label and the states before and after. A switch the platform puts back
// is said plainly and the attempt kept too. A changed layout, where the switch cannot be told apart, is refused:
// nothing is clicked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withChromium } from '../support/harness.js';
import { storedConfirmation, storedConfirmations, waitForStored } from '../support/host.js';

const SETTINGS = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const PLATFORM_PAGE = { scripts: ['toggle-like.js', 'recorder.js'] };

test('a LinkedIn switch turned off on the user\'s click, kept as evidence; a changed layout refused', { timeout: 150_000 }, async () => {
  await withChromium('platform-setting', { grantHosts: ['www.linkedin.com', 'linkedin.com'] }, async ({ sandbox, site, browser, screenshot }) => {
    site.route(SETTINGS, '../platforms/linkedin-on.html', PLATFORM_PAGE);
    const page = await browser.newPage(SETTINGS);
    const aiSwitch = page.locator('[aria-labelledby="ember42"]');
    const otherSwitch = page.locator('[aria-labelledby="ember43"]');

    const popup = await browser.clickToolbarIcon(page);
    const section = popup.locator('[data-testid="setting-section"]');
    await section.waitFor({ state: 'visible' });
    assert.match(await popup.locator('[data-testid="setting-summary"]').textContent(), /^LinkedIn: your data trains AI/);
    assert.equal(await aiSwitch.getAttribute('aria-checked'), 'true', 'nothing happens before the click');
    await screenshot(popup, 'popup-linkedin-on');
    await popup.locator('[data-testid="setting-turn-off"]').click();

    const [kept] = await waitForStored(sandbox, 1, 20_000);
    const record = storedConfirmation(sandbox, kept.id);
    assert.equal(record.service, 'linkedin');
    assert.equal(record.kind, 'setting');
    assert.equal(record.url, SETTINGS);
    assert.equal(record.form.label, 'Use my data for training content creation AI models');
    assert.equal(record.form.before, 'on');
    assert.equal(record.form.after, 'off');
    assert.equal(record.form.held, true);
    assert.equal(await aiSwitch.getAttribute('aria-checked'), 'false');
    assert.equal(await otherSwitch.getAttribute('aria-checked'), 'true', 'no other control is touched');
    assert.match(await popup.locator('[data-testid="setting-status"]').textContent(), /^Switched off and read again/);
    await screenshot(page, 'linkedin-turned-off');
    await popup.close();

    // LinkedIn puts the switch back: said plainly, and the attempt kept too (held: false).
    site.route(SETTINGS, '../platforms/linkedin-not-sticking.html', PLATFORM_PAGE);
    await page.reload();
    const again = await browser.clickToolbarIcon(page);
    await again.locator('[data-testid="setting-turn-off"]').click();
    const status = again.locator('[data-testid="setting-status"]');
    await status.filter({ hasText: /did not keep the change/ }).waitFor();
    const [latest] = await waitForStored(sandbox, 2, 20_000);
    const attempt = storedConfirmation(sandbox, latest.id);
    assert.deepEqual([attempt.form.before, attempt.form.after, attempt.form.held], ['on', 'on', false]);
    await screenshot(again, 'popup-linkedin-not-held');
    await again.close();

    // A layout NoTrain's rule does not recognise: the popup offers nothing to click, and nothing is stored.
    site.route(SETTINGS, '../platforms/linkedin-changed.html', PLATFORM_PAGE);
    await page.reload();
    const changed = await browser.clickToolbarIcon(page);
    assert.equal(await changed.locator('[data-testid="setting-turn-off"]').count(), 0);
    assert.match(await changed.locator('[data-testid="setting-section"]').textContent(), /looks different from what NoTrain knows/);
    await screenshot(changed, 'popup-linkedin-changed');
    assert.equal(storedConfirmations(sandbox).length, 2);
  });
});
