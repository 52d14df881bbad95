import type { APIRoute } from 'astro';
import { json, loadShards } from '../_shards';

export async function getStaticPaths() {
  const { words } = await loadShards();
  return words.map((records, i) => ({ params: { shard: String(i) }, props: { records } }));
}

export const GET: APIRoute = ({ props }) => json(props.records);
