// Placeholder entry until the Electron host lands (built by electron-vite, never run in tests).
export {};
