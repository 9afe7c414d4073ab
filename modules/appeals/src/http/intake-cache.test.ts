import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instancesRepo } from '@zemstvo/catalog';
import { ManualClock } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, postAppeal } from '../test/factories.ts';

/**
 * Intake reads the service instance and the working calendar through per-process caches: a
 * change made through the platform applies to the very next intake, in that municipality only.
 */
describe('intake caches: the next intake sees a change', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let operator: TestSession;
  const clock = new ManualClock('2026-04-13T07:00:00Z'); // Monday

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    operator = await p.loginAs('operator@demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  /** Enables or disables a municipality's appeals-59fz through the catalog's write path. */
  const setEnabled = (slug: string, enabled: boolean) =>
    p.db.transaction(async (tx) => {
      const tenant = (await tenancyRepo.tenantBySlug(tx, slug))!;
      const instance = (await instancesRepo.bySlug(tx, tenant.municipalityId, 'appeals-59fz'))!;
      await instancesRepo.updateSettings(
        tx,
        tenant.municipalityId,
        instance.id,
        instance.settings,
        enabled,
        clock.now(),
      );
    });

  it('refuses a service disabled a moment ago, in that municipality only, and accepts it again once enabled', async () => {
    // Both municipalities' instances are cached by these intakes.
    expect((await postAppeal(p, 'zarechny', appealBody(), resident.headers)).statusCode).toBe(201);
    expect((await postAppeal(p, 'sosnovka', appealBody(), resident.headers)).statusCode).toBe(201);

    await setEnabled('sosnovka', false);
    const refused = await postAppeal(p, 'sosnovka', appealBody(), resident.headers);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('service_not_found');
    expect((await postAppeal(p, 'zarechny', appealBody(), resident.headers)).statusCode).toBe(201);

    await setEnabled('sosnovka', true);
    expect((await postAppeal(p, 'sosnovka', appealBody(), resident.headers)).statusCode).toBe(201);
  });

  it('does not keep what a rolled-back change read', async () => {
    await expect(
      p.db.transaction(async (tx) => {
        const tenant = (await tenancyRepo.tenantBySlug(tx, 'zarechny'))!;
        const instance = (await instancesRepo.bySlug(tx, tenant.municipalityId, 'appeals-59fz'))!;
        await instancesRepo.updateSettings(
          tx,
          tenant.municipalityId,
          instance.id,
          instance.settings,
          false,
          clock.now(),
        );
        // Read in the writing transaction: disabled here, but never kept for others.
        expect((await instancesRepo.bySlugCached(tx, tenant.municipalityId, 'appeals-59fz'))!.enabled).toBe(
          false,
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await postAppeal(p, 'zarechny', appealBody(), resident.headers)).statusCode).toBe(201);
  });

  it('computes the next registration deadline with a calendar override made a moment ago', async () => {
    const due = async () =>
      (await postAppeal(p, 'zarechny', appealBody(), resident.headers)).json().appeal.registrationDue;
    expect(await due()).toBe('2026-04-16'); // 3 days (59-FZ Art. 8 p.2), the calendar now cached
    const put = await p.app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-04-16',
      headers: operator.headers,
      payload: { kind: 'off', note: 'Региональный праздник' },
    });
    expect(put.statusCode).toBe(200);
    expect(await due()).toBe('2026-04-15'); // a day off at the end moves it to the working day before
    const del = await p.app.inject({
      method: 'DELETE',
      url: '/api/calendar/overrides/2026-04-16',
      headers: operator.headers,
    });
    expect(del.statusCode).toBe(204);
    expect(await due()).toBe('2026-04-16');
  });
});
