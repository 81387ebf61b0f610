import { app } from 'electron';
import { runDesktop } from './desktop-app';

/** Electron main entry (out/main/index.js). Everything lives in desktop-app.ts and its modules. */
runDesktop().catch((error: unknown) => {
  console.error('Hibernator failed to start:', error);
  app.exit(1);
});
