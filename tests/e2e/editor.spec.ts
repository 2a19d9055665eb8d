import { expect, test } from '@playwright/test';
import { buildTier, connect, downloadedDesign, dropKind, newDesign, node, openApp, saveAs, savedDesign, settled } from './helpers';

const SHOTS = 'test-results/screenshots';

test('a student builds a web tier from an empty canvas by dragging and connecting, and saves exactly that graph', async ({ page }) => {
  await openApp(page);
  await buildTier(page);
  await saveAs(page, 'web tier');
  await page.screenshot({ path: `${SHOTS}/editor-built-tier.png` });

  const doc = savedDesign('web tier') as { format: string; version: number; nodes: { id: string; kind: string; props: object }[]; edges: { source: string; target: string; kind: string }[] };
  expect([doc.format, doc.version]).toEqual(['statelab.graph', 1]);
  expect(doc.nodes.map((n) => [n.id, n.kind]).sort()).toEqual(
    [['client-1', 'client'], ['load-balancer-1', 'load-balancer'], ['service-1', 'service'], ['service-2', 'service'], ['service-3', 'service'], ['session-store-1', 'session-store'], ['database-1', 'database']].sort(),
  );
  expect(doc.nodes.find((n) => n.id === 'load-balancer-1')!.props).toEqual({ policy: 'sticky' });
  expect(doc.nodes.filter((n) => n.id !== 'load-balancer-1').every((n) => Object.keys(n.props).length === 0)).toBe(true);
  const edges = doc.edges.map((e) => `${e.source}>${e.target}:${e.kind}`).sort();
  expect(edges).toEqual(
    [
      'client-1>load-balancer-1:request',
      ...['service-1', 'service-2', 'service-3'].flatMap((s) => [`load-balancer-1>${s}:request`, `${s}>session-store-1:request`, `${s}>database-1:request`]),
    ].sort(),
  );
});

test('ten undos and ten redos give back the same document; a senseless connection is refused with its reason', async ({ page }) => {
  await openApp(page);
  await buildTier(page);
  await saveAs(page, 'undo check');
  const before = savedDesign('undo check') as { nodes: unknown[]; edges: unknown[] };

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  for (let i = 0; i < 10; i++) await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(10);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('file-name')).toHaveText('undo check');
  await expect.poll(() => savedDesign('undo check')).toEqual(before);

  // A database sending requests to the client makes no sense.
  await connect(page, 'database-1', 'client-1');
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toHaveText('Clients only send requests; nothing sends requests to a client.');
  await expect(page.locator('.react-flow__edge')).toHaveCount(10);
  await page.screenshot({ path: `${SHOTS}/editor-refused-connection.png` });

  // Replication only between nodes of the same kind.
  await page.getByLabel('Connection kind').selectOption('replication');
  await connect(page, 'service-1', 'database-1');
  await expect(notice).toHaveText('Replication links two nodes of the same kind; this is service → database.');
  await expect(page.locator('.react-flow__edge')).toHaveCount(10);
});

