// The Content-Security-Policy the app is served with is the one the README tells a council's web server to send.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { CONTENT_SECURITY_POLICY } from '../vite.config';
import { ROOT } from './helpers/scenarios';

describe('the Content-Security-Policy', () => {
  it('is sent by `vite preview` (npm start) as a header, and written in the README word for word', () => {
    const headers = (config as { preview?: { headers?: Record<string, string> } }).preview?.headers;
    expect(headers?.['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
  });

  it('runs only the app\'s own scripts and workers (and its WebAssembly), and starts from nothing allowed', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*|https?:/);
  });
});
