import { currentRequest } from './context';

/**
 * Business metrics as CloudWatch Embedded Metric Format: one JSON line on stdout per event,
 * which CloudWatch Logs turns into a metric in the `CityCare` namespace, by stage. No API call,
 * no permission and no latency on the request. Stages without METRICS_STAGE (the local stack)
 * emit nothing.
 */
export type BusinessMetric =
  | 'HealthCodesShown'
  | 'HealthScans'
  | 'HealthDeclarations'
  | 'GroceryOrdersPlaced'
  | 'GroceryOrdersCancelled'
  | 'GroceryDeliveries'
  | 'ReliefApplications'
  | 'RepairRequests'
  // Money that needs a person (docs/operations.md, "WeChat Pay: refunds and late payments"): alarmed on.
  | 'PaymentRefundProblems'
  | 'PaymentsPaidAfterClose';

export const METRICS_NAMESPACE = 'CityCare';

export function emfLine(name: BusinessMetric, value: number, stage: string, at: Date): string {
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        { Namespace: METRICS_NAMESPACE, Dimensions: [['Stage']], Metrics: [{ Name: name, Unit: 'Count' }] },
      ],
    },
    Stage: stage,
    [name]: value,
    requestId: currentRequest()?.requestId,
  });
}

/** Counts `value` occurrences of a business event (default one). */
export function metric(name: BusinessMetric, value = 1): void {
  const stage = process.env.METRICS_STAGE;
  if (!stage || value <= 0) return;
  process.stdout.write(`${emfLine(name, value, stage, new Date())}\n`);
}
