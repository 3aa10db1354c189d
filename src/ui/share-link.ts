// Share links: the scenario, deflated (the browser's CompressionStream) and base64url-encoded in the URL's hash.

const PREFIX = '#scenario=';

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

/** A link to this page that carries the scenario. */
export async function shareLink(raw: unknown, base: string): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(raw)), new CompressionStream('deflate-raw'));
  return `${base.split('#')[0]}${PREFIX}${toBase64Url(bytes)}`;
}

/** The scenario a link carries, if any; a damaged link is reported, not thrown. */
export async function scenarioFromHash(hash: string): Promise<{ raw: unknown } | { problem: string } | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    return { raw: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (e) {
    return { problem: `The share link could not be read (${(e as Error).message}); the default scenario is loaded instead.` };
  }
}
