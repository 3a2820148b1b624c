import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

export type Match = { kind: 'found'; route: string; handler: Handler; params: Record<string, string> } | { kind: 'method_not_allowed'; route: string; allow: string[] } | { kind: 'not_found' };

/** A small method + path router: `/api/leads/:id` style patterns, HEAD served by GET routes. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const keys: string[] = [];
    const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, (_m, k: string) => {
      keys.push(k);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  match(method: string, path: string): Match {
    const want = method === 'HEAD' ? 'GET' : method;
    const allow: string[] = [];
    let route = '';
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      route = r.pattern;
      if (r.method !== want) {
        allow.push(r.method);
        continue;
      }
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1]!);
      });
      return { kind: 'found', route: r.pattern, handler: r.handler, params };
    }
    return allow.length ? { kind: 'method_not_allowed', route, allow } : { kind: 'not_found' };
  }
}
