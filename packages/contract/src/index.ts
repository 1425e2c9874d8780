export * from './common.ts';
export * from './auth.ts';
export * from './groups.ts';
export * from './api-keys.ts';
export * from './catalog.ts';
export * from './activities.ts';
export * from './lifecycle.ts';
export * from './verification.ts';
