import { describe, expect, it } from 'vitest';
import { displayNameOf, repoNameOf, serviceIdOf } from '../../src/lib/import/repo-name.ts';

describe('repository names', () => {
  it('takes a checkout folder, a bare repository and a bundle to the same name', () => {
    expect(repoNameOf('/docs/elastic-volume-service')).toBe('elastic-volume-service');
    expect(repoNameOf('/docs/elastic-volume-service/')).toBe('elastic-volume-service');
    expect(repoNameOf('/docs/elastic-volume-service.git')).toBe('elastic-volume-service');
    expect(repoNameOf('/docs/elastic-volume-service.bundle')).toBe('elastic-volume-service');
  });

  it('lower-cases the name into a service id', () => {
    expect(serviceIdOf('/docs/EVS.bundle')).toBe('evs');
    expect(serviceIdOf('/docs/Virtual-Private-Cloud.git')).toBe('virtual-private-cloud');
  });

  it('makes a display name of capitalised words', () => {
    expect(displayNameOf('elastic-volume-service')).toBe('Elastic Volume Service');
    expect(displayNameOf('image_management_service')).toBe('Image Management Service');
    expect(displayNameOf('evs')).toBe('Evs');
  });
});
