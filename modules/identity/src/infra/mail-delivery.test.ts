import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfiguredTestPlatform, type ConfiguredTestPlatform } from '../test/configured-platform.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP catcher on 127.0.0.1 (no TLS, no auth) that keeps what it receives. */
async function startSmtpCatcher(
  port = 0,
): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

/** The header and the text of a single-part message as nodemailer encodes it (RFC 2047, QP or base64). */
function decode(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );
  const body = rest.join('\r\n\r\n');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? qp(body)
        : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

function qp(s: string): string {
  const bytes: number[] = [];
  const clean = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(clean[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('mail delivery by SMTP (mail.send job)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let p: ConfiguredTestPlatform;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    p = await createConfiguredTestPlatform({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Земство <no-reply@zemstvo.test>',
      PUBLIC_URL: 'https://zemstvo.example.org',
    });
  });
  afterAll(async () => {
    await p?.close();
    smtp?.server.close();
  });

  const requestReset = (email: string) =>
    p.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
  const outboxRow = (to: string) =>
    p.db.query<{ sent_at: Date | null; attempts: number }>(
      'SELECT sent_at, attempts FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
      [to],
    );

  it('delivers the reset letter to the SMTP server and marks it sent', async () => {
    // The demo data schedules jobs of its own (reminders and their mail): run them first.
    await p.worker.drain();
    smtp.received.length = 0;
    expect((await requestReset('resident@demo.zemstvo.ru')).statusCode).toBe(202);
    expect(smtp.received).toHaveLength(0); // nothing leaves before the job runs
    expect(await p.worker.drain()).toBe(1);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('no-reply@zemstvo.test');
    expect(mail.to).toEqual(['resident@demo.zemstvo.ru']);
    const { subject, text } = decode(mail.raw);
    expect(subject).toBe('Земство: восстановление пароля');
    expect(text).toMatch(/^https:\/\/zemstvo\.example\.org\/reset-password\?token=[A-Za-z0-9_-]{43}$/m);
    expect(text).toContain('Здравствуйте, Елена Жителева!');

    const [row] = await outboxRow('resident@demo.zemstvo.ru');
    expect(row!.sent_at).toEqual(p.clock.now());
    expect(row!.attempts).toBe(1);
    // Running the worker again sends nothing twice.
    expect(await p.worker.drain()).toBe(0);
    expect(smtp.received).toHaveLength(1);

    // The link in the letter works.
    const token = /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    const confirm = await p.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'password from the letter' },
    });
    expect(confirm.statusCode).toBe(204);
  });

  it('retries later when the SMTP server is down, and delivers once it is back', async () => {
    smtp.server.close();
    await once(smtp.server.server, 'close');
    expect((await requestReset('resident2@demo.zemstvo.ru')).statusCode).toBe(202);
    expect(await p.worker.drain()).toBe(1);
    const [job] = await p.db.query<{
      attempts: number;
      last_error: string | null;
      done_at: Date | null;
      run_at: Date;
    }>(
      `SELECT attempts, last_error, done_at, run_at FROM jobs WHERE kind = 'mail.send' ORDER BY id DESC LIMIT 1`,
    );
    expect(job!.attempts).toBe(1);
    expect(job!.done_at).toBeNull();
    expect(job!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(job!.run_at.getTime()).toBeGreaterThan(p.clock.now().getTime());
    expect((await outboxRow('resident2@demo.zemstvo.ru'))[0]!.sent_at).toBeNull();

    // Before the back-off has passed nothing is retried.
    expect(await p.worker.drain()).toBe(0);
    // The server comes back on the same port; after the back-off the job delivers.
    smtp = await startSmtpCatcher(smtp.port);
    p.clock.advance(60_000);
    expect(await p.worker.drain()).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([['resident2@demo.zemstvo.ru']]);
    expect(decode(smtp.received[0]!.raw).subject).toBe('Земство: восстановление пароля');
    const [row] = await outboxRow('resident2@demo.zemstvo.ru');
    expect(row!.sent_at).not.toBeNull();
  });
});

describe('the development outbox in production', () => {
  it('does not exist', async () => {
    const p = await createConfiguredTestPlatform({ NODE_ENV: 'production' });
    try {
      const operator = await p.loginAs('operator@demo.zemstvo.ru');
      const res = await p.app.inject({ url: '/api/dev/outbox', headers: operator.headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('route_not_found');
    } finally {
      await p.close();
    }
  });
});
