import { routes, type RouteName } from '@citycare/contract';
import { json, type Handler } from './http';

/**
 * One Lambda function serves a group of routes of one audience (a domain's residents, its
 * staff...). API Gateway names the matched route in `routeKey` ("GET /health/keys"), so the
 * router only looks it up: no path matching of its own. Grouping keeps the stack well inside
 * CloudFormation's 500-resource limit while every group keeps a role of its own.
 */
export interface Router extends Handler {
  /** The route keys it serves, e.g. `POST /health/register`: checked against serverless.yml. */
  readonly routeKeys: readonly string[];
}

export const routeKey = (name: RouteName) => `${routes[name].method} ${routes[name].path}`;

export function router(handlers: Partial<Record<RouteName, Handler>>): Router {
  const byKey = new Map(Object.entries(handlers).map(([name, h]) => [routeKey(name as RouteName), h as Handler]));
  const serve: Handler = async (event, context) => {
    const handler = byKey.get(event.routeKey);
    if (!handler) return json(404, { error: { code: 'NOT_FOUND', message: '没有这个接口' } });
    return handler(event, context);
  };
  return Object.assign(serve, { routeKeys: [...byKey.keys()] });
}
