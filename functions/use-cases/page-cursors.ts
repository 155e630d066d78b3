import { validationError } from '../core/errors';
import type { CursorCodec, PagePosition } from '../core/ports';

const badCursor = () => validationError([{ field: 'cursor', message: 'kursor tidak valid' }], 'Kursor tidak valid');

/**
 * The store's position a cursor holds, opened only in the scope it was sealed for: a forged,
 * edited or foreign cursor is a 400 naming `cursor`. The position itself stays opaque.
 */
export function openPosition(cursors: CursorCodec, scope: string, cursor: string): PagePosition {
  const opened = cursors.open(scope, cursor);
  if (typeof opened !== 'string' || !opened) throw badCursor();
  return opened as PagePosition;
}

/** The same for a cursor that holds a position with other fields (e.g. the month of the feed). */
export function openCursor<T>(cursors: CursorCodec, scope: string, cursor: string, is: (v: unknown) => v is T): T {
  const opened = cursors.open(scope, cursor);
  if (!is(opened)) throw badCursor();
  return opened;
}
