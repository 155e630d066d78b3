/**
 * `npm run -s verify-bundle -- <bundle.json> <public-key.pem> [chain-heads.json]`: checks a case
 * bundle offline — its signature with a public key you trust (GET /v1/bundles/public-key, kept
 * apart from the bundle) and its hash chain; with a day's published chain heads (GET
 * /v1/chain-heads/{day} as the Ombudsman or an operator, kept since), also that the chain still
 * holds the head published for it then. Prints the finding; exits 1 when it is not valid.
 */
import { readFileSync } from 'node:fs';
import { caseBundleSchema } from '../functions/contract/inputs/verify-case-bundle';
import { fieldErrorsOf } from '../functions/contract/problem';
import { type CaseBundle, type PublishedHeads, verifyBundle } from '../functions/use-cases/case-bundle';

const [bundleFile, keyFile, headsFile] = process.argv.slice(2);
if (!bundleFile || !keyFile) {
  console.error('usage: npm run -s verify-bundle -- <bundle.json> <public-key.pem> [chain-heads.json]');
  process.exit(2);
}
// The same declaration the online check uses: a malformed file is named, not a crash.
const parsed = caseBundleSchema.safeParse(JSON.parse(readFileSync(bundleFile, 'utf8')));
if (!parsed.success) {
  console.log(
    `NOT VALID:\n${fieldErrorsOf(parsed.error)
      .map((e) => `- ${e.field}: ${e.message}`)
      .join('\n')}`,
  );
  process.exit(1);
}
const published = headsFile ? (JSON.parse(readFileSync(headsFile, 'utf8')) as PublishedHeads) : undefined;
const result = verifyBundle(parsed.data as unknown as CaseBundle, readFileSync(keyFile, 'utf8'), published);
console.log(result.valid ? 'VALID: the signature and the hash chain hold.' : `NOT VALID:\n${result.problems.map((p) => `- ${p}`).join('\n')}`);
process.exit(result.valid ? 0 : 1);
