import { describe, expect, it } from 'vitest';
import { ServiceRegistry } from '@zemstvo/catalog';
import { servicePackages } from '@zemstvo/services';
import { categoryLabel, departmentCodeFor, type InstalledService } from './service-groups.ts';

const registry = new ServiceRegistry(servicePackages);
const installed = (slug: string): InstalledService => ({
  slug,
  name: { ru: slug, en: slug },
  pkg: registry.get(slug),
});

describe('the department responsible for a whole category', () => {
  it('is the package’s rule for the category, else its catch-all', () => {
    expect(departmentCodeFor(installed('urban-reports'), 'roads')).toBe('DOR');
    expect(departmentCodeFor(installed('urban-reports'), 'building')).toBe('ZHKH');
    expect(departmentCodeFor(installed('urban-reports'), 'landscaping')).toBe('BLAG');
    expect(departmentCodeFor(installed('appeals-59fz'), 'housing')).toBe('ZHKH');
    // Economy is routed by theme only (roads, transport, landscaping): the category as a whole
    // goes where an appeal of it without a theme would go, the catch-all.
    expect(departmentCodeFor(installed('appeals-59fz'), 'economy')).toBe('OBSH');
  });

  it('is unknown without the package, and labels fall back to the code', () => {
    const gone: InstalledService = { slug: 'old', name: { ru: 'old', en: 'old' }, pkg: undefined };
    expect(departmentCodeFor(gone, 'roads')).toBeNull();
    expect(categoryLabel(gone, 'roads')).toEqual({ ru: 'roads', en: 'roads' });
    expect(categoryLabel(installed('urban-reports'), 'roads').en).toBe('Roads and street infrastructure');
  });
});
