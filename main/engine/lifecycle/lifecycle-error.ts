/** A lifecycle step refused (the API answers it with the same code). */
export class LifecycleError extends Error {
  constructor(
    readonly code: 'NOT_ALLOWED' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}
