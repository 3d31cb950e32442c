import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Renders a page's data (what the runtime test collected from its setData calls) through the
 * build's own templates — `base.wxml` and `utils.wxs`, compiled by WeChat's `wcc` — with npm
 * `miniprogram-simulate` (exparser on jsdom). Needs a DOM: register `global-jsdom` first.
 */
interface Simulate {
  load(path: string, options: { rootPath: string; compilerOptions: { maxBuffer: number } }): string;
  render(id: string): { attach(parent: Element): void; dom: Element };
}

export interface Rendered {
  text: string;
  html: string;
  /** What WeChat's template runtime complained of (e.g. `Template \`tmpl_0_999\` not found.`). */
  warnings: string[];
}

/**
 * A copy of the build with one component per page under `render/`: the page's own WXML
 * (`<template is="taro_tmpl" data="{{root:root}}"/>`), its data as the component's data, and the
 * build's recursive `comp` for trees deeper than the templates unroll.
 */
function stage(dist: string, pages: { name: string; data: unknown }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'citycare-weapp-render-'));
  cpSync(dist, root, { recursive: true });
  const dir = join(root, 'render');
  mkdirSync(dir);
  const comp = readFileSync(join(dist, 'comp.wxml'), 'utf8').replace(/(src=")\.\//g, '$1../');
  writeFileSync(join(dir, 'comp.wxml'), comp);
  writeFileSync(join(dir, 'comp.json'), JSON.stringify({ component: true, usingComponents: { comp: './comp' } }));
  writeFileSync(join(dir, 'comp.js'), 'Component({ properties: { i: Object, l: String } })\n');
  for (const { name, data } of pages) {
    const wxml = readFileSync(join(dist, 'pages', name, 'index.wxml'), 'utf8').replace(/\.\.\/\.\.\//g, '../');
    writeFileSync(join(dir, `${name}.wxml`), wxml);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ component: true, usingComponents: { comp: './comp' } }));
    writeFileSync(join(dir, `${name}.js`), `Component({ data: ${JSON.stringify(data)} })\n`);
  }
  return root;
}

/** Each page rendered to DOM: its text content and HTML. */
export function renderThroughTemplates(dist: string, pages: { name: string; data: unknown }[]): Map<string, Rendered> {
  // Loaded here, after the caller registered the DOM: the package touches `window` when required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const root = stage(dist, pages);
  const out = new Map<string, Rendered>();
  const warn = console.warn;
  try {
    for (const { name } of pages) {
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
      const id = simulate.load(join(root, 'render', name), {
        rootPath: root,
        compilerOptions: { maxBuffer: 64 << 20 },
      });
      const component = simulate.render(id);
      component.attach(document.createElement('parent-wrapper'));
      out.set(name, { text: component.dom.textContent ?? '', html: component.dom.innerHTML, warnings });
    }
  } finally {
    console.warn = warn;
  }
  return out;
}
