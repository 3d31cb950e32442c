import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ServiceCategory } from '@citycare/contract';
import { directoryKey } from '../../functions/src/auth/keys';
import { advance, newConsultation, type Windows } from '../../functions/src/service/rules';
import { ROOT } from './paths';
import { putIf } from './seed-put';

/** config/service.yml: the targets and limits (read by serverless.yml) and the 热线与专家 entries. */
export interface Hotline {
  id: string;
  group: 'department' | 'expert';
  name: string;
  phone: string;
  hours: string;
  desc: string;
}

export interface ServiceConfigFile {
  reopenDays: number;
  closedTtlDays: number;
  limits: { messagesPerConsultation: number };
  hotlines: Hotline[];
}

export function serviceConfigFile(): ServiceConfigFile {
  return parse(readFileSync(join(ROOT, 'config', 'service.yml'), 'utf8')) as ServiceConfigFile;
}

/** Tables are named `${service}-${stage}-<name>` (serverless.yml): the service table beside the directory. */
export const serviceTableBeside = (directoryTable: string) => directoryTable.replace(/-directory$/, '-service');

/** A hotline as a directory entry (kind `hotline`); `kind` is its group, `rank` keeps config's order. */
export function hotlineEntry(h: Hotline, index: number) {
  return {
    ...directoryKey('hotline', h.id),
    id: h.id,
    kind: h.group,
    name: String(h.name),
    phone: String(h.phone),
    hours: String(h.hours),
    desc: String(h.desc),
    rank: String(index).padStart(3, '0'),
  };
}

const FIELDS = ['kind', 'name', 'phone', 'hours', 'desc', 'rank'] as const;

/** Demo consultations (local stages): 刘德福 asks about his health code and about vegetables. */
function demoConsultations(residentId: string, now: Date, windows: Windows) {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const waiting = newConsultation(
    {
      consultationId: 'c-demo-health-code',
      residentId,
      category: 'health-code' as ServiceCategory,
      question: '我从大石桥回营口市区，健康码一直是黄码，已经在家隔离 10 天了，什么时候能转绿码？',
    },
    ago(150),
    windows,
  );
  const asked = newConsultation(
    {
      consultationId: 'c-demo-grocery',
      residentId,
      category: 'grocery' as ServiceCategory,
      question: '家里两位老人不会用手机下单，社区能不能帮忙代买蔬菜？',
    },
    ago(300),
    windows,
  );
  const answered = advance(
    asked,
    { status: 'answered', waitingSince: undefined },
    [
      {
        from: 'centre',
        text: '可以的。请联系您所在社区的网格员，由社区工作人员代为下单并无接触配送到家门口。',
        at: ago(240).toISOString(),
      },
    ],
    ago(240),
    windows,
  );
  return [waiting, answered];
}

/**
 * Seeds the 热线与专家 entries into the directory (a changed entry replaces the stored one; one
 * removed from config is removed) and, with demo data, two consultations of 刘德福 (added once).
 */
export async function seedService(
  doc: DynamoDBDocumentClient,
  directoryTable: string,
  demoResidentId: string | undefined,
  now = new Date(),
  config: ServiceConfigFile = serviceConfigFile(),
): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  const count = (made: boolean) => (made ? created++ : existing++);
  const entries = config.hotlines.map(hotlineEntry);
  for (const entry of entries) {
    const values = Object.fromEntries(FIELDS.map((f) => [`:${f}`, entry[f]]));
    const names = Object.fromEntries(FIELDS.map((f) => [`#${f}`, f]));
    const differs = FIELDS.map((f) => `#${f} <> :${f}`).join(' OR ');
    count(await putIf(doc, directoryTable, entry, `attribute_not_exists(pk) OR ${differs}`, values, names));
  }
  const stored = await doc.send(
    new QueryCommand({
      TableName: directoryTable,
      KeyConditionExpression: 'pk = :k',
      ExpressionAttributeValues: { ':k': 'hotline' },
    }),
  );
  const wanted = new Set(entries.map((e) => e.sk));
  for (const item of stored.Items ?? []) {
    if (!wanted.has(String(item.sk))) {
      await doc.send(new DeleteCommand({ TableName: directoryTable, Key: { pk: item.pk, sk: item.sk } }));
    }
  }
  if (!demoResidentId) return { created, existing };
  const windows: Windows = {
    reopenDays: config.reopenDays,
    closedTtlDays: config.closedTtlDays,
    messagesPerConsultation: config.limits.messagesPerConsultation,
  };
  for (const item of demoConsultations(demoResidentId, now, windows)) {
    count(await putIf(doc, serviceTableBeside(directoryTable), item, 'attribute_not_exists(pk)'));
  }
  return { created, existing };
}
