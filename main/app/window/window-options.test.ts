import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from './window-options';

describe('the main window', () => {
  const options = mainWindowOptions(
    '/app/out/preload/index.cjs',
    { x: 10, y: 20, width: 1000, height: 700, maximized: false },
    '/app/icon.png',
  );

  it('runs the renderer isolated, sandboxed, without Node and with web security', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('sets no preference that would loosen the sandbox', () => {
    const prefs = secureWebPreferences('/p');
    const loosening = [
      'enableBlinkFeatures',
      'additionalArguments',
      'devTools',
      'allowRunningInsecureContent',
    ];
    expect(Object.entries(prefs).filter(([k, v]) => loosening.includes(k) && v !== false)).toEqual(
      [],
    );
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('opens hidden at the remembered bounds, shown once painted', () => {
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      show: false,
      icon: '/app/icon.png',
    });
  });
});
