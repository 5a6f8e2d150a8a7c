import { describe, expect, it } from 'vitest';
import { BootError, loadConfig } from '../src/index.js';

describe('configuration', () => {
  it('fills defaults', () => {
    const c = loadConfig({}, {});
    expect(c).toMatchObject({ env: 'development', host: '127.0.0.1', port: 3000, autoMigrate: true, plugins: [] });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('lets environment variables override the config file', () => {
    const c = loadConfig(
      { port: 4000, plugins: ['warranty'] },
      { AFTERCARE_PORT: '5000', AFTERCARE_PLUGINS: 'service-desk, warranty', AFTERCARE_AUTO_MIGRATE: 'false' },
    );
    expect(c.port).toBe(5000);
    expect(c.plugins).toEqual(['service-desk', 'warranty']);
    expect(c.autoMigrate).toBe(false);
  });

  it('AFTERCARE_PLUGINS set to empty enables no plugin', () => {
    expect(loadConfig({ plugins: ['warranty'] }, { AFTERCARE_PLUGINS: '' }).plugins).toEqual([]);
  });

  it.each([
    [{ AFTERCARE_PORT: 'abc' }, /^Invalid setting port \(AFTERCARE_PORT\): .*got "abc"/],
    [{ AFTERCARE_PORT: '70000' }, /AFTERCARE_PORT.*got "70000"/],
    [{ NODE_ENV: 'staging' }, /^Invalid setting env \(NODE_ENV\).*got "staging".*development, production or test/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*must start with postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %j with a message naming the setting', (env, pattern) => {
    let error: unknown;
    try {
      loadConfig({}, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('the README configuration reference', () => {
  it('documents every setting with its variable and default', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const { SETTINGS } = await import('../src/config.js');
    for (const s of SETTINGS) {
      expect(readme).toMatch(new RegExp(`\\| \`${s.variable}\` +\\| \`${s.key}\` +\\| ${s.default.replace(/[()]/g, '\\$&')} +\\|`));
    }
  });
});
