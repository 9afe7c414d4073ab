import nodemailer from 'nodemailer';
import type { Mailer } from '../application/deliver-mail.ts';

/**
 * Delivers mail through the SMTP server in `smtpUrl` (smtp://user:pass@host:587, smtps://… for
 * implicit TLS; STARTTLS is used whenever the server offers it). Short timeouts: delivery runs in
 * a job's transaction, so a dead server must fail fast and let the job retry later.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
