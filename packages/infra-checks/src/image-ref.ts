/** The parts of an image reference: name, tag and digest (either may be missing). */
export interface ImageRef {
  name: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry:5000/org/name:tag@sha256:...` into name, tag and digest. */
export function parseImageRef(ref: string): ImageRef {
  const [nameAndTag, digest] = ref.split('@', 2);
  const slash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port, not to a tag.
  if (colon > slash) return { name: nameAndTag.slice(0, colon), tag: nameAndTag.slice(colon + 1), digest };
  return { name: nameAndTag, digest };
}

/** Why an image reference is not pinned (no tag, a moving tag, no major.minor version), or undefined when it is. */
export function explainUnpinnedImage(ref: string): string | undefined {
  const { tag, digest } = parseImageRef(ref.trim());
  if (digest !== undefined) return /^sha256:[0-9a-f]{64}$/.test(digest) ? undefined : `"${ref}" has a malformed digest`;
  if (tag === undefined || tag === '') return `"${ref}" has no tag, so it means :latest`;
  if (/^(latest|stable|main|master|edge|nightly|dev)$/i.test(tag)) return `"${ref}" uses the moving tag :${tag}`;
  // A major-only tag such as postgres:17 moves with every minor release.
  if (!/\d+\.\d+/.test(tag)) return `"${ref}" has no major.minor version in its tag`;
  return undefined;
}
