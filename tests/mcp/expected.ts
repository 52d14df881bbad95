import { SITE_URL } from '../../src/lib/core/urls.ts';

/** explain_error's Markdown for `Ecs.0010 Private IP address 192.168.0.12 is already in use.`, in and out of process. */
export const ECS_0010_FILLED = [
  '## Ecs.0010 (ECS: Elastic Cloud Server)',
  '',
  '- HTTP status: 400 Bad Request',
  '- Message: Private IP address **192.168.0.12** is already in use.',
  '- Description: The private IP address is already in use.',
  '- Solution: Change the port.',
  `- Page: ${SITE_URL}/ecs/ecs-0010/`,
  '',
].join('\n');
