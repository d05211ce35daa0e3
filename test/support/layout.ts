// Layout checks for e2e tests at a screen's size: nothing wider than the window, a control wholly
// inside it, no content spilling out of its box; screenshots to test/artifacts/e2e and, when
// missing or with UPDATE_SCREENSHOTS=1, to docs/screenshots.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import type { Locator, Page } from 'playwright-core';
import { artifactsDir } from './browser.ts';

const shots = join(artifactsDir, 'e2e');

export interface Screen {
  name: 'phone' | 'tablet' | 'desktop';
  width: number;
  height: number;
  /** Where the tabs fold into the ☰ menu. */
  menu: boolean;
  /** Screenshots kept in docs/screenshots, by what they show. */
  keep: string[];
}

/** The page is no wider than the window: nothing to scroll sideways, nothing cut off at the right. */
export async function assertNoOverflow(t: ExecutionContext, page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  t.true(scrollWidth <= innerWidth, `${where}: the page lays out ${scrollWidth} px wide in a ${innerWidth} px window`);
}

/** Shown, and wholly inside the window (so a finger can reach it without scrolling the page sideways). */
export async function assertOnScreen(t: ExecutionContext, locator: Locator, screen: Screen, what: string): Promise<void> {
  t.true(await locator.isVisible(), `${what} is visible`);
  const box = await locator.boundingBox();
  t.truthy(box, `${what} has a box`);
  if (box) t.true(box.x >= 0 && box.y >= 0 && box.x + box.width <= screen.width + 0.5 && box.y + box.height <= screen.height + 0.5, `${what} lies within the ${screen.width}×${screen.height} window: ${JSON.stringify(box)}`);
}

/**
 * No element of the kind holds more than its box shows: a figure or a form spilling out sideways
 * (unless the box scrolls sideways by design), or (`tall`) a card squeezed under its content so the
 * next one covers it.
 */
export async function assertContentFits(t: ExecutionContext, page: Page, selector: string, what: string, tall = false): Promise<void> {
  const spilled = await page.$$eval(
    selector,
    (elements, tall) =>
      elements
        .filter((element) => {
          const scrolls = ['auto', 'scroll'].includes(getComputedStyle(element).overflowX); // a table scrolling inside its card is by design
          return (!scrolls && element.scrollWidth > element.clientWidth + 1) || (tall && element.scrollHeight > element.clientHeight + 1);
        })
        .map((element) => `${element.textContent?.trim().slice(0, 40)} (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`),
    tall,
  );
  t.deepEqual(spilled, [], `${what}: content larger than its box`);
}

export async function shot(page: Page, screen: Screen, what: string): Promise<void> {
  const name = `${screen.name}-${what}.png`;
  await page.screenshot({ path: join(shots, name) });
  if (screen.keep.includes(what) && (process.env.UPDATE_SCREENSHOTS || !existsSync(join('docs/screenshots', name)))) copyFileSync(join(shots, name), join('docs/screenshots', name));
}
