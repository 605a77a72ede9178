/**
 * Thrown by domain primitives on bad input. The message never echoes the raw value when it could be
 * personal data (an IIN, a phone, an IBAN): it says what is wrong and shows at most a masked form.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';
  /** Stable machine-readable code, e.g. `IIN_CHECKSUM`. */
  readonly code: string;
  /** What the caller can do about it. */
  readonly hint?: string;

  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
}
