import { ROUTE_INPUTS } from '../../contract/routes';
import { categories } from '../../core/categories';
import { httpRoute, json } from '../../shared/http';

const body = { items: categories.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, handledBy: c.handledBy })) };

export const handler = httpRoute(ROUTE_INPUTS.listCategories, async () => json(200, body, { 'cache-control': 'public, max-age=300' }));
