import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the Node the system runs on (issue 20)', () => {
  it('is the Lambda runtime’s major, 24, from the npm `node` package that npm puts first on PATH', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    const bundled = execFileSync('node_modules/.bin/node', ['--version'], { encoding: 'utf8' }).trim();
    expect(bundled).toMatch(/^v24\./);
  });
});
