/** The demo region: two municipalities, their departments, one staff user per role, residents. */
export const DEMO_PASSWORD = 'zemstvo-demo-2026';

export const demoRegion = { slug: 'demo-krai', nameRu: 'Демонстрационный край', nameEn: 'Demo Territory' };

export const demoMunicipalities = [
  {
    slug: 'zarechny',
    nameRu: 'Городской округ Заречный',
    nameEn: 'Zarechny Urban District',
    ftsConfig: 'russian',
  },
  {
    slug: 'sosnovka',
    nameRu: 'Сосновский муниципальный район',
    nameEn: 'Sosnovka Municipal District',
    ftsConfig: 'russian',
  },
] as const;

export const demoDepartments = [
  { code: 'OBSH', nameRu: 'Общий отдел (канцелярия)', nameEn: 'General Office (Registry)' },
  { code: 'ZHKH', nameRu: 'Управление ЖКХ', nameEn: 'Housing and Utilities' },
  { code: 'BLAG', nameRu: 'Отдел благоустройства', nameEn: 'Public Spaces and Landscaping' },
  { code: 'DOR', nameRu: 'Отдел дорожного хозяйства и транспорта', nameEn: 'Roads and Transport' },
  { code: 'SOC', nameRu: 'Отдел социальной политики', nameEn: 'Social Policy' },
  { code: 'ANL', nameRu: 'Аналитический отдел', nameEn: 'Analytics' },
] as const;

/** Roles of every demo municipality; permissions grow as modules arrive. */
export const demoRoles = [
  {
    key: 'admin',
    nameRu: 'Администратор муниципалитета',
    nameEn: 'Municipal administrator',
    // signal.submit, appeal.submit: the admin issues the API tokens of monitoring systems and intake
    // channels (a token never exceeds its owner).
    permissions: [
      'department.manage',
      'role.manage',
      'member.manage',
      'audit.view',
      'token.manage',
      'service.manage',
      'journal.manage',
      'signal.submit',
      'appeal.submit',
      'routing.train',
      'analytics.manage',
      'forecast.view',
    ],
    dept: 'OBSH',
  },
  {
    key: 'head',
    nameRu: 'Глава (руководитель)',
    nameEn: 'Head',
    permissions: [
      'member.view',
      'audit.view',
      'document.resolve',
      'document.sign',
      'appeal.status',
      'routing.view',
      'analytics.export',
      'forecast.scan',
    ],
    dept: 'OBSH',
  },
  {
    key: 'registrar',
    nameRu: 'Регистратор',
    nameEn: 'Registrar',
    permissions: ['member.view', 'document.register', 'document.dispatch', 'routing.view'],
    dept: 'OBSH',
  },
  {
    key: 'executor',
    nameRu: 'Исполнитель',
    nameEn: 'Executor',
    permissions: ['department.view', 'document.execute', 'appeal.status'],
    dept: 'ZHKH',
  },
  {
    key: 'approver',
    nameRu: 'Согласующий',
    nameEn: 'Approver',
    permissions: ['department.view', 'document.approve'],
    dept: 'BLAG',
  },
  // The analyst also keeps the CityScore targets (analytics.manage), as a performance office does.
  {
    key: 'analyst',
    nameRu: 'Аналитик',
    nameEn: 'Analyst',
    permissions: ['member.view', 'document.view', 'analytics.export', 'analytics.manage', 'forecast.scan'],
    dept: 'ANL',
  },
  {
    key: 'deputy',
    nameRu: 'Депутат (чтение)',
    nameEn: 'Deputy (read-only)',
    permissions: ['municipality.view', 'document.view', 'analytics.view'],
    dept: 'OBSH',
  },
] as const;

export const demoStaffNames: Record<string, string> = {
  admin: 'Анна Администраторова',
  head: 'Пётр Главный',
  registrar: 'Ольга Регистрова',
  executor: 'Иван Исполнителев',
  approver: 'Мария Согласова',
  analyst: 'Дмитрий Аналитиков',
  deputy: 'Сергей Депутатов',
};

/** Where each demo municipality is on the map (demo reports are placed around it). */
export const demoCenters: Record<(typeof demoMunicipalities)[number]['slug'], { lat: number; lon: number }> =
  {
    zarechny: { lat: 56.8106, lon: 61.3254 },
    sosnovka: { lat: 55.1676, lon: 61.2278 },
  };

/** Applied-service packages every demo municipality installs. */
export const demoServices = ['appeals-59fz', 'urban-reports'] as const;

export const demoResidents = [
  { email: 'resident@demo.zemstvo.ru', displayName: 'Елена Жителева' },
  { email: 'resident2@demo.zemstvo.ru', displayName: 'Николай Горожанин' },
];
export const demoOperator = { email: 'operator@demo.zemstvo.ru', displayName: 'Оператор платформы' };
export const demoRegional = { email: 'region@demo.zemstvo.ru', displayName: 'Куратор региона' };

export const staffEmail = (role: string, municipality: string) => `${role}@${municipality}.demo.zemstvo.ru`;
