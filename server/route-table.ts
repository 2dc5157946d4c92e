/**
 * Every registered route's pattern and methods, so the not-found handler can tell "no such
 * resource" (404 NOT_FOUND) from "resource exists, wrong method" (405 METHOD_NOT_ALLOWED), which
 * Fastify's router does not distinguish.
 */
import type { FastifyInstance } from 'fastify';

interface Pattern {
  re: RegExp;
  methods: Set<string>;
}

export class RouteTable {
  private readonly patterns = new Map<string, Pattern>();

  /** Record routes as they are added: call before registering any plugin. */
  attach(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let p = this.patterns.get(route.url);
      if (!p) {
        p = { re: toRegExp(route.url), methods: new Set() };
        this.patterns.set(route.url, p);
      }
      for (const m of methods) p.methods.add(m.toUpperCase());
    });
  }

  /** The methods allowed on `path` by any route, or undefined when no route matches it at all. */
  allowedMethods(path: string): string[] | undefined {
    const clean = path.split('?')[0]!.replace(/\/+$/, '') || '/';
    const out = new Set<string>();
    let matched = false;
    for (const p of this.patterns.values()) {
      if (p.re.test(clean)) {
        matched = true;
        for (const m of p.methods) out.add(m);
      }
    }
    if (!matched) return undefined;
    // Salesforce lists GET before HEAD (the reference's `Allowed are GET,HEAD`).
    const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    return order.filter((m) => out.has(m));
  }
}

function toRegExp(url: string): RegExp {
  const trimmed = url.replace(/\/+$/, '') || '/';
  const body = trimmed
    .split('/')
    .map((seg) => {
      if (seg === '*') return '.*';
      if (seg.startsWith(':')) return '[^/]+';
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${body}$`);
}
