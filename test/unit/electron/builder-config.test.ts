/**
 * electron-builder.yml: parsed with js-yaml (already installed as a dependency of electron-builder)
 * and validated with electron-builder's own schema validator, then checked for the targets and
 * hardening fuses Chorus requires.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
};

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};
let config: Config;

beforeAll(() => {
  config = yaml.load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Config;
});

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  }, 30_000);

  it('the validator would catch a misspelt fuse (so the previous test means something)', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, { isEnabled: false })).rejects.toThrow(/electronFuses/);
  }, 30_000);

  it('names the app and packages only the built output', () => {
    expect(config.appId).toBe('uk.ncvpp.chorus');
    expect(config.productName).toBe('Chorus');
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
    expect(config.files.filter((f) => !f.startsWith('!')).sort()).toEqual(['dist-electron/**', 'dist/renderer/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, DMG on macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('flips every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at the entry package.json declares', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(pkg.scripts['build:electron']).toBe('node electron/build.mjs');
  });
});
