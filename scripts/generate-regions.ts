// Regenerates data/regions.json from idn-area-data (Kemendagri codes).
// The functions import the JSON so that a Lambda bundle needs no CSV files at run time;
// test/unit/regions.test.ts fails when the committed file drifts from the package.
import { writeFileSync } from 'node:fs';
import { buildRegionsFile } from './regions-source';

const file = await buildRegionsFile();
writeFileSync(new URL('../data/regions.json', import.meta.url), `${JSON.stringify(file, null, 1)}\n`);
console.log(`data/regions.json: ${file.provinces.length} provinces, ${file.regencies.length} regencies/cities`);
