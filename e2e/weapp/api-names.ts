import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface WxMember {
  name: string;
  /** A method (`login(option)`), or a plain property (`env`, `cloud`). */
  method: boolean;
}

/**
 * Every member of the `Wx` interface (the global `wx`) as WeChat's own typings declare it, read
 * from npm `miniprogram-api-typings` with the TypeScript parser, never listed by hand. Taro builds
 * `Taro.*` from `Object.keys(wx)`, so the shim must carry every one of these names.
 */
let cached: WxMember[] | undefined;
export function wxMembers(): WxMember[] {
  if (cached) return cached;
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const members = new Map<string, WxMember>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const m of node.members) {
        if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
        const name = m.name.text;
        members.set(name, { name, method: ts.isMethodSignature(m) || members.get(name)?.method === true });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cached = [...members.values()];
  return cached;
}
