/**
 * Pro's named_entity_disambiguation: the original task (src/tasks/generators/named-entity.ts, same
 * truth) with one more ambiguity filter that Pro's catalogs need. Their product descriptions share the
 * customer's words ("... part of our circuit design suites portfolio ... a SPICE-compatible simulation
 * engine" for a layout editor, when the customer asks for "the circuit simulator"), and the org's
 * search matches word roots (porter stems) in more fields than the name. So an instance is kept only
 * when no other product bought that day shares a word root (first five letters) of the description
 * in its name or description; a None instance, only when no product that day does.
 */
import { readPurchaseDay, readDescription } from '../../../oracle/solvers/named-entity.ts';
import { GENERATORS } from '../../generators/index.ts';
import { accountOfContact, purchasesBetween } from '../../truth/purchases.ts';
import type { ProTaskGenerator } from '../context.ts';
import type { ProCandidate } from '../types.ts';
import { fromOriginal } from './from-original.ts';

const STOP = new Set(['the', 'a', 'an', 'my', 'of', 'and', 'with', 'for', 'that']);

function roots(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

const base = fromOriginal('named_entity_disambiguation', GENERATORS.named_entity_disambiguation, 0.2);

export const proNamedEntity: ProTaskGenerator = {
  ...base,
  draw(ctx, wantNone): ProCandidate | undefined {
    const c = base.draw(ctx, wantNone);
    if (!c) return undefined;
    const contactId = /Contact Id interacting: (\S+)/.exec(c.required)?.[1];
    const today = /Today's date: (\d{4}-\d{2}-\d{2})/.exec(c.required)?.[1];
    const account = contactId ? accountOfContact(ctx.db, contactId) : undefined;
    if (!today || !account) return undefined;
    let day: string;
    let phrase: string;
    try {
      // The question read back as an agent reads it: the day "ago" points at and the customer's words.
      day = readPurchaseDay(c.query, today);
      phrase = readDescription(c.query);
    } catch {
      return undefined;
    }
    const words = roots(phrase);
    const loose = purchasesBetween(ctx.db, account, day, day).filter((p) => [...roots(`${p.name} ${p.description ?? ''}`)].some((w) => words.has(w)));
    const others = loose.filter((p) => p.productId !== c.answer?.[0]);
    return others.length === 0 ? c : undefined;
  },
};
