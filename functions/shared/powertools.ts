import { Logger } from '@aws-lambda-powertools/logger';

/** One logger for every function (service name, sampling and level come from env). */
export const logger = new Logger({ serviceName: 'aduan' });
