import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_ROUTES } from '../routes';
import { openApiYaml } from './document';

/** `npm run openapi`: regenerates openapi.yaml from the route specs (handlers are not called). */
const target = path.resolve(__dirname, '../../../openapi.yaml');
writeFileSync(target, openApiYaml(API_ROUTES));
process.stdout.write(`wrote ${target}\n`);
