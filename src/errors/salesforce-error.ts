/**
 * SalesforceError: the one error type a client can see. The REST layer renders it as Salesforce does:
 * HTTP `status` and a JSON array `[{message, errorCode, fields?}]` (reference/salesforce-api.md §6).
 * Factories for each code live in ./codes.ts so the wording stays in one place.
 */
export class SalesforceError extends Error {
  readonly errorCode: string;
  readonly status: number;
  readonly fields?: string[];

  constructor(errorCode: string, message: string, status = 400, fields?: string[]) {
    super(message);
    this.name = 'SalesforceError';
    this.errorCode = errorCode;
    this.status = status;
    if (fields) this.fields = fields;
  }

  /** The array body Salesforce returns. `fields` appears only for record-level errors. */
  toJSON(): { message: string; errorCode: string; fields?: string[] }[] {
    return [{ message: this.message, errorCode: this.errorCode, ...(this.fields ? { fields: this.fields } : {}) }];
  }
}

export function isSalesforceError(e: unknown): e is SalesforceError {
  return e instanceof SalesforceError;
}
