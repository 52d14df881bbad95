import type { APIRoute } from 'astro';
import { json, loadShards } from './_shards';

export const GET: APIRoute = async () => json((await loadShards()).manifest);
