/** A real HTTP client for tests against a running `zemstvo start` (cookie session + CSRF token). */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

export const DEMO_ADMIN = 'admin@zarechny.demo.zemstvo.ru';

export async function login(
  baseUrl: string,
  email: string,
  password = 'zemstvo-demo-2026',
): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('zs_session='));
  if (!setCookie) throw new Error('login set no session cookie');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0]!, csrfToken: body.csrfToken };
}

export async function call(
  baseUrl: string,
  session: HttpSession,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
