import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Lets schemas carry OpenAPI names and examples: `.openapi('Person')`.
extendZodWithOpenApi(z);

export { z };
