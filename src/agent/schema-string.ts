/**
 * The schema description shown to agents, generated from schema/ in CRMArena's SCHEMA_STRING layout
 * (reference/crmarena.md §2.4): the object names on one line, then each object with its described
 * fields as `  - Field: description`. Only fields that carry a CRMArena description are listed, like
 * the benchmark's agent-facing schema (§2.2 list (a)), which omits system and audit fields.
 */
import { CRMARENA_OBJECTS } from '../../schema/index.ts';

/** What the text needs of an object (an ObjectDef, or a described field list such as pro-schema.ts's). */
export interface SchemaObject {
  name: string;
  fields: readonly { name: string; description?: string }[];
}

/**
 * Fields CRMArena's agent schema describes that schema/ leaves undescribed because they come from the
 * shared owner/audit builders (reference/crmarena.md §2.2).
 */
const EXTRA_DESCRIPTIONS: Record<string, Record<string, string>> = {
  Contact: { OwnerId: 'References User object' },
  Case: {
    OwnerId: 'The latest owner of the case. References User object',
    CreatedDate: "Created date of the case in 'YYYY-MM-DDTHH:MM:SSZ' format",
  },
  LiveChatTranscript: { OwnerId: 'ID of the agent who owned the chat. References User object' },
  CaseHistory__c: { CreatedDate: "Date of the change in 'YYYY-MM-DDTHH:MM:SSZ' format" },
};

function describedFields(obj: SchemaObject): [string, string][] {
  const extra = EXTRA_DESCRIPTIONS[obj.name] ?? {};
  return obj.fields
    .map((f): [string, string | undefined] => [f.name, f.description ?? extra[f.name]])
    .filter((p): p is [string, string] => p[1] !== undefined);
}

// CRMArena's agents are shown CRMArena's 16 objects (its schema text), not the whole standard catalogue.
export function buildSchemaString(objects: readonly SchemaObject[] = CRMARENA_OBJECTS): string {
  const names = objects.map((o) => o.name).join(', ');
  const blocks = objects.map((o) => [o.name, ...describedFields(o).map(([n, d]) => `  - ${n}: ${d}`)].join('\n'));
  return (
    'The objects available in the Salesforce instance are:\n' +
    names +
    '\n\n## The fields available for the objects along with their descriptions and dependencies are:\n' +
    blocks.join('\n') +
    '\n'
  );
}
