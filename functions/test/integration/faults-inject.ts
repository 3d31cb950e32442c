import { randomUUID } from 'node:crypto';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { db } from '../../src/lib/dynamo';
import type { Handler } from '../../src/lib/http';
import { httpEvent } from './helpers';

/**
 * The fault tests run with the deployed deadlines (1 s per attempt, 3 s per call), not stage
 * `local`'s longer ones for DynamoDB Local: unset here, before this file's client is made.
 */
const LOCAL_DEADLINES = ['DYNAMODB_ATTEMPT_TIMEOUT_MS', 'DYNAMODB_CALL_BUDGET_MS'] as const;
const saved = LOCAL_DEADLINES.map((name) => [name, process.env[name]] as const);
for (const name of LOCAL_DEADLINES) delete process.env[name];
afterAll(() => {
  for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
});

/**
 * Fault injection into the real DynamoDB client: a middleware on db()'s stack, run for every
 * attempt (after the SDK's retry loop), removed after each test.
 */
export type Fault = (
  command: string,
  attempt: number,
  run: () => Promise<unknown>,
  abort?: AbortSignal,
) => Promise<unknown>;

let count = 0;
/** Attempts that went through the injected fault since the last test. */
export const attempts = () => count;

/** Every attempt of every command named in `commands` (all when empty) goes through `fault`. */
export function inject(fault: Fault, commands: string[] = []): void {
  const name = `fault-${randomUUID()}`;
  const middleware: FinalizeRequestMiddleware<object, object> = (next, context) => async (args) => {
    const command = String(context.commandName ?? '').replace(/Command$/, '');
    if (commands.length && !commands.includes(command)) return next(args);
    count += 1;
    const abort = (context as { __smithy_context?: { abortSignal?: AbortSignal } }).__smithy_context?.abortSignal;
    return (await fault(command, count, () => next(args), abort)) as Awaited<ReturnType<typeof next>>;
  };
  db().middlewareStack.add(middleware as never, { step: 'finalizeRequest', priority: 'low', name });
  removers.push(() => db().middlewareStack.remove(name));
}
const removers: (() => void)[] = [];
afterEach(() => {
  while (removers.length) removers.pop()?.();
  count = 0;
});

export const removeLastFault = () => removers.pop()?.();

export const sdkError = (name: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} (injected)`), { name, $metadata: { httpStatusCode: 500 }, ...fields });

/** A database that takes the request and never answers (until the caller gives up). */
export const frozen: Fault = (_c, _n, _run, abort) =>
  new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error('the deadline never came')), 15_000);
    abort?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    });
  });

interface Timed {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  ms: number;
}
export async function timed(handler: Handler, options: Parameters<typeof httpEvent>[0]): Promise<Timed> {
  const started = Date.now();
  const res = await handler(httpEvent(options));
  return {
    status: res.statusCode ?? 0,
    headers: (res.headers ?? {}) as Record<string, string>,
    body: JSON.parse(res.body ?? 'null') as Record<string, unknown>,
    ms: Date.now() - started,
  };
}
