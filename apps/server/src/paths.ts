import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The @aftercare/server package folder, whether running from src/ (dev) or dist/src/ (built). */
export const serverRoot = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
/** Local state (embedded database, development mail) lives here unless AFTERCARE_DATA_DIR says otherwise. */
export const defaultDataDir = path.join(serverRoot, '.aftercare');
/** The repository root (the workspace), two levels above the server package. */
export const repoRoot = path.resolve(serverRoot, '../..');
