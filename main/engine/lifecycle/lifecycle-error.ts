import { CodedError } from '../errors/coded-error';

/** A lifecycle step refused (the API answers it with the same code). */
export class LifecycleError extends CodedError {
  constructor(
    override readonly code: 'NOT_ALLOWED' | 'NOT_FOUND',
    message: string,
  ) {
    super(code, message, false);
    this.name = 'LifecycleError';
  }
}
