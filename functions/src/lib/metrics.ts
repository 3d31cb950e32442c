/**
 * Business metrics as CloudWatch Embedded Metric Format: one JSON log line per metric, which
 * CloudWatch turns into a metric with no API call and no extra latency. Dimensions are coarse
 * (stage, service) — never a user, place or order id.
 */
export type BusinessMetric =
  | 'HealthCodeShown'
  | 'HealthScanRecorded'
  | 'HealthDeclaration'
  | 'GroceryOrderPlaced'
  | 'GroceryDelivered'
  | 'ReliefApplication'
  | 'DisconnectionRefused';

const NAMESPACE = 'CityCare';

export function emitMetric(name: BusinessMetric, value = 1, now = Date.now()): void {
  const stage = process.env.STAGE ?? 'unknown';
  console.log(
    JSON.stringify({
      _aws: {
        Timestamp: now,
        CloudWatchMetrics: [
          { Namespace: NAMESPACE, Dimensions: [['stage']], Metrics: [{ Name: name, Unit: 'Count' }] },
        ],
      },
      stage,
      [name]: value,
    }),
  );
}
