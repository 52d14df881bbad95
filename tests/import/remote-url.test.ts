import { describe, expect, it } from 'vitest';
import { githubRepositoryUrl } from '../../src/lib/import/remote-url.ts';

const ECS = 'https://github.com/opentelekomcloud-docs/elastic-cloud-server';

describe('githubRepositoryUrl', () => {
  it.each([
    'git@github.com:opentelekomcloud-docs/elastic-cloud-server.git',
    'git@github.com:opentelekomcloud-docs/elastic-cloud-server',
    'github.com:opentelekomcloud-docs/elastic-cloud-server.git',
    'ssh://git@github.com/opentelekomcloud-docs/elastic-cloud-server.git',
    'ssh://git@github.com:22/opentelekomcloud-docs/elastic-cloud-server.git',
    'git://github.com/opentelekomcloud-docs/elastic-cloud-server.git',
    'https://github.com/opentelekomcloud-docs/elastic-cloud-server.git',
    'https://github.com/opentelekomcloud-docs/elastic-cloud-server',
    'https://github.com/opentelekomcloud-docs/elastic-cloud-server/',
    'http://www.github.com/opentelekomcloud-docs/elastic-cloud-server.git',
    'HTTPS://GitHub.com/opentelekomcloud-docs/elastic-cloud-server.git',
    '  https://github.com/opentelekomcloud-docs/elastic-cloud-server.git\n',
  ])('reads %j as the repository’s https URL', (remote) => {
    expect(githubRepositoryUrl(remote)).toBe(ECS);
  });

  it('drops credentials a remote carries, never keeping them', () => {
    expect(githubRepositoryUrl('https://someone:ghp_secret@github.com/o/docs.git')).toBe('https://github.com/o/docs');
    expect(githubRepositoryUrl('https://x-access-token:ghs_secret@github.com/o/docs')).toBe(
      'https://github.com/o/docs',
    );
  });

  it('keeps dots, underscores and case in the names', () => {
    expect(githubRepositoryUrl('git@github.com:Open-Telekom/docs_v2.site.git')).toBe(
      'https://github.com/Open-Telekom/docs_v2.site',
    );
  });

  it.each([
    'https://gitlab.com/opentelekomcloud-docs/elastic-cloud-server.git',
    'git@gitlab.com:opentelekomcloud-docs/elastic-cloud-server.git',
    'https://github.com.evil.example/o/r.git',
    'https://evil.example/github.com/o/r.git',
    'https://github.com/o/r/tree/main',
    'https://github.com/o',
    'https://github.com/-o/r',
    'https://github.com/o/r%2F..',
    'evs.bundle',
    '../docs/elastic-volume-service',
    'file:///srv/git/docs.git',
    '',
  ])('gives no repository for %j', (remote) => {
    expect(githubRepositoryUrl(remote)).toBeUndefined();
  });
});
