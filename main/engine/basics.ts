/**
 * The part of the engine's entry point that loads nothing heavy (no SQLite, no cloud SDK): where
 * the data directory is and why it cannot be used. The CLI's `validate` and `preview` use only
 * this, so they start at once; everything else goes through main/engine/index.ts.
 */
export { DataDirError, PRODUCT_NAME, defaultDataDir, prepareDataDir } from './host/data-dir';
export { localUser } from './host/local-user';
