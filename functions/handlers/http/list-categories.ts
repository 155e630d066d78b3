import { categories } from '../../core/categories';
import { httpHandler, json } from '../../shared/http';

export const handler = httpHandler(async () =>
  json(
    200,
    {
      items: categories.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, handledBy: c.handledBy })),
    },
    { 'cache-control': 'public, max-age=300' },
  ),
);
