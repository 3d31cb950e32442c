import type { ServiceCategory } from '@citycare/contract';
import { queryAll } from '../../lib/dynamo';
import type { ConsultationItem } from '../items';
import { INDEX_BY_QUEUE, queuePartition } from '../keys';
import { queueOrder } from '../rules';
import { serviceTable } from '../table';

/** The open consultations of a category (at most `max`), in the queue's order. */
export async function openConsultations(category: ServiceCategory, max: number): Promise<ConsultationItem[]> {
  const items = await queryAll<ConsultationItem>(
    {
      TableName: serviceTable(),
      IndexName: INDEX_BY_QUEUE,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': queuePartition(category) },
    },
    { max },
  );
  return items.sort(queueOrder);
}
