import type { Locale } from '@zemstvo/kernel';

export interface MailContent {
  subject: string;
  text: string;
}

/** The password-reset letter, in the recipient's language. */
export function passwordResetMail(
  locale: Locale,
  p: { displayName: string; link: string; validMinutes: number },
): MailContent {
  if (locale === 'en')
    return {
      subject: 'Zemstvo: reset your password',
      text: [
        `Hello, ${p.displayName}!`,
        '',
        'Someone (probably you) asked to reset the password of your Zemstvo account.',
        'To choose a new password, open this link:',
        p.link,
        '',
        `The link works once and for ${p.validMinutes} minutes. All your open sessions end when the password changes.`,
        'If you did not ask for this, ignore this letter: your password stays the same.',
      ].join('\n'),
    };
  return {
    subject: 'Земство: восстановление пароля',
    text: [
      `Здравствуйте, ${p.displayName}!`,
      '',
      'Кто-то (вероятно, вы) запросил восстановление пароля от вашей учётной записи в «Земстве».',
      'Чтобы задать новый пароль, откройте ссылку:',
      p.link,
      '',
      `Ссылка действует ${p.validMinutes} минут и только один раз. После смены пароля все открытые сеансы завершатся.`,
      'Если вы не запрашивали восстановление, просто проигнорируйте это письмо: пароль останется прежним.',
    ].join('\n'),
  };
}
