import { DataDirError, EngineLockedError, DatabaseError } from '../engine';

export interface StartupDialog {
  title: string;
  message: string;
  detail: string;
}

/**
 * What the user reads when the engine cannot open; the engine's messages already say what to
 * do, the title says what went wrong in plain words. The app quits after the dialog.
 */
export function startupErrorDialog(error: unknown): StartupDialog {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof EngineLockedError) {
    return {
      title: 'Hibernator is already running',
      message: `Another Hibernator (${error.owner.host}, pid ${error.owner.pid}) is using this data folder.`,
      detail: `${text}\n\nIf that is \`hibernator serve\`, stop it first; the desktop app and serve cannot share one data folder.`,
    };
  }
  if (error instanceof DatabaseError) {
    // better-sqlite3 built for Node instead of Electron: the start script builds the right one.
    const abi = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(text)
      ? '\n\nThe SQLite module was built for Node.js, not for Electron. Start the app with `npm start`, which builds it for Electron.'
      : '';
    return {
      title: 'Hibernator cannot open its database',
      message: 'The database could not be opened.',
      detail: `${text}${abi}`,
    };
  }
  if (error instanceof DataDirError) {
    return {
      title: 'Hibernator cannot use its data folder',
      message: 'The data folder is not usable.',
      detail: text,
    };
  }
  return {
    title: 'Hibernator could not start',
    message: 'Hibernator could not start.',
    detail: text,
  };
}