test('the properties form flags an invalid value and keeps it out of the document; edges have latency, jitter and loss', async ({ page }) => {
  await openApp(page);
  await node(page, 'lb').click();
  await page.locator('.sl-properties [data-field="policy"] select').selectOption('consistent-hash');
  const field = page.locator('.sl-properties [data-field="virtualNodes"]');
  await expect(field.locator('input')).toHaveValue('');
  await expect(field).toContainText('1–1000, whole number, default 100');
  await field.locator('input').fill('0');
  await expect(field.getByRole('alert')).toBeVisible();
  await expect(field.locator('input')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/editor-invalid-value.png` });
  const refused = (await downloadedDesign(page)) as { nodes: { id: string; props: Record<string, unknown> }[] };
  expect(refused.nodes.find((n) => n.id === 'lb')!.props).not.toHaveProperty('virtualNodes');
  await field.locator('input').fill('12');
  await expect(field.getByRole('alert')).toHaveCount(0);
  const accepted = (await downloadedDesign(page)) as { nodes: { id: string; props: Record<string, unknown> }[] };
  expect(accepted.nodes.find((n) => n.id === 'lb')!.props.virtualNodes).toBe(12);
  // Weights are per target: the form offers one field for each node the balancer sends to.
  await page.locator('.sl-properties [data-field="policy"] select').selectOption('weighted');
  await expect(field).toHaveCount(0);
  await page.locator('.sl-properties [data-field="weights.api-2"] input').fill('3');
  await expect(page.locator('.sl-properties [data-field^="weights."]')).toHaveCount(3);
  const weighted = (await downloadedDesign(page)) as typeof accepted;
  expect(weighted.nodes.find((n) => n.id === 'lb')!.props.weights).toEqual({ 'api-2': 3 });

  await page.locator('.react-flow__edge[data-id="users-lb"]').click({ force: true });
  const panel = page.locator('.sl-properties');
  await expect(panel.locator('[data-field="latencyMs"] input')).toHaveValue('20');
  await expect(panel.locator('[data-field="lossRate"]')).toContainText('0–1');
  await panel.locator('[data-field="lossRate"] input').fill('2');
  await expect(panel.locator('[data-field="lossRate"]').getByRole('alert')).toBeVisible();

  // Run refuses while a field shows a refused value, names it and puts the cursor in it.
  await panel.locator('.sl-panel-title').click(); // out of the input, so the shortcut applies
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('alert')).toHaveText(/^Fix Loss rate on the connection Users → Load balancer first/);
  await expect(panel.locator('[data-field="lossRate"] input')).toBeFocused();
  await expect(page.getByTestId('trace-hash')).toHaveCount(0);
  // Fixed, the run goes ahead with the edited graph.
  await panel.locator('[data-field="lossRate"] input').fill('0.01');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByTestId('metric-throughput')).toHaveText(/req\/s/, { timeout: 30_000 });
});

test('a lesson locks nodes and restricts the palette; shortcuts are listed in the help overlay', async ({ page }) => {
  await openApp(page);
  const kinds = await page.locator('.sl-palette-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
  expect(kinds.length).toBeLessThan(7);
  await node(page, 'users').click();
  await expect(page.getByRole('note')).toContainText('Locked by the lesson');
  await expect(page.locator('.sl-properties [data-field="rps"] input')).toBeDisabled();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('editor-notice')).toContainText('Users is locked by the lesson');
  await expect(node(page, 'users')).toHaveCount(1);

  // Multi-select, copy and paste, then delete what is not locked.
  await node(page, 'api-1').click();
  await node(page, 'api-2').click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.keyboard.press('Control+d');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl+Shift+Z');
  await expect(help).toContainText('Automatic layout');
  await page.screenshot({ path: `${SHOTS}/editor-help.png` });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('nodes move by dragging, L lays the design out, Ctrl+A selects all, and each step undoes', async ({ page }) => {
  await openApp(page);
  const starter = (await downloadedDesign(page)) as { nodes: { id: string; position: { x: number; y: number } }[] };
  const lb = node(page, 'lb');
  // Selected first: the properties panel opens (and the canvas refits) before the drag is measured.
  await lb.click();
  await expect(page.locator('.sl-properties')).toBeVisible();
  await settled(page);
  const before = (await lb.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 120, before.y + before.height / 2 + 140, { steps: 10 });
  await page.mouse.up();
  const after = (await lb.boundingBox())!;
  expect(after.y - before.y).toBeGreaterThan(60);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await lb.boundingBox())!.y)).toBe(Math.round(before.y));

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('l');
  const laidOut = (await downloadedDesign(page)) as typeof starter;
  expect(laidOut.nodes.map((n) => n.position)).not.toEqual(starter.nodes.map((n) => n.position));
  const x = (id: string) => laidOut.nodes.find((n) => n.id === id)!.position.x;
  expect(x('users')).toBeLessThan(x('lb'));
  expect(x('lb')).toBeLessThan(x('api-1'));
  expect(x('api-1')).toBeLessThan(x('db'));
  await page.screenshot({ path: 'test-results/screenshots/editor-layout.png' });
  await page.keyboard.press('Control+z');
  expect(await downloadedDesign(page)).toEqual(starter);

  await page.keyboard.press('Control+a');
  await expect(page.locator('.sl-properties')).toContainText('13 items selected');
});

test('properties show what applies to the chosen options, defaults as placeholders; Run refuses while a field is invalid', async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(viewport);
    await openApp(page);
    await node(page, 'lb').click();
    const panel = page.locator('.sl-properties');
    // Round robin: no hashing, ring, weights or partitions; Health check fits on the screen.
    for (const hidden of ['hashBy', 'virtualNodes', 'weights', 'partitions', 'ownerRefreshMs']) await expect(panel.locator(`[data-field="${hidden}"], [data-field^="${hidden}."]`)).toHaveCount(0);
    const health = panel.locator('[data-field="healthCheck.intervalMs"]');
    await expect(health).toBeInViewport({ ratio: 1 });
    // The probe's own timeout sits in the health-check group (a probe waits behind the target's work).
    await expect(panel.locator('[data-field="healthCheck.timeoutMs"]')).toBeVisible();
    await expect(panel.locator('details.sl-advanced [data-field="timeoutMs"]')).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/properties-round-robin-${viewport.width}.png` });
    await panel.locator('[data-field="policy"] select').selectOption('consistent-hash');
    await expect(panel.locator('[data-field="virtualNodes"]')).toBeVisible();
    await expect(panel.locator('[data-field="hashBy"]')).toBeVisible();
    await panel.locator('[data-field="policy"] select').selectOption('round-robin');

    // A service's mean service time shows its default and unit.
    await node(page, 'api-1').click();
    const mean = panel.locator('[data-field="serviceTimeMs.mean"]');
    await expect(mean.locator('input')).toHaveAttribute('placeholder', '5');
    await expect(mean.locator('label')).toHaveText('Mean (ms)');
    await page.screenshot({ path: `${SHOTS}/properties-service-${viewport.width}.png` });
  }

  // Interval = 3 is refused by the schema; Run says so instead of running the old 3000 ms.
  await node(page, 'lb').click();
  const interval = page.locator('.sl-properties [data-field="healthCheck.intervalMs"] input');
  await interval.fill('3');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('alert')).toHaveText(/^Fix Interval on Load balancer first/);
  await expect(interval).toBeFocused();
  await expect(page.getByTestId('trace-hash')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/run-refused-invalid-field.png` });
  await interval.fill('500');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{12}$/, { timeout: 30_000 });
});

test('in 简体中文, a duplicated or pasted node is named like a palette node: “服务 2”, not “Service 1”', async ({ page }) => {
  await openApp(page);
  await newDesign(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await dropKind(page, 'service', 300, 200);
  await expect(node(page, 'service-1')).toContainText('服务 1');
  await node(page, 'service-1').click();
  await page.keyboard.press('Control+d');
  await expect(node(page, 'service-2')).toContainText('服务 2');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'service-3')).toContainText('服务 3');
  expect((await page.locator('.react-flow__node').allTextContents()).join(' ')).not.toMatch(/Service/);
  await page.screenshot({ path: `${SHOTS}/editor-duplicate-zh-CN.png` });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});
