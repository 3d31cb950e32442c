import { DirectoryKind } from '@citycare/contract';
import { AppError } from '../lib/errors';
import { endpoint } from '../lib/http';
import { entries } from './storage';

/** GET /directory/{kind} (directory): the city's communities, stores, places ... for pickers and labels. */
export const list = endpoint('directory', {}, async ({ params }) => {
  const kind = DirectoryKind.safeParse(params.kind);
  if (!kind.success) throw new AppError('NOT_FOUND', '没有这类目录');
  return { entries: await entries(kind.data) };
});
