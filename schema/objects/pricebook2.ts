import { auditFields, bool, datetime, idField, isDeleted, nameStr, textarea } from '../field-builders.ts';
import type { ObjectDef } from '../types.ts';

export const Pricebook2: ObjectDef = {
  name: 'Pricebook2',
  label: 'Price Book',
  labelPlural: 'Price Books',
  keyPrefix: '01s',
  custom: false,
  description: 'A price book that contains the list of products that your org sells.',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  searchable: true,
  fields: [
    idField(),
    isDeleted(),
    nameStr('Name', 'Price Book Name', 255, { nillable: false, description: 'Name of the price book' }),
    textarea('Description', 'Description', 255, { description: 'Description of the price book' }),
    bool('IsActive', 'Active', false, { description: 'Boolean indicating whether the price book is active' }),
    bool('IsStandard', 'Is Standard Price Book', false, { createable: false, updateable: false }),
    datetime('ValidFrom', 'Valid From', { description: "Start date of validity in 'YYYY-MM-DDTHH:MM:SSZ' format" }),
    datetime('ValidTo', 'Valid To', { description: "End date of validity in 'YYYY-MM-DDTHH:MM:SSZ' format" }),
    ...auditFields(),
  ],
};
