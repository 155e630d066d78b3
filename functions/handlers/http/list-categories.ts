import { input } from '../../contract/inputs/list-categories';
import type { CategoriesOutput } from '../../contract/outputs/reference';
import { categories } from '../../core/categories';
import { httpRoute, json } from '../../shared/http';

const body = {
  items: categories.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, covers: c.covers, coversEn: c.coversEn, handledBy: c.handledBy })),
} satisfies CategoriesOutput;

export const handler = httpRoute(input, async () => json(200, body, { 'cache-control': 'public, max-age=300' }));
