// Lets a child process run the TypeScript sources as they are (node -r ./test/support/ts-register.cjs
// src/server.ts), compiled on load by @swc/core as jest does: the crash test kills real processes.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
