/** Kept in step with package.json by a test (a JSON import would pull package.json into bundles). */
export const ENGINE_VERSION = '0.1.0';
