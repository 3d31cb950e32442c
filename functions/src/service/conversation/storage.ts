import { queryAll } from '../../lib/dynamo';
import type { ConsultationItem } from '../items';
import { INDEX_BY_RESIDENT, residentPartition } from '../keys';
import { serviceTable } from '../table';

/** A resident's consultations, newest first (at most `max`). */
export function residentConsultations(residentId: string, max: number): Promise<ConsultationItem[]> {
  return queryAll<ConsultationItem>(
    {
      TableName: serviceTable(),
      IndexName: INDEX_BY_RESIDENT,
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': residentPartition(residentId) },
      ScanIndexForward: false,
    },
    { max },
  );
}
