/**
 * What the activity stage reads back from the rows the earlier stages wrote: people's names, the
 * product an opportunity is about, and stored datetimes as epoch ms.
 */
import type Database from 'better-sqlite3';
import { DAY, HOUR } from '../../time.ts';

/** A stored datetime (`…Z` or `…+0000`) or date to epoch ms. */
export function storedMs(v: string): number {
  return Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

export class OrgNames {
  private readonly user: Database.Statement;
  private readonly lead: Database.Statement;
  private readonly contact: Database.Statement;
  private readonly account: Database.Statement;
  private readonly product: Database.Statement;

  constructor(db: Database.Database) {
    this.user = db.prepare(`SELECT "FirstName" AS f, "LastName" AS l FROM "User" WHERE "Id" = ?`);
    this.lead = db.prepare(`SELECT "FirstName" AS f, "LastName" AS l, "Company" AS c FROM "Lead" WHERE "Id" = ?`);
    this.contact = db.prepare(`SELECT "FirstName" AS f, "LastName" AS l FROM "Contact" WHERE "Id" = ?`);
    this.account = db.prepare(`SELECT "Name" AS n, "FirstName" AS f FROM "Account" WHERE "Id" = ?`);
    this.product = db.prepare(`SELECT "Name" AS n FROM "Product2" WHERE "Id" = ?`);
  }

  userName(id: string): string {
    const r = this.user.get(id) as { f: string | null; l: string | null } | undefined;
    return r ? [r.f, r.l].filter(Boolean).join(' ') : 'your account executive';
  }

  /** The first name the agent greets a lead with, and the lead's company (B2B). */
  leadPerson(id: string): { first: string; company: string | null } {
    const r = this.lead.get(id) as { f: string | null; l: string | null; c: string | null } | undefined;
    return { first: r?.f ?? r?.l ?? 'there', company: r?.c ?? null };
  }

  /** The person on an opportunity (its contact, or the person account in B2C) and the account's name. */
  opportunityPeople(accountId: string, contactId: string | null): { first: string; full: string; account: string } {
    const a = this.account.get(accountId) as { n: string | null; f: string | null } | undefined;
    const c = contactId ? (this.contact.get(contactId) as { f: string | null; l: string | null } | undefined) : undefined;
    const full = c && (c.f || c.l) ? [c.f, c.l].filter(Boolean).join(' ') : (a?.n ?? 'the customer');
    const first = c?.f ?? a?.f ?? full.split(' ')[0]!;
    return { first, full, account: a?.n ?? full };
  }

  productName(id: string | undefined): string | undefined {
    if (!id) return undefined;
    return (this.product.get(id) as { n: string } | undefined)?.n;
  }
}

/** A business-hours instant on the day of `ms` (9:00–16:59 UTC). */
export function businessHour(dayMs: number, minuteOfDay: number): number {
  return Math.floor(dayMs / DAY) * DAY + 9 * HOUR + (minuteOfDay % (8 * 60)) * 60_000;
}
