// resources/subscribe for both servers, by polling. Neither upstream can push to a server on 127.0.0.1 (Notion's
// webhooks and Google's events.watch need a public HTTPS address), so each subscribed URI is read again every
// pollMs through the resource's own read code; when the read's fingerprint (a hash of its result) changes,
// notifications/resources/updated goes to the client over the session's GET stream. Bounded per session; every
// timer stops when the session closes. A failing poll is logged once (the tool-style message, never a secret) and
// tried again on the next interval.
import { createHash } from 'node:crypto';
import type { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { SdkKit } from './sdk-kit.js';

export const DEFAULT_SUBSCRIPTION_POLL_MS = 60_000;
export const DEFAULT_MAX_SUBSCRIPTIONS = 20;

export type ResourceRead = (uri: URL) => Promise<ReadResourceResult>;

/** A resource as registered with the SDK, for the poller to read it again: a fixed URI or a template. */
export type ResourceRoute =
  | { uri: string; read: (uri: URL) => Promise<ReadResourceResult> }
  | { template: ResourceTemplate; read: (uri: URL, variables: Variables) => Promise<ReadResourceResult> };

const readers = new WeakMap<McpServer, ResourceRead>();

/** What registerResource takes beside the name and the address: title, description, MIME type. */
type ResourceMetadata = Parameters<McpServer['registerResource']>[2];

/** A resource of one of our servers: registered with the SDK and readable again by the poller, from one entry. */
export type SubscribableResource = ResourceRoute & { name: string; metadata: ResourceMetadata };

/** Registers each resource with the SDK and makes them all subscribable (setResourceRoutes), so no list repeats. */
export function registerSubscribableResources(server: McpServer, resources: SubscribableResource[]): void {
  for (const resource of resources) {
    if ('uri' in resource) server.registerResource(resource.name, resource.uri, resource.metadata, (uri) => resource.read(uri));
    else server.registerResource(resource.name, resource.template, resource.metadata, (uri, variables) => resource.read(uri, variables));
  }
  setResourceRoutes(server, resources);
}

/** Makes a server's resources subscribable: the kit reads them through these routes (fixed URIs first). */
function setResourceRoutes(server: McpServer, routes: ResourceRoute[]): void {
  readers.set(server, async (uri) => {
    for (const route of routes) if ('uri' in route && route.uri === uri.href) return route.read(uri);
    for (const route of routes) {
      if (!('template' in route)) continue;
      const variables = route.template.uriTemplate.match(uri.href);
      if (variables) return route.read(uri, variables);
    }
    throw new UnknownResourceError(uri.href);
  });
}

class UnknownResourceError extends Error {
  constructor(uri: string) {
    super(`Resource ${uri} not found: subscribe to a URI from resources/list or a resource template.`);
  }
}

export interface SubscriptionOptions {
  pollMs: number;
  maxPerSession: number;
  /** Where a failing poll is reported (once until it reads again). */
  log: (line: string) => void;
}

export interface SessionSubscriptions {
  /** URIs subscribed to now. */
  readonly uris: () => string[];
  /** Stops every timer (the session closed). */
  stop(): void;
}

interface Subscription {
  timer: NodeJS.Timeout | undefined;
  fingerprint: string;
  failing: boolean;
}

function fingerprint(result: ReadResourceResult): string {
  return createHash('sha256').update(JSON.stringify(result.contents)).digest('hex');
}

/**
 * Declares resources.subscribe and answers resources/subscribe and /unsubscribe for one session's server (before
 * it is connected). Null when the server has no resource routes.
 */
export function enableResourceSubscriptions(
  kit: Pick<SdkKit, 'types'>,
  server: McpServer,
  options: SubscriptionOptions,
): SessionSubscriptions | null {
  const read = readers.get(server);
  if (read === undefined) return null;
  const { SubscribeRequestSchema, UnsubscribeRequestSchema, McpError, ErrorCode } = kit.types;
  const subscriptions = new Map<string, Subscription>();
  let stopped = false;

  const schedule = (uri: string, sub: Subscription): void => {
    sub.timer = setTimeout(() => void poll(uri, sub), options.pollMs);
    sub.timer.unref();
  };

  const poll = async (uri: string, sub: Subscription): Promise<void> => {
    try {
      const next = fingerprint(await read(new URL(uri)));
      if (sub.failing) options.log(`subscription ${uri}: reads again`);
      sub.failing = false;
      if (next !== sub.fingerprint && subscriptions.get(uri) === sub && !stopped) {
        sub.fingerprint = next;
        await server.server.sendResourceUpdated({ uri }).catch(() => {});
      }
    } catch (error) {
      if (!sub.failing) options.log(`subscription ${uri}: poll failed, retrying every ${options.pollMs / 1000} s: ${(error as Error).message}`);
      sub.failing = true;
    }
    if (subscriptions.get(uri) === sub && !stopped) schedule(uri, sub);
  };

  server.server.registerCapabilities({ resources: { subscribe: true } });
  server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    const { uri } = request.params;
    if (subscriptions.has(uri)) return {};
    if (subscriptions.size >= options.maxPerSession) {
      throw new McpError(
        ErrorCode.InvalidRequest,
        `At most ${options.maxPerSession} resource subscriptions per session: unsubscribe from one first.`,
      );
    }
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw new McpError(ErrorCode.InvalidParams, `"${uri}" is not a URI.`);
    }
    let first: ReadResourceResult;
    try {
      first = await read(url);
    } catch (error) {
      const code = error instanceof UnknownResourceError ? ErrorCode.InvalidParams : ErrorCode.InternalError;
      throw new McpError(code, `Cannot subscribe to ${uri}: ${(error as Error).message}`);
    }
    if (stopped || subscriptions.has(uri)) return {};
    const sub: Subscription = { timer: undefined, fingerprint: fingerprint(first), failing: false };
    subscriptions.set(uri, sub);
    schedule(uri, sub);
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
    const sub = subscriptions.get(request.params.uri);
    if (sub) clearTimeout(sub.timer);
    subscriptions.delete(request.params.uri);
    return {};
  });

  return {
    uris: () => [...subscriptions.keys()],
    stop() {
      stopped = true;
      for (const sub of subscriptions.values()) clearTimeout(sub.timer);
      subscriptions.clear();
    },
  };
}
