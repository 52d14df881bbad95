import type { APIRoute } from 'astro';
import { json, loadShards } from '../_shards';

export async function getStaticPaths() {
  const { codes } = await loadShards();
  return [...codes].map(([key, records]) => ({ params: { key }, props: { records } }));
}

export const GET: APIRoute = ({ props }) => json(props.records);
