/**
 * `npm run -s verify-bundle -- <bundle.json> <public-key.pem>`: checks a case bundle offline —
 * its signature with a public key you trust (GET /v1/bundles/public-key, kept apart from the
 * bundle) and its hash chain. Prints the finding; exits 1 when it is not valid.
 */
import { readFileSync } from 'node:fs';
import { type CaseBundle, verifyBundle } from '../functions/use-cases/case-bundle';

const [bundleFile, keyFile] = process.argv.slice(2);
if (!bundleFile || !keyFile) {
  console.error('usage: npm run -s verify-bundle -- <bundle.json> <public-key.pem>');
  process.exit(2);
}
const result = verifyBundle(JSON.parse(readFileSync(bundleFile, 'utf8')) as CaseBundle, readFileSync(keyFile, 'utf8'));
console.log(result.valid ? 'VALID: the signature and the hash chain hold.' : `NOT VALID:\n${result.problems.map((p) => `- ${p}`).join('\n')}`);
process.exit(result.valid ? 0 : 1);
