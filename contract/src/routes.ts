import type * as z from 'zod';
import { authRoutes } from './auth';
import { directoryRoutes } from './directory';
import { healthRoutes } from './health-routes';
import { groceryRoutes } from './grocery-routes';
import { utilityRoutes } from './utility-routes';
import { paymentRoutes } from './payments';
import { serviceRoutes } from './service';
import { notifyRoutes } from './notify';
import { privacyRoutes } from './privacy';
import { healthPlaceRoutes } from './health-place';
import { companyRoutes } from './company';
import { peopleRoutes } from './people';
import { healthHistoryRoutes } from './health-history';
import type { RouteDef } from './route-def';

/**
 * Every HTTP endpoint, defined once, each domain's table merged here. serverless.yml's routes,
 * the handlers' types and the mini-program's client are all checked against it.
 */
export const routes = {
  ...authRoutes,
  ...directoryRoutes,
  ...healthRoutes,
  ...groceryRoutes,
  ...utilityRoutes,
  ...paymentRoutes,
  ...serviceRoutes,
  ...notifyRoutes,
  ...privacyRoutes,
  ...healthPlaceRoutes,
  ...companyRoutes,
  ...peopleRoutes,
  ...healthHistoryRoutes,
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RequestBody<N extends RouteName> = Routes[N] extends { body: z.ZodType }
  ? z.input<Routes[N]['body']>
  : never;
export type ResponseBody<N extends RouteName> = z.infer<Routes[N]['response']>;
