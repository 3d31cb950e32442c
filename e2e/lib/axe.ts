import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core, injected into the page (its source, not a wrapper package), checking WCAG 2.1 A and
 * AA. A test fails on a serious or critical violation; minor and moderate ones are not counted.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const COUNTED = new Set(['serious', 'critical']);

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

interface AxeRun {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now (hidden pages skipped by axe). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Judge the page as it settles, not mid-fade: Taro's toast fades in over 0.1 s (its text at
  // partial opacity would read as low contrast). Endless animations (spinners) are not waited for.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 2000 },
    )
    .catch(() => undefined);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeRun> } }).axe;
    const run = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return run.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_TAGS);
  return result.filter((v) => COUNTED.has(v.impact));
}

/** One readable paragraph per violation: rule, impact, what it asks, and each element with its summary. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  const lines = violations.flatMap((v) => [
    `${where}: ${v.rule} (${v.impact}) — ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target}: ${n.summary.replace(/\s+/g, ' ')}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  return lines.join('\n');
}

/** Throws, with the readable list, if the page has a serious or critical violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`Accessibility (axe, WCAG 2.1 AA) violations\n${describeViolations(where, violations)}`);
  }
}
