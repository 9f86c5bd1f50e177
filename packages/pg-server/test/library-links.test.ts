import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hydrateSymlinks } from '../src/library-links';

describe('the library links of the native tree', () => {
  it('recreates the library symlinks that npm could not carry, and leaves existing ones', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-binaries-'));
    try {
      await fs.mkdir(path.join(dir, 'native', 'lib'), { recursive: true });
      await fs.writeFile(path.join(dir, 'native', 'lib', 'libicuuc.so.60.2'), 'lib');
      const links = [
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
      ];
      await fs.writeFile(path.join(dir, 'native', 'pg-symlinks.json'), JSON.stringify(links));
      await hydrateSymlinks(dir);
      await hydrateSymlinks(dir); // a second run finds them in place
      expect(await fs.readlink(path.join(dir, 'native', 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
      expect(await fs.readFile(path.join(dir, 'native', 'lib', 'libicuuc.so'), 'utf8')).toBe('lib');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
