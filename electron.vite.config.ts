import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          // The Electron entry, the browser host (`npm run web`), and the job workers (src/main/workers).
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web.ts'),
          simJob: resolve(__dirname, 'src/main/workers/simJob.ts'),
          gradeJob: resolve(__dirname, 'src/main/workers/gradeJob.ts'),
          bulkGradeJob: resolve(__dirname, 'src/main/workers/bulkGradeJob.ts'),
          studioVerifyJob: resolve(__dirname, 'src/main/workers/studioVerifyJob.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    plugins: [react()],
  },
});
