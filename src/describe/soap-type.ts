/**
 * describe's `soapType` for each field type (reference/salesforce-api.md §5.3): Ids are `tns:ID`,
 * text-like types `xsd:string`, numbers `xsd:int`/`xsd:double`, and so on.
 */
import type { FieldType } from '../../schema/types.ts';

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
};

export function soapType(type: FieldType): string {
  return SOAP_TYPES[type];
}
