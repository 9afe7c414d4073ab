import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { ServiceCategory, ServiceDetail, ServiceInstance } from '../api/catalog.ts';
import type { Items } from '../api/types.ts';

/**
 * Every category of the services installed in a municipality (for filters); empty until loaded.
 * `publicOnly`: only the services whose reports are public (the public map).
 */
export function useCategories(municipality: string, publicOnly = false): ServiceCategory[] {
  const [categories, setCategories] = useState<ServiceCategory[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    const base = `/api/m/${encodeURIComponent(municipality)}/services`;
    api
      .get<Items<ServiceInstance>>(base, ctrl.signal)
      .then((list) =>
        Promise.all(
          list.items.map((s) => api.get<ServiceDetail>(`${base}/${encodeURIComponent(s.slug)}`, ctrl.signal)),
        ),
      )
      .then((details) => {
        const seen = new Map<string, ServiceCategory>();
        for (const d of details.filter((x) => !publicOnly || x.publicVisibility.publicByDefault))
          for (const c of d.categories) if (!seen.has(c.code)) seen.set(c.code, c);
        setCategories([...seen.values()]);
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [municipality, publicOnly]);
  return categories;
}
