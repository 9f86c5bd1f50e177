import fs from 'node:fs/promises';
import path from 'node:path';

/** The folders and regular files below a folder, as paths relative to it, each folder before its contents. */
export interface NativeTree {
  dirs: string[];
  files: string[];
}

/**
 * Lists `sub` (e.g. "native") below `root`. Symlinks are left out: the library links are
 * recreated from pg-symlinks.json wherever the tree is placed.
 */
export async function listTree(root: string, sub: string): Promise<NativeTree> {
  const tree: NativeTree = { dirs: [sub], files: [] };
  const visit = async (rel: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        tree.dirs.push(child);
        await visit(child);
      } else if (entry.isFile()) tree.files.push(child);
    }
  };
  await visit(sub);
  return tree;
}

/** True when every file of the tree is present below `root` (a temp-folder cleaner may have taken some). */
export async function holdsTree(root: string, tree: NativeTree): Promise<boolean> {
  const present = await Promise.all(tree.files.map((file) => fs.access(path.join(root, file)).then(() => true, () => false)));
  return present.every(Boolean);
}
