import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiRoutes } from '../routes';
import type { Services } from '../services';
import { openApiYaml } from './document';

/** `npm run openapi`: regenerates openapi.yaml from the route specs (handlers are not called). */
const target = path.resolve(__dirname, '../../../openapi.yaml');
writeFileSync(target, openApiYaml(apiRoutes({} as Services)));
process.stdout.write(`wrote ${target}\n`);
