/**
 * An org profile (an overlay such as CRMArena's) over the standard catalogue: the overlay's own
 * objects keep their object facts and fields, in their order, and gain every standard field they do
 * not define (appended, so overlay field order and the agent schema text stay as they were); then
 * come the catalogue objects the overlay does not touch. Downstream code sees only the result.
 */
import type { ObjectDef } from '../types.ts';
import { POLYMORPHIC_OWNER } from './infer-field.ts';

export function overlayOnCatalogue(overlay: readonly ObjectDef[], catalogue: readonly ObjectDef[]): ObjectDef[] {
  const overlayNames = new Set(overlay.map((o) => o.name));
  const catalogueNames = new Set(catalogue.map((o) => o.name));
  const merged = overlay.map((o) => {
    const std = catalogue.find((c) => c.name === o.name);
    const own = new Set(o.fields.map((f) => f.name.toLowerCase()));
    const fields = o.fields.map((f) => {
      // A lookup the overlay left without a relationship because its target was not modelled
      // (Account.RecordTypeId) becomes traversable once the catalogue models the target.
      if (f.type === 'reference' && !f.relationshipName && f.name.endsWith('Id') && f.referenceTo.every((t) => catalogueNames.has(t) || overlayNames.has(t))) {
        return { ...f, relationshipName: f.name.slice(0, -2) };
      }
      // A lookup the overlay points at one of the standard field's targets (CRMArena's Case.OwnerId,
      // always a User in its data) keeps the real org's polymorphic target list (Group, User).
      // A custom object's owner is a User or a queue, as a real org describes every custom OwnerId
      // (`referenceTo: ["Group","User"]`, polymorphicForeignKey true; reference/salesforce-api.md §5.3).
      if (o.custom && f.name === 'OwnerId' && f.type === 'reference' && f.referenceTo.length === 1 && f.referenceTo[0] === 'User') {
        return { ...f, referenceTo: [...POLYMORPHIC_OWNER] };
      }
      const stdField = std?.fields.find((s) => s.name === f.name);
      if (f.type === 'reference' && stdField && stdField.referenceTo.length > 1 && f.referenceTo.every((t) => stdField.referenceTo.includes(t))) {
        return { ...f, referenceTo: [...stdField.referenceTo] };
      }
      return f;
    });
    // The overlay's data does not fill the standard fields it gained, so they hold null: describe them
    // as nillable (a non-null field in the catalogue stays so on objects the overlay does not touch).
    const added = (std?.fields ?? [])
      .filter((f) => !own.has(f.name.toLowerCase()))
      .map((f) => (f.nillable || f.type === 'boolean' ? f : { ...f, nillable: true }));
    return { ...o, fields: [...fields, ...added] };
  });
  const rest = catalogue.filter((c) => !overlayNames.has(c.name));
  const all = [...merged, ...rest];
  dropDuplicateChildNames(all);
  return all;
}

/** A parent's child relationship names are unique: a later duplicate (from the catalogue) is dropped. */
function dropDuplicateChildNames(objects: ObjectDef[]): void {
  const seen = new Set<string>();
  for (const o of objects) {
    o.fields = o.fields.map((f) => {
      if (!f.childRelationshipName) return f;
      const keys = f.referenceTo.map((t) => `${t.toLowerCase()}.${f.childRelationshipName!.toLowerCase()}`);
      if (keys.some((k) => seen.has(k))) return { ...f, childRelationshipName: undefined };
      keys.forEach((k) => seen.add(k));
      return f;
    });
  }
}
