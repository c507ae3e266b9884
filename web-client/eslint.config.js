// ESLint flat config: `npm run lint` (eslint --max-warnings 0 .); formatting is Prettier's job (`npm run format`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { reactRefresh } from 'eslint-plugin-react-refresh';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // generated (src/api/schema.ts, from openapi.json) or written by the tools
  globalIgnores([
    'node_modules/',
    'dist/',
    'src/api/schema.ts',
    'e2e-results/',
    'test-results/',
    'playwright-report/',
    'target/',
  ]),

  js.configs.recommended,
  // type-aware: the two tsconfigs (app + unit tests; configs + e2e specs) give the rules their types
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // this file is in neither tsconfig
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },

  // the app and its unit tests run in the browser (jsdom); configs and e2e specs in Node
  { files: ['src/**', 'test/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite()],
  },

  // last: turns off the rules that would fight Prettier
  prettier,
);
