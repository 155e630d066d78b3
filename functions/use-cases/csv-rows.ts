import { parse } from 'csv-parse/sync';
import { validationError } from '../core/errors';

/**
 * The rows of a spreadsheet exported as CSV, by column name: refused as a whole (400, naming
 * what is wrong) when it cannot be read, has no rows or too many, lacks a required column or has
 * one nobody knows. Each row is then the caller's to check.
 */
export function csvRows(csv: string, spec: { columns: readonly string[]; optional: ReadonlySet<string>; maxRows: number }): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true, bom: true, trim: true, max_record_size: 64 * 1024 });
  } catch (error) {
    throw validationError([{ field: 'csv', message: `CSV tidak dapat dibaca: ${(error as Error).message.slice(0, 200)}` }], 'Berkas CSV tidak valid');
  }
  const header = Object.keys(rows[0] ?? {});
  const missing = spec.columns.filter((c) => !header.includes(c) && !spec.optional.has(c));
  const unknown = header.filter((c) => !spec.columns.includes(c));
  if (!rows.length) throw validationError([{ field: 'csv', message: 'tidak ada baris data' }], 'Berkas CSV kosong');
  if (missing.length || unknown.length)
    throw validationError(
      [
        ...(missing.length ? [{ field: 'csv', message: `kolom wajib tidak ada: ${missing.join(', ')}` }] : []),
        ...(unknown.length ? [{ field: 'csv', message: `kolom tidak dikenal: ${unknown.join(', ')}` }] : []),
      ],
      'Kolom CSV tidak sesuai',
    );
  if (rows.length > spec.maxRows)
    throw validationError([{ field: 'csv', message: `paling banyak ${spec.maxRows} baris per impor` }], 'Berkas CSV terlalu besar');
  return rows;
}
