/** Placeholder so buildApp can register it; the SOSL helper owns this file and replaces it. */
import type { FastifyInstance } from 'fastify';

export async function searchRoutes(_app: FastifyInstance): Promise<void> {}
