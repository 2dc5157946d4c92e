/** Placeholder so buildApp can register it; the sobjects helper owns this file and replaces it. */
import type { FastifyInstance } from 'fastify';

export async function limitsRoutes(_app: FastifyInstance): Promise<void> {}
