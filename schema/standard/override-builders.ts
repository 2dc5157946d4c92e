/** The field builders overrides.ts and extra-objects.ts use, plus `percent` (Probability, Discount). */
import { base } from '../field-builders.ts';
import type { FieldOptions } from '../field-builders.ts';
import type { FieldDef } from '../types.ts';

export * from '../field-builders.ts';

export const percent = (name: string, label: string, opts: FieldOptions = {}): FieldDef =>
  base(name, 'percent', label, { precision: 3, scale: 0, ...opts });
