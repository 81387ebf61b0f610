import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './create-bridge';

/** Sandboxed preload: bundled into one CommonJS file whose only require is `electron`. */
contextBridge.exposeInMainWorld('hibernator', createBridge(ipcRenderer));
