export * from './errors';
export * from './auth';
export * from './directory';
export * from './routes';
