// Share links: the scenario, deflated (the browser's CompressionStream) and base64url-encoded in the URL's hash.

const PREFIX = '#scenario=';
/** The longest link hash read, characters: a scenario deflates to a few kilobytes; far more is not a scenario. */
export const MAX_LINK_CHARS = 200_000;
/** The most a link may inflate to, bytes: a scenario is tens of kilobytes of JSON; this stops a link that would fill the tab. */
export const MAX_INFLATED_BYTES = 2_000_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Inflates `bytes`, stopping (and throwing) as soon as the output passes `maxBytes`. */
async function inflateAtMost(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`it would inflate to more than ${(maxBytes / 1e6).toLocaleString('en-GB')} MB, far more than any scenario`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A link to this page that carries the scenario; throws if the scenario is too large for a link (export it as a file instead). */
export async function shareLink(raw: unknown, base: string): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(raw));
  if (json.length > MAX_INFLATED_BYTES) throw new Error(`the scenario is ${(json.length / 1e6).toFixed(1)} MB, more than a link carries (${MAX_INFLATED_BYTES / 1e6} MB): export it as a file instead`);
  const hash = toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
  if (hash.length > MAX_LINK_CHARS) throw new Error(`the link would be ${hash.length.toLocaleString('en-GB')} characters, more than a link carries (${MAX_LINK_CHARS.toLocaleString('en-GB')}): export it as a file instead`);
  return `${base.split('#')[0]}${PREFIX}${hash}`;
}

/** The scenario a link carries, if any; a damaged link is reported, not thrown. */
export async function scenarioFromHash(hash: string): Promise<{ raw: unknown } | { problem: string } | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const body = hash.slice(PREFIX.length);
  if (body.length > MAX_LINK_CHARS) {
    return { problem: `The share link could not be read (it is ${body.length.toLocaleString('en-GB')} characters long, more than a link to a scenario can be); the default scenario is loaded instead.` };
  }
  try {
    const bytes = await inflateAtMost(fromBase64Url(body), MAX_INFLATED_BYTES);
    return { raw: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (e) {
    return { problem: `The share link could not be read (${(e as Error).message}); the default scenario is loaded instead.` };
  }
}
