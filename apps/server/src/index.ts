export * from './config.ts';
export * from './platform.ts';
export { modules, migrationSources } from './modules.ts';
export { seedDemo, demoLogins } from './seed/demo.ts';
export { DEMO_PASSWORD } from './seed/demo-data.ts';
export { FILE_COLUMNS, referencedFileKeys, type FileColumn } from './files/file-references.ts';
export * from './files/sweep-files.ts';
export { FILE_SWEEP_JOB, scheduleFileSweep, auditFileSweep } from './files/sweep-job.ts';
export { openFileStorage, describeFileStorage } from './files/file-storage.ts';
