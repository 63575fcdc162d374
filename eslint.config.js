import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.building/',
      'coverage/',
      'node_modules/',
      'bench/.work/',
      'demo-output/',
      'tmp/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The configure-aws-credentials baseline is CommonJS on purpose (as that action's bundle is).
    files: ['bench/fixtures/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  }
)
